import type { z } from 'zod';
import type { CallSpec, EventSpec } from './define';
import { appCalls } from './app';
import { connectionCalls, connectionEvents } from './connection';
import { clusterCalls } from './cluster';
import { topicCalls } from './topics';
import { profileCalls, profileEvents } from './profiles';
import { produceCalls, produceEvents } from './produce';
import { messageCalls, messageEvents, messageFileCalls, messageStreamCalls } from './messages';
import { groupCalls, groupEvents } from './groups';
import { aclCalls } from './acls';
import { brokerCalls } from './brokers';
import { schemaCalls } from './schemas';
import { settingsCalls } from './settings';
import { copyCalls, copyEvents } from './copy';
import { connectCalls } from './connect';
import { maskingCalls } from './masking';
import { reassignmentCalls } from './reassignment';
import { electionCalls } from './election';
import { quotaCalls } from './quotas';
import { scramCalls } from './scram';
import { transactionCalls } from './transactions';

/**
 * The one contract between renderer and main: every call (name → request schema → response)
 * and every pushed event. Each feature keeps its part in its own file.
 */
export const calls = {
  ...appCalls,
  ...connectionCalls,
  ...clusterCalls,
  ...topicCalls,
  ...profileCalls,
  ...produceCalls,
  ...messageCalls,
  ...messageStreamCalls,
  ...messageFileCalls,
  ...groupCalls,
  ...aclCalls,
  ...brokerCalls,
  ...schemaCalls,
  ...settingsCalls,
  ...copyCalls,
  ...connectCalls,
  ...maskingCalls,
  ...reassignmentCalls,
  ...electionCalls,
  ...quotaCalls,
  ...scramCalls,
  ...transactionCalls,
} satisfies Record<string, CallSpec>;

export const events = {
  ...connectionEvents,
  ...profileEvents,
  ...produceEvents,
  ...messageEvents,
  ...copyEvents,
  ...groupEvents,
} satisfies Record<string, EventSpec>;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type EventName = keyof typeof events;

/** What the renderer sends (defaults not yet applied). */
export type RequestOf<K extends CallName> = z.input<Calls[K]['request']>;
/** What a handler in main receives (validated, defaults applied). */
export type ParsedRequestOf<K extends CallName> = z.output<Calls[K]['request']>;
export type ResponseOf<K extends CallName> = Calls[K] extends CallSpec<z.ZodType, infer R> ? R : never;
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never;

export const callNames = Object.keys(calls) as CallName[];
export const eventNames = Object.keys(events) as EventName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

export * from './app';
export * from './common';
export * from './connection';
export * from './route';
export * from './cluster';
export * from './topics';
export * from './profiles';
export * from './produce';
export * from './messages';
export * from './message-wire';
export * from './groups';
export * from './acls';
export * from './brokers';
export * from './configs';
export * from './schemas';
export * from './settings';
export * from './copy';
export * from './connect';
export * from './masking';
export * from './reassignment';
export * from './election';
export * from './quotas';
export * from './scram';
export * from './transactions';
