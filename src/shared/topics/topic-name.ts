import { TopicName } from '../api/common';

export interface TopicNameCheck {
  /** Why Kafka would refuse the name, or null. */
  error: string | null;
  /** Something worth knowing that does not block creating it, or null. */
  warning: string | null;
}

/** Kafka puts "." and "_" in the same place of metric names, so "a.b" and "a_b" collide. */
const metricName = (name: string) => name.replace(/\./g, '_');

/** Checks a new topic's name as Kafka does: legal characters and length, and collisions through "." and "_". */
export function checkTopicName(name: string, existing: readonly string[]): TopicNameCheck {
  const parsed = TopicName.safeParse(name);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? 'invalid topic name', warning: null };
  if (existing.includes(name)) return { error: `A topic named “${name}” already exists.`, warning: null };
  const twin = existing.find((t) => metricName(t) === metricName(name));
  if (twin) return { error: `“${name}” collides with the existing topic “${twin}”: Kafka treats “.” and “_” alike in metric names and refuses it.`, warning: null };
  if (name.includes('.') && name.includes('_')) {
    return { error: null, warning: 'The name mixes “.” and “_”: Kafka treats them alike in metric names, so a later topic differing only there would collide. Using one of the two is safer.' };
  }
  return { error: null, warning: null };
}
