import { createContext, useContext } from 'react';
import { splitMatches } from './highlight';

/** The quick filter's text, for the cells of the table it filters (`columns`: which ones; all if null). */
export const HighlightContext = createContext<{ query: string; columns: readonly string[] | null }>({ query: '', columns: null });

/**
 * `text` with what the quick filter matched marked: React text nodes and spans, never HTML, so a
 * value such as "<img onerror=…>" stays text. Spans, not <mark>: Chromium leaves a link's or a
 * cell's accessible name empty when part of its text is in a <mark>.
 */
export function Highlight({ text, query }: { text: string; query?: string }) {
  const fromTable = useContext(HighlightContext).query;
  const pieces = splitMatches(text, query ?? fromTable);
  if (pieces.length === 1 && !pieces[0]!.match) return <>{text}</>;
  return (
    <>
      {pieces.map((p, i) =>
        p.match ? (
          <span key={i} className="match">
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
    </>
  );
}
