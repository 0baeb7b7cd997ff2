/** Client quotas (KIP-546), independent of the client library. */
import type { QuotaEntity, QuotaEntry } from '../../../shared/quotas/resolve';

export interface QuotasPort {
  /** Every user and client-id quota on the cluster (entities with an ip part are left out). */
  describeClientQuotas(): Promise<QuotaEntry[]>;
  /** Sets (number) or removes (null) quota values of one entity; with validateOnly the broker only checks. */
  alterClientQuotas(entity: QuotaEntity, values: Record<string, number | null>, validateOnly: boolean): Promise<void>;
}
