import { describe, expect, it } from 'vitest';
import type { ConfigEntry } from '../../../shared/api';
import { changesFrom } from './config-edits';

const entry = (name: string, value: string, source: ConfigEntry['source']): ConfigEntry => ({ name, value, source, readOnly: false, sensitive: false, type: 'LONG', documentation: null, synonyms: [] });
const configs = [entry('retention.ms', '3600000', 'dynamic-topic'), entry('retention.bytes', '-1', 'default'), entry('segment.ms', '604800000', 'default')];

describe('pending config edits', () => {
  it('keeps real changes and resets of overrides, sorted', () => {
    expect(changesFrom(configs, { 'segment.ms': '86400000', 'retention.ms': null })).toEqual([
      { name: 'retention.ms', value: null },
      { name: 'segment.ms', value: '86400000' },
    ]);
  });

  it('drops edits that change nothing and resets of values that are not overrides', () => {
    expect(changesFrom(configs, { 'retention.ms': '3600000', 'retention.bytes': null, 'no.such': '1' })).toEqual([]);
  });

  it('setting a default value explicitly makes it an override, so it is a change', () => {
    expect(changesFrom(configs, { 'retention.bytes': '-1' })).toEqual([{ name: 'retention.bytes', value: '-1' }]);
  });
});
