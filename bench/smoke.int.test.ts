import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);

/**
 * A smoke size of the benchmarks whose code paths change most (P1 read, P4 groups, P5 produce), against
 * the shared test broker: they must keep running and keep printing their figures. The figures
 * themselves are not judged here (a busy CI machine); `npm run bench` is for that.
 */
describe('benchmarks at smoke size', () => {
  const bench = async (file: string) => {
    const { stdout } = await run('npx', ['tsx', `bench/${file}`, '--smoke'], { env: { ...process.env, KAFKA_BROKERS: inject('kafkaBootstrap') }, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 });
    return stdout;
  };

  it('P1 reads every message (most of them counted, not pushed) and prints the ratios and peak RSS', { timeout: 300_000 }, async () => {
    const out = await bench('p1-read.ts');
    expect(out).toMatch(/p1 read 20,000 msgs of ~200 B .*ratio \d+\.\d\d/);
    expect(out).toMatch(/p1 read 10,000 zstd JSON values of ~1 KiB .*ratio \d+\.\d\d/);
    expect(out).toMatch(/p1 main process peak RSS during the reads: \d+ MB/);
  });

  it('P4 lists 200 groups and their lag as kafka-consumer-groups does, identical to the partition, and prints both ratios', { timeout: 300_000 }, async () => {
    const out = await bench('p4-groups.ts');
    expect(out).toMatch(/p4 list interactive: .*ratio \d+\.\d\d/);
    expect(out).toMatch(/p4 lag of every group: .*ratio \d+\.\d\d× faster/);
    expect(out).toMatch(/p4 lag identical: [\d,]+ group\/partitions and 200 group totals compared, 0 mismatches/);
  });

  it('P5 produces by import and by burst and prints both ratios', { timeout: 300_000 }, async () => {
    const out = await bench('p5-produce.ts');
    expect(out).toMatch(/app import \(same file\) .*ratio \d+\.\d\d× kcat/);
    expect(out).toMatch(/app templated burst .*ratio \d+\.\d\d× kcat/);
  });

  it('P9 by key finds one key’s messages by its partition, by a full scan and by kcat | grep, and prints the ratios', { timeout: 300_000 }, async () => {
    const out = await bench('p9-bykey.ts');
    expect(out).toMatch(/app by key \(partition \d+\) +\d+\.\d\d s +\d[\d,]* scanned/);
    expect(out).toMatch(/app all partitions +\d+\.\d\d s +50,000 scanned +ratio \d+\.\d×/);
    expect(out).toMatch(/kcat -C -e \| grep +\d+\.\d\d s +ratio \d+\.\d×/);
  });
});
