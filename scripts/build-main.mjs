// Bundles the Electron main process, the browser-mode server and the preload with esbuild.
// Main, server and workers are ES modules with their npm dependencies inlined: Node then reads a
// few files at start instead of resolving and parsing hundreds of modules (and lexing each
// CommonJS one for its exports), about a third of the server's start. The sandboxed preload must
// be one CommonJS file with everything but `electron` inlined.
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
    // Loaded on first use (a tunnel, a SOCKS proxy) or from files beside their code (zstd's WASM,
    // the CRC's N-API binary), so they stay in node_modules.
    external: ['electron', 'ssh2', 'socks', '@bokuweb/zstd-wasm', '@node-rs/crc32'],
    // Inlined CommonJS packages expect CommonJS's `require` (Node's modules and a few optional
    // ones) and `__filename` (write-file-atomic names its temporary files with it).
    banner: {
      js: [
        "import { createRequire as __kxCreateRequire } from 'node:module';",
        "import { fileURLToPath as __kxFileURLToPath } from 'node:url';",
        'const require = __kxCreateRequire(import.meta.url);',
        'const __filename = __kxFileURLToPath(import.meta.url);',
        "const __dirname = __kxFileURLToPath(new URL('.', import.meta.url));",
      ].join('\n'),
    },
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
