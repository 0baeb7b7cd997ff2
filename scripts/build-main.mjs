// Bundles the Electron main process, the browser-mode server and the preload with esbuild.
// Main and server are ES modules that import their npm dependencies from node_modules;
// the sandboxed preload must be one CommonJS file with everything but `electron` inlined.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    // Workers are files of their own: worker threads load them by path (see workers/worker-thread.ts).
    entryPoints: {
      electron: 'src/main/electron/main.ts',
      serve: 'src/main/server/serve.ts',
      'decode-worker': 'src/main/schemas/decode-worker.ts',
      'import-worker': 'src/main/services/produce/import-worker.ts',
    },
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
