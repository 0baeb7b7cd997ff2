// kafkajs ships its sources but no types for them; declare the few internal modules we use.
declare module 'kafkajs/src/protocol/error.js' {
  export const errorCodes: { type: string; code: number; retriable: boolean; message: string }[];
}

declare module 'kafkajs/src/protocol/requests/metadata/index.js' {
  export function protocol(options: { version: number }): (args: { topics: string[] | null; allowAutoTopicCreation: boolean }) => {
    request: unknown;
    response: { decode(raw: Buffer): Promise<unknown> };
  };
}
