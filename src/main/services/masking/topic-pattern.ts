/** A rule's topic glob as a test: `*` any run of characters, `?` one, everything else literal. */
export function topicMatcher(glob: string): (topic: string) => boolean {
  const source = glob
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  // Topic names are at most 249 characters of [a-zA-Z0-9._-]: no pattern can run long on them.
  const re = new RegExp(`^${source}$`);
  return (topic) => re.test(topic);
}
