import type { ProduceProgress } from '../../../shared/api';
import { createRunProgressStore } from '../../state/run-progress-store';

/** Each burst's or import's latest progress, by run id. */
export const useProduceProgress = createRunProgressStore<ProduceProgress>();
