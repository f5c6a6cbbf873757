// Apart from json.ts, which every command's JSON uses: this one loads the core (and `peakpath units` does not).
import { writeInventoryJson, type FixedText, type InventoryJsonOptions, type InventoryResult, type JsonOut } from '@peakpath/core';

/** The inventory's JSON as UTF-8 in chunks of about 256 KB: what a writer to a file or pipe wants, each repeated text encoded once. */
export function inventoryJsonBytes(result: InventoryResult, options: InventoryJsonOptions = {}): Generator<Uint8Array> {
  return writeInventoryJson(result, options, new ByteOut());
}

const CHUNK_BYTES = 1 << 18;
const encoder = new TextEncoder();

class ByteOut implements JsonOut<Uint8Array> {
  private chunk = new Uint8Array(CHUNK_BYTES);
  private at = 0;
  private done: Uint8Array[] = [];

  /** Makes room for `bytes` more bytes, starting a new chunk when this one is too full. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.chunk.length) return;
    if (this.at > 0) this.done.push(this.chunk.subarray(0, this.at));
    this.chunk = new Uint8Array(Math.max(CHUNK_BYTES, bytes));
    this.at = 0;
  }

  text(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8.
    this.room(text.length * 3);
    this.at += encoder.encodeInto(text, this.chunk.subarray(this.at)).written;
  }

  fixed(fixed: FixedText): void {
    const bytes = (fixed.bytes ??= encoder.encode(fixed.text));
    this.room(bytes.length);
    this.chunk.set(bytes, this.at);
    this.at += bytes.length;
  }

  take(): Uint8Array[] {
    const done = this.done;
    if (done.length === 0) return done;
    this.done = [];
    return done;
  }

  end(): Uint8Array {
    return this.chunk.subarray(0, this.at);
  }
}
