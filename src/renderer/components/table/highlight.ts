/** Pieces of `text` with the case-insensitive matches of `query` marked: what Highlight draws. */
export interface TextPiece {
  text: string;
  match: boolean;
}

/** At most this many matches marked in one cell: a 256 KiB value must not become 10,000 spans. */
const MAX_MARKS = 50;

export function splitMatches(text: string, query: string): TextPiece[] {
  const needle = query.trim().toLowerCase();
  if (!needle || !text) return [{ text, match: false }];
  const haystack = text.toLowerCase();
  const pieces: TextPiece[] = [];
  let from = 0;
  for (let marks = 0; marks < MAX_MARKS; marks++) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    if (at > from) pieces.push({ text: text.slice(from, at), match: false });
    pieces.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), match: false });
  return pieces;
}
