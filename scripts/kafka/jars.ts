import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The broker we develop and test against; any 4.x from Maven Central works the same way. */
export const KAFKA_VERSION = process.env.KE_KAFKA_VERSION ?? '4.1.1';
const LOG4J_VERSION = '2.24.3';

function pom(version: string): string {
  const dep = (g: string, a: string, v: string) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.kafkaexplorer</groupId>
  <artifactId>kafka-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    ${dep('org.apache.kafka', 'kafka_2.13', version)}
    ${dep('org.apache.kafka', 'kafka-tools', version)}
    ${dep('org.apache.logging.log4j', 'log4j-api', LOG4J_VERSION)}
    ${dep('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION)}
    ${dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION)}
  </dependencies>
  <build><plugins><plugin>
    <groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version>
  </plugin></plugins></build>
</project>
`;
}

/** Broker logging: warnings to the node's log file, plus the line that says it started. */
const LOG4J2 = `status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = warn
rootLogger.appenderRef.out.ref = out
logger.server.name = kafka.server.KafkaRaftServer
logger.server.level = info
`;

/**
 * Downloads the broker jars from Maven Central into `<root>/.kafka/<version>/lib` (once;
 * ~/.m2 caches them across clones) and returns that folder and the log4j2 config.
 */
export async function ensureKafkaJars(root: string, version = KAFKA_VERSION): Promise<{ lib: string; log4j: string }> {
  const home = join(root, '.kafka', version);
  const lib = join(home, 'lib');
  const log4j = join(home, 'log4j2.properties');
  const done = join(home, '.complete');
  if (!existsSync(done)) {
    await mkdir(lib, { recursive: true });
    await writeFile(join(home, 'pom.xml'), pom(version));
    process.stderr.write(`kafka: fetching Apache Kafka ${version} jars from Maven Central…\n`);
    await run('mvn', ['-B', '-q', '-f', join(home, 'pom.xml'), 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${lib}`], {
      maxBuffer: 16 * 1024 * 1024,
    });
    const jars = (await readdir(lib)).filter((f) => f.endsWith('.jar'));
    if (!jars.some((j) => j.startsWith(`kafka_2.13-${version}`))) throw new Error(`Maven did not deliver kafka_2.13-${version}`);
    await writeFile(done, jars.join('\n'));
  }
  await writeFile(log4j, LOG4J2);
  return { lib, log4j };
}
