import { safeStorage } from 'electron';
import type { SecretCipher } from '../services/profiles/secret-store';

/**
 * The only file that touches Electron's safeStorage: secrets are sealed with the OS keychain
 * (Keychain, DPAPI, libsecret/kwallet). Where Linux offers no keyring safeStorage falls back to
 * a hard-coded key ("basic_text"); the UI then says the secrets are only obfuscated.
 */
export function safeStorageCipher(): SecretCipher | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  const weak = backend === 'basic_text';
  return {
    info: {
      kind: 'os-keychain',
      description: weak
        ? 'Encrypted with Electron safeStorage, but no OS keyring was found: the key is built in, so this only obfuscates them.'
        : 'Encrypted with the operating system keychain (Electron safeStorage).',
    },
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}
