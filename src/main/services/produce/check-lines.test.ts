import { describe, expect, it } from 'vitest';
import { importedRecords } from './import-file';
import { checkLines } from './check-lines';

describe('checking an imported file before it is sent', () => {
  const lines = Array.from({ length: 25_000 }, (_, i) => (i === 12_344 || i === 20_000 ? `{"key": "k${i}", "value": ` : JSON.stringify({ key: `k${i}`, value: `v${i}` })));
  const file = importedRecords(lines.join('\n'), 'ndjson', 3);

  it('counts the lines the import could not read, and names the first', async () => {
    const checked = await checkLines(file);
    expect(checked.invalid).toBe(2);
    expect(checked.firstInvalid?.line).toBe(12_345);
    expect(checked.firstInvalid?.reason).toMatch(/^line 12345: not valid JSON/);
  });

  it('lets main answer other work while it reads a big file', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    const checking = checkLines(file, 10_000).then(() => order.push('checked'));
    await checking;
    expect(order).toEqual(['other work', 'checked']);
  });
});
