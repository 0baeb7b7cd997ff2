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
