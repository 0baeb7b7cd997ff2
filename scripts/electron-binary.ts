/**
 * Where the Electron binary is, and, when it is not there, one line that says so.
 * `tsx scripts/electron-binary.ts` (run by `npm start` before anything else) exits 1 with that
 * line instead of Electron's own installer stack traces.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The installed Electron binary, or null. Electron 45 downloads it on first use; calling
 * require('electron') here would try that download, so we only look at what is on disk.
 */
export function installedElectronBinary(root = process.cwd()): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron');
    return existsSync(candidate) ? candidate : null;
  }
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

export type ElectronLookup = { binary: string; missing: null } | { binary: null; missing: string };

/**
 * The first line of a failed download's output that names an error, without its stack: e.g.
 * "TypeError: fetch failed" → "fetch failed".
 */
export function downloadFailureReason(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
  const error = lines.find((l) => /^(\w*Error|HTTPError|RequestError)\b:?/.test(l));
  const reason = (error ?? lines.at(-1) ?? 'no output').replace(/^\w*Error:\s*/, '');
  return reason.length > 160 ? `${reason.slice(0, 157)}…` : reason;
}

/**
 * The Electron binary, downloaded first (quietly, 3 minutes at most) unless this machine opted
 * out with ELECTRON_SKIP_BINARY_DOWNLOAD; otherwise why there is none, in one line.
 */
export function findElectronBinary(root: string, options: { download?: boolean; env?: NodeJS.ProcessEnv } = {}): ElectronLookup {
  const env = options.env ?? process.env;
  const installed = installedElectronBinary(root);
  if (installed) return { binary: installed, missing: null };
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { binary: null, missing: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' };
  if (options.download === false) return { binary: null, missing: 'the Electron binary is not installed' };
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return { binary: null, missing: 'the electron package is not installed (run npm install)' };
  const download = spawnSync(process.execPath, [installer], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  const binary = download.status === 0 ? installedElectronBinary(root) : null;
  if (binary) return { binary, missing: null };
  const reason = download.error ? download.error.message : downloadFailureReason(`${download.stderr ?? ''}\n${download.stdout ?? ''}`);
  return { binary: null, missing: `the Electron binary is not installed and could not be downloaded (${reason})` };
}

/** `npm start`'s one line when there is no Electron here. */
export function startWithoutElectron(missing: string): string {
  return `npm start: ${missing}. Use \`npm run serve\` here: the same app in the browser (it prints the URL to open).`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const found = findElectronBinary(root);
  if (found.missing !== null) {
    console.error(startWithoutElectron(found.missing));
    process.exit(1);
  }
}
