import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageFromWire, type CallName, type EventName, type MessagesBatch, type MessageView, type RequestOf, type ResponseOf } from '../../src/shared/api';
import { AppError } from '../../src/shared/errors';
import { createMainServices, type MainServices } from '../../src/main/app/main-services';
import { createLogger } from '../../src/main/log';

export interface TestApp {
  services: MainServices;
  /** Calls main exactly as a window would (validation, read-only gate, errors as data); throws AppError on failure. */
  call<K extends CallName>(name: K, request: RequestOf<K>, signal?: AbortSignal): Promise<ResponseOf<K>>;
  /** Every event pushed to this client, in order. */
  events: { name: EventName; payload: any }[];
  /** The messages a read pushed (messages.batch events of that run), decoded as the window decodes them. */
  messagesOf(runId: string): MessageView[];
  /** Reads a whole topic from the beginning through messages.search; messages ordered by partition, then offset. */
  readAll(connectionId: string, topic: string): Promise<MessageView[]>;
  close(): Promise<void>;
}

/** The app's main-process services in this Node process, with a throw-away user-data folder (and, given a sink, its log lines). */
export function startTestApp(options: { logSink?: (line: string) => void; backlog?: () => number } = {}): TestApp {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ke-int-'));
  const services = createMainServices({
    // With a sink every line, debug included, goes to it: tests that check what the app logs.
    log: options.logSink ? createLogger('test', { level: 'debug', sink: options.logSink }) : createLogger('test', { level: process.env.KE_TEST_LOG === '1' ? 'debug' : 'error' }),
    app: { version: 'test', runtime: 'browser', userDataDir },
  });
  const events: TestApp['events'] = [];
  // `backlog` stands for a window that has not taken its pushed events yet (a WebSocket's buffer).
  const client = services.host.attach((name, payload) => events.push({ name, payload }), options.backlog);
  let seq = 0;
  let reads = 0;
  const call: TestApp['call'] = async (name, request, signal) => {
    const id = `c${++seq}`;
    signal?.addEventListener('abort', () => services.host.cancel(client, id), { once: true });
    const result = await services.host.call(client, id, name, request);
    if (!result.ok) throw new AppError(result.error);
    return result.value as never;
  };
  const messagesOf = (runId: string): MessageView[] =>
    events.filter((e) => e.name === 'messages.batch' && e.payload.runId === runId).flatMap((e) => (e.payload as MessagesBatch).messages.map(messageFromWire));
  return {
    services,
    events,
    call,
    messagesOf,
    async readAll(connectionId, topic) {
      const runId = `read-all-${++reads}`;
      await call('messages.search', { connectionId, runId, topic, position: { kind: 'beginning' } });
      return messagesOf(runId).sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
    },
    async close() {
      services.host.detach(client);
      await services.dispose();
    },
  };
}
