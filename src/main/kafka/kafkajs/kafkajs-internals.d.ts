// kafkajs ships its sources but no types for them; declare the few internal modules we use.
declare module 'kafkajs/src/protocol/error.js' {
  export const errorCodes: { type: string; code: number; retriable: boolean; message: string }[];
}
