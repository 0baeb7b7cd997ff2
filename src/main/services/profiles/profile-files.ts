import type { ImportedProfile, Profile, ProfileDraftInput, ProfileSecrets, SaslMechanism } from '../../../shared/api';

/** Parses `key=value` / `key: value` lines (Java .properties and librdkafka/kcat config), comments and continuations. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]!.trim();
    const sep = line.search(/[=:]/);
    if (sep <= 0) continue;
    out.set(line.slice(0, sep).trim(), line.slice(sep + 1).trim());
  }
  return out;
}

const MECHANISMS: Record<string, SaslMechanism> = { PLAIN: 'plain', 'SCRAM-SHA-256': 'scram-sha-256', 'SCRAM-SHA-512': 'scram-sha-512', OAUTHBEARER: 'oauthbearer' };

/** `username="x" password="y"` options of a JAAS line. */
function jaasOptions(jaas: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of jaas.matchAll(/(\w+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]+))/g)) out[m[1]!] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  return out;
}

const number = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : undefined);

/**
 * A draft profile from a Java client `.properties` (`format: 'properties'`) or a kcat/librdkafka
 * `-F` config (`format: 'kcat'`). Secrets come back separately so the form can hold them
 * without showing them; settings the app cannot use are listed in `ignored`.
 */
export function importProfile(format: 'properties' | 'kcat', text: string, name = 'Imported cluster'): ImportedProfile {
  const p = parseProperties(text);
  const used = new Set<string>();
  const get = (...keys: string[]) => {
    for (const k of keys) {
      if (p.has(k)) {
        used.add(k);
        return p.get(k);
      }
    }
    return undefined;
  };
  const ignored: string[] = [];
  const secrets: ProfileSecrets = {};
  const brokers = (get('bootstrap.servers', 'metadata.broker.list') ?? '').split(/[\s,]+/).filter(Boolean);
  const protocol = (get('security.protocol') ?? 'PLAINTEXT').toUpperCase();
  const draft: ProfileDraftInput = { name, brokers };
  const clientId = get('client.id');
  if (clientId) draft.clientId = clientId;
  const connectTimeout = number(get('socket.connection.setup.timeout.ms'));
  if (connectTimeout) draft.connectionTimeoutMs = Math.min(120_000, Math.max(500, connectTimeout));
  const requestTimeout = number(get('request.timeout.ms', 'socket.timeout.ms'));
  if (requestTimeout) draft.requestTimeoutMs = Math.min(300_000, Math.max(1000, requestTimeout));

  if (protocol.startsWith('SASL_')) {
    const mechanismName = (get('sasl.mechanism', 'sasl.mechanisms') ?? 'PLAIN').toUpperCase();
    const mechanism = MECHANISMS[mechanismName];
    if (!mechanism) ignored.push(`sasl.mechanism=${mechanismName} (not supported)`);
    let username = get('sasl.username') ?? '';
    let password = get('sasl.password');
    const jaas = get('sasl.jaas.config');
    if (jaas) {
      const o = jaasOptions(jaas);
      username ||= o.username ?? '';
      password ??= o.password;
    }
    const tokenUrl = get('sasl.oauthbearer.token.endpoint.url');
    if (mechanism === 'oauthbearer' && tokenUrl && jaas) {
      // Kafka's OAuthBearerLoginModule: clientId, clientSecret, scope and extension_<key> in the JAAS line.
      const o = jaasOptions(jaas);
      const extensions = Object.fromEntries(Object.entries(o).filter(([k]) => k.startsWith('extension_')).map(([k, v]) => [k.slice('extension_'.length), v]));
      draft.sasl = { mechanism, username: '', oauth: { provider: 'oidc-client-credentials', tokenUrl, clientId: o.clientId ?? '', scope: o.scope ?? '', extensions } };
      if (o.clientSecret && !/^<.*>$/.test(o.clientSecret)) secrets.oauthClientSecret = o.clientSecret;
    } else if (mechanism === 'oauthbearer') {
      draft.sasl = { mechanism, username: '' };
      ignored.push('OAUTHBEARER token source: paste a token in the profile');
    } else if (mechanism) {
      draft.sasl = { mechanism, username };
      if (password) secrets.password = password;
    }
  }
  if (protocol === 'SSL' || protocol === 'SASL_SSL') {
    const tls: NonNullable<ProfileDraftInput['tls']> = {};
    if (format === 'kcat') {
      const ca = get('ssl.ca.location');
      if (ca) tls.caFile = ca;
      const cert = get('ssl.certificate.location');
      const key = get('ssl.key.location');
      if (cert && key) Object.assign(tls, { certFile: cert, keyFile: key });
      if (get('enable.ssl.certificate.verification')?.toLowerCase() === 'false') tls.skipVerify = true;
    } else {
      const trustType = (get('ssl.truststore.type') ?? 'JKS').toUpperCase();
      const trust = get('ssl.truststore.location');
      if (trust && trustType === 'PEM') tls.caFile = trust;
      else if (trust) ignored.push(`ssl.truststore.location (${trustType}: export the CA as PEM, e.g. keytool -exportcert -rfc)`);
      const keyType = (get('ssl.keystore.type') ?? 'JKS').toUpperCase();
      const keystore = get('ssl.keystore.location');
      // A Java PEM keystore holds the key and the certificate chain in one file.
      if (keystore && keyType === 'PEM') Object.assign(tls, { certFile: keystore, keyFile: keystore });
      else if (keystore) ignored.push(`ssl.keystore.location (${keyType}: convert to PEM certificate + key)`);
      if (get('ssl.endpoint.identification.algorithm') === '') ignored.push('ssl.endpoint.identification.algorithm= (host-name check stays on)');
    }
    const keyPassword = get('ssl.key.password');
    if (keyPassword) secrets.keyPassphrase = keyPassword;
    draft.tls = tls;
  }
  for (const key of p.keys()) {
    if (!used.has(key) && !/password|secret|token/i.test(key)) ignored.push(key);
    else if (!used.has(key)) ignored.push(`${key} (secret, not used)`);
  }
  return { draft, secrets, ignored };
}

/** A Java client `.properties` for a profile. Secrets are never written: placeholders say where they go. */
export function exportProperties(profile: Profile): string {
  const protocol = profile.sasl ? (profile.tls ? 'SASL_SSL' : 'SASL_PLAINTEXT') : profile.tls ? 'SSL' : 'PLAINTEXT';
  const lines = [
    `# Kafka Explorer profile "${profile.name.replace(/\n/g, ' ')}"`,
    '# Secrets are not exported: replace the <…> placeholders.',
    `bootstrap.servers=${profile.brokers.join(',')}`,
    `client.id=${profile.clientId}`,
    `security.protocol=${protocol}`,
    `socket.connection.setup.timeout.ms=${profile.connectionTimeoutMs}`,
    `request.timeout.ms=${profile.requestTimeoutMs}`,
  ];
  const sasl = profile.sasl;
  if (sasl) {
    lines.push(`sasl.mechanism=${sasl.mechanism.toUpperCase()}`);
    const oauth = sasl.mechanism === 'oauthbearer' ? sasl.oauth : undefined;
    if (oauth?.provider === 'oidc-client-credentials') {
      const q = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
      const options = [`clientId=${q(oauth.clientId)}`, 'clientSecret="<client secret>"', ...(oauth.scope ? [`scope=${q(oauth.scope)}`] : []), ...Object.entries(oauth.extensions).map(([k, v]) => `extension_${k}=${q(v)}`)];
      lines.push(
        `sasl.oauthbearer.token.endpoint.url=${oauth.tokenUrl}`,
        'sasl.login.callback.handler.class=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
        `sasl.jaas.config=org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ${options.join(' ')};`,
      );
    } else if (sasl.mechanism === 'oauthbearer') {
      lines.push('# OAUTHBEARER: configure sasl.login.callback.handler.class or sasl.oauthbearer.token.endpoint.url for your provider');
    } else {
      const module = sasl.mechanism === 'plain' ? 'org.apache.kafka.common.security.plain.PlainLoginModule' : 'org.apache.kafka.common.security.scram.ScramLoginModule';
      lines.push(`sasl.jaas.config=${module} required username="${sasl.username.replace(/"/g, '\\"')}" password="<password>";`);
    }
  }
  const tls = profile.tls;
  if (tls) {
    if (tls.caFile) lines.push('ssl.truststore.type=PEM', `ssl.truststore.location=${tls.caFile}`);
    if (tls.certFile && tls.keyFile) {
      if (tls.certFile === tls.keyFile) lines.push('ssl.keystore.type=PEM', `ssl.keystore.location=${tls.certFile}`);
      else lines.push(`# mutual TLS: Java wants key and certificate in one PEM file for ssl.keystore.location (certificate: ${tls.certFile}, key: ${tls.keyFile})`);
      lines.push('# ssl.key.password=<key passphrase, if the key is encrypted>');
    }
    if (tls.skipVerify) lines.push('# The profile does not verify the server certificate; Java clients always do.');
  }
  return lines.join('\n') + '\n';
}
