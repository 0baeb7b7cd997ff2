import { securityProperties, type SecurityLayout } from './security';

/** One node's place in a local KRaft cluster. */
export interface NodeLayout {
  id: number;
  /** PLAINTEXT listener: what clients bootstrap from. */
  port: number;
  controllerPort: number;
  logDir: string;
  /** Extra SASL/SSL/mTLS listeners and the authorizer (single-node secured clusters). */
  security?: SecurityLayout;
  /**
   * A REMOTE listener on 127.0.0.1:port that advertises `host` (e.g. kafka-1.internal, which
   * does not resolve): a cluster as seen from outside its network, for tunnels and mappings.
   */
  remote?: { port: number; host: string };
  /** A SASL_PLAINTEXT OAUTH listener validating OAUTHBEARER JWTs against an OIDC provider's JWKS. */
  oauth?: OauthListener;
}

export interface OauthListener {
  port: number;
  jwksUrl: string;
  audience: string;
  /** The tokens' `iss` (Kafka 4.4 refuses to start without an expected issuer). */
  issuer: string;
  /** connections.max.reauth.ms on the listener: sessions end with the token, clients re-authenticate. */
  maxReauthMs?: number;
}

export interface ClusterLayout {
  nodes: NodeLayout[];
}

/**
 * server.properties for one combined broker+controller node. Tuned for a small, quick
 * test cluster: one-partition internal topics, no initial rebalance delay, small cleaner
 * buffer. Replication settings follow the node count so a 3-node cluster is realistic.
 */
export function serverProperties(cluster: ClusterLayout, node: NodeLayout): string {
  const size = cluster.nodes.length;
  const replicas = Math.min(3, size);
  const voters = cluster.nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(',');
  const lines: Record<string, string | number | boolean> = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': voters,
    listeners: `PLAINTEXT://127.0.0.1:${node.port},CONTROLLER://127.0.0.1:${node.controllerPort}`,
    'advertised.listeners': `PLAINTEXT://127.0.0.1:${node.port}`,
    'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    'inter.broker.listener.name': 'PLAINTEXT',
    'controller.listener.names': 'CONTROLLER',
    'log.dirs': node.logDir,
    'auto.create.topics.enable': false,
    'offsets.topic.replication.factor': replicas,
    'offsets.topic.num.partitions': 1,
    'transaction.state.log.replication.factor': replicas,
    'transaction.state.log.min.isr': Math.min(2, replicas),
    'transaction.state.log.num.partitions': 1,
    'share.coordinator.state.topic.replication.factor': replicas,
    'share.coordinator.state.topic.min.isr': Math.min(2, replicas),
    'group.initial.rebalance.delay.ms': 0,
    'log.cleaner.dedupe.buffer.size': 16 * 1024 * 1024,
    'num.network.threads': 2,
    'num.io.threads': 2,
    'num.partitions': 1,
    // Deleting topics and records is part of what the app does; make it quick to observe.
    'log.segment.delete.delay.ms': 1000,
    'file.delete.delay.ms': 1000,
    // A stopped node in a 3-node cluster should show as gone within seconds, not minutes.
    'broker.session.timeout.ms': 6000,
    'broker.heartbeat.interval.ms': 1000,
  };
  if (node.remote) {
    lines.listeners = `${lines.listeners},REMOTE://127.0.0.1:${node.remote.port}`;
    lines['advertised.listeners'] = `${lines['advertised.listeners']},REMOTE://${node.remote.host}:${node.remote.port}`;
    lines['listener.security.protocol.map'] = `${lines['listener.security.protocol.map']},REMOTE:PLAINTEXT`;
  }
  if (node.oauth) Object.assign(lines, oauthListenerProperties(lines, node.oauth));
  const sec = node.security;
  if (sec) {
    const extra = `SASL_PLAINTEXT://127.0.0.1:${sec.saslPort},SASL_SSL://127.0.0.1:${sec.saslSslPort},SSL://127.0.0.1:${sec.sslPort},MTLS://127.0.0.1:${sec.mtlsPort}`;
    lines.listeners = `${lines.listeners},${extra}`;
    lines['advertised.listeners'] = `${lines['advertised.listeners']},${extra}`;
    lines['listener.security.protocol.map'] = `${lines['listener.security.protocol.map']},SASL_PLAINTEXT:SASL_PLAINTEXT,SASL_SSL:SASL_SSL,SSL:SSL,MTLS:SSL`;
    Object.assign(lines, securityProperties(sec));
  }
  return Object.entries(lines).map(([k, v]) => `${k}=${v}`).join('\n') + '\n';
}

/**
 * The OAUTH listener: Kafka's own OAuthBearerValidatorCallbackHandler checks each token's
 * signature against the JWKS, its `exp`, audience and issuer; `sub` becomes the principal. The
 * class lives in ...oauthbearer (3.4+; ...oauthbearer.secured is its deprecated alias). Kafka 4
 * also wants the JWKS URL in the JVM's allowed URLs (see `oauthJvmProperties`).
 */
function oauthListenerProperties(lines: Record<string, string | number | boolean>, oauth: OauthListener): Record<string, string | number | boolean> {
  const prefix = 'listener.name.oauth';
  return {
    listeners: `${lines.listeners},OAUTH://127.0.0.1:${oauth.port}`,
    'advertised.listeners': `${lines['advertised.listeners']},OAUTH://127.0.0.1:${oauth.port}`,
    'listener.security.protocol.map': `${lines['listener.security.protocol.map']},OAUTH:SASL_PLAINTEXT`,
    [`${prefix}.sasl.enabled.mechanisms`]: 'OAUTHBEARER',
    [`${prefix}.oauthbearer.sasl.jaas.config`]: 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;',
    [`${prefix}.oauthbearer.sasl.server.callback.handler.class`]: 'org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler',
    'sasl.oauthbearer.jwks.endpoint.url': oauth.jwksUrl,
    'sasl.oauthbearer.expected.audience': oauth.audience,
    'sasl.oauthbearer.expected.issuer': oauth.issuer,
    ...(oauth.maxReauthMs ? { [`${prefix}.oauthbearer.connections.max.reauth.ms`]: oauth.maxReauthMs } : {}),
  };
}

/** JVM system properties an OAUTH listener needs: Kafka 4 only fetches JWKS from allowed URLs. */
export function oauthJvmProperties(oauth: OauthListener | undefined): string[] {
  return oauth ? [`-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=${oauth.jwksUrl}`] : [];
}

/**
 * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding. One in 64 would start
 * with "-", which kafka-storage's argument parser takes for an option: draw again.
 */
export function newClusterId(): string {
  for (;;) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    const id = Buffer.from(bytes).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}
