import { SECRET_REQUIRED, type ProfileDraft, type SecretName } from '../../../shared/api';
import { appError, type AppError } from '../../../shared/errors';

/**
 * What a profile's secrets were saved with: the bootstrap addresses, the SASL mechanism and
 * user, and the TLS settings. A stored secret is only ever used with exactly these, so a
 * changed address or a SCRAM → PLAIN switch cannot send it somewhere else (issue 11).
 */
export interface SecretBinding {
  /** Lower-cased, sorted, without duplicates. */
  brokers: string[];
  mechanism: string | null;
  username: string;
  tls: { caFile: string | null; certFile: string | null; keyFile: string | null; skipVerify: boolean } | null;
}

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** The binding of a profile's current settings. */
export function bindingOf(profile: Pick<ProfileDraft, 'brokers' | 'sasl' | 'tls'>): SecretBinding {
  const tls = profile.tls;
  return {
    brokers: [...new Set(profile.brokers.map((b) => b.trim().toLowerCase()))].sort(),
    mechanism: profile.sasl?.mechanism ?? null,
    username: profile.sasl?.username.trim() ?? '',
    tls: tls ? { caFile: orNull(tls.caFile), certFile: orNull(tls.certFile), keyFile: orNull(tls.keyFile), skipVerify: Boolean(tls.skipVerify) } : null,
  };
}

/** Which parts differ, in the user's words; empty when the binding matches. */
export function bindingChanges(saved: SecretBinding, now: SecretBinding): string[] {
  const changes: string[] = [];
  if (saved.brokers.join(',') !== now.brokers.join(',')) changes.push('bootstrap address');
  if (saved.mechanism !== now.mechanism) changes.push('SASL mechanism');
  if (saved.username !== now.username) changes.push('user name');
  if (JSON.stringify(saved.tls) !== JSON.stringify(now.tls)) changes.push('TLS settings');
  return changes;
}

const SECRET_WORDS: Record<SecretName, string> = { password: 'password', token: 'token', keyPassphrase: 'key passphrase' };

/** "127.0.0.1:9092 / SCRAM-SHA-256" (+ " / TLS"): enough to see what changed, no file paths. */
function describe(b: SecretBinding): string {
  const parts = [b.brokers.join(', '), b.mechanism ? b.mechanism.toUpperCase() : 'no SASL'];
  if (b.tls) parts.push(b.tls.skipVerify ? 'TLS (not verified)' : 'TLS');
  return parts.join(' / ');
}

/**
 * The error for a stored secret asked to go where it was not saved for. It names the secret
 * and both settings, never the value; the form shows it next to the secret's field.
 */
export function secretRequiredError(names: SecretName[], saved: SecretBinding | null, now: SecretBinding): AppError {
  const what = names.map((n) => SECRET_WORDS[n]).join(' and ');
  const were = names.length > 1 ? 'were' : 'was';
  if (!saved) {
    return appError(SECRET_REQUIRED, `The saved ${what} ${were} not saved for these settings; type it again to use it with ${describe(now)}.`, {
      name: 'SecretRequiredError',
    });
  }
  return appError(SECRET_REQUIRED, `The saved ${what} ${were} saved for ${describe(saved)}; type it again to use it with ${describe(now)}.`, {
    name: 'SecretRequiredError',
    hint: `Changed: ${bindingChanges(saved, now).join(', ')}. A saved secret is only used with the settings it was saved with.`,
  });
}
