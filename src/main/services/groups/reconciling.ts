/** Two assignments (topic → partitions) hold the same partitions, in whatever order. */
export function sameAssignment(a: { topic: string; partitions: number[] }[], b: { topic: string; partitions: number[] }[]): boolean {
  const keys = (x: typeof a) =>
    x
      .flatMap((t) => t.partitions.map((p) => `${t.topic}:${p}`))
      .sort()
      .join(',');
  return keys(a) === keys(b);
}
