/**
 * Committed memory waiting for a flow table. A server started for N flows per table (`serve --expected-flows N`)
 * commits one table's slot rows and index when it starts — a donor store provisioned for N flows gives its buffers
 * here — and the first table created afterwards takes them instead of first-touching fresh memory. On our VMs
 * first-touching the memory of 16M flows (1.8 GB never used before) takes 4–5 s, which a standby would otherwise
 * spend inside the HA sync that creates its tables.
 */
import type { FlowStore } from "./store.js";

export class BufferPool {
  private readonly free = new Map<number, ArrayBuffer[]>();
  private bytes = 0;

  /** Takes over every buffer of `donor` (see {@link FlowStore.releaseBuffers}). */
  donate(donor: FlowStore): void {
    for (const b of donor.releaseBuffers()) {
      const list = this.free.get(b.byteLength);
      if (list) list.push(b);
      else this.free.set(b.byteLength, [b]);
      this.bytes += b.byteLength;
    }
  }

  /** A pooled buffer of exactly `byteLength` bytes (all zero), or undefined. */
  take(byteLength: number): ArrayBuffer | undefined {
    const b = this.free.get(byteLength)?.pop();
    if (b) this.bytes -= byteLength;
    return b;
  }

  /** Bytes waiting in the pool. */
  get pooledBytes(): number {
    return this.bytes;
  }
}
