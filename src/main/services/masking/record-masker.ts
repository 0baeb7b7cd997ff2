import { createHmac } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { parse as parseLossless, stringify as stringifyLossless } from 'lossless-json';
import { RE2JS } from 're2js';
import { MASKED_TEXT, type MaskAction, type MaskingRule } from '../../../shared/api/masking';
import type { RawRecord } from '../../kafka/ports/messages';
import type { Decoded } from '../../schemas/schema-decoder';
import type { DecodedParts } from '../messages/schema-records';
import { rewriteTextRuns } from './binary-text';
import { DROP, parseJsonPath, rewriteAtPath, type PathStep } from './json-path';
import { topicMatcher } from './topic-pattern';

/** A record (and its decoded parts) with what the rules hide rewritten; the same objects when nothing matched. */
export type RecordMasker = (record: RawRecord, parts: DecodedParts | null) => { record: RawRecord; parts: DecodedParts | null };

interface FieldRule {
  steps: PathStep[];
  action: MaskAction;
}
interface RegexRule {
  regex: RE2JS;
  action: MaskAction;
}

/** The rules of one profile, compiled once, and the key its hashes are made with. */
export class CompiledRules {
  private readonly rules: { applies: (topic: string) => boolean; rule: MaskingRule; field?: FieldRule; regex?: RegexRule }[];

  /** @param hashKey the profile's secret HMAC key: equal values hash alike, and no one can hash a guess without it. */
  constructor(
    rules: readonly MaskingRule[],
    private readonly hashKey: string,
  ) {
    this.rules = rules.map((rule) => ({
      rule,
      applies: topicMatcher(rule.topic),
      ...(rule.kind === 'field' ? { field: { steps: parseJsonPath(rule.pattern), action: rule.action } } : { regex: { regex: RE2JS.compile(rule.pattern), action: rule.action } }),
    }));
  }

  /** The masker for one topic, or null (nothing to do: reads cost nothing extra) when no rule applies. */
  forTopic(topic: string, screenShare: boolean): RecordMasker | null {
    const active = this.rules.filter((r) => (screenShare || !r.rule.onlyWhenSharing) && r.applies(topic));
    if (active.length === 0) return null;
    const fields = active.flatMap((r) => (r.field ? [r.field] : []));
    const regexes = active.flatMap((r) => (r.regex ? [r.regex] : []));
    const hash = (text: string) => `hash:${createHmac('sha256', this.hashKey).update(text).digest('hex').slice(0, 16)}`;
    const maskText = (text: string): string => {
      let out = text;
      for (const { regex, action } of regexes) out = regex.matcher(out).replaceAll((m: string) => (action === 'mask' ? MASKED_TEXT : action === 'hash' ? hash(m) : ''));
      return out;
    };
    const maskJson = (doc: unknown): boolean => {
      let changed = 0;
      for (const { steps, action } of fields) {
        changed += rewriteAtPath(doc, steps, (v) => (action === 'drop' ? DROP : action === 'mask' ? MASKED_TEXT : hash(typeof v === 'string' ? v : jsonText(v))));
      }
      return changed > 0;
    };
    /** A key's or value's text after the rules: fields of JSON first, then the patterns. */
    const maskPartText = (text: string): string => {
      let out = text;
      if (fields.length > 0) {
        const doc = parseJsonObject(text);
        if (doc !== undefined && maskJson(doc)) out = jsonText(doc);
      }
      return regexes.length > 0 ? maskText(out) : out;
    };
    const maskBytes = (bytes: Buffer | null): Buffer | null => {
      if (bytes === null) return bytes;
      // Binary (not UTF-8 as a whole): no JSON fields, but patterns apply to its runs of text,
      // before the bytes are shown as hex or base64. Schema-framed parts are masked decoded.
      if (!isUtf8(bytes)) return regexes.length > 0 ? rewriteTextRuns(bytes, maskText) : bytes;
      const text = bytes.toString('utf8');
      const out = maskPartText(text);
      return out === text ? bytes : Buffer.from(out, 'utf8');
    };
    const maskDecoded = (d: Decoded | null): Decoded | null => {
      if (!d?.ok) return d;
      const json = maskPartText(d.json);
      return json === d.json ? d : { ...d, json };
    };
    return (record, parts) => {
      const key = parts?.key?.ok ? record.key : maskBytes(record.key);
      const value = parts?.value?.ok ? record.value : maskBytes(record.value);
      const headers = regexes.length === 0 ? record.headers : record.headers.map((h) => ({ key: h.key, value: maskBytes(h.value) }));
      const masked = key === record.key && value === record.value && headers === record.headers ? record : { ...record, key, value, headers };
      const maskedParts = parts ? { key: maskDecoded(parts.key), value: maskDecoded(parts.value) } : null;
      return { record: masked, parts: maskedParts };
    };
  }
}

/** A JSON object or array, or undefined (plain text, a number, not JSON): only those have fields. */
function parseJsonObject(text: string): unknown {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return undefined;
  try {
    // Numbers of 16 digits and more may not fit a double (an Avro long, a decimal): kept as written.
    return LONG_NUMBER.test(text) ? parseLossless(text) : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

const LONG_NUMBER = /\d{16}/;

/** JSON text of a document parseJsonObject read, its exact numbers as they were. */
function jsonText(doc: unknown): string {
  return stringifyLossless(doc) ?? 'null';
}
