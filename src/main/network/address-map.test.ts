import { describe, expect, it } from 'vitest';
import { formatAddress, mapAddress } from './address-map';

describe('mapAddress', () => {
  const map = [
    { from: 'kafka-0.internal:9092', to: 'localhost:29092' },
    { from: '*.internal:9092', to: '127.0.0.1:19090+n' },
    { from: 'broker.example.com:*', to: '10.0.0.5:9093' },
  ];

  it('rewrites an exact address before a pattern', () => {
    expect(mapAddress(map, { host: 'kafka-0.internal', port: 9092 })).toEqual({ host: 'localhost', port: 29092 });
  });

  it('adds the number the wildcard matched to a +n port', () => {
    expect(mapAddress(map, { host: 'kafka-2.internal', port: 9092 })).toEqual({ host: '127.0.0.1', port: 19092 });
    expect(mapAddress(map, { host: 'KAFKA-12.Internal', port: 9092 })).toEqual({ host: '127.0.0.1', port: 19102 });
    expect(mapAddress(map, { host: 'kafka.internal', port: 9092 })).toEqual({ host: '127.0.0.1', port: 19090 });
  });

  it('matches any port with *, and leaves other addresses alone', () => {
    expect(mapAddress(map, { host: 'broker.example.com', port: 1234 })).toEqual({ host: '10.0.0.5', port: 9093 });
    expect(mapAddress(map, { host: 'kafka-2.internal', port: 9093 })).toEqual({ host: 'kafka-2.internal', port: 9093 });
    expect(mapAddress(undefined, { host: 'a', port: 1 })).toEqual({ host: 'a', port: 1 });
  });

  it('keeps the port with to-port *', () => {
    expect(mapAddress([{ from: '*.internal:*', to: '127.0.0.1:*' }], { host: 'kafka-1.internal', port: 4242 })).toEqual({ host: '127.0.0.1', port: 4242 });
  });

  it('does not treat dots in the pattern as wildcards', () => {
    expect(mapAddress([{ from: 'a.b:1', to: 'x:2' }], { host: 'axb', port: 1 })).toEqual({ host: 'axb', port: 1 });
  });

  it('formats IPv6 in brackets', () => {
    expect(formatAddress({ host: '::1', port: 9092 })).toBe('[::1]:9092');
  });
});
