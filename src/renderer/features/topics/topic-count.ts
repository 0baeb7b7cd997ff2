/** "1 topic", "5,000 topics": the topic list's subtitle. */
export function topicCount(n: number): string {
  return `${n.toLocaleString('en-US')} topic${n === 1 ? '' : 's'}`;
}
