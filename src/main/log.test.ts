import { describe, expect, it } from 'vitest';
import { createLogger, limitRepeats, redact } from './log';

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

describe('limitRepeats', () => {
  it('writes a repeated warning once, then how often it came back', async () => {
    const lines: string[] = [];
    const log = limitRepeats(createLogger('x', { sink: (l) => lines.push(l) }), 50);
    for (let i = 0; i < 100; i++) log.warn('Connection error: connect ECONNREFUSED 127.0.0.1:9092', { attempt: i });
    log.warn('another');
    expect(lines).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 80));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('Connection error: connect ECONNREFUSED 127.0.0.1:9092 (repeated 99 more times in 50 ms)');
  });
});
