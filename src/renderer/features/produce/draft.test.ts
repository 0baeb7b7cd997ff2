import { describe, expect, it } from 'vitest';
import { emptyDraft, fromMessageDraft, partitionPrediction, payloadProblem, toMessageDraft } from './draft';

describe('produce form draft', () => {
  it('round-trips through the contract shape', () => {
    const d = { ...emptyDraft(), key: { format: 'null' as const, text: '' }, headers: [{ key: 'a', value: '1' }, { key: ' ', value: 'dropped' }], partition: '2' };
    const m = toMessageDraft(d);
    expect(m).toMatchObject({ key: null, partition: 2, headers: [{ key: 'a', value: '1' }], timestamp: null });
    expect(fromMessageDraft(m).partition).toBe('2');
  });

  it('keeps a registry subject or a local type through the contract shape, and asks for one until chosen', () => {
    const local = { ...emptyDraft(), value: { format: 'schema' as const, text: '{}', schema: { local: 'web.Visit' } } };
    expect(toMessageDraft(local).value).toEqual({ format: 'schema', text: '{}', schema: { local: 'web.Visit' } });
    expect(fromMessageDraft(toMessageDraft(local)).value.schema).toEqual({ local: 'web.Visit' });
    expect(fromMessageDraft({ key: null, value: { format: 'schema', text: '{}', schema: { subject: 'orders-value' } } }).value.schema).toEqual({ subject: 'orders-value', version: 'latest' });
    expect(payloadProblem({ format: 'schema', text: '{}' }, 'value')).toBe('value: choose a schema');
    expect(payloadProblem({ format: 'schema', text: '{}', schema: { local: '' } }, 'value')).toBe('value: choose a schema');
    expect(payloadProblem(local.value, 'value')).toBeNull();
  });

  it('checks JSON after placeholders, and hex', () => {
    expect(payloadProblem({ format: 'json', text: '{"n": {{seq}}}' }, 'value')).toBeNull();
    expect(payloadProblem({ format: 'json', text: '{"n": }' }, 'value')).toContain('value is not valid JSON');
    expect(payloadProblem({ format: 'text', text: '{{wat}}' }, 'key')).toContain('unknown placeholder');
    expect(payloadProblem({ format: 'hex', text: 'de ad be ef' }, 'key')).toBeNull();
    expect(payloadProblem({ format: 'hex', text: 'xyz' }, 'key')).toContain('not valid hex');
  });

  it('predicts the partition of a fixed key with murmur2', () => {
    const d = { ...emptyDraft(), key: { format: 'text' as const, text: '21' } };
    expect(partitionPrediction(d, 6)).toBe(`→ partition ${(-973932308 & 0x7fffffff) % 6} of 6 (murmur2 of the key, as Java and librdkafka)`);
    expect(partitionPrediction({ ...d, key: { format: 'text', text: 'k-{{seq}}' } }, 6)).toContain('varies');
    expect(partitionPrediction({ ...d, partition: '3' }, 6)).toBe('partition 3 (chosen)');
  });
});
