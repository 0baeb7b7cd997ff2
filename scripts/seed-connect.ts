import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The demo's connectors, so a user sees every state: a FileStream source reading a file that keeps
 * growing (`connect-demo-lines.txt`, fed by `feedDemoFile`), a FileStream sink writing that topic
 * back to a file, and a sink whose task fails (its directory does not exist).
 */
export const DEMO_CONNECT = {
  topic: 'connect-file-lines',
  source: 'file-lines-source',
  sink: 'file-lines-sink',
  failing: 'archive-sink-broken',
} as const;

const SOURCE = 'org.apache.kafka.connect.file.FileStreamSourceConnector';
const SINK = 'org.apache.kafka.connect.file.FileStreamSinkConnector';

/** Where the source reads and the sink writes (created on first use). */
export function demoFiles(dir: string): { input: string; output: string; missing: string } {
  mkdirSync(dir, { recursive: true });
  const input = join(dir, 'connect-demo-lines.txt');
  if (!existsSync(input)) writeFileSync(input, '');
  return { input, output: join(dir, 'connect-demo-copy.txt'), missing: join(dir, 'no-such-directory', 'archive.txt') };
}

async function put(url: string, name: string, config: Record<string, string>): Promise<boolean> {
  const existing = await fetch(`${url}/connectors/${encodeURIComponent(name)}`);
  if (existing.ok) return false;
  const res = await fetch(`${url}/connectors/${encodeURIComponent(name)}/config`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(config) });
  if (!res.ok) throw new Error(`Kafka Connect refused ${name}: ${res.status} ${await res.text()}`);
  return true;
}

/** Creates the three connectors unless they exist; returns the ones it created. */
export async function seedConnectors(url: string, dir: string): Promise<string[]> {
  const files = demoFiles(dir);
  const created: string[] = [];
  const topicCreation = { 'topic.creation.default.replication.factor': '1', 'topic.creation.default.partitions': '1' };
  if (await put(url, DEMO_CONNECT.source, { 'connector.class': SOURCE, 'tasks.max': '1', file: files.input, topic: DEMO_CONNECT.topic, ...topicCreation })) created.push(DEMO_CONNECT.source);
  if (await put(url, DEMO_CONNECT.sink, { 'connector.class': SINK, 'tasks.max': '1', topics: DEMO_CONNECT.topic, file: files.output })) created.push(DEMO_CONNECT.sink);
  if (await put(url, DEMO_CONNECT.failing, { 'connector.class': SINK, 'tasks.max': '1', topics: DEMO_CONNECT.topic, file: files.missing })) created.push(DEMO_CONNECT.failing);
  return created;
}

/** Appends a line to the demo's input file every `everyMs`, as a log would grow; returns a stop function. */
export function feedDemoFile(dir: string, everyMs = 2_000): () => void {
  const { input } = demoFiles(dir);
  let n = 0;
  const timer = setInterval(() => appendFileSync(input, `${new Date().toISOString()} line ${++n} from the demo's log\n`), everyMs);
  return () => clearInterval(timer);
}
