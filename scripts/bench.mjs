// `npm run bench` runs every benchmark in bench/; `npm run bench -- p1 p3 startup` runs those ids
// (a file's id is its name up to the first '-' or '.': p1-read.ts is p1, startup.ts is startup),
// `-- bykey` one by the rest of its name (p9-bykey.ts).
// Each benchmark prints its own summary lines (`p1 ...: app ..., kcat ..., ratio 0.60`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const ids = args.filter((a) => !a.startsWith('--')).map((a) => a.toLowerCase());
const files = readdirSync('bench')
  .filter((f) => /^(p\d+-.*|startup)\.ts$/.test(f) && !f.endsWith('.test.ts'))
  // By id (`p9` runs p9-copy and p9-bykey) or by the rest of the name (`bykey`).
  .filter((f) => ids.length === 0 || ids.includes(idOf(f)) || ids.includes(f.slice(f.indexOf('-') + 1, -'.ts'.length)))
  .sort((a, b) => order(a) - order(b));

function idOf(file) {
  return file.split(/[-.]/)[0];
}
/** p1, p2, … in number order, then the named ones. */
function order(file) {
  const n = Number(idOf(file).slice(1));
  return Number.isNaN(n) ? 1000 : n;
}

if (files.length === 0) {
  console.error(`no benchmark matches ${ids.join(', ') || '(any)'}; available: ${readdirSync('bench').filter((f) => /^(p\d+-|startup\.)/.test(f)).join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`, ...flags], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
