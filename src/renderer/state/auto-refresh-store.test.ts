import { describe, expect, it } from 'vitest';
import { refetchIntervalFor, useAutoRefreshStore } from './auto-refresh-store';

describe('auto-refresh settings', () => {
  it('maps each choice to a react-query interval, off to none', () => {
    expect([refetchIntervalFor('off'), refetchIntervalFor('5s'), refetchIntervalFor('10s'), refetchIntervalFor('30s'), refetchIntervalFor('60s')]).toEqual([false, 5_000, 10_000, 30_000, 60_000]);
  });

  it('keeps one setting per view, until cleared', () => {
    const { setEvery } = useAutoRefreshStore.getState();
    setEvery('brokers', '5s');
    setEvery('topics', '30s');
    setEvery('brokers', 'off');
    expect(useAutoRefreshStore.getState().every).toMatchObject({ brokers: 'off', topics: '30s' });
    useAutoRefreshStore.getState().clear();
    expect(useAutoRefreshStore.getState().every).toEqual({});
  });
});
