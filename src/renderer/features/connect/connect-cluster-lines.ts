/** The profile form's Kafka Connect clusters, one a line: "name URL", or just a URL (named after its host). */
export function parseConnectLines(text: string): { clusters: { name: string; url: string }[]; problem: string | null } {
  const clusters: { name: string; url: string }[] = [];
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    const url = parts.pop()!;
    if (!/^https?:\/\/\S+$/i.test(url)) return { clusters, problem: `Line ${i + 1}: end it with the Connect REST URL (http:// or https://).` };
    let name = parts.join(' ');
    if (!name) {
      try {
        name = new URL(url).hostname;
      } catch {
        return { clusters, problem: `Line ${i + 1}: "${url}" is not a URL.` };
      }
    }
    if (clusters.some((c) => c.name.toLowerCase() === name.toLowerCase())) return { clusters, problem: `Line ${i + 1}: another line is already named “${name}”.` };
    clusters.push({ name, url });
  }
  return { clusters, problem: null };
}

export function connectLines(clusters: readonly { name: string; url: string }[]): string {
  return clusters.map((c) => `${c.name} ${c.url}`).join('\n');
}
