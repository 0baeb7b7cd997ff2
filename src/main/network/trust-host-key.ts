import { createHash } from 'node:crypto';
import type { HostKeyInfo } from '../../shared/api';
import { appError, ErrorCode } from '../../shared/errors';
import { checkHostKey, trustHostKey } from './known-hosts';
import { currentKnownHostsFiles, getAppKnownHostsFile } from './network-settings';
import { SshErrorCode } from './ssh-errors';

/**
 * The user accepted an unknown host key: add it to the app's known_hosts. A host that already
 * has another key of that type is refused (a changed key is resolved by editing the file,
 * deliberately, not by a click), and the fingerprint must be the one of the key sent.
 */
export async function acceptHostKey(info: HostKeyInfo): Promise<void> {
  const fingerprint = `SHA256:${createHash('sha256').update(Buffer.from(info.key, 'base64')).digest('base64').replace(/=+$/, '')}`;
  if (fingerprint !== info.fingerprint) throw appError(ErrorCode.Validation, 'The host key does not match its fingerprint.', { name: 'ValidationError' });
  const verdict = await checkHostKey(currentKnownHostsFiles(), info);
  if (verdict.kind === 'known') return;
  if (verdict.kind === 'changed') {
    throw appError(SshErrorCode.HostKeyChanged, `${info.hostPattern} already has another ${info.keyType} key in ${verdict.file}; a changed host key is not accepted from the app.`, {
      name: 'SshHostKeyError',
      hint: `If the server was really re-installed, remove its old line from ${verdict.file} first.`,
    });
  }
  await trustHostKey(getAppKnownHostsFile(), info);
}
