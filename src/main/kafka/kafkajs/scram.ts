import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { ScramMechanism, ScramPort } from '../ports/scram';
import { AlterUserScramCredentials } from '../protocol/generated/alter-user-scram-credentials';
import { DescribeUserScramCredentials } from '../protocol/generated/describe-user-scram-credentials';
import { sendApi } from '../protocol/send-api';
import { anyReachableBroker } from './any-broker';
import { protocolHint, rethrowAsAppError } from './errors';
import type { InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';

/** Kafka's ScramMechanism codes and the hash each uses. */
const MECHANISMS: Record<ScramMechanism, { code: number; hash: 'sha256' | 'sha512'; bytes: number }> = {
  'SCRAM-SHA-256': { code: 1, hash: 'sha256', bytes: 32 },
  'SCRAM-SHA-512': { code: 2, hash: 'sha512', bytes: 64 },
};
const byCode = (code: number): ScramMechanism | null => (Object.entries(MECHANISMS).find(([, m]) => m.code === code)?.[0] as ScramMechanism | undefined) ?? null;

function failure(errorCode: number, errorMessage: string | null, context: string): AppError {
  const code = errorNameForCode(errorCode);
  const hint = protocolHint(code);
  return new AppError({ name: 'KafkaProtocolError', code, message: `${context}: ${errorMessage ?? code}`, retriable: false, ...(hint ? { hint } : {}) });
}

/**
 * RFC 5802's SaltedPassword, Hi(password, salt, i), is PBKDF2 with the mechanism's HMAC and
 * its hash length: what `kafka-configs.sh --add-config SCRAM-SHA-256=[password=…]` sends.
 */
export function saltedPassword(mechanism: ScramMechanism, password: string, salt: Buffer, iterations: number): Buffer {
  const m = MECHANISMS[mechanism];
  return pbkdf2Sync(Buffer.from(password, 'utf8'), salt, iterations, m.bytes, m.hash);
}

export function createScramPort(getCluster: () => Promise<InternalCluster>): ScramPort {
  const broker = async (context: string) => anyReachableBroker(await getCluster()).catch(rethrowAsAppError(context));
  return {
    async describeScramUsers() {
      const context = 'Reading SCRAM users';
      const { response } = await sendApi(await broker(context), DescribeUserScramCredentials, { users: null }).catch(rethrowAsAppError(context));
      if (response.errorCode !== 0) throw failure(response.errorCode, response.errorMessage, context);
      return response.results
        .filter((r) => r.errorCode === 0)
        .map((r) => ({
          user: r.user,
          credentials: r.credentialInfos.flatMap((c) => {
            const mechanism = byCode(c.mechanism);
            return mechanism ? [{ mechanism, iterations: c.iterations }] : [];
          }),
        }))
        .sort((a, b) => a.user.localeCompare(b.user));
    },

    async alterScramCredentials(upserts, deletions) {
      const context = 'Changing SCRAM credentials';
      const upsertions = upserts.map((u) => {
        const salt = randomBytes(32);
        return { name: u.user, mechanism: MECHANISMS[u.mechanism].code, iterations: u.iterations, salt, saltedPassword: saltedPassword(u.mechanism, u.password, salt, u.iterations) };
      });
      const { response } = await sendApi(await broker(context), AlterUserScramCredentials, {
        deletions: deletions.map((d) => ({ name: d.user, mechanism: MECHANISMS[d.mechanism].code })),
        upsertions,
      }).catch(rethrowAsAppError(context));
      const failed = response.results.find((r) => r.errorCode !== 0);
      if (failed) throw failure(failed.errorCode, failed.errorMessage, `${context} of ${failed.user}`);
    },
  };
}
