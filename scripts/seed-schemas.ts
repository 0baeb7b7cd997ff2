import { Kafka, logLevel } from 'kafkajs';
import { compileSchema, resolveReferences } from '../src/main/schemas/compile';
import { frame } from '../src/main/schemas/framing';
import { SchemaRegistryClient, type RegisteredSchema } from '../src/main/schemas/registry-client';
import { createTopicsReady } from './kafka/topics';

/**
 * Demo topics whose data is schema-encoded in Confluent wire format, as most teams' is:
 * Avro values and keys with three evolving versions, Protobuf with two message types and an
 * import (so message index 1 occurs), and JSON Schema. Idempotent, like the plain seed.
 */
export const SCHEMA_TOPICS = ['orders-avro', 'payments-proto', 'clicks-json'] as const;

const ORDER_KEY = { type: 'record', name: 'OrderKey', namespace: 'demo.orders', fields: [{ name: 'orderId', type: 'string' }] };
const ORDER_V1 = {
  type: 'record',
  name: 'Order',
  namespace: 'demo.orders',
  fields: [
    { name: 'orderId', type: 'string' },
    { name: 'customer', type: 'string' },
    { name: 'total', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
    { name: 'placedAt', type: { type: 'long', logicalType: 'timestamp-millis' } },
  ],
};
const ORDER_V2 = { ...ORDER_V1, fields: [...ORDER_V1.fields, { name: 'note', type: ['null', 'string'], default: null }] };
const ORDER_V3 = { ...ORDER_V2, fields: [...ORDER_V2.fields, { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'PAID', 'SHIPPED'] }, default: 'NEW' }] };

const COMMON_PROTO = `syntax = "proto3";
package demo.common;

message Money {
  int64 cents = 1;
  string currency = 2;
}
`;
const PAYMENTS_V1 = `syntax = "proto3";
package demo.payments;

import "demo/common.proto";
import "google/protobuf/timestamp.proto";

message Payment {
  string payment_id = 1;
  demo.common.Money amount = 2;
  google.protobuf.Timestamp at = 3;
}

message Refund {
  string refund_id = 1;
  string payment_id = 2;
  demo.common.Money amount = 3;
}
`;
const PAYMENTS_V2 = PAYMENTS_V1.replace('  demo.common.Money amount = 3;\n}', '  demo.common.Money amount = 3;\n  string reason = 4;\n}');

const CLICK_V1 = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'Click', type: 'object', additionalProperties: false, properties: { page: { type: 'string' }, userId: { type: 'string' } }, required: ['page'] };
const CLICK_V2 = { ...CLICK_V1, properties: { ...CLICK_V1.properties, durationMs: { type: 'integer', minimum: 0 } } };

const avro = (schema: object): RegisteredSchema => ({ schemaType: 'AVRO', schema: JSON.stringify(schema), references: [] });

export async function seedSchemas(bootstrap: string, registryUrl: string): Promise<{ created: string[] }> {
  const registry = new SchemaRegistryClient({ urls: [registryUrl] });
  const kafka = new Kafka({ clientId: 'ke-seed-schemas', brokers: bootstrap.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.disconnect();
  const missing = SCHEMA_TOPICS.filter((t) => !existing.has(t));
  if (missing.length === 0) return { created: [] };
  await createTopicsReady(bootstrap, missing.map((topic) => ({ topic, numPartitions: 3 })));

  /** Registers each version in turn and returns an encoder per version: JSON text → framed bytes. */
  const versions = async (subject: string, schemas: RegisteredSchema[], level = 'BACKWARD') => {
    await registry.setCompatibility(level, subject).catch(() => undefined);
    const out: ((json: string, messageType?: string) => Buffer)[] = [];
    for (const schema of schemas) {
      const { id } = await registry.register(subject, schema);
      const codec = compileSchema(schema, await resolveReferences(schema, (r) => registry.subjectVersion(r.subject, r.version)), subject);
      out.push((json, messageType) => frame(id, codec.encode(json, messageType)));
    }
    return out;
  };

  const messages: Record<string, { key: Buffer | string; value: Buffer; partition: number }[]> = {};
  if (missing.includes('orders-avro')) {
    const [key] = await versions('orders-avro-key', [avro(ORDER_KEY)]);
    const values = await versions('orders-avro-value', [avro(ORDER_V1), avro(ORDER_V2), avro(ORDER_V3)]);
    messages['orders-avro'] = Array.from({ length: 60 }, (_, i) => {
      const v = Math.min(2, Math.floor(i / 20));
      const order: Record<string, unknown> = { orderId: `order-${1000 + i}`, customer: ['Ada', 'Grace', 'Linus', 'Margaret'][i % 4], total: ((i * 731) % 50000) / 100, placedAt: new Date(Date.UTC(2026, 10, 20, 9, i)).toISOString() };
      if (v >= 1) order.note = i % 3 === 0 ? 'leave at the door' : null;
      if (v >= 2) order.status = ['NEW', 'PAID', 'SHIPPED'][i % 3];
      return { partition: i % 3, key: key!(JSON.stringify({ orderId: order.orderId })), value: values[v]!(JSON.stringify(order)) };
    });
  }
  if (missing.includes('payments-proto')) {
    await versions('demo/common.proto', [{ schemaType: 'PROTOBUF', schema: COMMON_PROTO, references: [] }]);
    const refs = [{ name: 'demo/common.proto', subject: 'demo/common.proto', version: 1 }];
    const values = await versions('payments-proto-value', [
      { schemaType: 'PROTOBUF', schema: PAYMENTS_V1, references: refs },
      { schemaType: 'PROTOBUF', schema: PAYMENTS_V2, references: refs },
    ]);
    messages['payments-proto'] = Array.from({ length: 40 }, (_, i) => {
      const amount = { cents: String(1999 + i * 250), currency: 'EUR' };
      const refund = i % 4 === 3;
      const encode = values[i < 20 ? 0 : 1]!;
      const value = refund
        ? encode(JSON.stringify({ refund_id: `rf-${i}`, payment_id: `pay-${i - 1}`, amount, ...(i >= 20 ? { reason: 'damaged' } : {}) }), 'demo.payments.Refund')
        : encode(JSON.stringify({ payment_id: `pay-${i}`, amount, at: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString() }), 'demo.payments.Payment');
      return { partition: i % 3, key: `pay-${i}`, value };
    });
  }
  if (missing.includes('clicks-json')) {
    const values = await versions('clicks-json-value', [
      { schemaType: 'JSON', schema: JSON.stringify(CLICK_V1), references: [] },
      { schemaType: 'JSON', schema: JSON.stringify(CLICK_V2), references: [] },
    ]);
    messages['clicks-json'] = Array.from({ length: 30 }, (_, i) => ({
      partition: i % 3,
      key: `user-${i % 7}`,
      value: values[i < 15 ? 0 : 1]!(JSON.stringify({ page: ['/', '/orders', '/checkout'][i % 3], userId: `user-${i % 7}`, ...(i >= 15 ? { durationMs: 120 + i } : {}) })),
    }));
  }

  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const [topic, list] of Object.entries(messages)) await producer.send({ topic, acks: -1, messages: list });
  } finally {
    await producer.disconnect();
  }
  return { created: missing };
}
