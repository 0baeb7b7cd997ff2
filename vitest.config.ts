import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure logic, no network) and `integration` (a real Kafka broker,
 * started or reused by the global setup; KAFKA_BROKERS points at an existing one).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['**/*.int.test.{ts,tsx}', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'test/**/*.int.test.ts', 'bench/**/*.int.test.ts'],
          globalSetup: ['test/global/vitest-kafka.ts'],
          testTimeout: 120_000,
          hookTimeout: 240_000,
          maxWorkers: 2,
          environment: 'node',
        },
      },
    ],
  },
});
