import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isCallName, isEventName } from '../shared/api';
import { IpcChannel, type CallResult, type PreloadBridge } from '../shared/rpc/wire';

/**
 * The narrow bridge: three functions over three channels, with names checked against the
 * contract. `ipcRenderer` itself never reaches the page, nor does the IPC event object.
 */
const bridge: PreloadBridge = {
  call(id, name, req) {
    if (!isCallName(name)) {
      return Promise.resolve<CallResult>({
        ok: false,
        error: { name: 'ValidationError', code: 'VALIDATION', message: `Unknown call: ${String(name)}`, retriable: false },
      });
    }
    return ipcRenderer.invoke(IpcChannel.Call, id, name, req) as Promise<CallResult>;
  },
  cancel(id) {
    ipcRenderer.send(IpcChannel.Cancel, id);
  },
  on(event, listener) {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(IpcChannel.Event, handler);
    return () => ipcRenderer.removeListener(IpcChannel.Event, handler);
  },
  platform: process.platform,
};

contextBridge.exposeInMainWorld('kafkaExplorer', bridge);
