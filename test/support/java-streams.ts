import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from '../../scripts/kafka/cluster';
import { ensureKafkaJars, KAFKA_VERSION } from '../../scripts/kafka/jars';
import { startJavaClient } from './java-clients';

const run = promisify(execFile);

/** kafka-streams (and what it needs) for the broker's version, from Maven Central into .kafka/<version>/streams-lib, once. */
async function ensureStreamsJars(version: string): Promise<string> {
  const home = join(repoRoot, '.kafka', version, 'streams');
  const lib = join(home, 'lib');
  if (!existsSync(join(home, '.complete'))) {
    await mkdir(lib, { recursive: true });
    const dep = `<dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-streams</artifactId><version>${version}</version></dependency>`;
    await writeFile(
      join(home, 'pom.xml'),
      `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>dev.kafkaexplorer</groupId><artifactId>kafka-streams-runtime</artifactId><version>1</version><packaging>pom</packaging>
  <dependencies>${dep}</dependencies>
  <build><plugins><plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin></plugins></build>
</project>
`,
    );
    await run('mvn', ['-B', '-q', '-f', join(home, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${lib}`], { maxBuffer: 16 * 1024 * 1024 });
    await writeFile(join(home, '.complete'), (await readdir(lib)).join('\n'));
  }
  return lib;
}

/**
 * Starts test/support/streams/StreamsGroupApp.java (compiled here with javac against the
 * version's kafka-streams jar): a Kafka Streams app whose application id is a streams group
 * (KIP-1071, group.protocol=streams) reading `input` into `output`. Kill it when done.
 */
export async function startStreamsApp(bootstrap: string, appId: string, input: string, output: string): Promise<ChildProcess> {
  const streamsLib = await ensureStreamsJars(KAFKA_VERSION);
  const { lib } = await ensureKafkaJars(repoRoot, KAFKA_VERSION);
  const classes = join(repoRoot, '.kafka', KAFKA_VERSION, 'streams', 'classes');
  await mkdir(classes, { recursive: true });
  await run('javac', ['-d', classes, '-cp', `${streamsLib}/*`, join(repoRoot, 'test', 'support', 'streams', 'StreamsGroupApp.java')]);
  // The broker's lib first: its logging binding keeps the app quiet; kafka-streams comes from streams-lib.
  return startJavaClient('StreamsGroupApp', [bootstrap, appId, input, output], [classes, `${lib}/*`, `${streamsLib}/*`]);
}
