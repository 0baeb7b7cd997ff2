/**
 * P8 schemas: 200,000 Avro values of ~1 KiB (10,000 with --smoke) in Confluent wire format
 * (magic 0, the 4-byte schema id, the Avro body) over 12 partitions, written by kafkajs, the schema
 * registered in a real Schema Registry (Apicurio from Maven Central; SCHEMA_REGISTRY_URL reuses a
 * running one). The app reads them through its real main-process path (dispatcher →
 * messages.search → Fetch → record batches → SchemaDecoder: schema fetched once per id, Avro
 * decoded, JSON text → batched `messages.batch` events, each serialized to JSON as the
 * browser-mode transport does) twice per round, alternating: over a connection with the registry
 * (decoded) and over one without (the same bytes shown as base64: raw). `kcat -C -e -q` to
 * /dev/null is the reference. Prints msg/s, the ratio decoded ÷ raw (target ≥ 0.5: decoding costs
 * at most half) and the registry requests the app made per schema id over all rounds.
 */
import { execFileSync } from 'node:child_process';
import avro from 'avsc';
import { Kafka, logLevel } from 'kafkajs';
import { benchApp, median, smoke, timed } from './support';
import { createTopicsReady } from '../scripts/kafka/topics';
import { repoRoot } from '../scripts/kafka/cluster';
import { startRegistry } from '../scripts/kafka/registry';
import { frame } from '../src/main/schemas/framing';
import { SchemaRegistryClient } from '../src/main/schemas/registry-client';

const ROUNDS = Number(process.env.P8_ROUNDS) || (smoke ? 1 : 5);
const PARTITIONS = 12;
const COUNT = Number(process.env.P8_COUNT) || (smoke ? 10_000 : 200_000);
const NAME = `${COUNT.toLocaleString('en')} Avro values of ~1 KiB`;

// A realistic order: nested records, an enum, arrays of records and strings, a map, unions, longs, a timestamp.
const ORDER_SCHEMA = {
  type: 'record',
  name: 'Order',
  namespace: 'bench.p8',
  fields: [
    { name: 'orderId', type: 'long' },
    { name: 'createdAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'] } },
    {
      name: 'customer',
      type: {
        type: 'record',
        name: 'Customer',
        fields: [
          { name: 'id', type: 'long' },
          { name: 'name', type: 'string' },
          { name: 'email', type: ['null', 'string'], default: null },
          {
            name: 'address',
            type: {
              type: 'record',
              name: 'Address',
              fields: [
                { name: 'street', type: 'string' },
                { name: 'city', type: 'string' },
                { name: 'postcode', type: 'string' },
                { name: 'country', type: 'string' },
              ],
            },
          },
        ],
      },
    },
    {
      name: 'items',
      type: {
        type: 'array',
        items: {
          type: 'record',
          name: 'Item',
          fields: [
            { name: 'sku', type: 'string' },
            { name: 'name', type: 'string' },
            { name: 'quantity', type: 'int' },
            { name: 'unitPriceCents', type: 'long' },
            { name: 'discount', type: ['null', 'double'], default: null },
            { name: 'warehouse', type: 'string' },
            { name: 'tags', type: { type: 'array', items: 'string' } },
          ],
        },
      },
    },
    { name: 'totalCents', type: 'long' },
    { name: 'currency', type: 'string' },
    { name: 'coupon', type: ['null', 'string'], default: null },
    { name: 'attributes', type: { type: 'map', values: 'string' } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};
const REGIONS = ['NORTH', 'SOUTH', 'EAST', 'WEST'];
const STATUSES = ['NEW', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED'];

function order(i: number) {
  const items = Array.from({ length: 8 }, (_, j) => ({
    sku: `SKU-${(i * 7 + j) % 5000}`,
    name: `item ${j} of order ${i}, ${['blue', 'red', 'green'][(i + j) % 3]} edition, size ${['S', 'M', 'L', 'XL'][(i + j) % 4]}`,
    quantity: 1 + ((i + j) % 5),
    unitPriceCents: 100 + ((i * 13 + j) % 10_000),
    discount: (i + j) % 3 === 0 ? ((i + j) % 20) / 100 : null,
    warehouse: `WH-${['AMS', 'BER', 'LIS', 'OSL'][(i + j) % 4]}-${String(j % 10).padStart(2, '0')}`,
    tags: ['bench', REGIONS[(i + j) % 4]!.toLowerCase(), `batch-${i % 50}`],
  }));
  return {
    orderId: 1_700_000_000_000 + i,
    createdAt: 1_735_689_600_000 + i * 1_000,
    status: STATUSES[i % STATUSES.length]!,
    customer: {
      id: 10_000_000 + (i % 9_973),
      name: `Customer ${i % 9_973}`,
      email: i % 5 === 0 ? null : `customer${i % 9_973}@example.com`,
      address: { street: `${1 + (i % 300)} Long Street`, city: ['Amsterdam', 'Berlin', 'Lisbon', 'Oslo'][i % 4]!, postcode: `${10_000 + (i % 89_999)}`, country: ['NL', 'DE', 'PT', 'NO'][i % 4]! },
    },
    items,
    totalCents: items.reduce((s, it) => s + it.quantity * it.unitPriceCents, 0),
    currency: 'EUR',
    coupon: i % 4 === 0 ? `COUPON-${i % 1000}` : null,
    attributes: { channel: ['web', 'app', 'store'][i % 3]!, region: REGIONS[i % 4]!, priority: String(i % 3) },
    note: i % 4 === 3 ? null : `deliver between 9 and 17, ring twice; ${'n'.repeat(120)}`,
  };
}

// The registry, side by side with the broker (each is a JVM taking seconds, mostly waiting).
const [registry, setup] = await Promise.all([
  process.env.SCHEMA_REGISTRY_URL ? { url: process.env.SCHEMA_REGISTRY_URL, stop: async () => undefined } : startRegistry({ root: repoRoot, name: `bench-registry-${process.pid}` }),
  benchApp(),
]);
const { bootstrap, admin, app, close } = setup;
const topic = `p8-avro-${process.pid}`;

// Every registry request anyone makes in this process, by path (the app's included: same process).
const requests = new Map<string, number>();
const get = SchemaRegistryClient.prototype.get;
SchemaRegistryClient.prototype.get = function counted<T>(this: SchemaRegistryClient, path: string): Promise<T> {
  requests.set(path, (requests.get(path) ?? 0) + 1);
  return get.call(this, path) as Promise<T>;
};

const { id: schemaId } = await new SchemaRegistryClient({ urls: [registry.url] }).register(`${topic}-value`, { schemaType: 'AVRO', schema: JSON.stringify(ORDER_SCHEMA), references: [] });
const Order = avro.Type.forSchema(ORDER_SCHEMA as avro.Schema);

await createTopicsReady(bootstrap, [{ topic, numPartitions: PARTITIONS }]);
// kafkajs writes them (kcat -P splits its input on a delimiter, and Avro bytes may hold any byte).
const producer = new Kafka({ clientId: 'bench-p8', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING }).producer();
await producer.connect();
let bytes = 0;
const CHUNK = 4_800; // ~400 values of ~1 KiB per partition and request, well under the broker's batch limit
for (let start = 0; start < COUNT; start += CHUNK) {
  const messages = Array.from({ length: Math.min(CHUNK, COUNT - start) }, (_, j) => {
    const i = start + j;
    const value = frame(schemaId, Order.toBuffer(order(i)));
    bytes += value.length;
    return { partition: i % PARTITIONS, key: `order-${i}`, value };
  });
  await producer.send({ topic, messages, acks: 1 });
}
await producer.disconnect();
const stored = (await admin.fetchTopicOffsets(topic)).reduce((s, p) => s + Number(p.high), 0);
if (stored !== COUNT) throw new Error(`kcat stored ${stored} of ${COUNT}`);

// Every event main pushes is serialized, as the IPC/WebSocket transport does; nothing is kept.
let received = 0;
let decoded = 0;
let first: unknown;
const client = app.services.host.attach((name, payload) => {
  if (name !== 'messages.batch') return;
  JSON.stringify(payload);
  const messages = (payload as { messages: unknown[][] }).messages;
  received += messages.length;
  for (const m of messages) {
    const value = m[5] as unknown[];
    // A decoded value is [JSON text, size, flags, schema id, schema info]; raw framed bytes carry no schema info.
    if (value.length > 4 && !(value[4] as { error?: string }).error) decoded++;
    first ??= value;
  }
});
let seq = 0;
// Decoded: a connection with the registry; raw: one without. Same app, same topic; opened by this
// client, as a window does (the dispatcher refuses another window's connection id).
const connect = async (config: { brokers: string[]; schemaRegistry?: { urls: string[] } }): Promise<string> => {
  const r = await app.services.host.call(client, `p8-${++seq}`, 'connection.connect', { config });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.value as { connectionId: string }).connectionId;
};
const decodedConnectionId = await connect({ brokers: bootstrap.split(','), schemaRegistry: { urls: [registry.url] } });
const rawConnectionId = await connect({ brokers: bootstrap.split(',') });
requests.clear();
const read = async (connectionId: string): Promise<number> => {
  received = decoded = 0;
  const r = await timed(() => app.services.host.call(client, `p8-${++seq}`, 'messages.search', { connectionId, runId: `p8-${seq}`, topic, position: { kind: 'beginning' }, limit: COUNT }));
  if (!r.value.ok) throw new Error(JSON.stringify(r.value.error));
  if (received !== COUNT) throw new Error(`app received ${received} of ${COUNT}`);
  return r.ms;
};

const kcatMs: number[] = [];
const decodedMs: number[] = [];
const rawMs: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  kcatMs.push((await timed(async () => execFileSync('kcat', ['-C', '-b', bootstrap, '-t', topic, '-e', '-o', 'beginning', '-q'], { stdio: ['ignore', 'ignore', 'inherit'] }))).ms);
  // Alternating which goes first, so neither always reads right after kcat.
  for (const kind of round % 2 === 0 ? (['decoded', 'raw'] as const) : (['raw', 'decoded'] as const)) {
    first = undefined;
    const ms = await read(kind === 'decoded' ? decodedConnectionId : rawConnectionId);
    if (kind === 'decoded' && decoded !== COUNT) throw new Error(`${decoded} of ${COUNT} values were decoded; the first: ${JSON.stringify(first).slice(0, 300)}`);
    if (kind === 'raw' && decoded !== 0) throw new Error(`${decoded} values were decoded over the connection without a registry`);
    (kind === 'decoded' ? decodedMs : rawMs).push(ms);
  }
}
const k = median(kcatMs);
const d = median(decodedMs);
const r = median(rawMs);
const rate = (ms: number) => `${Math.round((COUNT * 1000) / ms).toLocaleString('en')} msg/s (${(ms / 1000).toFixed(2)} s)`;
console.log(`p8 rounds (s): decoded ${decodedMs.map((ms) => (ms / 1000).toFixed(2)).join(' ')}; raw ${rawMs.map((ms) => (ms / 1000).toFixed(2)).join(' ')}; kcat ${kcatMs.map((ms) => (ms / 1000).toFixed(2)).join(' ')}`);
console.log(
  `p8 ${NAME} (${Math.round(bytes / COUNT)} B avg framed, ${PARTITIONS} partitions, median of ${ROUNDS}): decoded ${rate(d)}, raw ${rate(r)}, ratio ${(r / d).toFixed(2)}; kcat ${rate(k)} (decoded ÷ kcat ${(k / d).toFixed(2)}, raw ÷ kcat ${(k / r).toFixed(2)})`,
);
const fetches = requests.get(`/schemas/ids/${schemaId}`) ?? 0;
const lookups = requests.get(`/schemas/ids/${schemaId}/versions`) ?? 0;
const others = [...requests].filter(([path]) => path !== `/schemas/ids/${schemaId}` && path !== `/schemas/ids/${schemaId}/versions`);
console.log(
  `p8 registry requests per schema id: ${fetches} (GET /schemas/ids/${schemaId}, the schema, over ${ROUNDS * 2} reads of ${COUNT.toLocaleString('en')}), plus ${lookups} GET /schemas/ids/${schemaId}/versions (its subject and version, for the label)${others.length > 0 ? `; others: ${others.map(([p, n]) => `${p} ×${n}`).join(', ')}` : ''}`,
);
console.log(`p8 target decoded ≥ 0.5× raw, one registry request per schema id`);
SchemaRegistryClient.prototype.get = get;

await admin.deleteTopics({ topics: [topic] });
await close();
await registry.stop();
