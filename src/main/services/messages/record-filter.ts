import type { MessageFilter } from '../../../shared/api';
import { appError, ErrorCode } from '../../../shared/errors';
import { ExpressionError, matches, parseExpression, rootsOf, type ExpressionInput } from '../../../shared/filter/expression';
import { compileSafeRegex, type SafeRegex } from '../../../shared/filter/safe-regex';
import type { RawRecord } from '../../kafka/ports/messages';

export type RecordPredicate = (record: RawRecord) => boolean;

/**
 * Turns the filter of a read into one predicate over raw records, or null when nothing is
 * filtered. Bytes are decoded only as far as the filter needs: a plain case-sensitive text
 * search looks for the bytes themselves; JSON is parsed only for the roots an expression reads.
 * A bad regular expression or an expression that does not parse is a validation error.
 */
export function compileFilter(filter: MessageFilter): RecordPredicate | null {
  const tests: RecordPredicate[] = [];
  // The exact key first: the cheapest test, and the one that rejects the most.
  if (filter.key !== null) tests.push(keyTest(filter.key));
  const { fromTime, toTime } = filter;
  if (fromTime !== null || toTime !== null) {
    tests.push((r) => {
      const t = Number(r.timestamp);
      return (fromTime === null || t >= fromTime) && (toTime === null || t <= toTime);
    });
  }
  if (filter.headerKey !== '' || filter.headerValue !== '') tests.push(headerTest(filter.headerKey, filter.headerValue));
  if (filter.text !== '') tests.push(textTest(filter));
  if (filter.expression.trim() !== '') tests.push(expressionTest(filter.expression));
  if (tests.length === 0) return null;
  if (tests.length === 1) return tests[0]!;
  return (r) => tests.every((t) => t(r));
}

function textTest(filter: MessageFilter): RecordPredicate {
  if (!filter.regex && filter.caseSensitive) {
    const needle = Buffer.from(filter.text, 'utf8');
    const has = (b: Buffer | null) => b !== null && b.indexOf(needle) >= 0;
    return (r) => has(r.key) || has(r.value) || r.headers.some((h) => has(h.value));
  }
  let pattern: SafeRegex;
  try {
    pattern = compileSafeRegex(filter.regex ? filter.text : escapeRegExp(filter.text), { caseInsensitive: !filter.caseSensitive });
  } catch (error) {
    throw appError(ErrorCode.Validation, `The regular expression does not parse: ${(error as Error).message}`, {
      hint: 'Untick "regex" to search for the text as written.',
    });
  }
  // Bytes as they are (RE2 reads UTF-8): no string made per message.
  const has = (b: Buffer | null) => b !== null && pattern.test(b);
  return (r) => has(r.key) || has(r.value) || r.headers.some((h) => has(h.value));
}

function expressionTest(source: string): RecordPredicate {
  let expr;
  try {
    expr = parseExpression(source);
  } catch (error) {
    // A RangeError too: thousands of nested "!" overflow the parser's stack.
    const reason = error instanceof ExpressionError ? error.message : 'it is too deeply nested';
    throw appError(ErrorCode.Validation, `The filter expression does not parse: ${reason}`, {
      hint: 'For example: value.loc == "SOUTH" && value.amount > 100',
    });
  }
  const roots = rootsOf(expr);
  return (r) => {
    const input: ExpressionInput = {
      key: roots.has('key') ? once(() => jsonOrText(r.key)) : () => undefined,
      value: roots.has('value') ? once(() => jsonOrText(r.value)) : () => undefined,
      headers: () => Object.fromEntries(r.headers.map((h) => [h.key, headerValue(h.value)])),
      partition: r.partition,
      offset: r.offset,
      timestamp: r.timestamp,
    };
    return matches(expr, input);
  };
}

/** Messages whose key is exactly these UTF-8 bytes. */
function keyTest(key: string): RecordPredicate {
  const wanted = Buffer.from(key, 'utf8');
  return (r) => r.key !== null && r.key.equals(wanted);
}

/** Messages with a header named `name` (any, when empty) whose value contains `text` (any, when empty), case-insensitively. */
function headerTest(name: string, text: string): RecordPredicate {
  const pattern = text === '' ? null : compileSafeRegex(escapeRegExp(text), { caseInsensitive: true });
  const valueOk = (v: Buffer | null) => pattern === null || (v !== null && pattern.test(v));
  return (r) => r.headers.some((h) => (name === '' || h.key === name) && valueOk(h.value));
}

/** A header value for expressions: a JSON object or array parsed (so its fields can be named), else its text. */
function headerValue(bytes: Buffer | null): unknown {
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      /* not JSON */
    }
  }
  return text;
}

/** Parsed JSON when the bytes are JSON, else the text (so `key == "abc"` works on plain keys). */
function jsonOrText(bytes: Buffer | null): unknown {
  if (bytes === null) return null;
  const text = bytes.toString('utf8');
  const first = text.trimStart()[0];
  if (first === '{' || first === '[' || first === '"' || (first !== undefined && /[-\d tfn]/.test(first))) {
    try {
      return JSON.parse(text);
    } catch {
      /* not JSON */
    }
  }
  return text;
}

function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
