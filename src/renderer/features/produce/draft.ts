import type { MessageDraftInput, Payload, PayloadFormat, SchemaChoice } from '../../../shared/api';
import { partitionForKey } from '../../../shared/produce/murmur2';
import { compileTemplate, templateProblem } from '../../../shared/produce/template';
import { isChosen } from '../../../shared/schemas/schema-choice';
import { fromDateInput, toDateInput } from '../../lib/date-format';
import { currentDateOptions } from '../../state/settings-store';

/** The form's editable state of one payload: a format, or null for a null key / tombstone. */
export interface PayloadState {
  format: PayloadFormat | 'schema' | 'null';
  text: string;
  /** The schema chosen for the Schema format (kept while another format is tried). */
  schema?: SchemaChoice;
}

export interface DraftState {
  key: PayloadState;
  value: PayloadState;
  headers: { key: string; value: string }[];
  /** 'auto' or a partition number as text. */
  partition: string;
  /** '' for now, or a date and time as typed ("2026-12-02 14:03:05", in the app's time zone). */
  timestamp: string;
}

export const emptyDraft = (): DraftState => ({
  key: { format: 'text', text: '' },
  value: { format: 'json', text: '{\n  \n}' },
  headers: [],
  partition: 'auto',
  timestamp: '',
});

export function toPayload(p: PayloadState): Payload {
  if (p.format === 'null') return null;
  if (p.format === 'schema') return { format: 'schema', text: p.text, schema: p.schema ?? { subject: '', version: 'latest' } };
  return { format: p.format, text: p.text };
}

export function fromPayload(p: MessageDraftInput['key']): PayloadState {
  if (p === null) return { format: 'null', text: '' };
  if (p.format === 'schema') return { format: 'schema', text: p.text, schema: 'local' in p.schema ? { local: p.schema.local } : { ...p.schema, version: p.schema.version ?? 'latest' } };
  return { format: p.format, text: p.text };
}

export function toMessageDraft(d: DraftState): MessageDraftInput {
  return {
    key: toPayload(d.key),
    value: toPayload(d.value),
    headers: d.headers.filter((h) => h.key.trim() !== ''),
    partition: d.partition === 'auto' ? null : Number(d.partition),
    timestamp: d.timestamp ? fromDateInput(d.timestamp, currentDateOptions().timeZone) : null,
  };
}

export function fromMessageDraft(m: MessageDraftInput): DraftState {
  return {
    key: fromPayload(m.key),
    value: fromPayload(m.value),
    headers: m.headers ?? [],
    partition: m.partition === null || m.partition === undefined ? 'auto' : String(m.partition),
    timestamp: m.timestamp ? toDateInput(m.timestamp, currentDateOptions().timeZone) : '',
  };
}

/** What is wrong with a payload as typed, or null. Mirrors main's checks so the user sees them first. */
export function payloadProblem(p: PayloadState, what: string): string | null {
  switch (p.format) {
    case 'null':
      return null;
    case 'hex':
      return /^([0-9a-fA-F]{2})*$/.test(p.text.replace(/\s+/g, '')) ? null : `${what}: not valid hex (pairs of 0-9, a-f)`;
    case 'base64':
      return /^[A-Za-z0-9+/_-]*={0,2}$/.test(p.text.replace(/\s+/g, '')) ? null : `${what}: not valid base64`;
    case 'text':
      return templateProblem(p.text);
    case 'schema':
      // Whether it fits the schema is checked in main as you type (use-schema-check.ts).
      return isChosen(p.schema) ? templateProblem(p.text) : `${what}: choose a schema`;
    case 'json': {
      const problem = templateProblem(p.text);
      if (problem) return problem;
      try {
        JSON.parse(compileTemplate(p.text).render({ seq: 1 }));
        return null;
      } catch (error) {
        return `${what} is not valid JSON: ${(error as Error).message}`;
      }
    }
  }
}

/** The bytes of a payload without placeholders, for predicting the partition; null when unknown in advance. */
function fixedBytes(p: PayloadState): Uint8Array | null {
  if (p.format === 'null') return null;
  if (p.format === 'hex') return Uint8Array.from((p.text.replace(/\s+/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)));
  if (p.format === 'schema') return null;
  if (p.format === 'base64') return Uint8Array.from(atob(p.text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
  return compileTemplate(p.text).dynamic ? null : new TextEncoder().encode(p.text);
}

/** Where the message will go, in words, before it is sent. */
export function partitionPrediction(d: DraftState, partitionCount: number | undefined): string {
  if (d.partition !== 'auto') return `partition ${d.partition} (chosen)`;
  if (!partitionCount) return '';
  if (d.key.format === 'null') return 'null key: spread round-robin over the partitions';
  if (d.key.format === 'schema') return "by the key's schema-encoded bytes (murmur2), known once encoded";
  if (payloadProblem(d.key, 'key')) return '';
  try {
    const bytes = fixedBytes(d.key);
    if (!bytes) return "by each message's key (murmur2), which varies with the placeholders";
    return `→ partition ${partitionForKey(bytes, partitionCount)} of ${partitionCount} (murmur2 of the key, as Java and librdkafka)`;
  } catch {
    return '';
  }
}
