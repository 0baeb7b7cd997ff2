import avro from 'avsc';
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { avroCodec } from './codecs/avro';
import { DecodePool, type SchemaSource } from './decode-pool';

const ORDER = { type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }, { name: 'note', type: ['null', 'string'] }, { name: 'tags', type: { type: 'array', items: 'string' } }] };
const source = (schema: unknown): SchemaSource => ({ schema: { schemaType: 'AVRO', schema: JSON.stringify(schema), references: [] }, references: [], label: 'test' });

describe('DecodePool', () => {
  const pool = DecodePool.shared();

  it.runIf(availableParallelism() > 1)('runs where there is more than one core', () => {
    expect(pool).not.toBeNull();
  });

  it.runIf(pool)('decodes on a worker exactly as the same codec does inline, in order', async () => {
    const type = avro.Type.forSchema(ORDER as avro.Schema, { wrapUnions: false });
    const bodies = Array.from({ length: 300 }, (_, i) => type.toBuffer({ id: i * 1_000_003, note: i % 2 ? null : `n"${i}\\`, tags: ['a', `t${i}`] }));
    const results = await pool!.decode(bodies.map((body) => ({ key: 'pool-test:order', source: source(ORDER), body })));
    const inline = avroCodec(JSON.stringify(ORDER));
    expect(results).toEqual(bodies.map((b) => ({ json: inline.decode(b).json })));
  });

  it.runIf(pool)('reports a body it cannot decode, and one schema that does not compile, per item', async () => {
    const cut = avro.Type.forSchema(ORDER as avro.Schema, { wrapUnions: false }).toBuffer({ id: 1, note: 'abcdef', tags: [] }).subarray(0, 4);
    const [bad, fine, broken] = await pool!.decode([
      { key: 'pool-test:order', source: source(ORDER), body: cut },
      { key: 'pool-test:string', source: source('string'), body: Buffer.from([6, 0x61, 0x62, 0x63]) },
      { key: 'pool-test:broken', source: source({ type: 'record', name: 'X', fields: [{ name: 'a', type: 'nope' }] }), body: Buffer.from([0]) },
    ]);
    expect(bad).toEqual({ error: expect.stringContaining('cut short') });
    expect(fine).toEqual({ json: '"abc"' });
    expect(broken).toEqual({ error: expect.stringContaining('nope') });
  });
});
