import { Duplex } from 'node:stream';

/**
 * A socket-shaped stream handed out before the real stream exists: kafkajs' socket factory
 * must return synchronously, while an SSH channel or a proxy handshake takes a round trip.
 * Writes wait until `attach`; a failed route destroys it with the route's error.
 */
export class PendingSocket extends Duplex {
  private target: Duplex | null = null;
  private queued: { chunk: Buffer; callback: (error?: Error | null) => void }[] = [];

  attach(target: Duplex): void {
    if (this.destroyed) {
      target.destroy();
      return;
    }
    this.target = target;
    target.on('data', (chunk: Buffer) => {
      if (!this.push(chunk)) target.pause();
    });
    target.once('end', () => this.push(null));
    target.once('error', (error) => this.destroy(error));
    target.once('close', () => this.destroy());
    for (const { chunk, callback } of this.queued.splice(0)) target.write(chunk, callback);
    if (this.writableEnded) target.end();
  }

  override _read(): void {
    this.target?.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.target) this.target.write(chunk, callback);
    else this.queued.push({ chunk, callback });
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.target?.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.target?.destroy();
    for (const { callback: cb } of this.queued.splice(0)) cb(error ?? new Error('socket closed'));
    callback(error);
  }

  // net.Socket methods kafkajs and TLS call; the SSH channel or proxy socket has its own keep-alive.
  setKeepAlive(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  setTimeout(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}
