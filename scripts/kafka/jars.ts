import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest Kafka on Maven Central: share groups (KIP-932) are GA since 4.2. */
export const DEFAULT_KAFKA_VERSION = '4.4.0';
/** The last 3.x, which many clusters still run: CI runs the integration suite against it too. */
export const KAFKA_3_VERSION = '3.9.2';

/**
 * The broker version scripts and tests start: `KAFKA_VERSION` (or the older `KE_KAFKA_VERSION`),
 * `npm run kafka:up -- --version 3.9.2`, else the default.
 */
export const KAFKA_VERSION = process.env.KAFKA_VERSION?.trim() || process.env.KE_KAFKA_VERSION?.trim() || DEFAULT_KAFKA_VERSION;
const LOG4J_VERSION = '2.24.3';

/** 3.x logs through log4j 1 (reload4j); 4.x through log4j2 with the SLF4J-1 binding, which its pom leaves out. */
export const isKafka3 = (version: string) => version.startsWith('3.');

function pom(version: string): string {
  const dep = (g: string, a: string, v: string) => `<dependency><groupId>${g}</groupId><artifactId>${a}</artifactId><version>${v}</version></dependency>`;
  const logging = isKafka3(version)
    ? dep('org.slf4j', 'slf4j-reload4j', '1.7.36')
    : [dep('org.apache.logging.log4j', 'log4j-api', LOG4J_VERSION), dep('org.apache.logging.log4j', 'log4j-core', LOG4J_VERSION), dep('org.apache.logging.log4j', 'log4j-slf4j-impl', LOG4J_VERSION)].join('\n    ');
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
    ${logging}
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

/** The same for Kafka 3.x's log4j 1. */
const LOG4J1 = `log4j.rootLogger=WARN, out
log4j.appender.out=org.apache.log4j.ConsoleAppender
log4j.appender.out.layout=org.apache.log4j.PatternLayout
log4j.appender.out.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.server.KafkaRaftServer=INFO
`;

export interface KafkaJars {
  version: string;
  lib: string;
  /** The logging config file (log4j2 for 4.x, log4j 1 for 3.x). */
  log4j: string;
  /** The JVM flags that point the version's logging at `log4j`. */
  logArgs: string[];
}

/**
 * Downloads the broker jars from Maven Central into `<root>/.kafka/<version>/lib` (once;
 * ~/.m2 caches them across clones) and returns that folder and the logging config.
 */
export async function ensureKafkaJars(root: string, version = KAFKA_VERSION): Promise<KafkaJars> {
  const home = join(root, '.kafka', version);
  const lib = join(home, 'lib');
  const old = isKafka3(version);
  const log4j = join(home, old ? 'log4j.properties' : 'log4j2.properties');
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
  await writeFile(log4j, old ? LOG4J1 : LOG4J2);
  return { version, lib, log4j, logArgs: [old ? `-Dlog4j.configuration=file:${log4j}` : `-Dlog4j2.configurationFile=${log4j}`] };
}
