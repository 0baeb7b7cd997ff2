import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { IpcChannel, type CallResult } from '../../shared/rpc/wire';
import type { RpcClient, RpcHost } from '../rpc/rpc-host';

/**
 * Carries the contract over Electron IPC. Every frame's sender must be the app's own top
 * frame (not an iframe, not a navigated-away page); arguments are validated by the dispatcher.
 */
export function registerIpc(host: RpcHost, appUrl: string): void {
  const clients = new Map<number, RpcClient>();

  const clientFor = (contents: WebContents): RpcClient => {
    let client = clients.get(contents.id);
    if (!client) {
      const created = host.attach((name, payload) => {
        if (!contents.isDestroyed()) contents.send(IpcChannel.Event, name, payload);
      });
      clients.set(contents.id, created);
      const forget = () => {
        clients.delete(contents.id);
        host.detach(created);
      };
      contents.once('destroyed', forget);
      // A reload starts a fresh renderer: drop the old one's calls and connections.
      contents.on('did-start-navigation', (details) => {
        if (details.isMainFrame && !details.isSameDocument && clients.get(contents.id) === created) forget();
      });
      client = created;
    }
    return client;
  };

  const trusted = (event: IpcMainInvokeEvent | IpcMainEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && frame.url.split('#')[0] === appUrl.split('#')[0];
  };

  ipcMain.handle(IpcChannel.Call, async (event, id: unknown, name: unknown, req: unknown): Promise<CallResult> => {
    if (!trusted(event)) {
      return { ok: false, error: { name: 'ForbiddenError', code: 'FORBIDDEN', message: 'Untrusted sender', retriable: false } };
    }
    return host.call(clientFor(event.sender), String(id), name, req);
  });

  ipcMain.on(IpcChannel.Cancel, (event, id: unknown) => {
    if (trusted(event)) host.cancel(clientFor(event.sender), String(id));
  });
}
