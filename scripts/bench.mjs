// `npm run bench` runs every benchmark in bench/; `npm run bench -- p1 p3` runs those ids, `-- bykey` that one.
// Each benchmark prints its own summary lines (`p1 ...: app ..., kcat ..., ratio 0.60`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const ids = args.filter((a) => !a.startsWith('--')).map((a) => a.toLowerCase());
const files = readdirSync('bench')
  .filter((f) => /^p\d+-.*\.ts$/.test(f) && !f.endsWith('.test.ts'))
  // By id (`p9` runs p9-copy and p9-bykey) or by the rest of the name (`bykey`).
  .filter((f) => ids.length === 0 || ids.includes(f.split('-')[0]) || ids.includes(f.slice(f.indexOf('-') + 1, -'.ts'.length)))
  .sort((a, b) => Number(a.slice(1).split('-')[0]) - Number(b.slice(1).split('-')[0]));

if (files.length === 0) {
  console.error(`no benchmark matches ${ids.join(', ') || '(any)'}; available: ${readdirSync('bench').filter((f) => /^p\d+-/.test(f)).join(', ')}`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const result = spawnSync('npx', ['tsx', `bench/${file}`, ...flags], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
