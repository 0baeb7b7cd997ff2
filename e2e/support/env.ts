/** What global setup hands to the specs, through environment variables (inherited by workers). */
export interface E2eEnv {
  /** The browser-mode URL with its access token. */
  appUrl: string;
  /** Bootstrap of the seeded single-node cluster. */
  bootstrap: string;
  /** The seeded Schema Registry (Confluent API). */
  registryUrl: string;
}

export function e2eEnv(): E2eEnv {
  const appUrl = process.env.KE_E2E_APP_URL;
  const bootstrap = process.env.KE_E2E_BOOTSTRAP;
  if (!appUrl || !bootstrap) throw new Error('e2e global setup did not run (KE_E2E_APP_URL / KE_E2E_BOOTSTRAP missing)');
  return { appUrl, bootstrap, registryUrl: process.env.KE_E2E_REGISTRY ?? '' };
}
