import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What a secured test cluster offers besides its PLAINTEXT listener. Everything a client
 * needs to connect is here: ports, user names and passwords, and the PEM files.
 */
export interface ClusterSecurity {
  /** SASL_PLAINTEXT listener: PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  saslPort: number;
  /** SASL_SSL listener: the same mechanisms and users over TLS (server certificate only). */
  saslSslPort: number;
  /** SSL listener, server certificate only (principal ANONYMOUS). */
  sslPort: number;
  /** SSL listener that requires a client certificate (principal User:ke-client). */
  mtlsPort: number;
  /** Super user: may do everything. Known to PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  admin: { username: string; password: string };
  /** An ordinary user without ACLs. Known to PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512. */
  alice: { username: string; password: string };
  /** PEM of the CA that signed the broker's (and the client's) certificate. */
  caFile: string;
  /** Client certificate and key (PEM, key unencrypted) for the mTLS listener. */
  clientCertFile: string;
  clientKeyFile: string;
  /** Principal the broker gives the mTLS client. */
  clientPrincipal: string;
}

/** Where the secured listeners of one node go. */
export interface SecurityLayout {
  saslPort: number;
  saslSslPort: number;
  sslPort: number;
  mtlsPort: number;
  keystoreFile: string;
  keystorePassword: string;
  caFile: string;
}

export const SECURITY_USERS = {
  admin: { username: 'admin', password: 'admin-secret' },
  alice: { username: 'alice', password: 'alice-secret' },
} as const;

/**
 * A throw-away CA, a broker certificate for 127.0.0.1/localhost (in a PKCS12 keystore the
 * broker reads) and a client certificate for mutual TLS, all made with openssl.
 */
export async function makeTlsMaterial(dir: string): Promise<{ caFile: string; keystoreFile: string; keystorePassword: string; clientCertFile: string; clientKeyFile: string }> {
  await mkdir(dir, { recursive: true });
  const f = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => run('openssl', args);
  const keystorePassword = 'ke-keystore-secret';
  await writeFile(f('server.ext'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  await writeFile(f('client.ext'), 'extendedKeyUsage=clientAuth\n');

  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=Kafka Explorer Test CA', '-keyout', f('ca.key'), '-out', f('ca.pem'));
  await Promise.all(
    (['server', 'client'] as const).map(async (who) => {
      const cn = who === 'server' ? 'localhost' : 'ke-client';
      await openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-keyout', f(`${who}.key`), '-out', f(`${who}.csr`));
      // A serial of its own, not -CAcreateserial: the two signings run at once, and one read the
      // serial file while the other was writing it ("Unable to load number from ca.srl", CI).
      const serial = who === 'server' ? '1001' : '1002';
      await openssl('x509', '-req', '-in', f(`${who}.csr`), '-CA', f('ca.pem'), '-CAkey', f('ca.key'), '-set_serial', serial, '-days', '30', '-extfile', f(`${who}.ext`), '-out', f(`${who}.pem`));
    }),
  );
  await openssl('pkcs12', '-export', '-in', f('server.pem'), '-inkey', f('server.key'), '-certfile', f('ca.pem'), '-name', 'broker', '-passout', `pass:${keystorePassword}`, '-out', f('server.p12'));
  return { caFile: f('ca.pem'), keystoreFile: f('server.p12'), keystorePassword, clientCertFile: f('client.pem'), clientKeyFile: f('client.key') };
}

/** server.properties lines that add the SASL, SSL and mTLS listeners and the authorizer. */
export function securityProperties(security: SecurityLayout): Record<string, string | number | boolean> {
  const jaasPlain = `org.apache.kafka.common.security.plain.PlainLoginModule required ${Object.values(SECURITY_USERS)
    .map((u) => `user_${u.username}="${u.password}"`)
    .join(' ')};`;
  const jaasScram = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
  return {
    'sasl.enabled.mechanisms': 'PLAIN,SCRAM-SHA-256,SCRAM-SHA-512',
    'listener.name.sasl_plaintext.plain.sasl.jaas.config': jaasPlain,
    'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config': jaasScram,
    'listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config': jaasScram,
    'listener.name.sasl_ssl.plain.sasl.jaas.config': jaasPlain,
    'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config': jaasScram,
    'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config': jaasScram,
    // Both SSL listeners use the same broker certificate; only MTLS asks for the client's.
    'ssl.keystore.type': 'PKCS12',
    'ssl.keystore.location': security.keystoreFile,
    'ssl.keystore.password': security.keystorePassword,
    'ssl.key.password': security.keystorePassword,
    'ssl.truststore.type': 'PEM',
    'ssl.truststore.location': security.caFile,
    'listener.name.mtls.ssl.client.auth': 'required',
    // "CN=ke-client" becomes the principal User:ke-client.
    'ssl.principal.mapping.rules': 'RULE:^CN=([^,]+)$/$1/,DEFAULT',
    'authorizer.class.name': 'org.apache.kafka.metadata.authorizer.StandardAuthorizer',
    // PLAINTEXT (inter-broker, controller) and the server-auth-only SSL listener are ANONYMOUS.
    'super.users': `User:${SECURITY_USERS.admin.username};User:ANONYMOUS`,
  };
}

/** `kafka-storage format` arguments that create the SCRAM users. */
export function scramFormatArgs(): string[] {
  return Object.values(SECURITY_USERS).flatMap((u) =>
    ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((m) => ['-S', `${m}=[name=${u.username},password=${u.password}]`]),
  );
}
