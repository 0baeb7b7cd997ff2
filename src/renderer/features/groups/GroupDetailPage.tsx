import { createColumnHelper } from '@tanstack/react-table';
import type { GroupPartition } from '../../../shared/api';
import { href } from '../../app/router';
import { DataTable } from '../../components/DataTable';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageHeader';
import { useConnectionId } from '../../state/session-store';
import { AssignmentMap } from './AssignmentMap';
import { useGroup, useLagHistory } from './queries';
import { lazyNamed, LazyBoundary } from '../../lib/lazy-named';
import { STATUS_EXPLAINED, type LagStatus } from '../../../shared/groups/lag-status';
import { ResetPanel } from './ResetPanel';
import { DangerZone } from './DangerZone';
import { StateBadge } from './StateBadge';
import { useRevealSection } from './use-reveal-section';
import { MembersTable } from './MembersTable';
import { LagAlertSetting } from './LagAlertSetting';
import { GROUP_TYPE_EXPLAINED } from './group-types';
import { lagUnknownWhy } from './lag-unknown';
import './groups.css';

/** uPlot in its own chunk, loaded with the first chart. */
const LagChart = lazyNamed(() => import('./LagChart'), 'LagChart');

type Row = GroupPartition & { status: LagStatus | null };

/** Per-partition badge text; the group's badge says how many samples (from main's verdict). */
const STATUS_LABEL: Record<LagStatus, string> = { NO_COMMIT: 'no commit', OK: 'OK', COLLECTING: 'collecting', WARN: 'WARN', STALL: 'STALL', STOP: 'STOP', ERR: 'ERR' };
const NO_COMMIT_WHY = 'The group never committed an offset here, so there is no lag to measure (kafka-consumer-groups.sh shows “-” too).';

const col = createColumnHelper<Row>();
const columnsFor = (share: boolean) => [
  col.accessor('topic', { header: 'Topic', size: 220 }),
  col.accessor('partition', { header: 'Partition', size: 90, meta: { align: 'right', mono: true } }),
  col.accessor((p) => p.committed ?? '—', { id: 'committed', header: share ? 'Start offset' : 'Committed', size: 120, meta: { align: 'right', mono: true } }),
  col.accessor((p) => p.logEnd ?? '?', { id: 'logEnd', header: 'Log end', size: 120, meta: { align: 'right', mono: true } }),
  col.accessor((p) => p.lag ?? -1, {
    id: 'lag',
    header: 'Lag',
    size: 100,
    meta: { align: 'right', mono: true },
    cell: (c) =>
      c.row.original.unreadable ? (
        <span className="text-warn" title={c.row.original.unreadable} data-unreadable-partition={c.row.original.partition}>
          ? no leader
        </span>
      ) : c.getValue() < 0 ? (
        <span className="text-muted" title={NO_COMMIT_WHY}>
          —
        </span>
      ) : (
        <span className={c.getValue() > 0 ? 'text-warn' : undefined}>{c.getValue().toLocaleString('en')}</span>
      ),
  }),
  col.accessor((p) => p.status ?? '', {
    id: 'status',
    header: 'Status',
    size: 100,
    cell: (c) => {
      const s = c.row.original.status;
      // No leader, no log end: main takes no lag sample, so the status would wait forever.
      if (c.row.original.unreadable) {
        return (
          <span className="text-warn" title={`No status while the partition has no leader: ${c.row.original.unreadable}`}>
            ?
          </span>
        );
      }
      if (s === null) return <span className="text-muted">…</span>;
      return (
        <span className={`badge status-${s}`} style={{ marginLeft: 0 }} title={STATUS_EXPLAINED[s]}>
          {STATUS_LABEL[s]}
        </span>
      );
    },
  }),
  col.accessor((p) => (p.memberIds.length ? p.memberIds.join(', ') : 'unassigned'), { id: 'member', header: share ? 'Members' : 'Member', size: 320, meta: { mono: true } }),
];
const CLASSIC_COLUMNS = columnsFor(false);
const SHARE_COLUMNS = columnsFor(true);

/** One group: who reads what, how far behind each partition is, and the reset tool. */
export function GroupDetailPage({ groupId, section }: { groupId: string; section?: string | undefined }) {
  const connectionId = useConnectionId();
  const { data, error, isLoading } = useGroup(connectionId, groupId);
  const lag = useLagHistory(connectionId, groupId);
  const statusOf = new Map((lag.data?.partitions ?? []).map((p) => [`${p.topic}:${p.partition}`, p.status]));
  const rows: Row[] = (data?.partitions ?? []).map((p) => ({ ...p, status: statusOf.get(`${p.topic}:${p.partition}`) ?? null }));
  const neverCommitted = (data?.partitions ?? []).filter((p) => p.committed === null).length;
  useRevealSection(section, data !== undefined);
  return (
    <div className="page group-page">
      <PageHeader
        title={
          <>
            <a className="crumb" href={href(['groups'])}>
              Consumer groups
            </a>
            <span className="crumb-sep">/</span>
            <span data-testid="group-title">{groupId}</span>
          </>
        }
        subtitle={
          data && (
            <>
              <StateBadge state={data.state} note={data.note} /> · <span title={GROUP_TYPE_EXPLAINED[data.type]} data-testid="group-type">{data.type} group</span> · {data.assignor || 'no assignor'}
              {data.groupEpoch !== null && (
                <span data-testid="group-epoch">
                  {' '}
                  · epoch {data.groupEpoch} (assignment {data.assignmentEpoch})
                </span>
              )}{' '}
              · {data.members.length} members · total lag{' '}
              <strong data-testid="group-lag">{data.totalLag?.toLocaleString('en') ?? '—'}</strong>
              {data.lagUnknown ? (
                <span className="text-warn" title={lagUnknownWhy(data.lagUnknown)}>
                  {' '}
                  +? ({data.lagUnknown} without a leader)
                </span>
              ) : null}
            </>
          )
        }
      />
      {isLoading && <Loading />}
      <ErrorMessage error={error} title="Could not load the group" />
      {data?.note && <div className="notice">{data.note}</div>}
      {data?.type === 'share' && (
        <p className="notice" data-testid="share-explained">
          A share group works like a queue: several members read the same partition and acknowledge records one by one. Instead of a committed offset it keeps a start offset per partition;
          lag is the records from there on not yet acknowledged.
        </p>
      )}
      {data && (
        <>
          <section className="group-section" aria-label="Lag over time">
            <h2>
              Lag over time{' '}
              {lag.data && (
                <span className={`badge status-${lag.data.status}`} data-testid="group-status" title={STATUS_EXPLAINED[lag.data.status]}>
                  {lag.data.label}
                </span>
              )}
            </h2>
            {lag.data && (
              <p className="text-muted">
                <span data-testid="group-verdict" className={lag.data.status === 'STOP' || lag.data.status === 'ERR' ? 'verdict verdict--bad' : 'verdict'}>
                  {lag.data.verdict}
                </span>{' '}
                Sampled every {lag.data.intervalMs / 1000} s while the app is open.
              </p>
            )}
            {lag.data?.eta && lag.data.eta.kind !== 'caught-up' && (
              <p data-testid="group-eta" className={lag.data.eta.kind === 'falling-behind' ? 'eta eta--behind' : 'eta'}>
                {lag.data.eta.sentence}
              </p>
            )}
            <LagAlertSetting groupId={groupId} />
            {lag.data && (
              <LazyBoundary>
                <LagChart history={lag.data} />
              </LazyBoundary>
            )}
          </section>
          <section className="group-section">
            <h2>Partitions</h2>
            <div className="summary-line" data-testid="topic-totals">
              {data.topics.map((t) => {
                const ps = data.partitions.filter((p) => p.topic === t);
                const lagSum = ps.reduce((sum, p) => sum + (p.lag ?? 0), 0);
                const committed = ps.some((p) => p.committed !== null);
                const unknown = ps.filter((p) => p.unreadable && p.committed !== null).length;
                return (
                  <span key={t} className="topic-total">
                    {t}: lag {committed ? lagSum.toLocaleString('en') : '— (nothing committed)'}
                    {unknown > 0 && (
                      <span className="text-warn" title={lagUnknownWhy(unknown)}>
                        {' '}
                        +?
                      </span>
                    )}{' '}
                    over {ps.length} partition{ps.length === 1 ? '' : 's'}
                    {unknown > 0 && ` (${unknown} without a leader)`}
                  </span>
                );
              })}
            </div>
            <div className="group-table">
               <DataTable id="group-partitions" ariaLabel="Group partitions" data={rows} columns={data.type === 'share' ? SHARE_COLUMNS : CLASSIC_COLUMNS} getRowId={(p) => `${p.topic}:${p.partition}`} initialSorting={[{ id: 'lag', desc: true }]} />
            </div>
            {neverCommitted > 0 && (
              <p className="text-muted" data-testid="no-commit-note">
                {neverCommitted} partition{neverCommitted === 1 ? ' has' : 's have'} no committed offset: the group never committed there, so there is no lag to measure (Kafka’s own kafka-consumer-groups.sh
                shows “-” for {neverCommitted === 1 ? 'it' : 'them'} too). {neverCommitted === 1 ? 'It is' : 'They are'} marked “no commit”, not OK.
              </p>
            )}
          </section>
          <section className="group-section">
            <h2>Who reads what</h2>
            <MembersTable group={data} />
            <AssignmentMap group={data} />
          </section>
          <ResetPanel connectionId={connectionId} group={data} />
          <DangerZone connectionId={connectionId} group={data} />
        </>
      )}
    </div>
  );
}
