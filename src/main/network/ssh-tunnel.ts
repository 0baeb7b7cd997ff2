import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import type { Duplex } from 'node:stream';
import type { Client, ClientChannel, ConnectConfig } from 'ssh2';
import type { HostKeyInfo, SshConfig, SshHop } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { FAR_SIDE_WORDS, farSideCause } from './far-side-cause';
import { checkHostKey, describeHostKey } from './known-hosts';
import { hostKeyChanged, hostKeyUnknown, SshErrorCode, sshError } from './ssh-errors';

export interface SshTunnelOptions {
  /** known_hosts files to check host keys against (the app's first). */
  knownHostsFiles: string[];
  /** SSH handshake + authentication deadline. */
  timeoutMs: number;
}

/** What the SSH step of the connection test reports. */
export interface SshSession {
  hostKey: HostKeyInfo;
  /** "alice@bastion:22 (via jump@gate:22)" */
  describe: string;
}

const expandHome = (path: string) => (path.startsWith('~/') ? homedir() + path.slice(1) : path);

function hopName(hop: SshHop): string {
  return `${hop.username}@${hop.host}:${hop.port}`;
}

async function authOptions(hop: SshHop): Promise<Partial<ConnectConfig>> {
  const auth = hop.auth;
  switch (auth.kind) {
    case 'password':
      return { password: auth.password, tryKeyboard: false };
    case 'agent': {
      const agent = auth.socket ?? process.env.SSH_AUTH_SOCK;
      if (!agent) throw sshError(SshErrorCode.AuthFailed, `No ssh-agent for ${hopName(hop)}: SSH_AUTH_SOCK is not set.`, 'Start ssh-agent and add your key (ssh-add), or choose a key file.');
      return { agent };
    }
    case 'key': {
      let privateKey: Buffer;
      try {
        privateKey = await readFile(expandHome(auth.keyFile));
      } catch (error) {
        throw sshError(SshErrorCode.KeyUnreadable, `Cannot read the SSH private key ${auth.keyFile}: ${(error as Error).message}`, 'Check the key file path and that this user may read it.');
      }
      return { privateKey, ...(auth.passphrase ? { passphrase: auth.passphrase } : {}) };
    }
  }
}

/** Opens one authenticated SSH connection to `hop`, over `sock` when reached through a jump host. */
async function openHop(hop: SshHop, options: SshTunnelOptions, sock?: Duplex): Promise<{ client: Client; hostKey: HostKeyInfo }> {
  const auth = await authOptions(hop);
  // Loaded on first use (about 100 ms): most connections never open a tunnel, and start-up is shorter without it.
  const { Client: SshClient } = await import('ssh2');
  const client = new SshClient();
  let hostKey: HostKeyInfo | null = null;
  let refusal: AppError | null = null;
  return new Promise((resolve, reject) => {
    const fail = (error: AppError) => {
      client.end();
      reject(error);
    };
    client.once('ready', () => {
      client.removeAllListeners('error');
      // Later errors (a dropped connection) surface on the channels; keep the process alive.
      client.on('error', () => undefined);
      resolve({ client, hostKey: hostKey! });
    });
    client.once('error', (error: Error & { level?: string; code?: string }) => {
      if (refusal) return fail(refusal);
      if (error.level === 'client-authentication') {
        return fail(sshError(SshErrorCode.AuthFailed, `The SSH server ${hop.host}:${hop.port} refused user ${hop.username} with this ${auth.password ? 'password' : auth.agent ? 'ssh-agent' : 'key'}.`, 'Check the user name and the key (or password); the server must list the public key in authorized_keys.'));
      }
      if (/passphrase|encrypted|parse privateKey|Unsupported key format/i.test(error.message)) {
        return fail(sshError(SshErrorCode.KeyUnreadable, `The SSH private key cannot be used: ${error.message}`, 'An encrypted key needs its passphrase; check the file is a private key (OpenSSH or PEM).'));
      }
      const timeout = error.level === 'client-timeout' || /timed out/i.test(error.message);
      fail(
        sshError(
          SshErrorCode.Unreachable,
          `The SSH server ${hop.host}:${hop.port} ${timeout ? 'did not answer in time' : `cannot be reached (${error.code ?? error.message})`}.`,
          'Check the SSH host and port, and that this machine may reach it (VPN, firewall).',
          true,
        ),
      );
    });
    const config: ConnectConfig = {
      host: hop.host,
      port: hop.port,
      username: hop.username,
      readyTimeout: options.timeoutMs,
      keepaliveInterval: 15_000,
      ...auth,
      ...(sock ? { sock } : {}),
      hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
        hostKey = describeHostKey(hop.host, hop.port, key);
        const info = hostKey;
        checkHostKey(options.knownHostsFiles, info).then(
          (verdict) => {
            if (verdict.kind === 'unknown') refusal = hostKeyUnknown(`${hop.host}:${hop.port}`, info);
            if (verdict.kind === 'changed') refusal = hostKeyChanged(`${hop.host}:${hop.port}`, info, verdict.file);
            verify(verdict.kind === 'known');
          },
          () => verify(false),
        );
      },
    };
    try {
      client.connect(config);
    } catch (error) {
      // ssh2 parses the key synchronously: an encrypted key without passphrase throws here.
      reject(sshError(SshErrorCode.KeyUnreadable, `The SSH private key cannot be used: ${(error as Error).message}`, 'An encrypted key needs its passphrase; check the file is a private key (OpenSSH or PEM).'));
    }
  });
}

function forward(client: Client, host: string, port: number, via: string): Promise<ClientChannel> {
  return new Promise((resolve, reject) => {
    client.forwardOut('127.0.0.1', 0, host, port, (error, channel) => {
      if (!error) return resolve(channel);
      const reason = (error as Error & { reason?: number }).reason;
      if (reason === 1) {
        return reject(sshError(SshErrorCode.ForwardRefused, `The SSH server ${via} does not allow forwarding to ${host}:${port} (administratively prohibited).`, 'The server forbids TCP forwarding (AllowTcpForwarding, PermitOpen): ask its administrator to allow it for the broker addresses.'));
      }
      // OpenSSH says why in the description: "Name or service not known", "Connection refused".
      const said = error.message.replace(/^\(SSH\) Channel open failure:\s*/, '').trim();
      const why = farSideCause(said);
      reject(
        sshError(
          SshErrorCode.ForwardFailed,
          `The SSH server ${via} could not connect to ${host}:${port}: ${why ? `${FAR_SIDE_WORDS[why]} (${said})` : said || 'connection refused or unreachable from there'}.`,
          'The address is resolved and connected on the SSH server: check it is the broker address as the server sees it (see the address mapping).',
          true,
        ),
      );
    });
  });
}

/**
 * One SSH connection (through an optional jump host) that carries every broker socket of a
 * connection: each `open(host, port)` is a forwarded channel (ssh -W), resolved and connected
 * by the server. Connects on first use and again after the connection dropped.
 */
export class SshTunnel {
  private session: Promise<{ client: Client; jump: Client | null; hostKey: HostKeyInfo }> | null = null;
  private closed = false;

  constructor(
    private readonly config: SshConfig,
    private readonly options: SshTunnelOptions,
  ) {}

  get name(): string {
    return hopName(this.config);
  }

  /** Connects (if not already) and says to whom; the connection test's SSH step. */
  async check(): Promise<SshSession> {
    const { hostKey } = await this.connect();
    const jump = this.config.jump;
    return { hostKey, describe: `${this.name}${jump ? ` (via ${hopName(jump)})` : ''}` };
  }

  /** A channel to host:port as the SSH server sees it. */
  async open(host: string, port: number): Promise<Duplex> {
    const { client } = await this.connect();
    return forward(client, host, port, `${this.config.host}:${this.config.port}`);
  }

  close(): void {
    this.closed = true;
    const session = this.session;
    this.session = null;
    void session?.then(
      ({ client, jump }) => {
        client.end();
        jump?.end();
      },
      () => undefined,
    );
  }

  private connect() {
    if (this.closed) return Promise.reject(sshError(SshErrorCode.Unreachable, 'The SSH tunnel is closed.'));
    if (this.session) return this.session;
    const session = (async () => {
      const jumpHop = this.config.jump;
      let jump: Client | null = null;
      let sock: Duplex | undefined;
      if (jumpHop) {
        jump = (await openHop(jumpHop, this.options)).client;
        sock = await forward(jump, this.config.host, this.config.port, `${jumpHop.host}:${jumpHop.port}`);
      }
      try {
        const { client, hostKey } = await openHop(this.config, this.options, sock);
        const forget = () => {
          if (this.session === session) this.session = null;
          jump?.end();
        };
        client.once('close', forget);
        jump?.once('close', () => client.end());
        return { client, jump, hostKey };
      } catch (error) {
        jump?.end();
        throw error;
      }
    })();
    this.session = session;
    session.catch(() => {
      if (this.session === session) this.session = null;
    });
    return session;
  }
}
