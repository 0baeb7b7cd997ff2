import type { SendResult } from '../../../shared/api';
import { href } from '../../app/router';
import { messageTime } from '../../lib/message-time';
import { useDateFormat } from '../../lib/use-date-format';

export function SendResultView({ result }: { result: SendResult }) {
  const dates = useDateFormat();
  const link = result.offset === null ? href(['topics', result.topic, 'messages']) : href(['topics', result.topic, 'messages'], { partition: result.partition, offset: result.offset });
  return (
    <div className="send-result" role="status" data-testid="send-result">
      Sent to <a href={href(['topics', result.topic])}>{result.topic}</a> · partition <strong>{result.partition}</strong> · offset{' '}
      <strong>{result.offset ?? 'not reported (acks=none)'}</strong> · {result.timestampType === 'LogAppendTime' ? 'log-append time' : 'create time'}{' '}
      {messageTime(result.timestamp, dates.options)} ·{' '}
      <a href={link}>show in messages</a>
    </div>
  );
}
