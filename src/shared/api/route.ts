import { z } from 'zod';

const Secret = z.string().max(64 * 1024);
const FilePath = z.string().trim().min(1).max(4096);
const Host = z.string().trim().min(1, 'host is empty').max(255).regex(/^[A-Za-z0-9._:[\]-]+$/, 'not a host name or IP address');
const Port = z.number().int().min(1).max(65535);

/**
 * One address rewrite: what brokers advertise → what this machine can reach. `from` is
 * `host:port` where the host may contain `*` (e.g. `*.internal:9092`, port `*` for any);
 * `to` is `host:port`, the port optionally `+n`: n is the number in the text `*` matched
 * (`kafka-2` → 2), so `*.internal:9092 → 127.0.0.1:19090+n` sends kafka-2 to 19092.
 * `to` port `*` keeps the advertised port. Through an SSH tunnel or proxy, `to` is what the
 * far side connects to.
 */
export const AddressMapping = z.object({
  from: z.string().trim().min(3).max(300).regex(/^[A-Za-z0-9._*[\]:-]+:(\d{1,5}|\*)$/, 'expected host:port, * allowed, e.g. *.internal:9092'),
  to: z.string().trim().min(3).max(300).regex(/^[A-Za-z0-9._[\]:-]+:(\d{1,5}(\+n)?|\*)$/, 'expected host:port, host:port+n or host:* (same port), e.g. 127.0.0.1:19090+n'),
});
export type AddressMapping = z.infer<typeof AddressMapping>;

/** How to prove who we are to an SSH server. */
export const SshAuth = z.discriminatedUnion('kind', [
  /** A private key file (OpenSSH or PEM), with its passphrase when encrypted. */
  z.object({ kind: z.literal('key'), keyFile: FilePath, passphrase: Secret.optional() }),
  /** The running ssh-agent ($SSH_AUTH_SOCK unless a socket is given). */
  z.object({ kind: z.literal('agent'), socket: FilePath.optional() }),
  z.object({ kind: z.literal('password'), password: Secret.min(1, 'password is empty') }),
]);
export type SshAuth = z.infer<typeof SshAuth>;

const SshHop = z.object({
  host: Host,
  port: Port.default(22),
  username: z.string().trim().min(1, 'user name is empty').max(256),
  auth: SshAuth,
});

/**
 * An SSH server (a bastion) that carries every broker connection: one SSH connection per
 * open connection, one forwarded channel per broker socket. `jump` is reached first and
 * the bastion through it (ssh -J). Host keys are checked against known_hosts.
 */
export const SshConfig = SshHop.extend({ jump: SshHop.optional() });
export type SshConfig = z.output<typeof SshConfig>;
export type SshHop = z.output<typeof SshHop>;

/** A SOCKS5 or HTTP CONNECT proxy every broker (and registry) connection goes through. */
export const ProxyConfig = z.object({
  kind: z.enum(['socks5', 'http']),
  host: Host,
  port: Port,
  username: z.string().trim().max(256).optional(),
  password: Secret.optional(),
});
export type ProxyConfig = z.output<typeof ProxyConfig>;

/** What an unknown or changed SSH host key looks like to the user (as OpenSSH prints it). */
export interface HostKeyInfo {
  /** known_hosts name: `host` on port 22, `[host]:port` otherwise. */
  hostPattern: string;
  keyType: string;
  /** The key blob, base64, as a known_hosts line carries it. */
  key: string;
  /** `SHA256:…` */
  fingerprint: string;
}
