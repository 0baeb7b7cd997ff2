import { createApiClient, type ApiClient } from './client';
import { createIpcTransport } from './ipc-transport';
import { createWsTransport, type SocketStatus } from './ws-transport';

/** Chosen at start-up: Electron's preload bridge when present, else the browser mode's socket. */
export function createClientForThisWindow(onSocketStatus?: (status: SocketStatus) => void): ApiClient {
  if (window.kafkaExplorer) return createApiClient(createIpcTransport(window.kafkaExplorer));
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const url = `ws://${window.location.host}/rpc?token=${encodeURIComponent(token)}`;
  return createApiClient(createWsTransport(url, onSocketStatus));
}
