import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker's entry file beside the module at `moduleUrl`: the bundle's `<name>.mjs` in a build
 * (scripts/build-main.mjs makes each worker its own entry), the `<name>.ts` source under tsx
 * and vitest; null when neither is there.
 */
export function workerFileBeside(moduleUrl: string, name: string): string | null {
  const fromSource = fileURLToPath(moduleUrl).endsWith('.ts');
  const file = fileURLToPath(new URL(`./${name}${fromSource ? '.ts' : '.mjs'}`, moduleUrl));
  return existsSync(file) ? file : null;
}

/**
 * Starts a worker thread on `file` with its listeners, then unrefs it: an idle worker must not
 * keep the process alive (tests, the server's shutdown). Listening after unref() would ref its
 * port again, and the process would never exit. From source the worker is TypeScript too, so it
 * registers tsx's loader first, then imports the file.
 */
export function startWorker<Reply>(file: string, on: { message(reply: Reply): void; failed(error: Error): void }): Worker {
  const worker = file.endsWith('.ts')
    ? new Worker(`import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(file).href)}); });`, { eval: true })
    : new Worker(file);
  worker.on('message', on.message);
  worker.on('error', on.failed);
  worker.on('exit', (code) => on.failed(new Error(`the worker ${basename(file)} exited (code ${code})`)));
  worker.unref();
  return worker;
}
