import type { MaskingRule, MaskingState } from '../../../shared/api/masking';
import { appError, ErrorCode } from '../../../shared/errors';
import { JsonPathError } from './json-path';
import type { RawRecord } from '../../kafka/ports/messages';
import { CompiledRules, type RawRecordMasker, type RecordMasker } from './record-masker';

/** What masking needs of the profiles: a profile's rules and its hash key. */
export interface MaskingProfiles {
  rulesOf(profileId: string): Promise<readonly MaskingRule[]>;
  maskingKey(profileId: string): Promise<string>;
}

/**
 * Masking in main, where records leave for the window, a file or another topic: which profile
 * each connection was opened with, that profile's compiled rules, and screen-share mode (one
 * switch for the whole app, so every window and export obeys it).
 */
export class MaskingService {
  private screenShare = false;
  private readonly profileOf = new Map<string, string>();
  private readonly compiled = new Map<string, { source: string; rules: CompiledRules }>();

  constructor(private readonly profiles: MaskingProfiles) {}

  /** Remembers that a connection was opened with a profile: its rules apply to its reads. */
  async bind(connectionId: string, profileId: string): Promise<void> {
    this.profileOf.set(connectionId, profileId);
    await this.refresh(profileId);
  }

  /** Compiles a profile's rules again (after it was saved or deleted), so `transformFor` has them at hand. */
  async refresh(profileId: string): Promise<void> {
    await this.compiledFor(profileId);
  }

  unbind(connectionId: string): void {
    this.profileOf.delete(connectionId);
  }

  state(): MaskingState {
    return { screenShare: this.screenShare };
  }

  setScreenShare(on: boolean): MaskingState {
    this.screenShare = on;
    return this.state();
  }

  /**
   * The masker for a topic read through a connection, or null when no rule applies (then reads
   * cost nothing extra). Rules are read when a read starts: an edited profile applies from the next read.
   */
  async maskerFor(connectionId: string, topic: string): Promise<RecordMasker | null> {
    const profileId = this.profileOf.get(connectionId);
    if (!profileId) return null;
    const compiled = await this.compiledFor(profileId);
    return compiled ? compiled.forTopic(topic, this.screenShare) : null;
  }

  /**
   * Synchronous, for a copy job's per-record transform: `(record, topic) => masked record`, or
   * undefined when the connection's profile has no rules. Uses the rules as last compiled
   * (when the connection was opened or the profile saved).
   */
  transformFor(connectionId: string): ((record: RawRecord, topic: string) => RawRecord) | undefined {
    const profileId = this.profileOf.get(connectionId);
    const compiled = profileId ? this.compiled.get(profileId)?.rules : undefined;
    if (!compiled) return undefined;
    const screenShare = this.screenShare;
    const perTopic = new Map<string, RecordMasker | null>();
    return (record, topic) => {
      let masker = perTopic.get(topic);
      if (masker === undefined) perTopic.set(topic, (masker = compiled.forTopic(topic, screenShare)));
      return masker ? masker(record, null).record : record;
    };
  }

  /** A profile's rules compiled with its hash key; compiled again only when they changed. Null: no rules. */
  private async compiledFor(profileId: string): Promise<CompiledRules | null> {
    const rules = await this.profiles.rulesOf(profileId).catch(() => []);
    if (rules.length === 0) {
      this.compiled.delete(profileId);
      return null;
    }
    const source = JSON.stringify(rules);
    let cached = this.compiled.get(profileId);
    if (cached?.source !== source) {
      cached = { source, rules: new CompiledRules(rules, await this.profiles.maskingKey(profileId)) };
      this.compiled.set(profileId, cached);
    }
    return cached.rules;
  }

  /**
   * For paths that move raw records (copy to another topic): `(record) => masked record`, or
   * null when no rule applies. Schema-framed values are masked by the rules' patterns on their
   * bytes only (they are not decoded here).
   */
  async rawMaskerFor(connectionId: string, topic: string): Promise<RawRecordMasker | null> {
    const masker = await this.maskerFor(connectionId, topic);
    return masker ? (record) => masker(record, null).record : null;
  }
}

/** Refuses rules that do not compile (a bad path or pattern), saying which and why. */
export function checkMaskingRules(rules: readonly MaskingRule[]): void {
  rules.forEach((rule, i) => {
    try {
      new CompiledRules([rule], 'check');
    } catch (error) {
      const why = error instanceof JsonPathError ? error.message : (error as Error).message.replace(/^error parsing regexp: /, '');
      throw appError(ErrorCode.Validation, `Masking rule ${i + 1} (${rule.pattern}) does not compile: ${why}`, {
        hint: rule.kind === 'field' ? 'A field path looks like customer.email, items[*].card or ..email' : 'Patterns are RE2: no backreferences or lookaround.',
      });
    }
  });
}
