import { useCallback } from 'react';
import { useApi } from '../../api/ApiProvider';
import { focusPageHeading } from '../../app/page-focus';
import { navigate } from '../../app/router';
import { useDisconnect } from '../../app/use-disconnect';
import { openClusterByKey } from '../../state/clusters-store';
import { showConnected, switchToCluster } from '../../app/cluster-navigation';
import { useCreateTopicForm } from '../topics/create-topic-form-store';
import { useKeyboard } from './keyboard-store';
import type { PaletteCommand } from './palette-items';
import { useToggleScreenShare } from '../masking/screen-share';

/**
 * Carries out a palette command. Resolves when done (the palette then closes); rejects with the
 * broker's or main's error (the palette shows it and stays open).
 */
export function useRunCommand(): (command: PaletteCommand) => Promise<void> {
  const api = useApi();
  const disconnect = useDisconnect();
  const toggleScreenShare = useToggleScreenShare();
  return useCallback(
    async (command: PaletteCommand) => {
      switch (command.type) {
        case 'navigate':
          focusPageHeading();
          navigate(command.segments, command.params);
          return;
        case 'create-topic':
          useCreateTopicForm.getState().setOpen(true);
          navigate(['topics']);
          return;
        case 'disconnect':
          await disconnect();
          return;
        case 'help':
          useKeyboard.getState().openHelp();
          return;
        case 'screen-share':
          await toggleScreenShare();
          return;
        case 'connect-profile': {
          // Already open: switch to it. Else it joins the open clusters (which stay connected); a failure leaves the window as it was.
          const open = openClusterByKey(command.profileId);
          if (open) return switchToCluster(open);
          showConnected(await api.call('profiles.connect', { id: command.profileId }));
          return;
        }
        case 'prefill':
          useKeyboard.getState().openPalette(command.text);
          return;
      }
    },
    [api, disconnect, toggleScreenShare],
  );
}
