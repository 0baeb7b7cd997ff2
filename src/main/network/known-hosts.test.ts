import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHostKey, describeHostKey, trustHostKey } from './known-hosts';

function blob(type: string, body: string): Buffer {
  const t = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(t.length);
  return Buffer.concat([len, t, Buffer.from(body)]);
}

describe('known hosts', () => {
  const key = blob('ssh-ed25519', 'the-key');
  const other = blob('ssh-ed25519', 'another-key');

  it('describes a key as OpenSSH prints it', () => {
    const info = describeHostKey('bastion', 2222, key);
    expect(info.hostPattern).toBe('[bastion]:2222');
    expect(info.keyType).toBe('ssh-ed25519');
    expect(info.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    expect(describeHostKey('bastion', 22, key).hostPattern).toBe('bastion');
  });

  it('tells known, unknown and changed keys apart, hashed names included', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ke-known-'));
    const file = join(dir, 'known_hosts');
    const info = describeHostKey('127.0.0.1', 2222, key);
    expect(await checkHostKey([file], info)).toEqual({ kind: 'unknown' });
    await trustHostKey(file, info);
    expect(await checkHostKey([file], info)).toEqual({ kind: 'known' });
    expect(await checkHostKey([file], describeHostKey('127.0.0.1', 2222, other))).toEqual({ kind: 'changed', file });
    expect(await checkHostKey([file], describeHostKey('127.0.0.1', 2223, other))).toEqual({ kind: 'unknown' });

    const salt = randomBytes(20);
    const hashed = `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update('bastion').digest('base64')}`;
    const openssh = join(dir, 'openssh_known_hosts');
    await writeFile(openssh, `# comment\n${hashed} ssh-ed25519 ${key.toString('base64')}\n`);
    expect(await checkHostKey([join(dir, 'missing'), openssh], describeHostKey('bastion', 22, key))).toEqual({ kind: 'known' });
  });
});
