import { describe, expect, it } from 'vitest';
import { nextHeaderIndex, nextRowIndex, rowsPerPage } from './row-navigation';

describe('nextRowIndex', () => {
  it('moves one row with the arrows and stops at either end', () => {
    expect(nextRowIndex('ArrowDown', 3, 10, 5)).toBe(4);
    expect(nextRowIndex('ArrowUp', 3, 10, 5)).toBe(2);
    expect(nextRowIndex('ArrowDown', 9, 10, 5)).toBe(9);
    expect(nextRowIndex('ArrowUp', 0, 10, 5)).toBe(0);
  });

  it('jumps to the first and last row with Home and End', () => {
    expect(nextRowIndex('Home', 7, 10, 5)).toBe(0);
    expect(nextRowIndex('End', 2, 10, 5)).toBe(9);
  });

  it('pages by what is on screen less one row, clamped to the list', () => {
    expect(nextRowIndex('PageDown', 0, 100, 20)).toBe(19);
    expect(nextRowIndex('PageUp', 50, 100, 20)).toBe(31);
    expect(nextRowIndex('PageDown', 95, 100, 20)).toBe(99);
    expect(nextRowIndex('PageUp', 5, 100, 20)).toBe(0);
    // A one-row viewport still moves.
    expect(nextRowIndex('PageDown', 0, 100, 1)).toBe(1);
  });

  it('brings a focus left beyond a shrunk list back into it', () => {
    expect(nextRowIndex('ArrowUp', 40, 10, 5)).toBe(8);
    expect(nextRowIndex('ArrowDown', -1, 10, 5)).toBe(1);
  });

  it('ignores other keys and empty lists', () => {
    expect(nextRowIndex('Enter', 3, 10, 5)).toBeNull();
    expect(nextRowIndex('a', 3, 10, 5)).toBeNull();
    expect(nextRowIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('nextHeaderIndex', () => {
  it('moves between headers with Left/Right, Home and End, clamped', () => {
    expect(nextHeaderIndex('ArrowRight', 0, 4)).toBe(1);
    expect(nextHeaderIndex('ArrowRight', 3, 4)).toBe(3);
    expect(nextHeaderIndex('ArrowLeft', 0, 4)).toBe(0);
    expect(nextHeaderIndex('End', 0, 4)).toBe(3);
    expect(nextHeaderIndex('Home', 2, 4)).toBe(0);
    expect(nextHeaderIndex('Enter', 2, 4)).toBeNull();
  });
});

describe('rowsPerPage', () => {
  it('counts whole rows below the header, at least one', () => {
    expect(rowsPerPage(630, 30, 30)).toBe(20);
    expect(rowsPerPage(50, 30, 30)).toBe(1);
  });
});
