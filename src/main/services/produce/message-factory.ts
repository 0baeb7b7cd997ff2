import { partitionForKey } from '../../../shared/produce/murmur2';
import { compileTemplate, TemplateError, type CompiledTemplate } from '../../../shared/produce/template';
import type { MessageDraft, Payload } from '../../../shared/api';
import { jsonStable } from '../../../shared/produce/json-stable';
import type { OutgoingRecord } from '../../kafka/ports/producer';

type BytesOf = (seq: number) => Buffer | null;

/** Turns a payload into a per-message byte producer; templates only apply to text and JSON. */
export function payloadEncoder(payload: Payload, what: string): BytesOf {
  if (payload === null) return () => null;
  switch (payload.format) {
    case 'hex': {
      const clean = payload.text.replace(/\s+/g, '');
      if (!/^([0-9a-fA-F]{2})*$/.test(clean)) throw new TemplateError(`${what}: not valid hex (pairs of 0-9, a-f)`);
      const bytes = Buffer.from(clean, 'hex');
      return () => bytes;
    }
    case 'base64': {
      const clean = payload.text.replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(clean) || clean.length % 4 === 1) throw new TemplateError(`${what}: not valid base64`);
      const bytes = Buffer.from(clean, 'base64');
      return () => bytes;
    }
    case 'text':
    case 'json': {
      const template = compileTemplate(payload.text);
      const json = payload.format === 'json';
      if (!template.dynamic) {
        if (json) assertJson(payload.text, what);
        const bytes = Buffer.from(payload.text, 'utf8');
        return () => bytes;
      }
      // Most JSON templates are valid for every message once they are for one (json-stable.ts):
      // check the first, and parse each message only where a placeholder could break it.
      const checkEach = json && !jsonStable(template);
      if (json && !checkEach) assertJson(template.render({ seq: 1 }), what);
      return (seq) => {
        const text = template.render({ seq });
        if (checkEach) assertJson(text, what);
        return Buffer.from(text, 'utf8');
      };
    }
  }
}

function assertJson(text: string, what: string): void {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new TemplateError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Compiles a draft once and builds record number `seq` (1-based) of a send or burst, with
 * the partition Kafka's default partitioner would choose (round-robin for null keys).
 */
export function messageFactory(draft: MessageDraft, partitionCount: number): (seq: number) => OutgoingRecord {
  const key = payloadEncoder(draft.key, 'key');
  const value = payloadEncoder(draft.value, 'value');
  const headers: { key: string; template: CompiledTemplate }[] = draft.headers.map((h) => ({ key: h.key, template: compileTemplate(h.value) }));
  if (draft.partition !== null && draft.partition >= partitionCount) {
    throw new TemplateError(`partition ${draft.partition} does not exist: the topic has ${partitionCount} (0–${partitionCount - 1})`);
  }
  let roundRobin = Math.floor(Math.random() * partitionCount);
  return (seq) => {
    const k = key(seq);
    const partition = draft.partition ?? (k !== null ? partitionForKey(k, partitionCount) : roundRobin++ % partitionCount);
    return {
      key: k,
      value: value(seq),
      headers: headers.map((h) => ({ key: h.key, value: Buffer.from(h.template.render({ seq }), 'utf8') })),
      partition,
      timestamp: draft.timestamp ?? Date.now(),
    };
  };
}
