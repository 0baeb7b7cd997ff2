import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/shared/errors';
import { startTestApp, type TestApp } from './support/app';
import { kafkaToolOf, kafkaVersion } from './support/java-clients';
import { createTopic, sharedBootstrap, testKafka, uniqueTopic } from './support/kafka';


/** Kafka's own kafka-features.sh, from the broker jars: the independent view of the feature levels. */
async function kafkaFeatures(bootstrap: string): Promise<Map<string, { supportedMax: string; finalized: string }>> {
  const stdout = await kafkaToolOf('FeatureCommand', ['--bootstrap-server', bootstrap, 'describe']);
  // "Feature: metadata.version	SupportedMinVersion: 3.3-IV3	SupportedMaxVersion: 4.1-IV1	FinalizedVersionLevel: 4.1-IV1	Epoch: 12"
  const rows = stdout.split('\n').flatMap((line) => {
    const m = /Feature: (\S+)\s+SupportedMinVersion: \S+\s+SupportedMaxVersion: (\S+)\s+FinalizedVersionLevel: (\S+)/.exec(line);
    return m ? [[m[1]!, { supportedMax: m[2]!, finalized: m[3]! }] as const] : [];
  });
  return new Map(rows);
}

describe('overview data and settings through the app', () => {
  const bootstrap = sharedBootstrap();
  const topic = uniqueTopic('throughput');
  let app: TestApp;
  let connectionId: string;

  beforeAll(async () => {
    await createTopic(bootstrap, topic, 2);
    app = startTestApp();
    connectionId = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
  });
  afterAll(async () => {
    await app?.close();
    const admin = testKafka(bootstrap).admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('names the Kafka release and the feature levels kafka-features.sh describes', async () => {
    const [versions, peer] = await Promise.all([app.call('cluster.versions', { connectionId }), kafkaFeatures(bootstrap)]);
    // The release the suite runs (KAFKA_VERSION), as major.minor.
    const release = kafkaVersion.split('.').slice(0, 2).join('.');
    expect(versions.releases).toEqual([release]);
    expect(versions.brokers.length).toBeGreaterThanOrEqual(1);
    for (const b of versions.brokers) expect(b).toMatchObject({ reachable: true, error: null, release });
    expect(versions.brokers[0]!.apiCount).toBeGreaterThan(50);
    const mv = versions.features.find((f) => f.name === 'metadata.version')!;
    expect(mv.levelName).toBe(peer.get('metadata.version')!.finalized);
    expect(mv.level).toBeGreaterThan(0);
    expect(mv.maxSupported).toBeGreaterThanOrEqual(mv.level);
    // Every feature the tool lists, at the level it reports (levels other than metadata.version are numbers).
    for (const [name, row] of peer) {
      const ours = versions.features.find((f) => f.name === name);
      expect(ours, name).toBeDefined();
      if (name !== 'metadata.version') expect(String(ours!.level)).toBe(row.finalized);
    }
  });

  it('measures messages per second per topic from offset deltas', async () => {
    await app.call('cluster.throughput', { connectionId, top: 100 }); // the baseline sample
    execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic], { input: Array.from({ length: 300 }, (_, i) => `m${i}`).join('\n') });
    await new Promise((r) => setTimeout(r, 1_100));
    const after = await app.call('cluster.throughput', { connectionId, top: 100 });
    const ours = after.topics.find((t) => t.topic === topic);
    expect(ours).toBeDefined();
    // Rate × window gives back exactly the 300 messages kcat wrote.
    expect(Math.round((ours!.messagesPerSecond * after.windowMs) / 1000)).toBe(300);
    expect(after.totalPerSecond).toBeGreaterThanOrEqual(ours!.messagesPerSecond);
    expect(after.topics.every((t) => !t.topic.startsWith('__'))).toBe(true);
    // Nothing new since: a later sample shows no traffic on it.
    await new Promise((r) => setTimeout(r, 1_100));
    const quiet = await app.call('cluster.throughput', { connectionId, top: 100 });
    expect(quiet.topics.find((t) => t.topic === topic)).toBeUndefined();
  });

  it('stops measuring when the overview is left: a cancelled throughput takes no second sample', async () => {
    // A connection of its own: no earlier sample, so the call would sample, wait a second and sample again.
    const fresh = (await app.call('connection.connect', { config: { brokers: bootstrap.split(',') } })).connectionId;
    const leave = new AbortController();
    setTimeout(() => leave.abort(), 200);
    const started = performance.now();
    const outcome = await app.call('cluster.throughput', { connectionId: fresh, top: 10 }, leave.signal).catch((e: unknown) => e);
    expect(AppError.is(outcome) && outcome.code).toBe('CANCELLED');
    expect(performance.now() - started).toBeLessThan(1_000);
    await app.call('connection.disconnect', { connectionId: fresh });
  });

  it('keeps settings in settings.json and refuses invalid values in main', async () => {
    expect(await app.call('settings.get', {})).toEqual({ theme: 'system', timeZone: 'local', dateFormat: 'seconds', autoRefresh: 'off', lagAlerts: {}, topicFavourites: {}, topicTemplates: {} });
    const updated = await app.call('settings.update', { changes: { timeZone: 'utc', theme: 'dark' } });
    expect(updated).toEqual({ theme: 'dark', timeZone: 'utc', dateFormat: 'seconds', autoRefresh: 'off', lagAlerts: {}, topicFavourites: {}, topicTemplates: {} });
    const file = JSON.parse(readFileSync(join(app.services.deps.userDataDir, 'settings.json'), 'utf8'));
    expect(file).toEqual({ version: 1, settings: updated });
    const refused = await app.call('settings.update', { changes: { theme: 'pink' as 'dark' } }).catch((e: unknown) => e);
    expect(AppError.is(refused)).toBe(true);
    const unknown = await app.call('settings.update', { changes: { fontSize: 20 } as never }).catch((e: unknown) => e);
    expect(AppError.is(unknown)).toBe(true);
    expect(await app.call('settings.get', {})).toEqual(updated);
  });
});
