import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downloadFailureReason, findElectronBinary, startWithoutElectron } from './electron-binary';

const roots: string[] = [];
/** A project folder whose electron package has no binary, and an installer that fails as it does offline. */
function projectWithoutBinary(installer?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'ke-electron-'));
  roots.push(root);
  mkdirSync(join(root, 'node_modules', 'electron'), { recursive: true });
  if (installer) writeFileSync(join(root, 'node_modules', 'electron', 'install.js'), installer);
  return root;
}
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

// What Electron 45's install.js prints offline: the whole stack of undici's fetch.
const OFFLINE_INSTALLER = `
console.error('TypeError: fetch failed\\n    at node:internal/deps/undici/undici:13502:13\\n    at async getResponse (/x/node_modules/@electron/get/dist/index.js:1:1)\\n  [cause]: Error: getaddrinfo ENOTFOUND github.com');
process.exit(1);
`;

describe('finding the Electron binary', () => {
  it('says in one line that the binary is missing when downloads are switched off', () => {
    const found = findElectronBinary(projectWithoutBinary(), { env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
    expect(found).toEqual({ binary: null, missing: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' });
    expect(startWithoutElectron(found.missing!)).toBe(
      'npm start: the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD is set). Use `npm run serve` here: the same app in the browser (it prints the URL to open).',
    );
  });

  it('turns a failed download into its reason, without the stack', () => {
    const found = findElectronBinary(projectWithoutBinary(OFFLINE_INSTALLER), { env: { PATH: process.env.PATH } });
    expect(found).toEqual({ binary: null, missing: 'the Electron binary is not installed and could not be downloaded (fetch failed)' });
    expect(downloadFailureReason('HTTPError: Response code 404 (Not Found) for https://x\n    at f (y.js:1:1)')).toBe('Response code 404 (Not Found) for https://x');
  });

  it('npm start’s check prints one line and fails, here where no binary is installed', () => {
    const run = () => execFileSync(process.execPath, ['--import', 'tsx', 'scripts/electron-binary.ts'], { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', ELECTRON_OVERRIDE_DIST_PATH: '' }, stdio: 'pipe', encoding: 'utf8' });
    let stderr = '';
    try {
      run();
    } catch (error) {
      stderr = (error as { stderr: string }).stderr;
    }
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^npm start: the Electron binary is not installed .*npm run serve/)]);
  });
});
