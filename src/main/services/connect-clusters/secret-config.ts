import type { ConfigKeyDefinition } from '../../../shared/api';

/** What the worker itself shows for a PASSWORD value (in validate answers); the renderer sees only this. */
export const HIDDEN = '[hidden]';

/** Keys that hold secrets even when the plugin does not type them PASSWORD (JAAS lines, API keys…). */
const SECRET_NAME = /password|secret|token|credential|jaas|api\.?key|private\.?key|keystore\.key|sasl\.oauthbearer\.client/i;

const isSecret = (key: string, types: Map<string, string>) => types.get(key) === 'PASSWORD' || SECRET_NAME.test(key);

/**
 * The config with secrets replaced by "[hidden]", as the worker masks PASSWORD values: they never
 * reach the renderer. A config-provider reference (`${file:…}`) is not a secret and stays readable.
 */
export function maskSecrets(config: Record<string, string>, definitions: ConfigKeyDefinition[]): Record<string, string> {
  const types = new Map(definitions.map((d) => [d.name, d.type]));
  return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, isSecret(k, types) && !/^\$\{.*\}$/.test(v) && v !== '' ? HIDDEN : v]));
}

/** An edit sends "[hidden]" back for secrets it did not change: those keep the value the worker has. */
export function unmaskSecrets(edited: Record<string, string>, current: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(edited).map(([k, v]) => [k, v === HIDDEN && current[k] !== undefined ? current[k] : v]));
}
