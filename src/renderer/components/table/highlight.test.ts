import { describe, expect, it } from 'vitest';
import { splitMatches } from './highlight';

describe('splitMatches', () => {
  it('marks every case-insensitive match and keeps the text as typed', () => {
    expect(splitMatches('Orders-orders', 'ORD')).toEqual([
      { text: 'Ord', match: true },
      { text: 'ers-', match: false },
      { text: 'ord', match: true },
      { text: 'ers', match: false },
    ]);
  });

  it('leaves text without a match, or an empty query, whole', () => {
    expect(splitMatches('payments', 'xyz')).toEqual([{ text: 'payments', match: false }]);
    expect(splitMatches('payments', '  ')).toEqual([{ text: 'payments', match: false }]);
  });

  it('treats markup as plain text', () => {
    expect(splitMatches('<b>x</b>', '<b>')).toEqual([
      { text: '<b>', match: true },
      { text: 'x</b>', match: false },
    ]);
  });

  it('stops marking after 50 matches but keeps all the text', () => {
    const pieces = splitMatches('a'.repeat(200), 'a');
    expect(pieces.filter((p) => p.match)).toHaveLength(50);
    expect(pieces.map((p) => p.text).join('')).toBe('a'.repeat(200));
  });
});
