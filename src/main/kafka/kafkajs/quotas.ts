import { AppError } from '../../../shared/errors';
import type { QuotaEntity, QuotaEntry } from '../../../shared/quotas/resolve';
import type { QuotasPort } from '../ports/quotas';
import { AlterClientQuotas } from '../protocol/generated/alter-client-quotas';
import { DescribeClientQuotas } from '../protocol/generated/describe-client-quotas';
import { sendApi } from '../protocol/send-api';
import { anyReachableBroker } from './any-broker';
import { protocolHint, rethrowAsAppError } from './errors';
import type { InternalCluster } from './internals';
import { errorNameForCode } from './protocol-errors';

function failure(errorCode: number, errorMessage: string | null, context: string): AppError {
  const code = errorNameForCode(errorCode);
  const hint = protocolHint(code);
  return new AppError({ name: 'KafkaProtocolError', code, message: `${context}: ${errorMessage ?? code}`, retriable: false, ...(hint ? { hint } : {}) });
}

/** Kafka's entity parts: a name, or null for the default; a part left out is not sent. */
function toComponents(entity: QuotaEntity): { entityType: string; entityName: string | null }[] {
  return [
    ...(entity.user !== undefined ? [{ entityType: 'user', entityName: entity.user }] : []),
    ...(entity.clientId !== undefined ? [{ entityType: 'client-id', entityName: entity.clientId }] : []),
  ];
}

/** Client quotas through the generated codec; KRaft brokers forward changes to the controller. */
export function createQuotasPort(getCluster: () => Promise<InternalCluster>): QuotasPort {
  const broker = async (context: string) => anyReachableBroker(await getCluster()).catch(rethrowAsAppError(context));
  return {
    async describeClientQuotas() {
      const context = 'Reading client quotas';
      const { response } = await sendApi(await broker(context), DescribeClientQuotas, { components: [], strict: false }).catch(rethrowAsAppError(context));
      if (response.errorCode !== 0) throw failure(response.errorCode, response.errorMessage, context);
      return (response.entries ?? [])
        .filter((e) => e.entity.every((p) => p.entityType === 'user' || p.entityType === 'client-id'))
        .map((e): QuotaEntry => {
          const entity: QuotaEntity = {};
          for (const p of e.entity) {
            if (p.entityType === 'user') entity.user = p.entityName;
            else entity.clientId = p.entityName;
          }
          return { entity, values: Object.fromEntries(e.values.map((v) => [v.key, v.value])) };
        });
    },

    async alterClientQuotas(entity, values, validateOnly) {
      const context = 'Changing client quotas';
      const ops = Object.entries(values).map(([key, value]) => ({ key, value: value ?? 0, remove: value === null }));
      const { response } = await sendApi(await broker(context), AlterClientQuotas, { entries: [{ entity: toComponents(entity), ops }], validateOnly }).catch(rethrowAsAppError(context));
      const failed = response.entries.find((e) => e.errorCode !== 0);
      if (failed) throw failure(failed.errorCode, failed.errorMessage, context);
    },
  };
}
