import type { Column } from '@tanstack/react-table';
import { describe, expect, it } from 'vitest';
import { flexibleColumn, minWidth } from './use-column-sizing';

const column = (meta?: object) => ({ columnDef: { meta } }) as unknown as Column<unknown, unknown>;

describe('minWidth', () => {
  it('lets a column shrink to 56 px unless it asks for more, and never above its size', () => {
    expect(minWidth(200, undefined)).toBe(56);
    expect(minWidth(200, 20)).toBe(56); // react-table's default minSize is too narrow to read
    expect(minWidth(200, 120)).toBe(120);
    expect(minWidth(45, undefined)).toBe(45);
  });
});

describe('flexibleColumn', () => {
  it('is the column marked grow, else the last', () => {
    expect(flexibleColumn([column(), column(), column()])).toBe(2);
    expect(flexibleColumn([column({ grow: true }), column(), column()])).toBe(0);
  });
});
