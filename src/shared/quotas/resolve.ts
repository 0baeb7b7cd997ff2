/**
 * Which client quota applies to a connection, following the broker's own order
 * (DefaultQuotaCallback / ClientQuotaManager, documented under "Quotas" in Kafka's ops guide).
 * For each quota type the first of these entities that sets it wins:
 *   1. user + client id          5. default user + default client id
 *   2. user + default client id  6. default user
 *   3. user                      7. client id
 *   4. default user + client id  8. default client id
 * A level with a user but no client id is shared by every client id of that user; a level with a
 * client id but no user by every user with that client id.
 */

/** One side of an entity: a name, the default (null), or not part of the entity (undefined). */
export type EntityPart = string | null | undefined;

export interface QuotaEntity {
  user?: EntityPart;
  clientId?: EntityPart;
}

export interface QuotaEntry {
  entity: QuotaEntity;
  values: Record<string, number>;
}

export const QUOTA_KEYS = ['producer_byte_rate', 'consumer_byte_rate', 'request_percentage', 'controller_mutation_rate'] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];

/** The eight levels, most specific first: which user and client-id part each entity has. */
const LEVELS: { user: 'name' | 'default' | 'none'; clientId: 'name' | 'default' | 'none' }[] = [
  { user: 'name', clientId: 'name' },
  { user: 'name', clientId: 'default' },
  { user: 'name', clientId: 'none' },
  { user: 'default', clientId: 'name' },
  { user: 'default', clientId: 'default' },
  { user: 'default', clientId: 'none' },
  { user: 'none', clientId: 'name' },
  { user: 'none', clientId: 'default' },
];

export interface ResolvedQuota {
  key: string;
  /** The limit, or null when no entity sets it (then the connection is not limited by this type). */
  value: number | null;
  /** 1–8 in the order above; null when none applies. */
  level: number | null;
  entity: QuotaEntity | null;
  /** In words: which entity, and who shares the limit. */
  why: string;
}

const part = (kind: 'name' | 'default' | 'none', name: string): EntityPart => (kind === 'name' ? name : kind === 'default' ? null : undefined);

/** "user alice + client id <default>" and the like. */
export function describeEntity(entity: QuotaEntity): string {
  const side = (label: string, p: EntityPart) => (p === undefined ? null : `${label} ${p === null ? '<default>' : p}`);
  return [side('user', entity.user), side('client id', entity.clientId)].filter(Boolean).join(' + ') || '(no entity)';
}

function sameEntity(a: QuotaEntity, b: QuotaEntity): boolean {
  return a.user === b.user && a.clientId === b.clientId;
}

function sharing(level: (typeof LEVELS)[number], user: string, clientId: string): string {
  if (level.user !== 'none' && level.clientId === 'none') return `shared by every client id of user ${user}`;
  if (level.user === 'none') return `shared by every user connecting with client id ${clientId}`;
  return `for user ${user} with client id ${clientId}`;
}

/** Each quota type's limit for `user` (the principal's name) connecting with `clientId`, and why. */
export function resolveQuotas(entries: QuotaEntry[], user: string, clientId: string, keys: readonly string[] = QUOTA_KEYS): ResolvedQuota[] {
  return keys.map((key) => {
    for (const [i, level] of LEVELS.entries()) {
      const entity: QuotaEntity = { user: part(level.user, user), clientId: part(level.clientId, clientId) };
      const hit = entries.find((e) => sameEntity(e.entity, entity) && e.values[key] !== undefined);
      if (hit) {
        return { key, value: hit.values[key]!, level: i + 1, entity, why: `Level ${i + 1}: set on ${describeEntity(entity)}, ${sharing(level, user, clientId)}.` };
      }
    }
    return { key, value: null, level: null, entity: null, why: 'No entity sets it: not limited (unless a static broker config does).' };
  });
}
