import { useEffect, useRef } from 'react';
import type { AppInfo } from '../../../shared/api';
import { useApi } from '../../api/ApiProvider';
import { adhocKey, clusterOfHash } from '../../app/cluster-link';

const DONE_KEY = 'kafka-explorer.autoConnectDone';

/**
 * `npm run demo` starts the app with KAFKA_EXPLORER_AUTOCONNECT: connect once per window
 * session, so a later "Disconnect" stays disconnected; not when the address links another cluster.
 */
export function useAutoConnect(connect: (target: NonNullable<AppInfo['autoConnect']>) => void): void {
  const api = useApi();
  const started = useRef(false);
  useEffect(() => {
    if (started.current || sessionStorage.getItem(DONE_KEY)) return;
    started.current = true;
    void api
      .call('app.info', {})
      .then((info) => {
        if (!info.autoConnect) return;
        // A link to another cluster decides what this tab opens; one to the demo's own address is this connection.
        const linked = clusterOfHash(window.location.hash);
        if (linked !== null && linked !== adhocKey(info.autoConnect.brokers)) return;
        sessionStorage.setItem(DONE_KEY, '1');
        connect(info.autoConnect);
      })
      .catch(() => undefined);
  }, [api, connect]);
}
