/**
 * npm run protocol:generate — writes src/main/kafka/protocol/generated/<api>.ts for every API
 * named in ./apis.ts, from Kafka's own message definitions (`common/message/*.json` inside the
 * kafka-clients jar of PROTOCOL_SOURCE_VERSION, fetched from Maven Central into ~/.m2 once).
 * Each file holds the TypeScript shapes of the request and response and the field specs the
 * generic codec (src/main/kafka/protocol/codec.ts) walks. Regenerate when the version moves.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../kafka/cluster';
import { APIS, PROTOCOL_SOURCE_VERSION } from './apis';
import { stripJsonComments } from './generate-support';
import { renderApiFile, type KafkaMessageJson } from './render';

const outDir = join(repoRoot, 'src/main/kafka/protocol/generated');

function clientsJar(version: string): string {
  const jar = join(homedir(), '.m2/repository/org/apache/kafka/kafka-clients', version, `kafka-clients-${version}.jar`);
  if (!existsSync(jar)) {
    execFileSync('mvn', ['-q', 'dependency:get', `-Dartifact=org.apache.kafka:kafka-clients:${version}`, '-Dtransitive=false'], { stdio: 'inherit' });
  }
  return jar;
}

function readMessage(jar: string, name: string): KafkaMessageJson {
  const text = execFileSync('unzip', ['-p', jar, `common/message/${name}.json`], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (!text.trim()) throw new Error(`${name}.json is not in ${jar}`);
  return JSON.parse(stripJsonComments(text)) as KafkaMessageJson;
}

const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function main(): void {
  const jar = clientsJar(PROTOCOL_SOURCE_VERSION);
  mkdirSync(outDir, { recursive: true });
  for (const file of readdirSync(outDir)) if (file.endsWith('.ts')) rmSync(join(outDir, file));
  for (const api of APIS) {
    const request = readMessage(jar, `${api}Request`);
    const response = readMessage(jar, `${api}Response`);
    writeFileSync(join(outDir, `${kebab(api)}.ts`), renderApiFile(api, request, response, PROTOCOL_SOURCE_VERSION));
  }
  console.log(`protocol: wrote ${APIS.length} APIs from kafka-clients ${PROTOCOL_SOURCE_VERSION} into ${outDir}`);
}

main();
