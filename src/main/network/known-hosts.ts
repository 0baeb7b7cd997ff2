import { createHash, createHmac } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { HostKeyInfo } from '../../shared/api';

/** known_hosts name of a server: `host` on port 22, `[host]:port` otherwise (as OpenSSH writes it). */
export function hostPattern(host: string, port: number): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

/** The key's type, read from the blob's first string ("ssh-ed25519", "ecdsa-sha2-nistp256", …). */
function keyTypeOf(blob: Buffer): string {
  const length = blob.readUInt32BE(0);
  return blob.subarray(4, 4 + length).toString('ascii');
}

/** What the user sees and what known_hosts stores for a server's key. */
export function describeHostKey(host: string, port: number, blob: Buffer): HostKeyInfo {
  return {
    hostPattern: hostPattern(host, port),
    keyType: keyTypeOf(blob),
    key: blob.toString('base64'),
    fingerprint: `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`,
  };
}

function namesMatch(names: string, pattern: string): boolean {
  if (names.startsWith('|1|')) {
    // Hashed entry: |1|base64(salt)|base64(HMAC-SHA1(salt, name))
    const [, , salt, hash] = names.split('|');
    if (!salt || !hash) return false;
    return createHmac('sha1', Buffer.from(salt, 'base64')).update(pattern).digest('base64') === hash;
  }
  return names.split(',').some((name) => name === pattern);
}

export type HostKeyVerdict = { kind: 'known' } | { kind: 'unknown' } | { kind: 'changed'; file: string };

/**
 * Checks a server's key against known_hosts files: `known` when a line for this host has
 * this key, `changed` when lines for this host exist with the same key type and none has
 * this key (OpenSSH's "REMOTE HOST IDENTIFICATION HAS CHANGED"), `unknown` otherwise.
 * Revoked (@revoked) and CA (@cert-authority) lines are not supported and are skipped.
 */
export async function checkHostKey(files: readonly string[], info: HostKeyInfo): Promise<HostKeyVerdict> {
  let changedIn: string | null = null;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      continue;
    }
    for (const raw of text.split('\n')) {
      const line = raw.trim();
      if (!line || line.startsWith('#') || line.startsWith('@')) continue;
      const [names, type, key] = line.split(/\s+/);
      if (!names || !type || !key || !namesMatch(names, info.hostPattern)) continue;
      if (type === info.keyType && key === info.key) return { kind: 'known' };
      if (type === info.keyType) changedIn ??= file;
    }
  }
  return changedIn ? { kind: 'changed', file: changedIn } : { kind: 'unknown' };
}

/** Adds a trusted key to the app's own known_hosts (the user's ~/.ssh/known_hosts is never written). */
export async function trustHostKey(file: string, info: HostKeyInfo): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${info.hostPattern} ${info.keyType} ${info.key}\n`, { mode: 0o600 });
}

/** Where host keys are looked up: the app's file first, then the user's OpenSSH one. */
export function knownHostsFiles(appFile: string): string[] {
  return [appFile, join(homedir(), '.ssh', 'known_hosts')];
}
