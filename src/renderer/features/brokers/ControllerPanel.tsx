import type { ControllerInfo, QuorumMemberInfo } from '../../../shared/api';

function member(m: QuorumMemberInfo, leaderId: number) {
  const lag = m.nodeId === leaderId ? 'leader' : m.lag === null ? 'lag unknown' : `lag ${m.lag}`;
  return (
    <span key={m.nodeId} className={`quorum-member${m.nodeId === leaderId ? ' leader' : m.lag !== null && m.lag > 1000 ? ' behind' : ''}`} data-testid={`quorum-member-${m.nodeId}`}>
      <span className="mono">{m.nodeId}</span> <span className="quorum-member__lag">{lag}</span>
    </span>
  );
}

/**
 * Which node is the active controller and how we know. In KRaft the metadata response's
 * controller id is just some broker, so the quorum leader (DescribeQuorum) is what counts.
 */
export function ControllerPanel({ controller }: { controller: ControllerInfo }) {
  const id = controller.nodeId >= 0 ? String(controller.nodeId) : 'none (election in progress)';
  return (
    <section className={`controller-panel${controller.source === 'metadata' ? ' fallback' : ''}`} aria-label="Active controller" data-testid="controller-panel">
      <div className="controller-panel__head">
        <span className="controller-panel__label">Active controller</span>
        <span className="controller-panel__id mono" data-testid="controller-id">
          {id}
        </span>
        <span className="controller-panel__source" data-testid="controller-source">
          {controller.source === 'quorum'
            ? `leader of the KRaft metadata quorum (DescribeQuorum), epoch ${controller.leaderEpoch ?? '?'}${controller.isBroker ? '' : ' · a dedicated controller, not a broker'}`
            : 'as named in the metadata response'}
        </span>
      </div>
      {controller.source === 'quorum' && (
        <div className="controller-panel__members">
          <span className="controller-panel__label">Voters</span>
          {controller.voters.map((v) => member(v, controller.nodeId))}
          {controller.observers.length > 0 && (
            <>
              <span className="controller-panel__label">Observers</span>
              {controller.observers.map((o) => member(o, controller.nodeId))}
            </>
          )}
        </div>
      )}
      {controller.note && <div className="controller-panel__note">{controller.note}</div>}
    </section>
  );
}
