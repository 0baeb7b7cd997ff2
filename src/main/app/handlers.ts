import type { Handlers } from '../rpc/handlers';
import { appHandlers } from '../services/app/handlers';
import { connectionHandlers } from '../services/connections/handlers';
import { clusterHandlers } from '../services/cluster/handlers';
import { topicHandlers } from '../services/topics/handlers';
import { profileHandlers } from '../services/profiles/handlers';
import { groupHandlers } from '../services/groups/handlers';
import { messageHandlers } from '../services/messages/handlers';
import { produceHandlers } from '../services/produce/handlers';
import { aclHandlers } from '../services/acls/handlers';
import { brokerHandlers } from '../services/brokers/handlers';
import { schemaHandlers } from '../services/schemas/handlers';
import { settingsHandlers } from '../services/settings/handlers';
import { copyHandlers } from '../services/copy/handlers';
import { connectHandlers } from '../services/connect-clusters/handlers';
import { maskingHandlers } from '../services/masking/handlers';
import { reassignmentHandlers } from '../services/reassignment/handlers';
import { electionHandlers } from '../services/election/handlers';
import { quotaHandlers } from '../services/quotas/handlers';
import { scramHandlers } from '../services/scram/handlers';
import { transactionHandlers } from '../services/transactions/handlers';
import type { ServiceDeps } from './service-deps';

/** Every call of the contract, by feature. A missing handler is a type error here. */
export function createHandlers(deps: ServiceDeps): Handlers {
  return {
    ...appHandlers(deps.app),
    ...connectionHandlers(deps.connections),
    ...clusterHandlers(deps.connections, deps.cluster, deps.throughput),
    ...topicHandlers(deps.connections, deps.topics, deps.topicAdmin, deps.topicClone),
    ...produceHandlers(deps.connections, deps.produce),
    ...messageHandlers(deps.connections, deps.messages, deps.masking),
    ...groupHandlers(deps.connections, deps.groups, deps.lagSampler),
    ...aclHandlers(deps.connections),
    ...brokerHandlers(deps.connections),
    ...schemaHandlers(deps.connections),
    ...settingsHandlers(deps.settings),
    // Copies are masked as reads are: a rule that hides a value on screen hides it in the target topic too.
    ...copyHandlers(deps.connections, (id) => deps.masking.copyMaskingFor(id)),
    ...connectHandlers(deps.connect),
    ...maskingHandlers(deps.masking),
    ...reassignmentHandlers(deps.connections),
    ...electionHandlers(deps.connections),
    ...quotaHandlers(deps.connections),
    ...scramHandlers(deps.connections),
    ...transactionHandlers(deps.connections),
    ...profileHandlers({ profiles: deps.profiles, masking: deps.masking, connections: deps.connections, createClient: deps.createClient, log: deps.log.child('profiles') }),
  };
}
