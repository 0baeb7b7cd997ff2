/** Why a total lag is marked "+?": some committed partitions had no leader, so no log end to count from. */
export function lagUnknownWhy(partitions: number): string {
  return `Not counted: ${partitions} partition${partitions === 1 ? '' : 's'} without a leader right now (broker down?), so their log end is unknown.`;
}
