import './schemas.css';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/ApiProvider';
import { href } from '../../app/router';

/**
 * The registry subjects a topic uses (its `<topic>-key`, `<topic>-value` and TopicRecordName
 * subjects), one line under the topic's summary, each a link to the Schemas page. Says nothing
 * on a connection without a registry or a topic without subjects.
 */
export function TopicSubjects({ connectionId, topic }: { connectionId: string; topic: string }) {
  const api = useApi();
  const subjects = useQuery({
    queryKey: ['cluster', connectionId, 'schemas', 'forTopic', topic],
    queryFn: ({ signal }) => api.call('schemas.forTopic', { connectionId, topic }, { signal }),
    retry: false,
    staleTime: 30_000,
  });
  const list = subjects.data?.subjects ?? [];
  if (list.length === 0) return null;
  return (
    <div className="topic-subjects" data-testid="topic-subjects">
      <span className="topic-subjects__label">Schemas</span>
      {list.map((s) => (
        <a key={s} href={href(['schemas', s])} className="topic-subjects__link">
          {s}
        </a>
      ))}
    </div>
  );
}
