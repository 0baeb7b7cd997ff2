import { useState } from 'react';

/** Characters rendered at first: a 256 KiB preview as one text node takes long to lay out. */
const FIRST_CHARS = 32 * 1024;

/** Where to cut: at a line end when there is one near the limit, so a hex dump never shows half a line. */
export function cutAt(text: string, limit: number): number {
  if (text.length <= limit) return text.length;
  const nl = text.lastIndexOf('\n', limit);
  return nl > limit / 2 ? nl : limit;
}

/** Plain text in a <pre>, only its beginning until the user asks for all of it. */
export function LimitedText({ text, className, testId }: { text: string; className?: string; testId?: string }) {
  const [all, setAll] = useState(false);
  const end = all ? text.length : cutAt(text, FIRST_CHARS);
  return (
    <>
      <pre className={className} data-testid={testId}>
        {end < text.length ? text.slice(0, end) : text}
      </pre>
      {end < text.length && (
        <button type="button" className="button small ghost" onClick={() => setAll(true)}>
          Show all ({(text.length - end).toLocaleString('en')} more characters)
        </button>
      )}
    </>
  );
}
