/**
 * Errors cross the main/renderer boundary as plain data: Electron's IPC keeps only `message`
 * of a thrown Error, and the browser mode sends JSON, so both sides agree on this shape.
 */
export interface AppErrorData {
  /** A stable class name, e.g. `KafkaConnectionError`, `ValidationError`. */
  name: string;
  /** A stable machine code, e.g. `UNKNOWN_TOPIC_OR_PARTITION`, `READ_ONLY`, `TIMEOUT`. */
  code: string;
  /** What went wrong, in the broker's or the library's own words where there are any. */
  message: string;
  /** True when trying again later may succeed (a leader election, a broker restarting). */
  retriable: boolean;
  /** The broker the failure came from, `host:port`, when known. */
  broker?: string;
  /** One sentence telling the user what to do about it. */
  hint?: string;
}

/** Well-known codes produced by the app itself (Kafka's own error names are used as-is). */
export const ErrorCode = {
  Validation: 'VALIDATION',
  ReadOnly: 'READ_ONLY',
  NotConnected: 'NOT_CONNECTED',
  ConnectionFailed: 'CONNECTION_FAILED',
  Timeout: 'TIMEOUT',
  Cancelled: 'CANCELLED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Unknown: 'UNKNOWN',
} as const;

/** An Error that carries AppErrorData; thrown in main, rebuilt in the renderer. */
export class AppError extends Error implements AppErrorData {
  override readonly name: string;
  readonly code: string;
  readonly retriable: boolean;
  readonly broker?: string;
  readonly hint?: string;

  constructor(data: AppErrorData) {
    super(data.message);
    this.name = data.name;
    this.code = data.code;
    this.retriable = data.retriable;
    if (data.broker !== undefined) this.broker = data.broker;
    if (data.hint !== undefined) this.hint = data.hint;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { name: this.name, code: this.code, message: this.message, retriable: this.retriable };
    if (this.broker !== undefined) data.broker = this.broker;
    if (this.hint !== undefined) data.hint = this.hint;
    return data;
  }

  static is(value: unknown): value is AppError {
    return value instanceof AppError;
  }
}

/** Shorthand for the errors the app raises itself. */
export function appError(code: string, message: string, extra: Partial<AppErrorData> = {}): AppError {
  return new AppError({ name: extra.name ?? 'AppError', code, message, retriable: false, ...extra });
}

/** True for something that looks like AppErrorData (e.g. received over the wire). */
export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.name === 'string' && typeof v.code === 'string' && typeof v.message === 'string';
}
