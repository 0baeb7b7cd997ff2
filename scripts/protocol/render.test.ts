import { describe, expect, it } from 'vitest';
import { stripJsonComments } from './generate-support';
import { camel, parseVersions, renderApiFile, type KafkaMessageJson } from './render';

describe('protocol generator', () => {
  it('camel-cases Kafka field names, acronyms included', () => {
    expect(camel('ThrottleTimeMs')).toBe('throttleTimeMs');
    expect(camel('SPSO')).toBe('spso');
    expect(camel('URLPath')).toBe('urlPath');
    expect(camel('Name')).toBe('name');
  });

  it('reads Kafka version ranges', () => {
    expect(parseVersions('3+')).toEqual([3, 'M']);
    expect(parseVersions('1-4')).toEqual([1, 4]);
    expect(parseVersions('2')).toEqual([2, 2]);
    expect(parseVersions('none')).toEqual([1, 0]);
  });

  it('strips // comments but not // inside strings', () => {
    expect(JSON.parse(stripJsonComments('// licence\n{ "about": "see http://x" // note\n}'))).toEqual({ about: 'see http://x' });
  });

  it('makes request fields optional where a version lacks them or Kafka gives a default', () => {
    const request: KafkaMessageJson = {
      apiKey: 99,
      type: 'request',
      name: 'FooRequest',
      validVersions: '0-2',
      flexibleVersions: '2+',
      fields: [
        { name: 'Always', type: 'int32', versions: '0+' },
        { name: 'Later', type: '[]string', versions: '1+' },
        { name: 'Defaulted', type: 'int64', versions: '0+', default: '-1' },
      ],
    };
    const response: KafkaMessageJson = { ...request, type: 'response', name: 'FooResponse', fields: [{ name: 'ErrorCode', type: 'int16', versions: '0+' }] };
    const text = renderApiFile('Foo', request, response, 'test');
    expect(text).toContain('always: number;');
    expect(text).toContain('later?: string[];');
    expect(text).toContain('defaulted?: bigint;');
    expect(text).toContain("{ name: 'defaulted', type: 'int64', versions: [0, M], default: -1n }");
    expect(text).toContain('flexibleFrom: 2');
  });
});
