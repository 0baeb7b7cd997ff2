import { isUtf8 } from 'node:buffer';

/**
 * What a regex rule means for binary bytes (not valid UTF-8 as a whole): it applies to each run
 * of valid UTF-8 between the invalid bytes, which is the text a hex or base64 view of the bytes
 * holds (an email in a binary frame is still an email). The invalid bytes stay as they were;
 * a match cannot span one. Returns the same buffer when nothing changed.
 */
export function rewriteTextRuns(bytes: Buffer, rewrite: (text: string) => string): Buffer {
  const out: Buffer[] = [];
  let changed = false;
  let runStart = 0;
  const flush = (end: number) => {
    if (end <= runStart) return;
    const run = bytes.subarray(runStart, end);
    const text = run.toString('utf8');
    const next = rewrite(text);
    if (next !== text) changed = true;
    out.push(next === text ? run : Buffer.from(next, 'utf8'));
  };
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    // isUtf8 on the one sequence rules out bad continuations, overlong forms and surrogates.
    if (len > 0 && i + len <= bytes.length && isUtf8(bytes.subarray(i, i + len))) {
      i += len;
      continue;
    }
    flush(i);
    out.push(bytes.subarray(i, i + 1));
    i++;
    runStart = i;
  }
  flush(bytes.length);
  return changed ? Buffer.concat(out) : bytes;
}
