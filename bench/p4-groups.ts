/**
 * P4b consumer groups: 10,000 groups with committed offsets over 50 topics × 4 partitions (200
 * groups over 5 topics with --smoke), on one broker, against Kafka's own ConsumerGroupCommand
 * (kafka-consumer-groups.sh, from the broker jars) in the same run:
 *  (a) the list interactive: the app's `groups.ids` and the details of the first screenful,
 *      vs `kafka-consumer-groups --list` (target: ratio ≤ 2);
 *  (b) the lag of every group: the app streams every group's summary the way the groups page
 *      does (rows on screen first, then batches), vs `--describe --all-groups` (target ≥ 5×).
 * The lag must be identical: every group's total from the timed run, and every group/partition
 * from `groups.describe` (untimed), against the tool's table and the offsets the bench committed.
 * Groups are made fast with admin OffsetCommits (no member), as a tool would.
 */
import { execFileSync } from 'node:child_process';
import { GROUP_SUMMARY_BATCH, type GroupSummary } from '../src/shared/api';
import { streamGroupSummaries } from '../src/shared/groups/stream-summaries';
import { pooled } from '../src/main/services/pooled';
import { createTopicsReady } from '../scripts/kafka/topics';
import { kafkaTool } from './kafka-cli';
import { benchApp, median, smoke, timed } from './support';

const GROUPS = smoke ? 200 : 10_000;
const TOPICS = smoke ? 5 : 50;
const PARTITIONS = 4;
const ROUNDS = smoke ? 1 : 2;
/** Rows the groups page shows at 1280×720 before scrolling (it asks for these first). */
const SCREENFUL = 30;
const COMMAND = 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand';

const { bootstrap, admin, app, connectionId, close } = await benchApp();
const client = app.services.deps.connections.get(connectionId).client;
const prefix = `p4-${process.pid}`;
const topics = Array.from({ length: TOPICS }, (_, i) => `${prefix}-t${String(i).padStart(2, '0')}`);
/** Messages in each partition: every partition a different log end. */
const logEnd = (t: number, p: number) => 40 + p * 10 + t;

const seedStarted = performance.now();
await createTopicsReady(bootstrap, topics.map((topic) => ({ topic, numPartitions: PARTITIONS })));
await pooled(topics, 4, async (topic) => {
  const t = topics.indexOf(topic);
  for (let p = 0; p < PARTITIONS; p++) execFileSync('kcat', ['-b', bootstrap, '-P', '-t', topic, '-p', String(p)], { input: Array.from({ length: logEnd(t, p) }, (_, i) => `m${i}`).join('\n') });
});
/** A fresh broker loads __consumer_offsets for a while after start: its coordinators answer NOT_COORDINATOR meanwhile. */
async function untilCoordinatorReady(work: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt > 60 || !/COORDINATOR|LOAD_IN_PROGRESS/.test(String((error as { code?: string }).code))) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
const groups = Array.from({ length: GROUPS }, (_, i) => `${prefix}-g${String(i).padStart(5, '0')}`);
/** What each group committed, `${group} ${topic} ${partition}` → lag, to check both tools against. */
const expected = new Map<string, number>();
await pooled(groups, 32, async (groupId) => {
  const i = groups.indexOf(groupId);
  for (const t of [...new Set([i % TOPICS, (i * 7 + 3) % TOPICS])]) {
    // Every fifth group leaves partition 3 uncommitted: no lag counted there by either tool.
    const partitions = Array.from({ length: i % 5 === 0 ? PARTITIONS - 1 : PARTITIONS }, (_, p) => ({ partition: p, offset: String((i + p * 3) % logEnd(t, p)) }));
    for (const p of partitions) expected.set(`${groupId} ${topics[t]} ${p.partition}`, logEnd(t, p.partition) - Number(p.offset));
    await untilCoordinatorReady(() => client.commitGroupOffsets(groupId, topics[t]!, partitions));
  }
});
console.log(`  seeded ${GROUPS.toLocaleString('en')} groups over ${TOPICS} topics in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

const mine = <T extends { groupId: string }>(ids: T[]): T[] => ids.filter((g) => g.groupId.startsWith(prefix));

/** (a) The list with the first screenful's details: what a user sees before they can act. */
async function appInteractive() {
  const rows = await app.call('groups.ids', { connectionId });
  const first = await app.call('groups.summaries', { connectionId, groups: rows.slice(0, SCREENFUL) });
  return { rows, first };
}

/** (b) Every group's summary, streamed as the groups page streams them. */
async function appAllLag(): Promise<GroupSummary[]> {
  const rows = await app.call('groups.ids', { connectionId });
  const out: GroupSummary[] = [];
  await streamGroupSummaries({
    rows,
    first: rows.slice(0, SCREENFUL).map((r) => r.groupId),
    batchSize: GROUP_SUMMARY_BATCH,
    fetch: (batch) => app.call('groups.summaries', { connectionId, groups: batch }),
    onBatch: (s) => out.push(...s),
  });
  return out;
}

/** The tool's table rows of our groups: `${group} ${topic} ${partition}` → lag ('-' when nothing is committed). */
function cliLag(out: string): Map<string, number | null> {
  const lag = new Map<string, number | null>();
  for (const line of out.split('\n')) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 6 || !cols[0]!.startsWith(prefix)) continue;
    lag.set(`${cols[0]} ${cols[1]} ${cols[2]}`, cols[5] === '-' ? null : Number(cols[5]));
  }
  return lag;
}

const times = { appList: [] as number[], cliList: [] as number[], appLag: [] as number[], cliLag: [] as number[] };
let mismatches = 0;
const mismatch = (what: string) => {
  if (++mismatches <= 5) console.log(`  mismatch ${what}`);
};
let cliTable = new Map<string, number | null>();
for (let round = 0; round < ROUNDS; round++) {
  const cliList = await timed(() => kafkaTool(COMMAND, ['--bootstrap-server', bootstrap, '--list']));
  times.cliList.push(cliList.ms);
  const appList = await timed(appInteractive);
  times.appList.push(appList.ms);
  const listed = new Set(cliList.value.split('\n').filter((l) => l.startsWith(prefix)));
  if (listed.size !== GROUPS || mine(appList.value.rows).length !== GROUPS) mismatch(`list: cli ${listed.size}, app ${mine(appList.value.rows).length}, expected ${GROUPS}`);

  const cliDescribe = await timed(() => kafkaTool(COMMAND, ['--bootstrap-server', bootstrap, '--describe', '--all-groups']));
  times.cliLag.push(cliDescribe.ms);
  const appLag = await timed(appAllLag);
  times.appLag.push(appLag.ms);
  cliTable = cliLag(cliDescribe.value);
  // Every group's total from the timed run against the tool's rows and what was committed.
  const totals = new Map(mine(appLag.value).map((g) => [g.groupId, g.totalLag]));
  const cliTotals = new Map<string, number>();
  for (const [key, lag] of cliTable) cliTotals.set(key.split(' ')[0]!, (cliTotals.get(key.split(' ')[0]!) ?? 0) + (lag ?? 0));
  const expectedTotals = new Map<string, number>();
  for (const [key, lag] of expected) expectedTotals.set(key.split(' ')[0]!, (expectedTotals.get(key.split(' ')[0]!) ?? 0) + lag);
  for (const g of groups) if (totals.get(g) !== cliTotals.get(g) || totals.get(g) !== expectedTotals.get(g)) mismatch(`${g}: app ${totals.get(g)}, cli ${cliTotals.get(g)}, committed ${expectedTotals.get(g)}`);
}

// Every group/partition (untimed): the app's group page rows against the tool's table.
let compared = 0;
await pooled(groups, 16, async (groupId) => {
  const detail = await app.call('groups.describe', { connectionId, groupId });
  for (const p of detail.partitions) {
    const key = `${groupId} ${p.topic} ${p.partition}`;
    compared++;
    const theirs = cliTable.has(key) ? cliTable.get(key)! : null;
    if (p.lag !== theirs || (p.lag ?? null) !== (expected.get(key) ?? null)) mismatch(`${key}: app ${p.lag}, cli ${theirs}, committed ${expected.get(key)}`);
  }
});
const cliRows = [...cliTable.values()].filter((v) => v !== null).length;
if (cliRows !== expected.size) mismatch(`the tool lists ${cliRows} committed partitions, the bench committed ${expected.size}`);

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const [appList, cliList, appLag, cliLagMs] = [median(times.appList), median(times.cliList), median(times.appLag), median(times.cliLag)];
console.log(`p4 groups: ${GROUPS.toLocaleString('en')} groups with committed offsets over ${TOPICS} topics × ${PARTITIONS} partitions, median of ${ROUNDS}:`);
console.log(`p4 list interactive: app ${s(appList)} (ids + first ${SCREENFUL} rows' details), kafka-consumer-groups --list ${s(cliList)}, ratio ${(appList / cliList).toFixed(2)} (target ≤ 2: ${appList / cliList <= 2 ? 'met' : 'NOT met'})`);
console.log(`p4 lag of every group: app ${s(appLag)}, kafka-consumer-groups --describe --all-groups ${s(cliLagMs)}, ratio ${(cliLagMs / appLag).toFixed(2)}× faster (target ≥ 5: ${cliLagMs / appLag >= 5 ? 'met' : 'NOT met'})`);
console.log(`p4 lag identical: ${compared.toLocaleString('en')} group/partitions and ${GROUPS.toLocaleString('en')} group totals compared, ${mismatches} mismatches`);

await admin.deleteGroups(groups).catch(() => undefined);
await admin.deleteTopics({ topics }).catch(() => undefined);
await close();
if (mismatches > 0) process.exitCode = 1;
