import { Session } from 'node:inspector/promises';
import { Kafka, logLevel } from 'kafkajs';
import { startTestApp } from './test/support/app';
const bootstrap = '127.0.0.1:9092';
const admin = new Kafka({ brokers: [bootstrap], logLevel: logLevel.NOTHING }).admin(); await admin.connect();
const app = startTestApp();
const { connectionId } = await app.call('connection.connect', { config: { brokers: [bootstrap] } });
const rows = Array.from({ length: 100000 }, (_, i) => ({ key: `rider-${i % 500}`, value: JSON.stringify({ seq: i, rider_name: 'Master Chief', loc: 'NORTH', lat: 52.37, lon: 4.89, note: 'x'.repeat(90) }) }));
const ndjson = rows.map((r) => JSON.stringify(r)).join('\n');
const mode = process.argv[2] ?? 'import';
const run = async (topic: string) => mode === 'import'
  ? app.call('produce.import', { connectionId, topic, runId: 'x' + topic, format: 'ndjson', content: ndjson })
  : app.call('produce.burst', { connectionId, topic, runId: 'b' + topic, count: 100000, message: { key: { format: 'text', text: 'rider-{{int 1 500}}' }, value: { format: 'json', text: `{"seq": {{seq}}, "rider_name": "{{name}}", "loc": "{{pick "NORTH" "SOUTH" "EAST" "WEST"}}", "lat": {{float 52.3 52.4 4}}, "lon": 4.89, "note": "${'x'.repeat(90)}"}` } } });
const topics = [`prof-${process.pid}-a`, `prof-${process.pid}-b`];
await admin.createTopics({ waitForLeaders: true, topics: topics.map((topic) => ({ topic, numPartitions: 6 })) });
await run(topics[0]!);
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.setSamplingInterval', { interval: 100 }); await s.post('Profiler.start');
const t0 = performance.now(); await run(topics[1]!); const ms = performance.now() - t0;
const { profile } = await s.post('Profiler.stop') as any;
console.log(mode, ms.toFixed(0), 'ms');
const byId = new Map<number, any>(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<string, number>(); const incl = new Map<string, number>();
const key = (n: any) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
profile.samples.forEach((id: number, i: number) => { const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; let n = byId.get(id); self.set(key(n), (self.get(key(n)) ?? 0) + dt); const seen = new Set<string>(); while (n) { const k = key(n); if (!seen.has(k)) { incl.set(k, (incl.get(k) ?? 0) + dt); seen.add(k); } n = byId.get(parent.get(n.id)!); } });
console.log('SELF'); console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 22).map(([k, v]) => `${v.toFixed(0).padStart(5)} ${k}`).join('\n'));
console.log('INCL'); console.log([...incl].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${v.toFixed(0).padStart(5)} ${k}`).join('\n'));
await admin.deleteTopics({ topics }); await admin.disconnect(); await app.close();
