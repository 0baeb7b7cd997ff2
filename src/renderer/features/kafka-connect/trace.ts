/** A Java stack trace split for reading: the root cause first, then the full text to unfold. */
export interface ReadableTrace {
  /** The innermost "Caused by:" (or the first line when there is none): usually the real reason. */
  cause: string;
  /** The outermost exception line, when it differs from the cause (e.g. ConnectException wrapping it). */
  summary: string | null;
  /** The first frame of the cause in the connector's own code, if any, to say where it broke. */
  at: string | null;
  full: string;
}

const EXCEPTION_LINE = /^(?:Caused by: )?([\w$.]+(?:Exception|Error|Throwable)[\w$]*)(?::\s?(.*))?$/;

/** Splits a worker's `trace` field; a text that is not a trace comes back as its own cause. */
export function readableTrace(trace: string): ReadableTrace {
  const lines = trace.split(/\r?\n/);
  const first = lines.find((l) => l.trim().length > 0)?.trim() ?? '';
  let causeIndex = -1;
  lines.forEach((line, i) => {
    if (line.trimStart().startsWith('Caused by:')) causeIndex = i;
  });
  const causeLine = causeIndex >= 0 ? lines[causeIndex]!.trim().replace(/^Caused by:\s*/, '') : first;
  const frame = lines.slice(causeIndex >= 0 ? causeIndex + 1 : 1).find((l) => /^\s*at /.test(l));
  return {
    cause: shorten(causeLine),
    summary: causeIndex >= 0 && shorten(first) !== shorten(causeLine) ? shorten(first) : null,
    at: frame ? frame.trim().replace(/^at\s+/, '') : null,
    full: trace,
  };
}

/** `org.apache.kafka.connect.errors.ConnectException: msg` → `ConnectException: msg` (the package adds nothing to read). */
function shorten(line: string): string {
  const m = EXCEPTION_LINE.exec(line);
  if (!m) return line;
  const simple = m[1]!.slice(m[1]!.lastIndexOf('.') + 1);
  return m[2] ? `${simple}: ${m[2]}` : simple;
}
