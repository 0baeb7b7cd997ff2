import { AppError } from '../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { AutoRefresh } from '../../components/AutoRefresh';
import { useAutoRefresh } from '../../components/use-auto-refresh';
import { useQueryClient } from '@tanstack/react-query';
import { useConnectionId } from '../../state/session-store';
import { useReadOnly } from '../../state/use-read-only';
import { SubjectList } from './SubjectList';
import { SubjectView } from './SubjectView';
import { useSubjects } from './schema-queries';
import './schemas.css';

const positive = (s: string | null) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

/** The Schema Registry: subjects on the left, the chosen subject's versions on the right. */
export function SchemasPage({ subject, params }: { subject?: string; params: URLSearchParams }) {
  const connectionId = useConnectionId();
  const readOnly = useReadOnly();
  const { refetchInterval } = useAutoRefresh('schemas');
  const subjects = useSubjects(connectionId, refetchInterval);
  const queryClient = useQueryClient();
  // The page's one Refresh: the subject list and the subject shown (versions, compatibility).
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['cluster', connectionId, 'schemas'] });
  const noRegistry = AppError.is(subjects.error) && subjects.error.code === 'NO_REGISTRY';

  return (
    <div className="page page--fill schemas-page">
      <PageHeader
        title="Schemas"
        subtitle="Subjects and versions in the connection's Schema Registry"
        actions={noRegistry ? undefined : <AutoRefresh viewId="schemas" onRefresh={refresh} refreshing={subjects.isFetching} updatedAt={subjects.dataUpdatedAt} />}
      />
      {noRegistry ? (
        <div className="schemas-empty" role="status">
          <p className="schemas-empty__title">No Schema Registry for this connection</p>
          <p className="text-muted">Add its URL to the connection profile (Schema Registry section) to decode Avro, Protobuf and JSON Schema data and to browse subjects here.</p>
        </div>
      ) : subjects.error ? (
        <ErrorMessage error={subjects.error} title="Could not list the subjects" />
      ) : subjects.isPending ? (
        <Loading label="Reading subjects…" />
      ) : (
        <div className="schemas-layout">
          <SubjectList subjects={subjects.data.subjects} deleted={subjects.data.deleted} selected={subject} />
          {subject ? (
            <SubjectView key={subject} connectionId={connectionId} subject={subject} version={positive(params.get('v'))} compare={positive(params.get('diff'))} readOnly={readOnly} />
          ) : (
            <p className="text-muted schemas-pick">Pick a subject to see its versions.</p>
          )}
        </div>
      )}
    </div>
  );
}
