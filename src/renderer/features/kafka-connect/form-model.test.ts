import { describe, expect, it } from 'vitest';
import type { ConfigKeyDefinition } from '../../../shared/api';
import { configOf, fieldGroups } from './form-model';

const def = (name: string, group: string | null, extra: Partial<ConfigKeyDefinition> = {}): ConfigKeyDefinition => ({
  name,
  type: 'STRING',
  required: false,
  defaultValue: null,
  importance: 'LOW',
  documentation: '',
  group,
  orderInGroup: 0,
  displayName: name,
  width: 'NONE',
  dependents: [],
  ...extra,
});

describe('the generated connector form', () => {
  it('puts the plugin’s own keys first, opens groups with required or filled fields, and leaves out name and class', () => {
    const groups = fieldGroups(
      [def('name', 'Common', { required: true }), def('connector.class', 'Common'), def('tasks.max', 'Common'), def('errors.tolerance', 'Error Handling'), def('file', null), def('topic', null, { required: true })],
      'FileStreamSourceConnector',
      { 'errors.tolerance': 'all' },
    );
    expect(groups.map((g) => [g.name, g.fields.map((f) => f.name), g.open])).toEqual([
      ['FileStreamSourceConnector', ['file', 'topic'], true],
      ['Common', ['tasks.max'], false],
      ['Error Handling', ['errors.tolerance'], true],
    ]);
  });

  it('sends only the keys given a value, with the name and class', () => {
    expect(configOf('a.B', 'n', { file: '/x', topic: '', 'tasks.max': '2', name: 'other' })).toEqual({ 'connector.class': 'a.B', name: 'n', file: '/x', 'tasks.max': '2' });
  });
});
