import { describe, expect, it } from 'vitest';
import { configsToLines, linesToConfigs } from './config-lines';

describe('config lines', () => {
  it('round-trips configs, skipping blanks and comments, keeping "=" inside values', () => {
    const configs = { 'retention.ms': '-1', 'cleanup.policy': 'compact,delete', 'message.timestamp.type': 'a=b' };
    expect(linesToConfigs(`${configsToLines(configs)}\n\n# note\n`)).toEqual({ configs, error: null });
  });
  it('names the first line that is not name=value', () => {
    expect(linesToConfigs('retention.ms=1\nnonsense').error).toBe('Line 2 is not name=value: nonsense');
  });
});
