import { describe, expect, it } from 'vitest';
import type { ConfigKeyDefinition } from '../../../shared/api';
import { maskSecrets, unmaskSecrets } from './secret-config';

const def = (name: string, type: string) => ({ name, type }) as ConfigKeyDefinition;

describe('connector secrets', () => {
  it('hides PASSWORD keys and secret-looking names, keeps config-provider references and the rest', () => {
    const config = { 'connection.password': 'p4ss', 'db.pw': 'x', 'sasl.jaas.config': 'Plain… password="y"', 'aws.secret': '${file:/s.properties:key}', topic: 't' };
    expect(maskSecrets(config, [def('db.pw', 'PASSWORD'), def('topic', 'STRING')])).toEqual({
      'connection.password': '[hidden]',
      'db.pw': '[hidden]',
      'sasl.jaas.config': '[hidden]',
      'aws.secret': '${file:/s.properties:key}',
      topic: 't',
    });
  });
  it('puts back the worker’s value for a secret an edit left hidden, and takes a typed one', () => {
    expect(unmaskSecrets({ 'db.pw': '[hidden]', 'api.key': 'new', topic: 'u' }, { 'db.pw': 'old', 'api.key': 'old', topic: 't' })).toEqual({ 'db.pw': 'old', 'api.key': 'new', topic: 'u' });
  });
});
