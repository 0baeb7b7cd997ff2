import type { HostKeyInfo } from '../../shared/api';
import { AppError, type AppErrorData } from '../../shared/errors';

/** Codes of the SSH step's failures, each with its own message in the UI. */
export const SshErrorCode = {
  Unreachable: 'SSH_UNREACHABLE',
  HostKeyUnknown: 'SSH_HOST_KEY_UNKNOWN',
  HostKeyChanged: 'SSH_HOST_KEY_CHANGED',
  AuthFailed: 'SSH_AUTH_FAILED',
  KeyUnreadable: 'SSH_KEY_UNREADABLE',
  ForwardRefused: 'SSH_FORWARD_REFUSED',
  ForwardFailed: 'SSH_FORWARD_FAILED',
} as const;

/** A host key the user has to decide on (unknown) or must not trust (changed); carries the key. */
export class SshHostKeyError extends AppError {
  constructor(
    data: AppErrorData,
    readonly hostKey: HostKeyInfo,
  ) {
    super(data);
  }
}

export function hostKeyUnknown(server: string, key: HostKeyInfo): SshHostKeyError {
  return new SshHostKeyError(
    {
      name: 'SshHostKeyError',
      code: SshErrorCode.HostKeyUnknown,
      message: `The SSH server ${server} is not known yet: its ${key.keyType} key has the fingerprint ${key.fingerprint}.`,
      retriable: false,
      hint: 'Compare the fingerprint with the one your administrator gives (ssh-keygen -lf on the server), then accept it or refuse.',
    },
    key,
  );
}

export function hostKeyChanged(server: string, key: HostKeyInfo, file: string): SshHostKeyError {
  return new SshHostKeyError(
    {
      name: 'SshHostKeyError',
      code: SshErrorCode.HostKeyChanged,
      message: `WARNING: the host key of the SSH server ${server} has CHANGED (now ${key.keyType} ${key.fingerprint}). The connection was refused: someone may be intercepting it.`,
      retriable: false,
      hint: `If the server was really re-installed, remove its old line from ${file} and connect again to review the new key.`,
    },
    key,
  );
}

export function sshError(code: string, message: string, hint?: string, retriable = false): AppError {
  return new AppError({ name: 'SshError', code, message, retriable, ...(hint ? { hint } : {}) });
}
