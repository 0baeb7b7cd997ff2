import type { MaskingRule, MaskingState } from '../../../shared/api/masking';
import { appError, ErrorCode } from '../../../shared/errors';
import { JsonPathError } from './json-path';
import type { CopyMasking } from '../copy/mask-for-copy';
import { CompiledRules, type RecordMasker } from './record-masker';

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

  /** Compiles a profile's rules again (after it was saved or deleted), so `copyMaskingFor` has them at hand. */
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
   * For a copy job: the source topic's masker (null when no rule names the topic), or undefined
   * when the connection's profile has no rules. Synchronous, with the rules as last compiled
   * (when the connection was opened or the profile saved) and screen-share mode as it is now.
   */
  copyMaskingFor(connectionId: string): CopyMasking | undefined {
    const profileId = this.profileOf.get(connectionId);
    const compiled = profileId ? this.compiled.get(profileId)?.rules : undefined;
    if (!compiled) return undefined;
    const screenShare = this.screenShare;
    return (topic) => compiled.forTopic(topic, screenShare);
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
