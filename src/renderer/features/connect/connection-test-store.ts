import { create } from 'zustand';
import type { TestStep, TestStepEvent } from '../../../shared/api';

/** Steps of the connection test that runs now, fed by `profiles.testStep` events (EventBridge). */
interface ConnectionTestState {
  testId: string | null;
  steps: TestStep[];
  start(testId: string): void;
  onStep(event: TestStepEvent): void;
}

export const useConnectionTest = create<ConnectionTestState>()((set) => ({
  testId: null,
  steps: [],
  start: (testId) => set({ testId, steps: [] }),
  onStep: ({ testId, ...step }) =>
    set((s) => {
      if (s.testId !== testId) return s;
      const steps = s.steps.some((x) => x.step === step.step) ? s.steps.map((x) => (x.step === step.step ? step : x)) : [...s.steps, step];
      return { steps };
    }),
}));
