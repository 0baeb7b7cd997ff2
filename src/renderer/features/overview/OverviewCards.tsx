import type { ReactNode } from 'react';
import type { BrokerInfo, ClusterThroughput, ClusterVersions, GroupSummary } from '../../../shared/api';
import { humanBytes } from '../../../shared/topics/retention';
import { href } from '../../app/router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDateFormat } from '../../lib/use-date-format';
import { capacity } from '../brokers/format';
import { StateBadge } from '../groups/StateBadge';
import { mostLagging, rateText, type HealthItem } from './overview-data';

function Card({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <section className="overview-card" data-testid={testId} aria-label={title}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

/** A bar as a share of the largest value in its list. */
function Bar({ share, tone }: { share: number; tone?: 'warn' | 'bad' }) {
  return (
    <span className="overview-bar" aria-hidden>
      <span className={`overview-bar__fill${tone ? ` ${tone}` : ''}`} style={{ width: `${Math.max(2, Math.min(100, share * 100))}%` }} />
    </span>
  );
}

export function HealthCard({ items }: { items: HealthItem[] }) {
  return (
    <Card title="Health" testId="overview-health">
      <ul className="overview-list">
        {items.map((item) => (
          <li key={item.text} data-tone={item.tone}>
            <span className={`overview-dot ${item.tone}`} aria-hidden />
            {item.to ? <a href={href([item.to])}>{item.text}</a> : item.text}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function VersionsCard({ versions, error }: { versions: ClusterVersions | undefined; error: unknown }) {
  const mv = versions?.features.find((f) => f.name === 'metadata.version');
  const mixed = (versions?.releases.length ?? 0) > 1;
  return (
    <Card title="Kafka" testId="overview-kafka">
      <ErrorMessage error={error} title="Could not ask the brokers which versions they speak" />
      {versions && (
        <>
          <div className="overview-headline" data-testid="kafka-release">
            {versions.releases.length === 0 ? 'Release unknown' : `Kafka ${versions.releases.join(' and ')}`}
            {mixed && <span className="badge warn">mixed: rolling upgrade?</span>}
          </div>
          {mv && (
            <div className="text-muted">
              metadata.version <span className="mono">{mv.levelName ?? mv.level}</span>
              {mv.maxSupported !== null && mv.maxSupported > mv.level && <> · the brokers support up to level {mv.maxSupported}: finish the upgrade with kafka-features.sh</>}
            </div>
          )}
          {mixed && (
            <ul className="overview-list compact">
              {versions.brokers.map((b) => (
                <li key={b.nodeId}>
                  Broker {b.nodeId}: {b.reachable ? (b.release ?? 'unknown') : `not answering (${b.error})`}
                </li>
              ))}
            </ul>
          )}
          <table className="overview-table" aria-label="Features">
            <thead>
              <tr>
                <th>Feature</th>
                <th className="num">Level</th>
                <th className="num">Supported up to</th>
              </tr>
            </thead>
            <tbody>
              {versions.features.map((f) => (
                <tr key={f.name} data-feature={f.name}>
                  <td className="mono">{f.name}</td>
                  <td className="num mono">{f.level === 0 ? <span className="text-muted">off</span> : (f.levelName ?? f.level)}</td>
                  <td className="num mono">{f.maxSupported ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}

export function LaggingGroupsCard({ groups, error }: { groups: GroupSummary[] | undefined; error: unknown }) {
  const top = groups ? mostLagging(groups) : [];
  const max = top[0]?.totalLag ?? 1;
  return (
    <Card title="Most lagging consumer groups" testId="overview-lagging">
      <ErrorMessage error={error} title="Could not list the consumer groups" />
      {groups && top.length === 0 && <p className="text-muted">No group is behind{groups.length === 0 ? ' (there are no consumer groups)' : ''}.</p>}
      {top.length > 0 && (
        <table className="overview-table" aria-label="Most lagging consumer groups">
          <tbody>
            {top.map((g) => (
              <tr key={g.groupId} data-group={g.groupId}>
                <td className="overview-table__name">
                  <a href={href(['groups', g.groupId])}>{g.groupId}</a>
                </td>
                <td>
                  <StateBadge state={g.state} note={g.note} />
                </td>
                <td className="overview-table__bar">
                  <Bar share={(g.totalLag ?? 0) / max} tone="warn" />
                </td>
                <td className="num mono">
                  {(g.totalLag ?? 0).toLocaleString('en')}
                  {g.trend === 'rising' && <span className="text-warn" title="Rising since the previous list"> ↗</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function DiskCard({ brokers, error }: { brokers: BrokerInfo[] | undefined; error: unknown }) {
  const max = Math.max(1, ...(brokers ?? []).map((b) => b.diskUsedBytes ?? 0));
  return (
    <Card title="Disk per broker" testId="overview-disk">
      <ErrorMessage error={error} title="Could not read the brokers' disks" />
      {brokers && (
        <table className="overview-table" aria-label="Disk per broker">
          <tbody>
            {brokers.map((b) => (
              <tr key={b.nodeId} data-broker={b.nodeId}>
                <td className="overview-table__name">
                  <a href={href(['brokers', String(b.nodeId)])}>Broker {b.nodeId}</a>
                  {b.status === 'unreachable' && <span className="badge bad">down</span>}
                </td>
                <td className="overview-table__bar">{b.diskUsedBytes !== null && <Bar share={b.diskUsedBytes / max} />}</td>
                <td className="num mono">{b.diskUsedBytes === null ? '—' : humanBytes(b.diskUsedBytes)}</td>
                <td className="text-muted">{b.diskError ?? capacity(b.logDirs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function ThroughputCard({ throughput, error }: { throughput: ClusterThroughput | undefined; error: unknown }) {
  const dates = useDateFormat();
  const max = throughput?.topics[0]?.messagesPerSecond ?? 1;
  return (
    <Card title="Throughput per topic" testId="overview-throughput">
      <ErrorMessage error={error} title="Could not sample the topics' offsets" />
      {!throughput && !error && <p className="text-muted">Measuring: two samples of every topic's offsets, a second apart…</p>}
      {throughput && (
        <>
          <div className="text-muted">
            <span className="overview-headline" data-testid="throughput-total">
              {rateText(throughput.totalPerSecond)} msg/s
            </span>{' '}
            across {throughput.topicCount} topics, measured over {(throughput.windowMs / 1000).toFixed(1)} s until {dates.time(throughput.measuredAt)} from offset deltas
          </div>
          {throughput.topics.length === 0 ? (
            <p className="text-muted">No new messages in that time.</p>
          ) : (
            <table className="overview-table" aria-label="Throughput per topic">
              <tbody>
                {throughput.topics.map((t) => (
                  <tr key={t.topic} data-topic={t.topic}>
                    <td className="overview-table__name">
                      <a href={href(['topics', t.topic])}>{t.topic}</a>
                    </td>
                    <td className="overview-table__bar">
                      <Bar share={t.messagesPerSecond / max} />
                    </td>
                    <td className="num mono">{rateText(t.messagesPerSecond)} msg/s</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}
