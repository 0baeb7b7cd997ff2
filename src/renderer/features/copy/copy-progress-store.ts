import type { CopyProgress } from '../../../shared/api';
import { createRunProgressStore } from '../../state/run-progress-store';

/** Each copy's latest progress, by run id. */
export const useCopyProgress = createRunProgressStore<CopyProgress>();
