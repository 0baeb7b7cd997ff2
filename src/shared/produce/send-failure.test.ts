import { describe, expect, it } from 'vitest';
import { sendFailureTitle } from './send-failure';

describe('sendFailureTitle: a failed send is headed by what happened to the message', () => {
  it('does not say "not sent" of a message the leader wrote', () => {
    expect(sendFailureTitle('NOT_ENOUGH_REPLICAS_AFTER_APPEND')).toBe('Written, but not confirmed');
    expect(sendFailureTitle('REQUEST_TIMED_OUT')).toBe('Written, but not confirmed');
  });

  it('says it may have been written when no answer came', () => {
    expect(sendFailureTitle('TIMEOUT')).toBe('No answer: the message may have been written');
  });

  it('says "not sent" of a refusal', () => {
    expect(sendFailureTitle('NOT_ENOUGH_REPLICAS')).toBe('The message was not sent');
    expect(sendFailureTitle('MESSAGE_TOO_LARGE')).toBe('The message was not sent');
    expect(sendFailureTitle(undefined)).toBe('The message was not sent');
  });
});
