// The renderer's initial JS, gzipped: what index.html loads before the first screen (its entry
// script and the chunks it modulepreloads). Fails over the budget, so a heavy import on the
// first page (CodeMirror, uPlot, a whole route) is caught by `npm test`, not by users.
// Run after `vite build`; `--budget <kB>` overrides the default.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.argv[process.argv.indexOf('--budget') + 1]) || 300;
const dir = 'dist/renderer';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
if (scripts.length === 0) {
  console.error(`bundle: no script found in ${dir}/index.html (run vite build first)`);
  process.exit(1);
}
const sizes = scripts.map((file) => ({ file, kb: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1000 }));
const total = sizes.reduce((sum, s) => sum + s.kb, 0);
const largest = [...sizes].sort((a, b) => b.kb - a.kb).slice(0, 3);
console.log(
  `bundle: initial renderer JS ${total.toFixed(1)} kB gzipped in ${sizes.length} files (budget ${BUDGET_KB} kB); largest: ${largest.map((s) => `${s.file.replace(/^assets\//, '')} ${s.kb.toFixed(1)} kB`).join(', ')}`,
);
if (total > BUDGET_KB) {
  console.error(`bundle: over budget by ${(total - BUDGET_KB).toFixed(1)} kB: lazy-load what the first screen does not need (src/renderer/lib/lazy-named.tsx)`);
  process.exit(1);
}
