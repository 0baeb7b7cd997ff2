import { homedir } from 'node:os';
import { join } from 'node:path';
import { knownHostsFiles } from './known-hosts';

/** The app's own known_hosts: set at start-up to one in the user-data folder. */
let appKnownHostsFile = join(homedir(), '.kafka-explorer', 'known_hosts');

export function setAppKnownHostsFile(file: string): void {
  appKnownHostsFile = file;
}

export function getAppKnownHostsFile(): string {
  return appKnownHostsFile;
}

/** The files SSH host keys are checked against: the app's, then ~/.ssh/known_hosts. */
export function currentKnownHostsFiles(): string[] {
  return knownHostsFiles(appKnownHostsFile);
}
