/**
 * Out-of-line storage for variable-length per-flow byte lists (VENDOR_METADATA, FLOW_DATA_PB). A flow slot keeps
 * only a uint32 handle per list attribute (0 = empty list), so tables that never set a list pay 4 bytes per flow
 * and those that do pay for the bytes they store.
 *
 * Bytes live in size classes a quarter power of two apart (16, 20, 24, 28, 32, 40, ... 112 KiB), wasting at most
 * 25 % of an entry; each entry is a 4-byte length followed by the data. Every class appends fixed 1 MiB chunks
 * (never moved, never copied) and reuses freed entries LIFO. Lists larger than the biggest class get their own
 * Uint8Array in a map — rare enough that a JS object per list is fine.
 */

const CLASS_BITS = 26; // handle = ((class << 26) | index) + 1
const INDEX_MASK = (1 << CLASS_BITS) - 1;
const HUGE_CLASS = 63;
const CHUNK_BYTES = 1 << 20;
const HEADER = 4;
const EMPTY = new Uint8Array(0);

/** Entry bytes (header included) of size class `c`: (4 + c%4) << (c/4 + 2). */
function classBytes(c: number): number {
  return (4 + (c & 3)) << ((c >>> 2) + 2);
}
const NUM_CLASSES = 52; // classBytes(51) = 114688
const MAX_CLASS_BYTES = classBytes(NUM_CLASSES - 1);

/** Smallest class whose entries hold `len` data bytes plus the header. */
function classFor(len: number): number {
  const need = len + HEADER;
  let c = need <= 16 ? 0 : (31 - Math.clz32(need - 1) - 4) * 4; // start at the power of two group below `need`
  while (classBytes(c) < need) c++;
  return c;
}

class SizeClass {
  readonly entryBytes: number;
  readonly perChunkBits: number;
  readonly chunks: Uint8Array[] = [];
  readonly free: number[] = [];
  used = 0; // high-water entry index

  constructor(entryBytes: number) {
    this.entryBytes = entryBytes;
    this.perChunkBits = Math.max(0, 31 - Math.clz32(Math.floor(CHUNK_BYTES / entryBytes)));
  }

  alloc(): number {
    if (this.free.length) return this.free.pop()!;
    const idx = this.used++;
    if (idx > INDEX_MASK - 1) throw new RangeError("BlobArena: size class full");
    if ((idx >>> this.perChunkBits) >= this.chunks.length) this.chunks.push(new Uint8Array(this.entryBytes << this.perChunkBits));
    return idx;
  }
}

/** Memory figures of a `BlobArena`. */
export interface BlobArenaStats {
  /** Bytes of chunks allocated (reserved) plus huge lists. */
  reservedBytes: number;
  /** Data bytes currently stored. */
  dataBytes: number;
  /** Number of non-empty lists stored. */
  lists: number;
}

/** Variable-length byte lists addressed by uint32 handles; handle 0 is the empty list. */
export class BlobArena {
  private readonly classes: (SizeClass | undefined)[] = new Array(NUM_CLASSES);
  private readonly huge = new Map<number, Uint8Array>();
  private hugeNext = 0;
  private readonly hugeFree: number[] = [];
  private dataBytes = 0;
  private lists = 0;

  /** Stores a copy of `bytes`; returns its handle (0 for an empty list). */
  alloc(bytes: Uint8Array): number {
    const len = bytes.length;
    if (len === 0) return 0;
    this.dataBytes += len;
    this.lists++;
    if (len + HEADER > MAX_CLASS_BYTES) {
      const idx = this.hugeFree.length ? this.hugeFree.pop()! : this.hugeNext++;
      this.huge.set(idx, bytes.slice());
      return ((HUGE_CLASS << CLASS_BITS) | idx) + 1;
    }
    const c = classFor(len);
    const cls = (this.classes[c] ??= new SizeClass(classBytes(c)));
    const idx = cls.alloc();
    const chunk = cls.chunks[idx >>> cls.perChunkBits]!;
    const at = (idx & ((1 << cls.perChunkBits) - 1)) * cls.entryBytes;
    chunk[at] = len & 0xff;
    chunk[at + 1] = (len >>> 8) & 0xff;
    chunk[at + 2] = (len >>> 16) & 0xff;
    chunk[at + 3] = len >>> 24;
    chunk.set(bytes, at + HEADER);
    return ((c << CLASS_BITS) | idx) + 1;
  }

  /** Releases a handle (0 is ignored). */
  free(handle: number): void {
    if (handle === 0) return;
    const h = handle - 1;
    const c = h >>> CLASS_BITS;
    const idx = h & INDEX_MASK;
    this.dataBytes -= this.length(handle);
    this.lists--;
    if (c === HUGE_CLASS) {
      this.huge.delete(idx);
      this.hugeFree.push(idx);
      return;
    }
    this.classes[c]!.free.push(idx);
  }

  /** Replaces the list behind `handle` with `bytes`, in place when the size class allows; returns the (possibly new) handle. */
  replace(handle: number, bytes: Uint8Array): number {
    if (handle !== 0 && bytes.length > 0) {
      const h = handle - 1;
      const c = h >>> CLASS_BITS;
      if (c !== HUGE_CLASS && classBytes(c) >= bytes.length + HEADER && (c === 0 || classBytes(c - 1) < bytes.length + HEADER)) {
        const cls = this.classes[c]!;
        const idx = h & INDEX_MASK;
        const chunk = cls.chunks[idx >>> cls.perChunkBits]!;
        const at = (idx & ((1 << cls.perChunkBits) - 1)) * cls.entryBytes;
        this.dataBytes += bytes.length - this.length(handle);
        const len = bytes.length;
        chunk[at] = len & 0xff;
        chunk[at + 1] = (len >>> 8) & 0xff;
        chunk[at + 2] = (len >>> 16) & 0xff;
        chunk[at + 3] = len >>> 24;
        chunk.set(bytes, at + HEADER);
        return handle;
      }
    }
    this.free(handle);
    return this.alloc(bytes);
  }

  /** A view of the list's bytes (no copy): valid until the handle is freed or replaced. */
  get(handle: number): Uint8Array {
    if (handle === 0) return EMPTY;
    const h = handle - 1;
    const c = h >>> CLASS_BITS;
    const idx = h & INDEX_MASK;
    if (c === HUGE_CLASS) return this.huge.get(idx) ?? EMPTY;
    const cls = this.classes[c]!;
    const chunk = cls.chunks[idx >>> cls.perChunkBits]!;
    const at = (idx & ((1 << cls.perChunkBits) - 1)) * cls.entryBytes;
    const len = (chunk[at]! | (chunk[at + 1]! << 8) | (chunk[at + 2]! << 16) | (chunk[at + 3]! << 24)) >>> 0;
    return chunk.subarray(at + HEADER, at + HEADER + len);
  }

  /** Length of the list behind `handle`. */
  length(handle: number): number {
    return this.get(handle).length;
  }

  /** Reserved and used bytes. */
  stats(): BlobArenaStats {
    let reserved = 0;
    for (const cls of this.classes) if (cls) for (const ch of cls.chunks) reserved += ch.byteLength;
    for (const b of this.huge.values()) reserved += b.byteLength;
    return { reservedBytes: reserved, dataBytes: this.dataBytes, lists: this.lists };
  }
}
