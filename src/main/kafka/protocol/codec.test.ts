import { describe, expect, it } from 'vitest';
import { CompactWriter } from '../kafkajs/raw/compact-wire';
import { WireWriter } from '../kafkajs/raw/wire';
import { decodeMessage, encodeMessage, UnsupportedFieldError } from './codec';
import { ConsumerGroupDescribe } from './generated/consumer-group-describe';
import { DescribeGroups } from './generated/describe-groups';
import { DescribeQuorum } from './generated/describe-quorum';
import { ListGroups } from './generated/list-groups';
import type { MessageSpec } from './spec';
import { MAX_VERSION as M } from './spec';

describe('generated codec', () => {
  it('encodes DescribeQuorum byte for byte as the hand-written request does', () => {
    const hand = new CompactWriter()
      .compactArray(['__cluster_metadata'], (topic, w) => w.compactString(topic).compactArray([0], (p, pw) => pw.int32(p).tags()).tags())
      .tags()
      .build();
    const generated = encodeMessage(DescribeQuorum.request, 1, { topics: [{ topicName: '__cluster_metadata', partitions: [{ partitionIndex: 0 }] }] });
    expect(generated.equals(hand)).toBe(true);
  });

  it('writes classic (non-flexible) versions with int16 string and int32 array lengths', () => {
    const hand = new WireWriter()
      .array(['orders'], (g, w) => w.string(g))
      .build();
    const generated = encodeMessage(DescribeGroups.request, 0, { groups: ['orders'] });
    expect(generated.equals(hand)).toBe(true);
  });

  it('keeps every value of a request that outgrows the first buffer (writes after it grows land in the new one)', () => {
    const groups = Array.from({ length: 300 }, (_, i) => `p4-7129-g${String(i).padStart(5, '0')}`);
    for (const version of [0, 6]) {
      const back = decodeMessage<{ groups: string[] }>(DescribeGroups.request as MessageSpec, version, encodeMessage(DescribeGroups.request, version, { groups }), 0);
      expect(back.groups).toEqual(groups);
    }
  });

  it('reads a version without a field as that field\'s default', () => {
    // ListGroups v0 response: error_code INT16, groups [group_id STRING, protocol_type STRING]
    const v0 = new WireWriter()
      .int16(0)
      .array(['g1'], (g, w) => w.string(g).string('consumer'))
      .build();
    const decoded = decodeMessage<{ throttleTimeMs: number; groups: { groupId: string; groupState: string; groupType: string }[] }>(ListGroups.response, 0, v0);
    expect(decoded.throttleTimeMs).toBe(0);
    expect(decoded.groups).toEqual([{ groupId: 'g1', protocolType: 'consumer', groupState: '', groupType: '' }]);
  });

  it('keeps each version of one spec apart (what a struct holds is worked out once per version)', () => {
    const groups = [{ groupId: 'g1', protocolType: 'consumer', groupState: 'Stable', groupType: 'classic' }];
    const v5 = decodeMessage<{ groups: unknown[] }>(ListGroups.response, 5, encodeMessage(ListGroups.response, 5, { throttleTimeMs: 7, errorCode: 0, groups }));
    const v0 = decodeMessage<{ groups: unknown[] }>(ListGroups.response, 0, encodeMessage(ListGroups.response, 0, { errorCode: 0, groups: [{ groupId: 'g1', protocolType: 'consumer' }] }));
    const again = decodeMessage<{ groups: unknown[] }>(ListGroups.response, 5, encodeMessage(ListGroups.response, 5, { throttleTimeMs: 7, errorCode: 0, groups }));
    expect(v5).toEqual({ throttleTimeMs: 7, errorCode: 0, groups });
    expect(v0).toEqual({ throttleTimeMs: 0, errorCode: 0, groups: [{ groupId: 'g1', protocolType: 'consumer', groupState: '', groupType: '' }] });
    expect(again).toEqual(v5);
  });

  it('round-trips every field type of a flexible version, with nulls and int64 beyond 2^53', () => {
    const spec: MessageSpec = {
      name: 'Everything',
      validVersions: [0, 1],
      flexibleFrom: 1,
      fields: [
        { name: 'flag', type: 'bool', versions: [0, M] },
        { name: 'small', type: 'int8', versions: [0, M] },
        { name: 'port', type: 'uint16', versions: [0, M] },
        { name: 'big', type: 'int64', versions: [0, M] },
        { name: 'ratio', type: 'float64', versions: [0, M] },
        { name: 'id', type: 'uuid', versions: [0, M] },
        { name: 'maybe', type: 'string', versions: [0, M], nullableVersions: [0, M], default: null },
        { name: 'blob', type: 'bytes', versions: [0, M], nullableVersions: [0, M] },
        { name: 'ids', type: 'int32', array: true, versions: [0, M], nullableVersions: [0, M] },
        { name: 'child', type: 'struct', versions: [0, M], nullableVersions: [1, M], fields: [{ name: 'x', type: 'int32', versions: [0, M] }] },
      ],
    };
    const data = {
      flag: true,
      small: -3,
      port: 65535,
      big: 9007199254740993n,
      ratio: 0.25,
      id: 'AAECAwQFBgcICQoLDA0ODw',
      maybe: null,
      blob: Buffer.from([0, 0xff, 0xfe]),
      ids: null,
      child: null,
    };
    for (const version of [0, 1]) {
      const value = version === 0 ? { ...data, child: { x: 7 }, ids: [1, 2] } : data;
      expect(decodeMessage(spec, version, encodeMessage(spec, version, value))).toEqual(value);
    }
  });

  it('writes tagged fields only when they differ from the default, and reads them back', () => {
    const spec: MessageSpec = {
      name: 'Tagged',
      validVersions: [0, 0],
      flexibleFrom: 0,
      fields: [
        { name: 'plain', type: 'int32', versions: [0, M] },
        { name: 'extra', type: 'string', versions: [0, M], nullableVersions: [0, M], default: null, tag: 0, taggedVersions: [0, M] },
      ],
    };
    const without = encodeMessage(spec, 0, { plain: 1 });
    expect([...without]).toEqual([0, 0, 0, 1, 0]);
    const withTag = encodeMessage(spec, 0, { plain: 1, extra: 'hi' });
    expect(decodeMessage(spec, 0, withTag)).toEqual({ plain: 1, extra: 'hi' });
    expect(decodeMessage(spec, 0, without)).toEqual({ plain: 1, extra: null });
  });

  it('skips tags it does not know, as brokers add fields that way', () => {
    const spec: MessageSpec = { name: 'T', validVersions: [0, 0], flexibleFrom: 0, fields: [{ name: 'plain', type: 'int32', versions: [0, M] }] };
    const unknownTag = Buffer.from([0, 0, 0, 5, 1, 9, 2, 0xaa, 0xbb]);
    expect(decodeMessage(spec, 0, unknownTag)).toEqual({ plain: 5 });
  });

  it('refuses a non-default value the chosen version cannot carry', () => {
    expect(() => encodeMessage(ListGroups.request, 4, { statesFilter: [], typesFilter: ['consumer'] })).toThrow(UnsupportedFieldError);
    expect(() => encodeMessage(ListGroups.request, 4, { statesFilter: ['Stable'] })).not.toThrow();
  });

  it('reads a ConsumerGroupDescribe response with nested structs and a v1-only field', () => {
    const assignment = (w: CompactWriter) =>
      w
        .compactArray([0], (_t, tw) => {
          tw.int32(0x01010101).int32(0x01010101).int32(0x01010101).int32(0x01010101); // topic id
          tw.compactString('orders').compactArray([0, 1], (p, pw) => pw.int32(p)).tags();
        })
        .tags();
    const body = new CompactWriter()
      .int32(0) // throttle
      .compactArray([0], (_g, w) => {
        w.int16(0).compactNullableString(null).compactString('g').compactString('Stable').int32(3).int32(3).compactString('uniform');
        w.compactArray([0], (_m, mw) => {
          mw.compactString('m1').compactNullableString(null).compactNullableString(null).int32(3).compactString('client-1').compactString('/127.0.0.1');
          mw.compactArray(['orders'], (t, tw) => tw.compactString(t)).compactNullableString(null);
          assignment(mw);
          assignment(mw); // target assignment
          mw.int8(1).tags(); // member type (v1)
        });
        w.int32(-2147483648).tags();
      })
      .tags()
      .build();
    type Res = { groups: { groupEpoch: number; members: { memberEpoch: number; memberType: number; assignment: { topicPartitions: { topicName: string; partitions: number[] }[] } }[] }[] };
    const res = decodeMessage<Res>(ConsumerGroupDescribe.response, 1, body);
    const member = res.groups[0]!.members[0]!;
    expect(res.groups[0]!.groupEpoch).toBe(3);
    expect(member.memberEpoch).toBe(3);
    expect(member.memberType).toBe(1);
    expect(member.assignment.topicPartitions[0]).toMatchObject({ topicName: 'orders', partitions: [0, 1] });
  });
});
