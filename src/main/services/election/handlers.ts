import type { HandlerGroup } from '../../rpc/handlers';
import type { ConnectionManager } from '../connections/connection-manager';
import { listCandidates, runElection } from './election-service';

export function electionHandlers(connections: ConnectionManager): HandlerGroup<'election.candidates' | 'election.run'> {
  return {
    'election.candidates': ({ connectionId, scope }) => listCandidates(connections.get(connectionId).client, scope),
    'election.run': async ({ connectionId, type, partitions }) => ({ results: await runElection(connections.get(connectionId).client, type, partitions) }),
  };
}
