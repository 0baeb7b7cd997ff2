import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../log';
import { createMainServices } from '../app/main-services';
import { startBrowserServer } from './browser-server';
import { packageVersion } from '../app/version';

/** `npm run serve`: Kafka Explorer as a local web app (the same services, over a WebSocket). */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const portArg = args.indexOf('--port');
  const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.KAFKA_EXPLORER_PORT ?? 0);
  const here = dirname(fileURLToPath(import.meta.url));
  const staticDir = resolve(process.env.KAFKA_EXPLORER_STATIC_DIR ?? join(here, '../renderer'));
  const userDataDir = process.env.KAFKA_EXPLORER_USER_DATA ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'kafka-explorer');
  const log = createLogger('serve');

  const services = createMainServices({
    log,
    app: { version: packageVersion(), runtime: 'browser', userDataDir, autoConnect: process.env.KAFKA_EXPLORER_AUTOCONNECT, autoConnectRegistry: process.env.KAFKA_EXPLORER_AUTOCONNECT_REGISTRY, autoConnectConnect: process.env.KAFKA_EXPLORER_AUTOCONNECT_CONNECT },
  });
  const server = await startBrowserServer({ host: services.host, log, staticDir, port });
  // The one line tools and people look for: the address with its access token.
  process.stdout.write(`Kafka Explorer is running at ${server.url}\n`);
  if (process.env.KAFKA_EXPLORER_AUTOCONNECT) process.stdout.write(`It connects to ${process.env.KAFKA_EXPLORER_AUTOCONNECT} on start.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await services.dispose();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  process.stderr.write(`Kafka Explorer could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
