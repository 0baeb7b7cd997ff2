import type { Logger } from '../log';
import type { AppInfoSource } from '../services/app/handlers';
import { ClusterService } from '../services/cluster/cluster-service';
import { MetadataSnapshots } from '../services/cluster/metadata-snapshot';
import { ConnectionManager, type KafkaClientFactory } from '../services/connections/connection-manager';
import { TopicService } from '../services/topics/topic-service';

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
}

export function createServiceDeps(options: { log: Logger; app: AppInfoSource; createClient: KafkaClientFactory }): ServiceDeps {
  const { log, app, createClient } = options;
  const userDataDir = app.userDataDir;
  const connections = new ConnectionManager(createClient, log.child('connections'));
  const snapshots = new MetadataSnapshots();
  return {
    log,
    app,
    userDataDir,
    connections,
    snapshots,
    cluster: new ClusterService(snapshots),
    topics: new TopicService(snapshots),
  };
}
