import type { Logger } from '../log';
import type { AppInfoSource } from '../services/app/handlers';
import { ClusterService } from '../services/cluster/cluster-service';
import { MetadataSnapshots } from '../services/cluster/metadata-snapshot';
import { ConnectionManager, type KafkaClientFactory } from '../services/connections/connection-manager';
import { DEFAULT_HEALTH_TIMINGS, type HealthTimings } from '../services/connections/connection-health';
import { probeBroker } from '../kafka/broker-probe';
import { routeFor } from '../network/route-registry';
import { setAppKnownHostsFile } from '../network/network-settings';
import { TopicService } from '../services/topics/topic-service';
import { TopicAdminService } from '../services/topics/topic-admin-service';
import { TopicCloneService } from '../services/topics/topic-clone';
import { join } from 'node:path';
import { GroupService } from '../services/groups/group-service';
import { LagSampler } from '../services/groups/lag-sampler';
import { MessageService } from '../services/messages/message-service';
import type { SaveLocation } from '../services/messages/save-location';
import { ProduceService } from '../services/produce/produce-service';
import { createProduceStore } from '../services/produce/produce-store';
import { ProfileService } from '../services/profiles/profile-service';
import { MaskingService } from '../services/masking/masking-service';
import { createProfileStore } from '../services/profiles/profile-store';
import { createSettingsStore, type SettingsFile } from '../services/settings/settings-store';
import type { JsonStore } from '../storage/json-store';
import { ThroughputSampler } from '../services/cluster/throughput-sampler';
import { ConnectService } from '../services/connect-clusters/connect-service';
import { createSecretStore, plainFileCipher, type SecretCipher } from '../services/profiles/secret-store';

/** The services main runs, built once per process and shared by all windows/tabs. */
export interface ServiceDeps {
  log: Logger;
  app: AppInfoSource;
  /** Where settings, profiles and history live (Electron's userData, or the browser mode's folder). */
  userDataDir: string;
  connections: ConnectionManager;
  snapshots: MetadataSnapshots;
  cluster: ClusterService;
  topics: TopicService;
  topicAdmin: TopicAdminService;
  topicClone: TopicCloneService;
  profiles: ProfileService;
  /** Masking rules of the profiles, applied where records leave main; screen-share mode. */
  masking: MaskingService;
  produce: ProduceService;
  messages: MessageService;
  groups: GroupService;
  lagSampler: LagSampler;
  /** Messages per second per topic, from offsets sampled per connection. */
  throughput: ThroughputSampler;
  /** Kafka Connect clusters the connections name, through their REST APIs. */
  connect: ConnectService;
  /** settings.json: theme, time zone, date format, default auto-refresh. */
  settings: JsonStore<SettingsFile>;
  /** The Kafka client factory, for services that open short-lived clients (the connection test). */
  createClient: KafkaClientFactory;
}

export function createServiceDeps(options: {
  log: Logger;
  app: AppInfoSource;
  createClient: KafkaClientFactory;
  /** How profile secrets are sealed: Electron's safeStorage; by default a 0600 file (browser mode). */
  secretCipher?: SecretCipher | null | undefined;
  /** Where exports and saved values go (Electron: a save dialog); by default the export folder. */
  saveLocation?: SaveLocation | undefined;
}): ServiceDeps {
  const { log, app, createClient } = options;
  const userDataDir = app.userDataDir;
  setAppKnownHostsFile(join(userDataDir, 'known_hosts'));
  const healthTimings = healthTimingsFromEnv();
  const connections = new ConnectionManager(createClient, log.child('connections'), undefined, {
    probe: (address, config) => {
      const route = routeFor(config);
      return probeBroker(address, { tls: config.tls, timeoutMs: Math.min(config.connectionTimeoutMs, healthTimings.probeTimeoutMs), clientId: config.clientId, open: route ? (h, p) => route.open(h, p) : undefined });
    },
    timings: healthTimings,
  });
  const snapshots = new MetadataSnapshots();
  const groups = new GroupService();
  const secretsFile = join(userDataDir, 'secrets.json');
  const secrets = createSecretStore({ file: secretsFile, cipher: options.secretCipher ?? plainFileCipher(secretsFile, app.runtime === 'electron' ? 'the OS keychain is not available' : 'no OS keychain in browser mode'), log: log.child('secrets') });
  const profiles = new ProfileService(createProfileStore(userDataDir, log.child('profiles')), secrets);
  const topicAdmin = new TopicAdminService(snapshots);
  return {
    log,
    app,
    userDataDir,
    connections,
    snapshots,
    cluster: new ClusterService(snapshots),
    topics: new TopicService(snapshots, groups),
    topicAdmin,
    topicClone: new TopicCloneService(topicAdmin),
    profiles,
    masking: new MaskingService(profiles),
    messages: new MessageService(options.saveLocation),
    groups,
    lagSampler: new LagSampler(log.child('lag'), Number(process.env.KAFKA_EXPLORER_LAG_SAMPLE_MS) || 5_000, (id) => connections.healthOf(id)?.lostError() != null),
    throughput: new ThroughputSampler(snapshots),
    connect: new ConnectService(connections),
    settings: createSettingsStore(userDataDir, log.child('settings')),
    produce: new ProduceService(createProduceStore(userDataDir, log.child('produce'))),
    createClient,
  };
}

/** The health monitor's timings; tests shorten the interval with KAFKA_EXPLORER_HEALTH_INTERVAL_MS. */
function healthTimingsFromEnv(): HealthTimings {
  const interval = Number(process.env.KAFKA_EXPLORER_HEALTH_INTERVAL_MS);
  return interval > 0 ? { ...DEFAULT_HEALTH_TIMINGS, intervalMs: interval } : DEFAULT_HEALTH_TIMINGS;
}
