import { describe, expect, it } from 'vitest';
import { lagAlert } from './lag-watch';

describe('lagAlert', () => {
  it('tells when lag crosses the threshold, up and back down, once each', () => {
    expect(lagAlert('g', { lag: 900, status: 'OK' }, { lag: 1_200, status: 'OK' }, 1_000)).toBe('g: lag 1,200 is over your threshold of 1,000.');
    expect(lagAlert('g', { lag: 1_200, status: 'OK' }, { lag: 1_500, status: 'OK' }, 1_000)).toBeNull();
    expect(lagAlert('g', { lag: 1_500, status: 'OK' }, { lag: 10, status: 'OK' }, 1_000)).toBe('g: lag 10 is back under your threshold of 1,000.');
  });

  it('tells at the first sample only when it is already over', () => {
    expect(lagAlert('g', undefined, { lag: 5_000, status: 'COLLECTING' }, 1_000)).toBe('g: lag 5,000 is over your threshold of 1,000.');
    expect(lagAlert('g', undefined, { lag: 5, status: 'COLLECTING' }, 1_000)).toBeNull();
  });

  it('tells a change of verdict, but not collecting turning into one', () => {
    expect(lagAlert('g', { lag: 5, status: 'OK' }, { lag: 50, status: 'STALL' }, null)).toBe('g: OK → STALL (lag 50).');
    expect(lagAlert('g', { lag: 5, status: 'COLLECTING' }, { lag: 5, status: 'OK' }, null)).toBeNull();
    expect(lagAlert('g', { lag: 5, status: 'OK' }, { lag: 5, status: 'OK' }, null)).toBeNull();
  });
});
