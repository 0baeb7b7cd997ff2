import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noKafkajs = { regex: '^kafkajs(/.*)?$', message: 'kafkajs stays behind the KafkaClient interface (src/main/kafka).' };
const noElectron = (message) => ({ name: 'electron', message });
function restrictImports(files, paths, patterns, ignores = []) {
  return { files, ignores, rules: { 'no-restricted-imports': ['error', { paths, patterns }] } };
}

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.kafka/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='webContents'][property.name='send']", message: 'Push events through the RpcHost (src/main/rpc), not webContents.send.' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    // We do not use the React Compiler, so its library-compatibility notice is noise.
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/incompatible-library': 'off' },
  },
  // Import boundaries, one block per area (flat config would let a later block override an earlier one).
  restrictImports(['src/renderer/**/*.{ts,tsx}', 'src/shared/**/*.ts'], [noElectron('The renderer and the contract never import electron.')], [noKafkajs]),
  restrictImports(['src/main/**/*.ts'], [noElectron('Only src/main/electron may import electron: services run in plain Node.')], [noKafkajs], ['src/main/electron/**', 'src/main/kafka/kafkajs/**']),
  restrictImports(['src/main/electron/**/*.ts'], [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs to the preload.' }], [noKafkajs]),
  restrictImports(['src/main/kafka/kafkajs/**/*.ts'], [noElectron('The Kafka adapter runs in plain Node.')], []),
  restrictImports(['src/preload/**/*.ts'], [], [noKafkajs]),
);
