import { describe, expect, it } from 'vitest';
import { createLogger, redact } from './log';

describe('redact', () => {
  it('masks secret-looking fields at any depth', () => {
    expect(redact({ user: 'alice', password: 'hunter2', sasl: { mechanism: 'plain' }, nested: { token: 't', ok: 1 } })).toEqual({
      user: 'alice',
      password: '***',
      sasl: '***',
      nested: { token: '***', ok: 1 },
    });
  });

  it('masks inline password=... fragments in strings', () => {
    expect(redact('sasl.jaas.config=... username="bob" password="s3cret";')).toBe('sasl.jaas.config=... username="bob" password=***;');
    expect(redact('url?token=abc&x=1')).toBe('url?token=***&x=1');
  });

  it('never lets a secret reach the sink', () => {
    const lines: string[] = [];
    const log = createLogger('t', { sink: (l) => lines.push(l), level: 'debug' });
    log.info('connecting with password=letmein', { config: { password: 'letmein', brokers: ['a:1'] } });
    expect(lines.join('\n')).not.toContain('letmein');
    expect(lines.join('\n')).toContain('a:1');
  });
});
