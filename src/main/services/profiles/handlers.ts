import type { HandlerGroup } from '../../rpc/handlers';
import type { Logger } from '../../log';
import type { ConnectionManager, KafkaClientFactory } from '../connections/connection-manager';
import { openAndDescribe } from '../connections/handlers';
import { testConnection } from './connection-test';
import { exportProperties, importProfile } from './profile-files';
import { profileFromConnection } from './profile-from-connection';
import type { ProfileService } from './profile-service';
import type { MaskingService } from '../masking/masking-service';
import { acceptHostKey } from '../../network/trust-host-key';

export function profileHandlers(deps: {
  profiles: ProfileService;
  /** Told which profile a connection was opened with: its masking rules apply to its reads. */
  masking?: Pick<MaskingService, 'bind' | 'refresh'>;
  connections: ConnectionManager;
  createClient: KafkaClientFactory;
  log: Logger;
}): HandlerGroup<'profiles.list' | 'profiles.save' | 'profiles.saveConnection' | 'profiles.delete' | 'profiles.connect' | 'profiles.test' | 'profiles.import' | 'profiles.export' | 'profiles.trustHostKey'> {
  const { profiles } = deps;
  return {
    'profiles.list': async () => ({ profiles: await profiles.list(), secretStorage: profiles.secrets.info }),
    'profiles.save': async ({ profile, secrets }) => {
      const saved = await profiles.save(profile, secrets);
      await deps.masking?.refresh(saved.id);
      return saved;
    },
    'profiles.saveConnection': async ({ connectionId, name, color }, ctx) => {
      // Only this window's own connection: another window's id is "closed" here too.
      const connection = deps.connections.get(connectionId, ctx.clientId);
      const { draft, secrets } = profileFromConnection(connection.config, { name: name ?? connection.name, color });
      const saved = await profiles.save(draft, secrets);
      // The window's links now name the profile: its masking rules apply to this connection too.
      await deps.masking?.bind(connectionId, saved.id);
      return saved;
    },
    'profiles.delete': async ({ id }) => {
      await profiles.delete(id);
      await deps.masking?.refresh(id);
    },
    'profiles.connect': async ({ id }, ctx) => {
      const profile = await profiles.get(id);
      const info = await openAndDescribe(deps.connections, await profiles.connectionConfig(id), ctx);
      await deps.masking?.bind(info.connectionId, profile.id);
      return { ...info, profileId: profile.id, color: profile.color };
    },
    'profiles.test': async ({ testId, profile, secrets }, ctx) =>
      testConnection(await profiles.draftConfig(profile, secrets), {
        createClient: deps.createClient,
        log: deps.log,
        signal: ctx.signal,
        onStep: (step) => ctx.emit('profiles.testStep', { testId, ...step }),
      }),
    'profiles.trustHostKey': (hostKey) => acceptHostKey(hostKey),
    'profiles.import': ({ format, text, name }) => importProfile(format, text, name),
    'profiles.export': async ({ id }) => {
      const profile = await profiles.get(id);
      const base = profile.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'cluster';
      return { fileName: `${base}.properties`, text: exportProperties(profile) };
    },
  };
}
