/**
 * A small component logger. Everything logged passes through `redact`, so a password, token
 * or private key handed to a log call by mistake never reaches the console or a log file.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|credential|private|^key$|sasl|jaas|authorization|cookie|passphrase/i;
const SECRET_INLINE = /((?:password|passwd|secret|token)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s,;&"']+)/gi;

/** Replaces secret-looking fields and inline `password=...` fragments with "***". */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return value.replace(SECRET_INLINE, '$1***');
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: redact(value.message) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[k] = SECRET_KEY.test(k) && v !== undefined && v !== null ? '***' : redact(v, depth + 1);
    }
    return out;
  }
  return value;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go; defaults to stderr so stdout stays clean for CLI output. */
  sink?: (line: string) => void;
}

export function createLogger(component = 'app', options: LoggerOptions = {}): Logger {
  const threshold = LEVELS[options.level ?? (process.env.KAFKA_EXPLORER_LOG_LEVEL as LogLevel) ?? 'info'] ?? LEVELS.info;
  const sink = options.sink ?? ((line: string) => process.stderr.write(line + '\n'));
  const write = (level: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < threshold) return;
    const extra = fields ? ' ' + JSON.stringify(redact(fields)) : '';
    sink(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${component}] ${redact(message) as string}${extra}`);
  };
  return {
    debug: (m, f) => write('debug', m, f),
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
    child: (name) => createLogger(`${component}:${name}`, options),
  };
}

/**
 * A logger that writes a repeated warning or error once per window: the first occurrence as it
 * is, later ones counted and summed up when the window ends ("… repeated 97 times in 60 s"). A
 * dead broker makes kafkajs and the pages' refreshes fail many times a minute; the log should
 * say so once. Keys are the message text (fields, e.g. which request, are not part of it).
 */
export function limitRepeats(log: Logger, windowMs = 60_000): Logger {
  const seen = new Map<string, { count: number; timer: NodeJS.Timeout }>();
  const limited = (level: 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    const key = `${level} ${message}`;
    const entry = seen.get(key);
    if (entry) {
      entry.count++;
      return;
    }
    log[level](message, fields);
    const timer = setTimeout(() => {
      const repeated = seen.get(key)?.count ?? 0;
      seen.delete(key);
      if (repeated > 0) log[level](`${message} (repeated ${repeated} more time${repeated === 1 ? '' : 's'} in ${windowMs >= 1_000 ? `${Math.round(windowMs / 1000)} s` : `${windowMs} ms`})`);
    }, windowMs);
    timer.unref?.();
    seen.set(key, { count: 0, timer });
  };
  return {
    debug: (m, f) => log.debug(m, f),
    info: (m, f) => log.info(m, f),
    warn: limited('warn'),
    error: limited('error'),
    child: (name) => limitRepeats(log.child(name), windowMs),
  };
}
