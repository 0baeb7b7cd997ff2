import { useEffect, useState, type FormEvent } from 'react';
import { SECRET_REQUIRED, type AddressMapping, type HostKeyInfo, type ProfileView, type SecretName, type SecretStorageInfo } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import { useApi } from '../../api/ApiProvider';
import { ErrorMessage } from '../../components/ErrorMessage';
import { HelpField } from '../../components/HelpField';
import { RegistryFields } from './RegistryFields';
import { KafkaConnectFields } from './KafkaConnectFields';
import { MaskingRulesFields } from './MaskingRulesFields';
import { NetworkFields } from './NetworkFields';
import { OauthFields } from './OauthFields';
import { addressMapLines, parseAddressMap } from './route-form-state';
import { ConnectionTestSteps } from './ConnectionTestSteps';
import { useConnectionTest } from './connection-test-store';
import { draftFromForm, looksLikeProduction, PROFILE_COLORS, type ProfileFormState } from './profile-form-state';
import { useSaveProfile } from './profile-queries';

const Field = HelpField;

/** Creates or edits a profile: address, identity, timeouts, security, read-only; with a step-by-step test. */
export function ProfileForm(props: {
  initial: ProfileFormState;
  saved?: ProfileView | undefined;
  secretStorage?: SecretStorageInfo | undefined;
  /** Settings an import could not use, shown above the form. */
  notice?: string[] | undefined;
  onDone(saved?: ProfileView): void;
}) {
  const api = useApi();
  const [f, setForm] = useState(props.initial);
  const save = useSaveProfile();
  const test = useConnectionTest();
  const [testing, setTesting] = useState(false);
  const [testError, setTestError] = useState<unknown>(null);
  // Steps of an earlier test (another profile) do not belong to this form.
  useEffect(() => useConnectionTest.getState().start(''), []);
  const stored = new Set(props.saved?.storedSecrets ?? []);
  const set = (patch: Partial<ProfileFormState>) =>
    setForm((prev) => {
      const next = { ...prev, ...patch };
      // A production-looking name or address suggests read-only until the user decides.
      if (!next.readOnlyTouched && ('name' in patch || 'brokers' in patch)) next.readOnly = looksLikeProduction(next.name, next.brokers);
      return next;
    });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const saved = await save.mutateAsync(draftFromForm(f)).catch(() => undefined);
    if (saved) props.onDone(saved);
  }

  /** The user compared the fingerprint and accepts the key: main adds it to the app's known_hosts; test again. */
  async function trustHostKey(hostKey: HostKeyInfo) {
    try {
      await api.call('profiles.trustHostKey', hostKey);
    } catch (error) {
      setTestError(error);
      return;
    }
    await runTest();
  }

  /** The offered mapping joins the profile's (a saved profile is saved at once); then the test runs again. */
  async function applyMapping(offered: AddressMapping[]) {
    const current = parseAddressMap(f.addressMap).mappings.filter((m) => !offered.some((o) => o.from === m.from));
    const next = { ...f, addressMap: addressMapLines([...current, ...offered]) };
    setForm(next);
    if (next.id) await save.mutateAsync(draftFromForm(next)).catch(() => undefined);
    await runTest(next);
  }

  async function runTest(form = f) {
    const testId = `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    test.start(testId);
    setTesting(true);
    setTestError(null);
    try {
      await api.call('profiles.test', { testId, ...draftFromForm(form) });
    } catch (error) {
      setTestError(error);
    } finally {
      setTesting(false);
    }
  }

  const secretPlaceholder = (name: SecretName) => (stored.has(name) ? 'stored — leave empty to keep' : '');
  const sasl = f.auth !== 'none';
  // A stored secret refused for changed settings (SECRET_REQUIRED) is shown next to its field, where it must be typed again.
  const secretError = [testError, save.error].find((e) => AppError.is(e) && e.code === SECRET_REQUIRED) ?? null;
  const uses: Record<SecretName, boolean> = {
    password: sasl && f.auth !== 'oauthbearer',
    token: f.auth === 'oauthbearer' && f.oauthProvider === 'static',
    oauthClientSecret: f.auth === 'oauthbearer' && f.oauthProvider === 'oidc-client-credentials',
    keyPassphrase: f.tls && Boolean(f.keyFile.trim()),
    registryPassword: f.registry && f.registryAuth === 'basic',
    registryToken: f.registry && f.registryAuth === 'bearer',
    connectPassword: f.connect && f.connectAuth === 'basic',
    connectToken: f.connect && f.connectAuth === 'bearer',
    sshPassword: f.network === 'ssh' && f.sshAuth === 'password',
    sshPassphrase: f.network === 'ssh' && f.sshAuth === 'key',
    sshJumpPassword: f.network === 'ssh' && f.jump && f.jumpAuth === 'password',
    sshJumpPassphrase: f.network === 'ssh' && f.jump && f.jumpAuth === 'key',
    proxyPassword: (f.network === 'socks5' || f.network === 'http') && Boolean(f.proxyUser),
  };
  const mustRetype = (name: SecretName) => secretError !== null && uses[name] && stored.has(name) && !f[name];
  const retype = (name: SecretName) => (mustRetype(name) ? <ErrorMessage error={secretError} title="Type it again" /> : null);
  const secretNames = [
    'password',
    'token',
    'keyPassphrase',
    'registryPassword',
    'registryToken',
    'connectPassword',
    'connectToken',
    'sshPassword',
    'sshPassphrase',
    'sshJumpPassword',
    'sshJumpPassphrase',
    'proxyPassword',
    'oauthClientSecret',
  ] as const;
  // Once shown by its field, or typed again, the refusal is not repeated at the bottom.
  const secretHandled = secretNames.some(mustRetype) || secretNames.some((n) => uses[n] && f[n]);
  const general = (error: unknown) => Boolean(error) && !(error === secretError && secretHandled);

  return (
    <form className="profile-form" onSubmit={submit} aria-label={f.id ? `Edit profile ${props.initial.name}` : 'New profile'}>
      <h2>{f.id ? `Edit “${props.initial.name}”` : 'New connection profile'}</h2>
      {props.notice && props.notice.length > 0 && (
        <div className="import-notice" role="note">
          Not taken over from the file: {props.notice.join('; ')}
        </div>
      )}
      <div className="profile-form__grid">
        <Field label="Profile name">
          <input value={f.name} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Orders staging" required autoFocus />
        </Field>
        <div className="field">
          <span>Colour</span>
          <div className="color-choices" role="radiogroup" aria-label="Colour">
            {PROFILE_COLORS.map((c) => (
              <button key={c} type="button" role="radio" aria-checked={f.color === c} aria-label={c} className={`color-choice${f.color === c ? ' selected' : ''}`} style={{ background: c }} onClick={() => set({ color: c })} />
            ))}
          </div>
        </div>
        <Field label="Bootstrap addresses" help="host:port, comma-separated">
          <input value={f.brokers} onChange={(e) => set({ brokers: e.target.value })} spellCheck={false} required />
        </Field>
        <Field label="Client id">
          <input value={f.clientId} onChange={(e) => set({ clientId: e.target.value })} spellCheck={false} />
        </Field>
        <Field label="Connection timeout (s)" help="per broker: TCP, TLS and SASL; also the limit of each test step">
          <input type="number" min={0.5} max={120} step={0.5} value={f.connectionTimeoutS} onChange={(e) => set({ connectionTimeoutS: e.target.value })} />
        </Field>
        <Field label="Request timeout (s)">
          <input type="number" min={1} max={300} value={f.requestTimeoutS} onChange={(e) => set({ requestTimeoutS: e.target.value })} />
        </Field>
      </div>

      <NetworkFields form={f} set={set} placeholder={secretPlaceholder} retype={retype} />

      <fieldset className="profile-form__section">
        <legend>Authentication</legend>
        <Field label="SASL mechanism">
          <select value={f.auth} onChange={(e) => set({ auth: e.target.value as ProfileFormState['auth'] })}>
            <option value="none">None</option>
            <option value="plain">SASL/PLAIN</option>
            <option value="scram-sha-256">SASL/SCRAM-SHA-256</option>
            <option value="scram-sha-512">SASL/SCRAM-SHA-512</option>
            <option value="oauthbearer">SASL/OAUTHBEARER (token or OIDC)</option>
          </select>
        </Field>
        {sasl && f.auth !== 'oauthbearer' && (
          <div className="profile-form__grid">
            <Field label="User name">
              <input value={f.username} onChange={(e) => set({ username: e.target.value })} autoComplete="off" spellCheck={false} />
            </Field>
            <Field label="Password">
              <input type="password" value={f.password} onChange={(e) => set({ password: e.target.value })} placeholder={secretPlaceholder('password')} autoComplete="new-password" />
            </Field>
          </div>
        )}
        {retype('password')}
        {f.auth === 'oauthbearer' && <OauthFields form={f} set={set} placeholder={secretPlaceholder} retype={retype} />}
      </fieldset>

      <fieldset className="profile-form__section">
        <legend>Encryption</legend>
        <label className="checkbox">
          <input type="checkbox" checked={f.tls} onChange={(e) => set({ tls: e.target.checked })} />
          <span>Use TLS</span>
        </label>
        {f.tls && (
          <>
            <Field label="CA certificate file (PEM)" help="Empty: the system's trusted CAs.">
              <input value={f.caFile} onChange={(e) => set({ caFile: e.target.value })} placeholder="/path/to/ca.pem" spellCheck={false} />
            </Field>
            <div className="profile-form__grid">
              <Field label="Client certificate file (PEM)" help="Mutual TLS only.">
                <input value={f.certFile} onChange={(e) => set({ certFile: e.target.value })} spellCheck={false} />
              </Field>
              <Field label="Client key file (PEM)">
                <input value={f.keyFile} onChange={(e) => set({ keyFile: e.target.value })} spellCheck={false} />
              </Field>
            </div>
            {f.keyFile && (
              <Field label="Key passphrase" help="Only if the private key is encrypted.">
                <input type="password" value={f.keyPassphrase} onChange={(e) => set({ keyPassphrase: e.target.value })} placeholder={secretPlaceholder('keyPassphrase')} autoComplete="new-password" />
              </Field>
            )}
            {retype('keyPassphrase')}
            <label className="checkbox">
              <input type="checkbox" checked={f.skipVerify} onChange={(e) => set({ skipVerify: e.target.checked })} />
              <span>Do not verify the server certificate (insecure)</span>
            </label>
            {f.skipVerify && (
              <div className="insecure-warning" role="note">
                Anyone between you and the cluster can read and change the traffic, passwords included. Use this only for a throw-away test cluster.
              </div>
            )}
          </>
        )}
      </fieldset>

      <RegistryFields form={f} set={set} placeholder={secretPlaceholder} retype={retype} />
      <KafkaConnectFields form={f} set={set} placeholder={secretPlaceholder} retype={retype} />

      <MaskingRulesFields rules={f.masking} onChange={(masking) => set({ masking })} />

      <label className="checkbox">
        <input type="checkbox" checked={f.readOnly} onChange={(e) => setForm((prev) => ({ ...prev, readOnly: e.target.checked, readOnlyTouched: true }))} />
        <span>Read-only profile (main refuses every change to this cluster)</span>
      </label>

      {props.secretStorage && (
        <p className="secret-note" data-kind={props.secretStorage.kind}>
          Passwords, tokens and passphrases are kept apart from the profile. {props.secretStorage.description}
        </p>
      )}

      <ConnectionTestSteps steps={test.steps} onTrustHostKey={(k) => void trustHostKey(k)} onUseMapping={(m) => void applyMapping(m)} />
      {general(testError) && <ErrorMessage error={testError} title="Could not test" />}
      {general(save.error) && <ErrorMessage error={save.error} title="Could not save the profile" />}

      <div className="profile-form__actions">
        <button type="button" className="button" onClick={() => void runTest()} disabled={testing}>
          {testing ? 'Testing…' : 'Test connection'}
        </button>
        <span className="spacer" />
        <button type="button" className="button" onClick={() => props.onDone()}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={save.isPending}>
          Save profile
        </button>
      </div>
    </form>
  );
}
