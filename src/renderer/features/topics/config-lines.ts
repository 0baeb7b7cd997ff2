/** Configs as the clone dialog edits them: one `name=value` a line, as in a .properties file. */
export function configsToLines(configs: Record<string, string>): string {
  return Object.entries(configs)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

/** The configs of the lines, or the first line that is not `name=value` (blank lines and `#` comments are skipped). */
export function linesToConfigs(text: string): { configs: Record<string, string>; error: string | null } {
  const configs: Record<string, string> = {};
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at <= 0) return { configs, error: `Line ${i + 1} is not name=value: ${line}` };
    configs[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return { configs, error: null };
}
