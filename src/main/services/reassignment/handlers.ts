import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { loadAssignment } from './assignment';
import { applyPlan, cancelMoves, reassignmentProgress, removeAllThrottles } from './reassignment-service';
import { ThrottleJanitor } from './throttle-janitor';

type Calls = 'reassignment.assignment' | 'reassignment.apply' | 'reassignment.progress' | 'reassignment.cancel' | 'reassignment.removeThrottles';

export function reassignmentHandlers(connections: ConnectionManager, janitor = new ThrottleJanitor((id) => connections.get(id).client)): HandlerGroup<Calls> {
  const client = (id: string) => connections.get(id).client;
  return {
    'reassignment.assignment': ({ connectionId, topics }) => loadAssignment(client(connectionId), topics),
    'reassignment.apply': ({ connectionId, targets, throttleBytesPerSec }) => applyPlan(client(connectionId), janitor, connectionId, targets, throttleBytesPerSec),
    'reassignment.progress': ({ connectionId }) => reassignmentProgress(client(connectionId), janitor, connectionId),
    'reassignment.cancel': async ({ connectionId, partitions }) => ({ results: await cancelMoves(client(connectionId), partitions) }),
    'reassignment.removeThrottles': ({ connectionId }) => removeAllThrottles(client(connectionId)),
  };
}
