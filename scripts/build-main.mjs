// Bundles the Electron main process, the browser-mode server and the preload with esbuild.
// Main and server are ES modules that import their npm dependencies from node_modules;
// the sandboxed preload must be one CommonJS file with everything but `electron` inlined.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    // The decode worker is its own file: worker threads load it by path (see decode-pool.ts).
    entryPoints: { electron: 'src/main/electron/main.ts', serve: 'src/main/server/serve.ts', 'decode-worker': 'src/main/schemas/decode-worker.ts' },
    outdir: 'dist/main',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: { preload: 'src/preload/preload.ts' },
    outdir: 'dist/preload',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
  }),
]);
