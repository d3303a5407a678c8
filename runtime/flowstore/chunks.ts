/**
 * Slot → chunk mapping. Per-flow arrays are split into chunks that never move once allocated, so growth never
 * copies flow data, never doubles peak memory and never invalidates a scan in progress.
 *
 * Chunk sizes grow geometrically up to a cap: chunk 0 and chunk 1 hold 2^base slots, chunk k (k ≥ 1) holds
 * 2^(base+k-1) (so every new chunk doubles the total), until chunks reach 2^max slots; from there every chunk
 * holds 2^max. Small tables therefore stay small, and big tables add fixed-size chunks whose unused tail is
 * only reserved address space (fresh ArrayBuffers are zero pages the OS commits on first touch).
 */
export class ChunkGeometry {
  /** Slots in chunk 0 = 2^baseBits. */
  readonly baseBits: number;
  /** Largest chunk = 2^maxBits slots. */
  readonly maxBits: number;
  /** First slot of the first max-size chunk (2^maxBits). */
  private readonly fullStart: number;
  /** maxBits - baseBits: added to slot >>> maxBits to get the chunk of a slot in the fixed-size region. */
  private readonly fullBias: number;
  /** Index of the first max-size chunk. */
  private readonly fullChunk: number;
  /** First slots of the geometric chunks 0..fullChunk-1 (integer loads beat recomputing powers). */
  private readonly starts: Int32Array;

  constructor(baseBits: number, maxBits: number) {
    if (!(baseBits >= 0 && maxBits >= baseBits && maxBits <= 30)) throw new RangeError("ChunkGeometry: need 0 <= baseBits <= maxBits <= 30");
    this.baseBits = baseBits;
    this.maxBits = maxBits;
    this.fullStart = 1 << maxBits;
    this.fullBias = maxBits - baseBits;
    this.fullChunk = maxBits - baseBits + 1;
    this.starts = new Int32Array(this.fullChunk);
    for (let c = 1; c < this.fullChunk; c++) this.starts[c] = 1 << (baseBits + c - 1);
  }

  /** Chunk holding `slot` (0 <= slot < 2^31). */
  chunkOf(slot: number): number {
    if (slot < this.fullStart) {
      const t = slot >>> this.baseBits;
      return t === 0 ? 0 : 32 - Math.clz32(t);
    }
    return this.fullBias + (slot >>> this.maxBits);
  }

  /** First slot of chunk `c`. */
  chunkStart(c: number): number {
    return c < this.fullChunk ? this.starts[c]! : (c - this.fullBias) * this.fullStart;
  }

  /** Slots in chunk `c`. */
  chunkSize(c: number): number {
    return c === 0 ? 1 << this.baseBits : c < this.fullChunk ? this.starts[c]! : this.fullStart;
  }
}
