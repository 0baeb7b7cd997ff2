// The pure-JS codec packages ship without types; only what codecs.ts uses.
declare module 'snappyjs' {
  export function compress(input: Uint8Array): Uint8Array;
  export function uncompress(input: Uint8Array): Uint8Array;
}
declare module 'lz4js' {
  export function compress(input: Uint8Array): Uint8Array;
  export function decompress(input: Uint8Array): Uint8Array;
  export function compressBound(n: number): number;
  export function compressBlock(src: Uint8Array, dst: Uint8Array, sIndex: number, sLength: number, hashTable: Uint32Array): number;
}
declare module 'lz4js/xxh32.js' {
  export function hash(seed: number, src: Uint8Array, index: number, length: number): number;
}
