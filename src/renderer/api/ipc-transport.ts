import type { PreloadBridge } from '../../shared/rpc/wire';
import type { Transport } from './client';

declare global {
  interface Window {
    /** Present only inside the Electron window (exposed by the preload). */
    kafkaExplorer?: PreloadBridge;
  }
}

export function createIpcTransport(bridge: PreloadBridge): Transport {
  return {
    mode: 'electron',
    send: (id, name, request) => bridge.call(id, name, request),
    cancel: (id) => bridge.cancel(id),
    on: (event, listener) => bridge.on(event, listener),
  };
}
