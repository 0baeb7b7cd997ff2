import { describe, expect, it } from 'vitest';
import { MaskingRule, type MaskingRuleInput } from '../../../shared/api/masking';
import type { RawRecord } from '../../kafka/ports/messages';
import { MaskingService } from './masking-service';

const record = (value: string): RawRecord => ({ partition: 0, offset: '0', timestamp: '0', timestampType: 'CreateTime', key: null, value: Buffer.from(value), headers: [] });

function service(initial: MaskingRuleInput[]) {
  let rules = initial.map((r) => MaskingRule.parse(r));
  const masking = new MaskingService({ rulesOf: () => Promise.resolve(rules), maskingKey: () => Promise.resolve('key') });
  return { masking, setRules: (next: MaskingRuleInput[]) => (rules = next.map((r) => MaskingRule.parse(r))) };
}

describe('masking per connection', () => {
  it('masks only connections opened with a profile that has rules', async () => {
    const { masking } = service([{ topic: 'pii*', kind: 'regex', pattern: 'secret' }]);
    expect(await masking.maskerFor('quick', 'pii')).toBeNull();
    await masking.bind('c1', 'p1');
    expect(await masking.maskerFor('c1', 'other')).toBeNull();
    expect((await masking.maskerFor('c1', 'pii'))!(record('a secret'), null).record.value!.toString()).toBe('a ****');
  });

  it('gives copy jobs a synchronous masker per topic with the rules as last saved', async () => {
    const { masking, setRules } = service([{ topic: '*', kind: 'regex', pattern: 'secret' }]);
    expect(masking.copyMaskingFor('c1')).toBeUndefined();
    await masking.bind('c1', 'p1');
    expect(masking.copyMaskingFor('c1')!('t')!(record('secret'), null).record.value!.toString()).toBe('****');
    setRules([]);
    await masking.refresh('p1');
    expect(masking.copyMaskingFor('c1')).toBeUndefined();
  });

  it('applies screen-share-only rules while screen-share mode is on', async () => {
    const { masking } = service([{ topic: '*', kind: 'regex', pattern: 'x+', onlyWhenSharing: true }]);
    await masking.bind('c1', 'p1');
    expect(await masking.maskerFor('c1', 't')).toBeNull();
    expect(masking.setScreenShare(true)).toEqual({ screenShare: true });
    expect(masking.copyMaskingFor('c1')!('t')!(record('axxb'), null).record.value!.toString()).toBe('a****b');
  });
});
