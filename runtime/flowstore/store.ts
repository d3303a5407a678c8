/**
 * FlowStore: one DASH flow table held in typed arrays — no JS object per flow.
 *
 * Memory layout (per flow slot, see `FlowLayout`):
 * - slot rows: one Uint32Array per chunk, `rowWords` words per slot: the packed key (stored already masked by the
 *   table's enabled-key mask, so the row *is* the flow's identity), the last-hit time (uint32 ms since the store
 *   epoch), a meta word (SLOT_LIVE, SLOT_HAS_LISTS and the written mask) and the state block — the narrow integer
 *   state columns, row-major. What creating, removing, reading or aging a flow touches is in that one row;
 * - columns: key members copied into per-field arrays for scans (optional), and one array (or two, for MAC/IP) per
 *   wider state attribute; UINT8_LIST attributes hold a handle into a `BlobArena`.
 *
 * Growth strategy. Slot arrays grow in chunks (`ChunkGeometry`): geometric sizes for small tables (4K slots,
 * then doubling the total), then fixed 2^chunkMaxBits-slot chunks (4M); chunks are never copied or moved, so
 * growing costs only the first-touch page faults of the new memory, and slots (and scans over them) stay valid
 * forever. A new chunk is reserved address space: pages are committed as slots are first used, so RSS tracks
 * the high-water mark, not the reservation. Run the process with `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` so
 * glibc asks for transparent huge pages on these mmaps (THP is madvise-only on our hosts; 4 KiB first-touch
 * faults cost 15–40 µs there and otherwise dominate filling a fresh table). The hash index is the only
 * structure that is reallocated: it doubles when the load passes `maxLoad` (default 0.5), keeping its load in
 * 0.25–0.5. Index entries carry the key's full 32-bit hash, so rehashing never reads key rows; because the bucket
 * is taken from the hash's top bits, old bucket b moves to new bucket 2b or 2b+1 and a pass over the old table in
 * order writes the new one almost sequentially (measured in bench/flowstore.ts). Peak memory during a doubling is
 * old + new index (3× the old index, 8 bytes per bucket) — the index is ~5–10 % of the store. Pass `initialFlows`
 * to size the index up front when the table's size is known and avoid doublings altogether.
 *
 * Hash index: open addressing with linear probing over a Uint32Array of [hash, slot + 1] pairs (0 = empty),
 * power-of-two capacity, backward-shift deletion (no tombstones, so probe lengths never degrade under churn).
 * Removed slots go on a LIFO free list and are reused before the high-water mark grows; a slot number never
 * changes for the life of a flow.
 *
 * Bulk operations work in batches of 32 keys (`BATCH`): hash every key and load its index bucket first, then (lookups and
 * removes) load every candidate key row, then do the real work — the loads of a batch overlap instead of each
 * paying a full DRAM miss in turn (PERFORMANCE.md: 3.7M → 7.2M inserts/s).
 */
import { BlobArena } from "./blob-arena.js";
import type { BufferPool } from "./pool.js";
import { ChunkGeometry } from "./chunks.js";
import { batchHasher, hashWords, type BatchHasher } from "./hash.js";
import { keyWordRoutines, type KeyWordRoutines } from "./key-words.js";
import { unpackKey, type KeyValue } from "./key.js";
import type { ColumnKind, ColumnLayout, FlowLayout, MaskBit } from "./layout.js";
import { be32, formatIpv4, formatIpv6, formatMac, IP_FAMILY_V6, toBigInt, toIpBytes, toMacBytes } from "./values.js";

/** `insert` result: the key is already in the table. */
export const FLOW_EXISTS = -1;
/** `insert` result: the table holds `maxFlows` flows. */
export const FLOW_FULL = -2;
/** `lookup` / `remove` result: no such flow. */
export const FLOW_NOT_FOUND = -1;

/** Bits of a slot's meta word (`FlowStoreInternals.metaWord`) below these: the written mask. */
export const WRITTEN_MASK = 0xffffff;
/** Bit of a slot's meta word: the slot holds a flow. */
export const SLOT_LIVE = 1 << 24;
/** Bit of a slot's meta word: some list attribute of the flow is non-empty (removal must free arena entries). */
export const SLOT_HAS_LISTS = 1 << 25;

/**
 * Keys processed per batch by the bulk operations (PERFORMANCE.md measured batches of 32). With 96-byte slot rows a
 * key's loads are an index line and two row lines; at 10M flows (`npm run bench -- runtime`) 32 beat 64: get by key
 * 3.95–4.04 → 4.30–4.39M/s, the bare lookupMany 4.8 → 5.7M/s, create into scattered slots 2.6 → 2.9–3.1M/s, mixed
 * create/remove equal or better (16 and 48 were no better than 32).
 */
export const BATCH = 32;

/**
 * Default index load factor that triggers doubling. Inserting a new key and deleting one (backward shift) walk the
 * probe cluster to its first empty bucket: ~3.6 buckets at load 0.6, often into the next cache line of the index;
 * at loads up to 0.5 it is ~2.5 at worst and ~1.5 typically. At 10M flows this costs 13 B/flow more index than 0.7
 * and makes mixed create/remove ~15 % faster (`npm run bench -- runtime`).
 */
export const DEFAULT_MAX_LOAD = 0.5;

/** Any typed array a column chunk may be. */
export type ColumnArray =
  | Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | BigUint64Array | BigInt64Array;

/** Options of a `FlowStore`. */
export interface FlowStoreOptions {
  /** Capacity limit (SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT); 0 or absent = 2^31 - 1. */
  maxFlows?: number;
  /** Enabled-key bitmask (`sai_dash_flow_enabled_key_t`); absent = every key member is part of the key. */
  enabledKeys?: number;
  /** Mask bit → key members; members no bit names are always enabled (e.g. switch_id). */
  maskBits?: readonly MaskBit[];
  /** Flow time-to-live in ms for `age()`; 0 = flows never expire. */
  ttlMs?: number;
  /** Millisecond clock used for last-hit times; default `performance.now`. Inject a fake one in tests. */
  clock?: () => number;
  /** Expected flows: sizes the index (and first chunk) so filling up to this many never rehashes. */
  initialFlows?: number;
  /** Provision the store for `initialFlows` when it is created ({@link FlowStore.reserve}; default false). */
  commitInitial?: boolean;
  /** Slots in chunk 0 = 2^chunkBaseBits (default 12). */
  chunkBaseBits?: number;
  /**
   * Largest chunk = 2^chunkMaxBits slots (default 22: 4M slots, so even 1-byte columns are 4 MiB arrays that
   * transparent huge pages can back — first-touch faults on 4 KiB pages cost 15–40 µs each on our VMs).
   */
  chunkMaxBits?: number;
  /** Index load factor that triggers doubling (default {@link DEFAULT_MAX_LOAD}). */
  maxLoad?: number;
  /** This table's object id, for `flow_table_id` filters. */
  tableId?: bigint;
  /** Committed buffers to take before allocating (a server's memory provisioned at start, see pool.ts). */
  pool?: BufferPool;
}

/** Options of `insertMany`. */
export interface InsertManyOptions {
  /** true (default): when the batch would exceed `maxFlows`, insert nothing and return FLOW_FULL. false: insert until full. */
  atomic?: boolean;
  /**
   * Zero the state columns of reused slots (default true). false: the caller writes the state itself — a reused slot
   * keeps its old values and written mask, so the caller must zero the columns the mask marks (as the slot codec's
   * scatter does) and keep the mask exact.
   */
  initState?: boolean;
}

/** A numeric column to read for found keys (its first part), and where (`lookupMany`). */
export interface ColumnRead {
  readonly column: ColumnData;
  readonly into: { [i: number]: number };
}

/** Memory report of a store. */
export interface FlowStoreMemory {
  flows: number;
  /** Slots allocated in chunks (reserved address space; pages are committed on first touch). */
  slotsReserved: number;
  /** High-water slot mark: slots ever used. */
  slotsUsed: number;
  /** Fixed bytes per slot (key + columns + live + last-hit). */
  fixedBytesPerSlot: number;
  slotBytesReserved: number;
  /** Bytes of slots below the high-water mark (what the store has touched). */
  slotBytesUsed: number;
  indexBytes: number;
  indexBuckets: number;
  freeListBytes: number;
  ipv6TailBytes: number;
  blobBytesReserved: number;
  blobDataBytes: number;
  /** Everything reserved. */
  reservedBytes: number;
  /** Everything touched (slots below high water + index + lists + blobs). */
  usedBytes: number;
  /** reservedBytes / flows. */
  bytesPerFlowReserved: number;
  /** usedBytes / flows. */
  bytesPerFlowUsed: number;
}

/** Column storage: `parts[p][chunk]`; IP columns also keep IPv6 address words 1..3 per chunk, allocated on first use. */
export interface ColumnData {
  spec: ColumnLayout;
  /** Integer, ipv4 and blob kinds: [values]; mac: [hi32, lo16]; ip: [family, word0]; ipv6: [4 words per slot]. */
  parts: ColumnArray[][];
  /** `ip` attribute columns: per chunk, 3 big-endian words per slot (IPv6 bytes 4..15) or null. */
  v6tail: (Uint32Array | null)[];
  /**
   * This state column's bit in the per-slot written mask (0 for key columns; the mask is the low 24 bits of the
   * slot's meta word, see `FlowStoreInternals.metaWord`). Whoever writes a state column of a slot ORs its bit into
   * the meta word. The columns of the state block share one bit (zeroing the block is a few word writes); the other
   * state columns share the remaining bits round-robin.
   */
  readonly dirtyBit: number;
  /**
   * Where slot offset `o` of a chunk is in `parts[0][chunk]`: element `o * stride + at`. Columns in the state block
   * (narrow integer state columns kept at the end of each slot row, see `FlowStoreInternals.rows`; their part is a
   * view of the rows) have stride > 1; every other column has stride 1 and at 0 (ipv6's four words per slot are
   * `o * 4 + k`).
   */
  readonly stride: number;
  readonly at: number;
}

/** What generated scan code reads; for `filter.ts` and hot paths in the runtime, not for general use. */
export interface FlowStoreInternals {
  geometry: ChunkGeometry;
  layout: FlowLayout;
  /**
   * Per chunk, one row of `rowWords` words per slot: the packed
   * key (`keyWords` words), the last-hit time (`lastHitWord`), the meta word (`metaWord`) and the state block
   * (`blockBytes`). Everything an insert or a remove of a flow writes besides the index and its wider state columns
   * is in that one row: for the DASH flow entry 96 bytes, two adjacent cache lines loaded together (separate arrays
   * cost one random miss each).
   */
  rows: Uint32Array[];
  /** `rows` as bytes: slot `o`'s key bytes start at `o * rowWords * 4`. */
  rowBytes8: Uint8Array[];
  rowWords: number;
  /** Row word holding the last-hit time (ms since the store epoch, uint32). */
  lastHitWord: number;
  /**
   * Row word holding the slot's flags (`SLOT_LIVE`, `SLOT_HAS_LISTS`) and, in its low 24 bits (`WRITTEN_MASK`), which
   * state columns (by `dirtyBit`) may be non-zero. A reused slot zeroes only those, so removing and re-creating
   * flows that set few attributes touches few cache lines.
   */
  metaWord: number;
  columns: ColumnData[];
  /** Bytes per slot of the state block at the end of each slot row (0: no block). */
  blockBytes: number;
  highWater(): number;
}

/** Integer column kinds the state block can hold, by element size. */
const BLOCK_KINDS: Partial<Record<ColumnKind, number>> = { u32: 4, i32: 4, u16: 2, i16: 2, u8: 1, i8: 1 };
/**
 * Most bytes per slot in the state block: the DASH flow entry's 15 integer state columns take 31 bytes, and with
 * its 56-byte key and 8 bytes of bookkeeping a slot row is then 96 bytes (two cache lines).
 */
const MAX_BLOCK_BYTES = 32;

/**
 * Places narrow integer state columns in a block at the end of the slot row (widest first, so each is naturally
 * aligned): creating, removing or reading a flow then touches the row's lines for all of them instead of one line per
 * column. Columns that do not fit stay one array per column. Returns the block's bytes per slot (a multiple of 4;
 * 0 when fewer than two fit).
 */
function planStateBlock(specs: readonly ColumnLayout[]): { bytes: number; at: Map<number, number> } {
  const cand = specs.map((spec, i) => ({ i, size: spec.origin === "attr" ? (BLOCK_KINDS[spec.kind] ?? 0) : 0 })).filter((c) => c.size > 0);
  cand.sort((a, b) => b.size - a.size || a.i - b.i);
  const at = new Map<number, number>();
  let used = 0;
  for (const c of cand) {
    if (used + c.size > MAX_BLOCK_BYTES) continue;
    at.set(c.i, used);
    used += c.size;
  }
  if (at.size < 2) return { bytes: 0, at: new Map() };
  return { bytes: (used + 3) & ~3, at };
}

const PART_CTORS: Record<ColumnKind, ReadonlyArray<new (n: number) => ColumnArray>> = {
  u8: [Uint8Array], i8: [Int8Array], u16: [Uint16Array], i16: [Int16Array], u32: [Uint32Array], i32: [Int32Array],
  u64: [BigUint64Array], i64: [BigInt64Array], mac: [Uint32Array, Uint16Array], ip: [Uint8Array, Uint32Array],
  ipv4: [Uint32Array], ipv6: [Uint32Array], blob: [Uint32Array],
};
/** Bytes of a memory page (first-touch commit granularity). */
const PAGE = 4096;

/**
 * Commits the pages under bytes [from, to) of `a`'s memory: one write per page that stores back the byte it read,
 * so live data is never changed.
 */
function touchPages(a: ArrayBufferView, from: number, to: number): void {
  const b = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const end = Math.min(to, b.length);
  if (from >= end) return;
  // the first byte of every page the range covers (the range's own first byte for the first page)
  for (let i = from; i < end; i = (((a.byteOffset + i) & ~(PAGE - 1)) + PAGE) - a.byteOffset) b[i] = b[i]!;
}
const PART_STRIDE: Partial<Record<ColumnKind, number>> = { ipv6: 4 };

type KeyColumnWriter = (c: number, o: number, b: Uint8Array, base: number) => void;
type SlotFn = (c: number, o: number, mask: number) => void;
type WarmFn = (c: number, o: number) => number;
type MaskedWarmFn = (c: number, o: number, mask: number) => number;

/** Generated per-layout slot routines. */
interface SlotRoutines {
  writeKeyColumns: KeyColumnWriter;
  /** Zeroes the state columns of slot (c, o) whose written bit is in `mask`. */
  zeroState: SlotFn;
  /** Loads every key column's line for slot (c, o) — issued ahead of the writes so the misses overlap. */
  warmKeyColumns: WarmFn;
  /** Loads the line of every state column of slot (c, o) whose written bit is in `mask`. */
  warmState: MaskedWarmFn;
}

/** Little-endian integer read of `size` bytes at `b[base + off]`, as JS source. */
function leExpr(off: number, size: number): string {
  const terms: string[] = [];
  for (let i = 0; i < size; i++) terms.push(i === 0 ? `b[base + ${off}]` : `(b[base + ${off + i}] << ${8 * i})`);
  return terms.join(" | ");
}

/** Big-endian uint32 of 4 bytes at `b[base + off]`, as JS source. */
function beExpr(off: number): string {
  return `((b[base + ${off}] << 24) | (b[base + ${off + 1}] << 16) | (b[base + ${off + 2}] << 8) | b[base + ${off + 3}])`;
}

/**
 * Generates the per-layout routines that touch many differently-typed arrays per slot. A generic loop over
 * columns would make every element access megamorphic (one site, a dozen typed-array kinds); one straight-line
 * function per layout keeps each access monomorphic.
 */
function generateSlotRoutines(layout: FlowLayout, cols: ColumnData[], rows: Uint32Array[], rowWords: number, blockWord: number, blockBytes: number): SlotRoutines {
  // Each generated parameter is one part's chunk list (a plain array of same-typed arrays): `P3_0[c][o]`.
  const args: string[] = ["ROWS"];
  const vals: unknown[] = [rows];
  const named = new Map<ColumnArray[], string>();
  const part = (ci: number, p: number): string => {
    const list = cols[ci]!.parts[p]!;
    let name = named.get(list);
    if (!name) {
      name = `P${ci}_${p}`;
      named.set(list, name);
      args.push(name);
      vals.push(list);
    }
    return name;
  };
  const w: string[] = [];
  const wk: string[] = [];
  // state columns by their written-mask bit (columns share bits round-robin)
  const bits = new Map<number, { warm: string[]; zero: string[] }>();
  const byBit = (bit: number) => {
    let g = bits.get(bit);
    if (!g) bits.set(bit, (g = { warm: [], zero: [] }));
    return g;
  };
  // the state block: one bit, zeroed and loaded as whole words of the slot's row
  if (blockBytes > 0) {
    const words = blockBytes >> 2;
    const g = byBit(1);
    g.warm.push(`acc ^= ROWS[c][o * ${rowWords} + ${blockWord}];`);
    for (let k = 0; k < words; k++) g.zero.push(`ROWS[c][o * ${rowWords} + ${blockWord + k}] = 0;`);
  }
  cols.forEach((col, ci) => {
    const s = col.spec;
    const big = s.kind === "u64" || s.kind === "i64";
    const stride = PART_STRIDE[s.kind] ?? 1;
    if (col.stride > 1) return; // in the state block (a state column: no key-column write)
    PART_CTORS[s.kind].forEach((_, p) => {
      const load = `${part(ci, p)}[c][o${stride === 1 ? "" : ` * ${stride}`}]`;
      const v = big ? `(${load} === 0n ? 0 : 1)` : load;
      if (s.origin === "key") wk.push(v);
      else byBit(col.dirtyBit).warm.push(`acc ^= ${v};`);
    });
    if (s.origin === "key") {
      const f = layout.keyFields[s.keyField]!;
      switch (s.kind) {
        case "mac":
          w.push(`${part(ci, 0)}[c][o] = ${beExpr(f.offset)};`);
          w.push(`${part(ci, 1)}[c][o] = (b[base + ${f.offset + 4}] << 8) | b[base + ${f.offset + 5}];`);
          break;
        case "ip":
          w.push(`${part(ci, 0)}[c][o] = b[base + ${f.familyOffset}];`);
          w.push(`${part(ci, 1)}[c][o] = ${beExpr(f.offset)};`);
          break;
        case "ipv4":
          w.push(`${part(ci, 0)}[c][o] = ${beExpr(f.offset)};`);
          break;
        default:
          w.push(`${part(ci, 0)}[c][o] = ${leExpr(f.offset, f.size)};`);
      }
      return;
    }
    const zero = big ? "0n" : "0";
    const zs: string[] = [];
    PART_CTORS[s.kind].forEach((_, p) => {
      const ref = part(ci, p);
      if (stride === 1) zs.push(`${ref}[c][o] = ${zero};`);
      else for (let k = 0; k < stride; k++) zs.push(`${ref}[c][o * ${stride} + ${k}] = ${zero};`);
    });
    byBit(col.dirtyBit).zero.push(...zs);
  });
  // the masked routines visit only the set bits of `m` (usually a few of 32), not every state column
  const bitLoop = (what: "warm" | "zero"): string[] => [
    "m = m | 0;",
    "while (m !== 0) {",
    "  const b = 31 - Math.clz32(m & -m);",
    "  m &= m - 1;",
    "  switch (b) {",
    ...[...bits].map(([bit, g]) => `    case ${31 - Math.clz32(bit)}: ${g[what].join(" ")} break;`),
    "  }",
    "}",
  ];
  const mk = (params: string, body: string[]) =>
    new Function(...args, `"use strict"; return function (${params}) {\n${body.join("\n")}\n};`)(...vals);
  const xor = (loads: string[]) => [`return 0${loads.map((l) => ` ^ ${l}`).join("")};`];
  return {
    writeKeyColumns: mk("c, o, b, base", w) as KeyColumnWriter,
    zeroState: mk("c, o, m", bitLoop("zero")) as SlotFn,
    warmKeyColumns: mk("c, o", xor(wk)) as WarmFn,
    warmState: mk("c, o, m", ["let acc = 0;", ...bitLoop("warm"), "return acc;"]) as MaskedWarmFn,
  };
}

/** Typed view of a packed key buffer as words (a view when aligned, else a copy). */
function asWords(keys: Uint8Array | Uint32Array, words: number): Uint32Array {
  if (keys instanceof Uint32Array) return keys;
  if (keys.byteOffset % 4 === 0) return new Uint32Array(keys.buffer, keys.byteOffset, words);
  const out = new Uint32Array(words);
  new Uint8Array(out.buffer).set(keys.subarray(0, words * 4));
  return out;
}

/** A flow table in typed arrays: hash index over slots, key rows, per-attribute columns, aging. */
export class FlowStore {
  readonly layout: FlowLayout;
  readonly geometry: ChunkGeometry;
  readonly keyBytes: number;
  readonly keyWords: number;
  /** Words per slot row: the key, the last-hit time, the meta word, the state block. */
  readonly rowWords: number;
  private readonly lastHitWord: number;
  private readonly metaWord: number;
  /** Enabled-key mask this store was created with (fixed: changing it would merge existing flows). */
  readonly enabledKeys: number;
  /** Table object id for `flow_table_id` filters. */
  readonly tableId: bigint;
  /** Bytes kept of each key word (disabled members and padding zeroed). */
  readonly maskWords: Uint32Array;
  /** Compares and copies keys (generated for this key width). */
  private readonly kw: KeyWordRoutines;
  /** Masks and hashes batches of keys (generated for this key mask). */
  private readonly hashKeys: BatchHasher;
  /** `hashKeys` without the masked copy (lookups and removals compare the caller's key words in place). */
  private readonly hashOnly: BatchHasher;
  /** Clock epoch: last-hit times are ms since this clock reading. */
  readonly epochMs: number;

  private readonly clock: () => number;
  private readonly maxLoad: number;
  private maxFlowsValue: number;
  private ttl: number;

  // Hash index: [hash, slot + 1] pairs.
  private index: Uint32Array;
  private indexMask: number;
  private shift: number;
  private growAt: number;

  // Slots: one row per slot (key, last hit, meta word) and the state columns.
  private readonly rows: Uint32Array[] = [];
  private readonly rows8: Uint8Array[] = [];
  /** Bytes per slot of the state block (0: none) and its first word in the slot row. */
  private readonly blockBytes: number;
  private readonly blockWord: number;
  private readonly columns: ColumnData[];
  private readonly columnByName = new Map<string, ColumnData>();
  private readonly blobColumns: ColumnData[];
  private slotsReserved = 0;
  /** Byte ranges `reserve` has yet to commit (`view` null: the index). */
  private readonly pendingCommit: { view: ArrayBufferView | null; from: number; to: number }[] = [];
  private readonly pool: BufferPool | null;
  /** Slots below this were queued for commit by a `reserve`. */
  private queuedTo = 0;
  /** The index array a `reserve` queued for commit (a later rehash makes a new one). */
  private indexQueued: Uint32Array | null = null;
  private chunkBytes = 0;
  private hw = 0;
  private flows = 0;
  private freeStack = new Uint32Array(64);
  private freeTop = 0;
  private readonly arena = new BlobArena();
  private readonly writeKeyColumns: KeyColumnWriter;
  private readonly zeroState: SlotFn;
  private readonly warmKeyColumns: WarmFn;
  private readonly warmState: MaskedWarmFn;

  // Scratch: one key for single operations, BATCH keys for bulk ones.
  private readonly one: Uint32Array;
  private readonly one8: Uint8Array;
  private readonly bw: Uint32Array;
  private readonly bw8: Uint8Array;
  private readonly bh = new Uint32Array(BATCH);
  private readonly bslot = new Int32Array(BATCH);
  /** Per batch key: chunk and in-chunk offset of the slot its warm-up targets (-1 = none). */
  private readonly bc = new Int32Array(BATCH);
  private readonly bo = new Int32Array(BATCH);
  /** Index bucket of each batch key's first same-hash entry (`warmCandidates`; valid where `bc[j] >= 0`). */
  private readonly bp = new Int32Array(BATCH);
  private readonly ageBuf = new Uint32Array(256);
  /** Loads issued only to warm caches accumulate here so the JIT cannot drop them. */
  private sink = 0;
  private internalsView: FlowStoreInternals | null = null;
  /** The slot `insertHashed` found when it returned FLOW_EXISTS. */
  private hit = -1;

  constructor(layout: FlowLayout, options: FlowStoreOptions = {}) {
    this.layout = layout;
    this.keyBytes = layout.keyBytes;
    this.keyWords = layout.keyWords;
    // slot row: key, last hit, meta word, then the state block (if any)
    const plan = planStateBlock(layout.columns);
    this.blockBytes = plan.bytes;
    this.lastHitWord = layout.keyWords;
    this.metaWord = layout.keyWords + 1;
    this.blockWord = layout.keyWords + 2;
    this.rowWords = this.blockWord + (plan.bytes >> 2);
    this.clock = options.clock ?? (() => performance.now());
    this.epochMs = this.clock();
    this.maxLoad = options.maxLoad ?? DEFAULT_MAX_LOAD;
    this.pool = options.pool ?? null;
    if (!(this.maxLoad > 0.1 && this.maxLoad < 0.95)) throw new RangeError("FlowStore: maxLoad must be in (0.1, 0.95)");
    this.maxFlowsValue = options.maxFlows && options.maxFlows > 0 ? Math.min(options.maxFlows, 2 ** 31 - 1) : 2 ** 31 - 1;
    this.ttl = 0;
    this.ttlMs = options.ttlMs ?? 0;
    this.tableId = options.tableId ?? 0n;
    // never sized for more than the capacity limit
    const initial = Math.min(Math.max(0, Math.floor(options.initialFlows ?? 0)), this.maxFlowsValue);
    const base = options.chunkBaseBits ?? Math.min(20, Math.max(12, initial > 0 ? 32 - Math.clz32(Math.min(initial, 1 << 20) - 1) : 12));
    let max = Math.max(base, options.chunkMaxBits ?? 22);
    // A chunk is one ArrayBuffer: keep it under 2 GiB even for very wide layouts.
    while (max > base && 2 ** max * (layout.fixedBytesPerFlow + 64) > 2 ** 31) max--;
    this.geometry = new ChunkGeometry(base, max);

    // Enabled-key mask → per-byte keep mask, applied word-wise before hashing and comparing.
    const keep = new Uint8Array(this.keyBytes);
    const enabledMembers = new Set<string>();
    const mapped = new Set<string>();
    for (const mb of options.maskBits ?? []) for (const m of mb.members) mapped.add(m);
    const mask = options.enabledKeys;
    this.enabledKeys = mask ?? -1;
    for (const mb of options.maskBits ?? []) if (mask === undefined || (mask & mb.bit) !== 0) for (const m of mb.members) enabledMembers.add(m);
    for (const f of layout.keyFields) {
      if (mask !== undefined && mapped.has(f.name) && !enabledMembers.has(f.name)) continue;
      keep.fill(0xff, f.offset, f.offset + f.size);
      if (f.familyOffset >= 0) keep[f.familyOffset] = 0xff;
    }
    this.maskWords = new Uint32Array(keep.buffer);
    this.hashKeys = batchHasher(this.maskWords);
    this.hashOnly = batchHasher(this.maskWords, false);
    this.kw = keyWordRoutines(this.keyWords, this.maskWords);

    // bit 0 is the block's when there is one; the other state columns share the rest round-robin
    const firstBit = plan.bytes > 0 ? 1 : 0;
    let stateOrdinal = 0;
    this.columns = layout.columns.map((spec, i) => {
      const inBlock = plan.at.get(i);
      const size = BLOCK_KINDS[spec.kind] ?? 1;
      return {
        spec,
        parts: PART_CTORS[spec.kind].map(() => []),
        v6tail: [],
        dirtyBit: spec.origin === "key" ? 0 : inBlock !== undefined ? 1 : 1 << (firstBit + (stateOrdinal++ % (24 - firstBit))),
        stride: inBlock !== undefined ? (this.rowWords * 4) / size : 1,
        at: inBlock !== undefined ? (this.blockWord * 4 + inBlock) / size : 0,
      };
    });
    for (const c of this.columns) {
      this.columnByName.set(c.spec.name, c);
      if (!this.columnByName.has(c.spec.short)) this.columnByName.set(c.spec.short, c);
    }
    this.blobColumns = this.columns.filter((c) => c.spec.kind === "blob");
    ({ writeKeyColumns: this.writeKeyColumns, zeroState: this.zeroState, warmKeyColumns: this.warmKeyColumns, warmState: this.warmState } =
      generateSlotRoutines(layout, this.columns, this.rows, this.rowWords, this.blockWord, this.blockBytes));

    let cap = 16;
    while (cap * this.maxLoad < initial) cap *= 2;
    this.index = new Uint32Array(this.newBuffer(cap * 8));
    this.indexMask = cap - 1;
    this.shift = 32 - Math.log2(cap);
    this.growAt = Math.floor(cap * this.maxLoad);

    if (options.commitInitial) this.reserve(initial);

    this.one = new Uint32Array(this.keyWords);
    this.one8 = new Uint8Array(this.one.buffer);
    this.bw = new Uint32Array(BATCH * this.keyWords);
    this.bw8 = new Uint8Array(this.bw.buffer);
  }

  // ---------------------------------------------------------------- properties

  /** Live flows. */
  get count(): number {
    return this.flows;
  }

  /** One past the highest slot ever used; scans visit slots below it. */
  get highWater(): number {
    return this.hw;
  }

  /** Capacity limit. */
  get maxFlows(): number {
    return this.maxFlowsValue;
  }

  /**
   * Provisions the store to hold `n` flows (capped at `maxFlows`; nothing to do when it can already): grows the
   * index once so they fit without a rehash, and commits the memory their inserts will write — the slot rows (key,
   * last hit, meta word, state block) of the never-used slots the flows beyond `count` will take (freed slots are reused
   * first) and the whole index — with one write per 4 KiB page that stores back the value it read. Page faults taken
   * one at a time between inserts cost far more than in one sweep (a standby about to take a bulk sync calls this
   * with the flow count coming). State columns stay lazily committed: a column no flow sets costs no memory.
   * Returns how many more flows the store takes without growing its index. `commitNow` false leaves the commit to
   * {@link commitPending}.
   */
  reserve(n: number, commitNow = true): number {
    const target = Math.min(Math.max(this.flows, Math.floor(n)), this.maxFlowsValue);
    let cap = this.indexMask + 1;
    while (Math.floor(cap * this.maxLoad) < target) cap *= 2;
    if (cap > this.indexMask + 1) this.growIndex(cap);
    const fresh = this.hw + Math.max(0, target - this.flows - this.freeTop);
    while (this.slotsReserved < fresh) this.allocChunk();
    const g = this.geometry;
    // slots an earlier reserve already queued are not queued again
    const from = Math.max(this.hw, this.queuedTo);
    const rowBytes = this.rowWords * 4;
    for (let c = from < fresh ? g.chunkOf(from) : this.rows.length; c < this.rows.length && g.chunkStart(c) < fresh; c++) {
      const start = g.chunkStart(c);
      const a = Math.max(from, start) - start;
      const b = Math.min(fresh, start + g.chunkSize(c)) - start;
      this.pendingCommit.push({ view: this.rows8[c]!, from: a * rowBytes, to: b * rowBytes });
    }
    this.queuedTo = Math.max(this.queuedTo, fresh);
    if (this.indexQueued !== this.index) {
      this.pendingCommit.push({ view: null, from: 0, to: Infinity });
      this.indexQueued = this.index;
    }
    if (commitNow) this.commitPending(Infinity);
    return Math.max(0, this.growAt - this.flows);
  }

  /**
   * Commits up to `maxBytes` of the memory `reserve(n, false)` left to commit (so a server can provision in slices
   * between other work); returns true when nothing is left. Safe while flows come and go: each page gets a
   * read-back write.
   */
  commitPending(maxBytes: number): boolean {
    let budget = maxBytes;
    const q = this.pendingCommit;
    while (q.length > 0 && budget > 0) {
      const r = q[0]!;
      // the index as it is now (a rehash since the reserve replaced it)
      const view = r.view ?? this.index;
      const to = Math.min(r.to, view.byteLength);
      const end = Math.min(to, r.from + budget);
      touchPages(view, r.from, end);
      budget -= end - r.from;
      r.from = end;
      if (r.from >= to) q.shift();
    }
    return q.length === 0;
  }

  /**
   * Gives up the store's chunk buffers and index (for a {@link BufferPool}): afterwards the store may only commit
   * what `reserve(n, false)` left pending (read-back writes, harmless to whoever uses the buffers then), nothing else.
   * Only a store that never held a flow may give them: they must be all zero.
   */
  releaseBuffers(): ArrayBuffer[] {
    if (this.hw !== 0) throw new Error("FlowStore.releaseBuffers: the store has held flows");
    return [...new Set(this.rows.map((r) => r.buffer as ArrayBuffer)), this.index.buffer as ArrayBuffer];
  }

  /** A zeroed buffer of `bytes`: from the pool when it has one, else a new one (one mmap, committed as touched). */
  private newBuffer(bytes: number): ArrayBuffer {
    return this.pool?.take(bytes) ?? new ArrayBuffer(bytes);
  }

  /** Changes the capacity limit; lowering it below `count` only blocks inserts until flows are removed. */
  set maxFlows(n: number) {
    this.maxFlowsValue = n > 0 ? Math.min(n, 2 ** 31 - 1) : 2 ** 31 - 1;
  }

  /** Time-to-live in ms (0 = never expire). */
  get ttlMs(): number {
    return this.ttl;
  }

  /** Sets the TTL (clamped to [0, 2^31 - 1] ms: ages are signed 32-bit differences, see `age`). */
  set ttlMs(ms: number) {
    this.ttl = Math.max(0, Math.min(0x7fffffff, Math.floor(ms)));
  }

  /** Current time on the store clock as uint32 ms since the epoch (wraps after 49.7 days). */
  now32(): number {
    return (this.clock() - this.epochMs) >>> 0;
  }

  /** Converts an absolute clock reading to store time. */
  toStoreTime(ms: number): number {
    return (ms - this.epochMs) >>> 0;
  }

  /** Internals for generated scan code (filter.ts); read-only by contract. */
  internals(): FlowStoreInternals {
    // one object for the store's life: every member is a stable reference (chunk lists grow in place)
    return (this.internalsView ??= {
      geometry: this.geometry, layout: this.layout, rows: this.rows, rowBytes8: this.rows8, rowWords: this.rowWords,
      lastHitWord: this.lastHitWord, metaWord: this.metaWord, columns: this.columns, blockBytes: this.blockBytes,
      highWater: () => this.hw,
    });
  }

  // ---------------------------------------------------------------- single-key operations

  /** Inserts the packed key at `key[offset..]`; returns its slot, FLOW_EXISTS or FLOW_FULL. */
  insert(key: Uint8Array, offset = 0, initState = true): number {
    this.loadOne(key, offset);
    const h = hashWords(this.one, 0, this.keyWords);
    return this.insertHashed(this.one, 0, h, this.now32(), initState);
  }

  /** Slot of the packed key at `key[offset..]`, or FLOW_NOT_FOUND. */
  lookup(key: Uint8Array, offset = 0): number {
    this.loadOne(key, offset);
    const p = this.find(this.one, 0, hashWords(this.one, 0, this.keyWords));
    return p < 0 ? FLOW_NOT_FOUND : this.index[2 * p + 1]! - 1;
  }

  /** Removes the flow with the packed key at `key[offset..]`; returns its former slot or FLOW_NOT_FOUND. */
  remove(key: Uint8Array, offset = 0): number {
    this.loadOne(key, offset);
    const p = this.find(this.one, 0, hashWords(this.one, 0, this.keyWords));
    if (p < 0) return FLOW_NOT_FOUND;
    const slot = this.index[2 * p + 1]! - 1;
    this.deleteAt(p);
    this.freeSlot(slot);
    return slot;
  }

  /** Removes the flow in `slot`; false when the slot is not live. */
  removeSlot(slot: number): boolean {
    if (!this.isLive(slot)) return false;
    const p = this.findSlot(slot, this.rowHash(slot));
    this.deleteAt(p);
    this.freeSlot(slot);
    return true;
  }

  /** True when `slot` holds a flow. */
  isLive(slot: number): boolean {
    if (!(slot >= 0 && slot < this.hw)) return false;
    const c = this.geometry.chunkOf(slot);
    return (this.rows[c]![(slot - this.geometry.chunkStart(c)) * this.rowWords + this.metaWord]! & SLOT_LIVE) !== 0;
  }

  /** Copies the (masked) packed key of `slot` into `out` (new array when absent). */
  keyOf(slot: number, out?: Uint8Array, offset = 0): Uint8Array {
    const buf = out ?? new Uint8Array(this.keyBytes);
    const c = this.geometry.chunkOf(slot);
    const at = (slot - this.geometry.chunkStart(c)) * this.rowWords * 4;
    buf.set(this.rows8[c]!.subarray(at, at + this.keyBytes), offset);
    return buf;
  }

  /** The key of `slot` as plain values (see `unpackKey`). */
  keyFields(slot: number): Record<string, KeyValue> {
    const c = this.geometry.chunkOf(slot);
    return unpackKey(this.layout, this.rows8[c]!, (slot - this.geometry.chunkStart(c)) * this.rowWords * 4);
  }

  /** Records a hit on `slot` at `nowMs` (absolute clock ms; default: the store clock). */
  touch(slot: number, nowMs?: number): void {
    this.setLastHit(slot, nowMs === undefined ? this.now32() : this.toStoreTime(nowMs));
  }

  /** Sets the last-hit time of `slot` in store time (ms since `epochMs`, uint32; e.g. restoring a flow's idle age). */
  setLastHit(slot: number, storeTime: number): void {
    const c = this.geometry.chunkOf(slot);
    this.rows[c]![(slot - this.geometry.chunkStart(c)) * this.rowWords + this.lastHitWord] = storeTime >>> 0;
  }

  /** Records a hit on every slot at `nowMs` (absolute clock ms; default: the store clock). */
  touchAll(nowMs?: number): void {
    const now = nowMs === undefined ? this.now32() : this.toStoreTime(nowMs);
    const R = this.rowWords;
    for (const rows of this.rows) for (let at = this.lastHitWord; at < rows.length; at += R) rows[at] = now;
  }

  /** Last-hit time of `slot` in store time (ms since `epochMs`, uint32). */
  lastHitOf(slot: number): number {
    const c = this.geometry.chunkOf(slot);
    return this.rows[c]![(slot - this.geometry.chunkStart(c)) * this.rowWords + this.lastHitWord]!;
  }

  // ---------------------------------------------------------------- bulk operations

  /**
   * Inserts `n` packed keys (`n * keyBytes` bytes); writes each key's slot, FLOW_EXISTS or FLOW_FULL to `out`
   * (optional, length ≥ n).
   * Returns the number of new flows, or FLOW_FULL when `atomic` (default) and the batch does not fit — then the
   * store is unchanged. A key repeated inside the batch is inserted once; later copies get FLOW_EXISTS.
   */
  insertMany(keys: Uint8Array | Uint32Array, n = Math.floor(keys.length * keys.BYTES_PER_ELEMENT / this.keyBytes), out?: Int32Array, options: InsertManyOptions = {}): number {
    const atomic = options.atomic ?? true;
    const init = options.initState ?? true;
    const kw = this.keyWords;
    const src = asWords(keys, n * kw);
    const now = this.now32();
    // Only a batch that could overflow needs to remember its slots for a rollback.
    const mayOverflow = this.flows + n > this.maxFlowsValue;
    const track = mayOverflow && atomic ? (out && out.length >= n ? out : new Int32Array(n)) : null;
    const hw0 = this.hw;
    let inserted = 0;
    for (let b = 0; b < n; b += BATCH) {
      const m = this.loadInsertBatch(src, b, n, false, init);
      for (let j = 0; j < m; j++) {
        const r = this.insertHashed(this.bw, j * kw, this.bh[j]!, now, init);
        if (out) out[b + j] = r;
        if (track && track !== out) track[b + j] = r;
        if (r >= 0) inserted++;
        else if (r === FLOW_FULL && track) {
          this.rollback(track, b + j, hw0);
          if (out) out.fill(FLOW_FULL, 0, n);
          return FLOW_FULL;
        }
      }
    }
    return inserted;
  }

  /**
   * Hashes the batch of keys starting at `b` (of `n`) and loads what inserting them touches: the slots they will
   * take when reused, and with `existing` also the rows of the keys already present. Returns the batch size.
   */
  private loadInsertBatch(src: Uint32Array, b: number, n: number, existing: boolean, init: boolean): number {
    const m = Math.min(BATCH, n - b);
    this.hashBatch(src, b, m);
    if (existing) this.warmCandidates(m);
    this.warmFreeSlots(m, init);
    return m;
  }

  /**
   * Finds or inserts each of `n` packed keys in one probe: writes its slot to `out` and 1 to `created` when this call
   * inserted it (0 when it was there, or an earlier copy in the batch inserted it). At most `limit` keys are inserted
   * (and never beyond `maxFlows`); a missing key past either gets FLOW_FULL. Returns the number inserted. This is
   * lookupMany + insertMany with one hash and one probe per key (the HA apply of a standby: mostly inserts).
   */
  upsertMany(keys: Uint8Array | Uint32Array, n: number, out: Int32Array, created: Uint8Array, limit = Infinity, options: { initState?: boolean } = {}): number {
    const init = options.initState ?? true;
    const kw = this.keyWords;
    const src = asWords(keys, n * kw);
    const now = this.now32();
    let inserted = 0;
    const bw = this.bw;
    const bh = this.bh;
    for (let b = 0; b < n; b += BATCH) {
      const m = this.loadInsertBatch(src, b, n, true, init);
      for (let j = 0; j < m; j++) {
        let r: number;
        if (inserted < limit) {
          r = this.insertHashed(bw, j * kw, bh[j]!, now, init);
          if (r === FLOW_EXISTS) r = this.hit;
          else if (r >= 0) {
            inserted++;
            created[b + j] = 1;
            out[b + j] = r;
            continue;
          }
        } else {
          const p = this.find(bw, j * kw, bh[j]!);
          r = p < 0 ? FLOW_FULL : this.index[2 * p + 1]! - 1;
        }
        created[b + j] = 0;
        out[b + j] = r;
      }
    }
    return inserted;
  }

  /**
   * Looks up `n` packed keys; writes each slot or FLOW_NOT_FOUND to `out`; returns how many were found. With `read`,
   * also the found slots' values of one numeric column part (loaded together with their key rows, so the misses
   * overlap) into `read.into` at the keys' positions.
   */
  lookupMany(keys: Uint8Array | Uint32Array, n: number, out: Int32Array, read?: ColumnRead): number {
    const src = asWords(keys, n * this.keyWords);
    let found = 0;
    const g = this.geometry;
    for (let b = 0; b < n; b += BATCH) {
      const m = Math.min(BATCH, n - b);
      this.hashBatch(src, b, m, false);
      this.warmCandidates(m, read?.column);
      for (let j = 0; j < m; j++) {
        const p = this.findCandidate(j, src, (b + j) * this.keyWords);
        const s = p < 0 ? FLOW_NOT_FOUND : this.index[2 * p + 1]! - 1;
        out[b + j] = s;
        if (s < 0) continue;
        found++;
        // the value while its line is still cached (loaded with the key row above); the candidate's chunk and
        // offset are known unless the probe had to go past it
        if (read) {
          const c = p === this.bp[j] && this.bc[j]! >= 0 ? this.bc[j]! : g.chunkOf(s);
          const o = s - g.chunkStart(c);
          read.into[b + j] = read.column.parts[0]![c]![o * read.column.stride + read.column.at] as number;
        }
      }
    }
    return found;
  }

  /**
   * Removes `n` packed keys in order; writes each former slot or FLOW_NOT_FOUND to `out` (optional); returns how
   * many were removed. A key repeated in the call is removed once (later copies: FLOW_NOT_FOUND). A freed slot keeps
   * its key and state until it is reused, i.e. until the next insert. `stopAtMissing`: stop at the first key not
   * found (its `out` entry FLOW_NOT_FOUND, later ones left as they were).
   */
  removeMany(keys: Uint8Array | Uint32Array, n: number, out?: Int32Array, stopAtMissing = false): number {
    const src = asWords(keys, n * this.keyWords);
    let removed = 0;
    for (let b = 0; b < n; b += BATCH) {
      const m = Math.min(BATCH, n - b);
      this.hashBatch(src, b, m, false);
      this.warmCandidates(m);
      for (let j = 0; j < m; j++) {
        const p = this.findCandidate(j, src, (b + j) * this.keyWords);
        let s = FLOW_NOT_FOUND;
        if (p >= 0) {
          s = this.index[2 * p + 1]! - 1;
          this.deleteAt(p);
          this.freeSlot(s);
          removed++;
        }
        if (out) out[b + j] = s;
        if (s < 0 && stopAtMissing) return removed;
      }
    }
    return removed;
  }

  /**
   * Removes the live slots among `slots[0..n)`; returns how many were removed.
   */
  removeSlots(slots: ArrayLike<number>, n = slots.length): number {
    let removed = 0;
    const bh = this.bh;
    const bs = this.bslot;
    for (let b = 0; b < n; b += BATCH) {
      const m = Math.min(BATCH, n - b);
      for (let j = 0; j < m; j++) {
        const s = slots[b + j]!;
        bs[j] = this.isLive(s) ? s : -1;
        if (bs[j]! >= 0) bh[j] = this.rowHash(s);
      }
      let acc = 0;
      const idx = this.index;
      const shift = this.shift;
      for (let j = 0; j < m; j++) if (bs[j]! >= 0) acc ^= idx[((bh[j]! >>> shift) << 1) | 1]!;
      this.sink ^= acc;
      for (let j = 0; j < m; j++) {
        const s = bs[j]!;
        if (s < 0 || !this.isLive(s)) continue;
        this.deleteAt(this.findSlot(s, bh[j]!));
        this.freeSlot(s);
        removed++;
      }
    }
    return removed;
  }

  // ---------------------------------------------------------------- iteration, aging

  /** Calls `fn` for every live slot in slot order (slots 0..highWater at the call; see filter.ts for concurrent-change semantics). */
  forEachSlot(fn: (slot: number) => void): void {
    const end = this.hw;
    const g = this.geometry;
    const R = this.rowWords;
    const M = this.metaWord;
    for (let c = 0; c < this.rows.length; c++) {
      const start = g.chunkStart(c);
      if (start >= end) break;
      const rows = this.rows[c]!;
      const lim = Math.min(g.chunkSize(c), end - start);
      for (let o = 0; o < lim; o++) if ((rows[o * R + M]! & SLOT_LIVE) !== 0) fn(start + o);
    }
  }

  /** Live slots in slot order. */
  *liveSlots(): IterableIterator<number> {
    const slots: number[] = [];
    this.forEachSlot((s) => slots.push(s));
    yield* slots;
  }

  /**
   * Removes every flow whose last hit is at least `ttlMs` before `nowMs` (absolute clock ms; default: the
   * store clock) and returns how many. `onExpire(slots, n)` sees each batch of expiring slots before they are
   * removed (read keys or state there; do not mutate the store inside it). TTL 0 removes nothing.
   *
   * Ages are signed 32-bit ms differences of uint32 store times: a last hit after `nowMs` (a caller's stale
   * clock reading) counts as fresh, and ages are exact up to 24.8 days — a TTL is at most 2^31 - 1 ms, and a flow
   * neither hit nor swept for longer than that may look fresh (sweep at least once per TTL). When more than a
   * third of the flows expire, the index is rebuilt from the survivors instead of deleting entries one by one
   * (one sequential pass instead of a random index access per expired flow).
   */
  age(nowMs?: number, onExpire?: (slots: Uint32Array, n: number) => void): number {
    const ttl = this.ttl;
    if (ttl === 0 || this.flows === 0) return 0;
    const now = nowMs === undefined ? this.now32() : this.toStoreTime(nowMs);
    const g = this.geometry;
    const end = this.hw;
    const R = this.rowWords;
    const M = this.metaWord;
    const T = this.lastHitWord;
    let expired = 0;
    for (let c = 0; c < this.rows.length; c++) {
      const start = g.chunkStart(c);
      if (start >= end) break;
      const rows = this.rows[c]!;
      const lim = Math.min(g.chunkSize(c), end - start);
      for (let o = 0; o < lim; o++) expired += (rows[o * R + M]! >>> 24) & 1 & +(((now - rows[o * R + T]!) | 0) >= ttl);
    }
    if (expired === 0) return 0;
    const rebuild = expired * 3 > this.flows;
    const buf = this.ageBuf;
    let n = 0;
    const flush = () => {
      onExpire?.(buf, n);
      if (rebuild) this.freeSlots(buf, n);
      else this.removeSlots(buf, n);
      n = 0;
    };
    for (let c = 0; c < this.rows.length; c++) {
      const start = g.chunkStart(c);
      if (start >= end) break;
      const rows = this.rows[c]!;
      const lim = Math.min(g.chunkSize(c), end - start);
      for (let o = 0; o < lim; o++) {
        if ((rows[o * R + M]! & SLOT_LIVE) !== 0 && ((now - rows[o * R + T]!) | 0) >= ttl) {
          buf[n++] = start + o;
          if (n === buf.length) flush();
        }
      }
    }
    if (n) flush();
    if (rebuild) this.rebuildIndex();
    return expired;
  }

  // ---------------------------------------------------------------- columns

  /** The column named `name` (layout name or short alias such as `version`), or undefined. */
  column(name: string): ColumnData | undefined {
    return this.columnByName.get(name);
  }

  /** Reads column `name` of `slot`: number, bigint (64-bit), text (MAC/IP), or a byte view (lists). */
  get(slot: number, name: string): number | bigint | string | Uint8Array {
    const c = this.geometry.chunkOf(slot);
    const o = slot - this.geometry.chunkStart(c);
    const col = this.columnByName.get(name);
    if (!col || col.spec.origin === "key") {
      // Key members read the key row, whether or not they have a filter column.
      const member = col ? col.spec.name : this.layout.keyFields.find((f) => f.name === name)?.name;
      if (member === undefined) throw new TypeError(`FlowStore: no column ${name}`);
      const v = unpackKey(this.layout, this.rows8[c]!, o * this.rowWords * 4)[member]!;
      return typeof v === "boolean" ? (v ? 1 : 0) : v;
    }
    const s = col.spec;
    const p = col.parts;
    switch (s.kind) {
      case "mac": {
        const hi = p[0]![c]![o] as number;
        const lo = p[1]![c]![o] as number;
        return formatMac(new Uint8Array([hi >>> 24, (hi >>> 16) & 0xff, (hi >>> 8) & 0xff, hi & 0xff, lo >>> 8, lo & 0xff]));
      }
      case "ip": {
        const fam = p[0]![c]![o] as number;
        const w0 = p[1]![c]![o] as number;
        const b = new Uint8Array(16);
        new DataView(b.buffer).setUint32(0, w0);
        if (fam !== IP_FAMILY_V6) return formatIpv4(b);
        const tail = col.v6tail[c];
        if (tail) for (let k = 0; k < 3; k++) new DataView(b.buffer).setUint32(4 + 4 * k, tail[o * 3 + k]!);
        return formatIpv6(b);
      }
      case "ipv4": {
        const b = new Uint8Array(4);
        new DataView(b.buffer).setUint32(0, p[0]![c]![o] as number);
        return formatIpv4(b);
      }
      case "ipv6": {
        const b = new Uint8Array(16);
        for (let k = 0; k < 4; k++) new DataView(b.buffer).setUint32(4 * k, p[0]![c]![o * 4 + k] as number);
        return formatIpv6(b);
      }
      case "blob":
        return this.arena.get(p[0]![c]![o] as number);
      default:
        return p[0]![c]![o * col.stride + col.at]!;
    }
  }

  /** Writes column `name` of `slot` (state attributes only); accepts the forms `packKey` accepts. Throws TypeError on a bad value. */
  set(slot: number, name: string, value: unknown): void {
    if (this.layout.keyFields.some((f) => f.name === name)) throw new TypeError(`FlowStore.set: ${name} is part of the key`);
    const col = this.mustColumn(name);
    const s = col.spec;
    if (s.origin === "key") throw new TypeError(`FlowStore.set: ${name} is part of the key`);
    const c = this.geometry.chunkOf(slot);
    const o = slot - this.geometry.chunkStart(c);
    const p = col.parts;
    const bad = () => new TypeError(`FlowStore.set: bad ${s.kind} value for ${s.name}`);
    this.rows[c]![o * this.rowWords + this.metaWord]! |= col.dirtyBit;
    switch (s.kind) {
      case "mac": {
        const m = toMacBytes(value);
        if (!m) throw bad();
        p[0]![c]![o] = be32(m, 0);
        p[1]![c]![o] = (m[4]! << 8) | m[5]!;
        return;
      }
      case "ip": case "ipv4": case "ipv6": {
        const ip = toIpBytes(value);
        if (!ip || (s.kind === "ipv4" && ip.family !== 0) || (s.kind === "ipv6" && ip.family !== 1)) throw bad();
        if (s.kind === "ipv6") {
          for (let k = 0; k < 4; k++) p[0]![c]![o * 4 + k] = be32(ip.bytes, 4 * k);
          return;
        }
        if (s.kind === "ipv4") {
          p[0]![c]![o] = be32(ip.bytes, 0);
          return;
        }
        p[0]![c]![o] = ip.family;
        p[1]![c]![o] = be32(ip.bytes, 0);
        if (ip.family === IP_FAMILY_V6) {
          let tail = col.v6tail[c];
          if (!tail) tail = col.v6tail[c] = new Uint32Array(this.geometry.chunkSize(c) * 3);
          for (let k = 0; k < 3; k++) tail[o * 3 + k] = be32(ip.bytes, 4 + 4 * k);
        }
        return;
      }
      case "blob": {
        if (!(value instanceof Uint8Array)) throw bad();
        const arr = p[0]![c]! as Uint32Array;
        arr[o] = this.arena.replace(arr[o]!, value);
        if (arr[o] !== 0) this.rows[c]![o * this.rowWords + this.metaWord]! |= SLOT_HAS_LISTS;
        return;
      }
      case "u64": case "i64": {
        const v = toBigInt(value);
        if (v === null) throw bad();
        p[0]![c]![o] = s.kind === "u64" ? BigInt.asUintN(64, v) : BigInt.asIntN(64, v);
        return;
      }
      default: {
        const v = typeof value === "boolean" ? +value : typeof value === "bigint" ? Number(value) : value;
        if (typeof v !== "number" || !Number.isInteger(v)) throw bad();
        p[0]![c]![o * col.stride + col.at] = v;
      }
    }
  }

  /** Memory report: reserved vs touched bytes and bytes per flow. */
  memoryUsage(): FlowStoreMemory {
    // the layout's figure, with the state block's padding
    const fixed = this.layout.fixedBytesPerFlow + this.blockBytes - this.columns.reduce((n, c) => n + (c.stride > 1 ? c.spec.bytesPerFlow : 0), 0);
    let v6 = 0;
    for (const col of this.columns) for (const t of col.v6tail) if (t) v6 += t.byteLength;
    const blobs = this.arena.stats();
    const slotBytesReserved = this.chunkBytes;
    const slotBytesUsed = this.hw * fixed;
    const indexBytes = this.index.byteLength;
    const freeListBytes = this.freeStack.byteLength;
    const reservedBytes = slotBytesReserved + indexBytes + freeListBytes + v6 + blobs.reservedBytes;
    const usedBytes = slotBytesUsed + indexBytes + freeListBytes + v6 + blobs.reservedBytes;
    const f = this.flows || 1;
    return {
      flows: this.flows, slotsReserved: this.slotsReserved, slotsUsed: this.hw, fixedBytesPerSlot: fixed,
      slotBytesReserved, slotBytesUsed, indexBytes, indexBuckets: this.indexMask + 1, freeListBytes, ipv6TailBytes: v6,
      blobBytesReserved: blobs.reservedBytes, blobDataBytes: blobs.dataBytes, reservedBytes, usedBytes,
      bytesPerFlowReserved: reservedBytes / f, bytesPerFlowUsed: usedBytes / f,
    };
  }

  /** Average probe length of a successful lookup (1 = every flow in its home bucket); for benches and tests. */
  probeStats(): { buckets: number; load: number; avgProbe: number; maxProbe: number } {
    const cap = this.indexMask + 1;
    let sum = 0;
    let max = 0;
    for (let p = 0; p < cap; p++) {
      if (this.index[2 * p + 1] === 0) continue;
      const d = ((p - (this.index[2 * p]! >>> this.shift)) & this.indexMask) + 1;
      sum += d;
      if (d > max) max = d;
    }
    return { buckets: cap, load: this.flows / cap, avgProbe: this.flows ? sum / this.flows : 0, maxProbe: max };
  }

  // ---------------------------------------------------------------- internals

  private mustColumn(name: string): ColumnData {
    const col = this.columnByName.get(name);
    if (!col) throw new TypeError(`FlowStore: no column ${name}`);
    return col;
  }

  /** Copies a packed key into the single-key scratch and applies the enabled-key mask. */
  private loadOne(key: Uint8Array, offset: number): void {
    const kb = this.keyBytes;
    const one8 = this.one8;
    if (key.length < offset + kb) throw new RangeError(`FlowStore: key needs ${kb} bytes`);
    for (let i = 0; i < kb; i++) one8[i] = key[offset + i]!;
    const one = this.one;
    const mw = this.maskWords;
    for (let i = 0; i < this.keyWords; i++) one[i] = one[i]! & mw[i]!;
  }

  /**
   * Hashes keys [b, b+m) of `src` (with `copy`, also copying them masked into the batch scratch, as inserts need),
   * then loads their index buckets in a separate tight loop: interleaving the loads with ~100 instructions of
   * hashing per key would let the CPU's out-of-order window cover barely one miss at a time.
   */
  private hashBatch(src: Uint32Array, b: number, m: number, copy = true): void {
    const bh = this.bh;
    (copy ? this.hashKeys : this.hashOnly)(src, b, m, this.bw, bh);
    const idx = this.index;
    const shift = this.shift;
    let acc = 0;
    for (let j = 0; j < m; j++) acc ^= idx[((bh[j]! >>> shift) << 1) | 1]!;
    this.sink ^= acc;
  }

  /**
   * For each batch key, finds the first index entry with its hash (the likely hit; index lines are cached by
   * now) and then, in a tight loop, loads that slot's key row — and for removals its state byte — so the
   * row misses of the whole batch overlap.
   */
  private warmCandidates(m: number, read?: ColumnData): void {
    const idx = this.index;
    const mask = this.indexMask;
    const shift = this.shift;
    const g = this.geometry;
    const bc = this.bc;
    const bo = this.bo;
    for (let j = 0; j < m; j++) {
      const h = this.bh[j]!;
      let p = h >>> shift;
      bc[j] = -1;
      for (let e = idx[2 * p + 1]!; e !== 0; p = (p + 1) & mask, e = idx[2 * p + 1]!) {
        if (idx[2 * p] !== h) continue;
        const s = e - 1;
        const c = g.chunkOf(s);
        bc[j] = c;
        bo[j] = s - g.chunkStart(c);
        this.bp[j] = p;
        break;
      }
    }
    const rows = this.rows;
    const R = this.rowWords;
    let acc = 0;
    // A row spans two cache lines: load its first and last word (the block, read or zeroed next, is in the last).
    for (let j = 0; j < m; j++) {
      if (bc[j]! < 0) continue;
      const row = rows[bc[j]!]!;
      const at = bo[j]! * R;
      acc ^= row[at]! ^ row[at + R - 1]!;
    }
    // (a column in the state block is in the row's last line, loaded above)
    if (read && read.stride === 1) {
      const column = read.parts[0]!;
      for (let j = 0; j < m; j++) if (bc[j]! >= 0) acc ^= column[bc[j]!]![bo[j]!] === 0 ? 0 : 1; // bigint columns too
    }
    this.sink ^= acc;
  }

  /**
   * Loads every line the next `m` inserts will write when they reuse freed slots (random slots after random
   * removals): key row, bookkeeping, key columns, and the state columns when they are to be zeroed.
   */
  private warmFreeSlots(m: number, state: boolean): void {
    const k = Math.min(m, this.freeTop);
    if (k === 0) return;
    const g = this.geometry;
    const bc = this.bc;
    const bo = this.bo;
    for (let j = 0; j < k; j++) {
      const s = this.freeStack[this.freeTop - 1 - j]!;
      const c = g.chunkOf(s);
      bc[j] = c;
      bo[j] = s - g.chunkStart(c);
    }
    const rows = this.rows;
    const R = this.rowWords;
    const M = this.metaWord;
    let acc = 0;
    for (let j = 0; j < k; j++) {
      const at = bo[j]! * R;
      acc ^= rows[bc[j]!]![at]! ^ rows[bc[j]!]![at + R - 1]!;
    }
    for (let j = 0; j < k; j++) acc ^= this.warmKeyColumns(bc[j]!, bo[j]!);
    if (state) for (let j = 0; j < k; j++) acc ^= this.warmState(bc[j]!, bo[j]!, rows[bc[j]!]![bo[j]! * R + M]! & WRITTEN_MASK);
    this.sink ^= acc;
  }

  /**
   * Index position of the key at `w[at..]` with hash `h`, or -1. The key is already masked, or with `unmasked` the
   * caller's own words, compared under the enabled-key mask.
   */
  private find(w: Uint32Array, at: number, h: number, unmasked = false): number {
    const idx = this.index;
    const mask = this.indexMask;
    let p = h >>> this.shift;
    for (;;) {
      const e = idx[2 * p + 1]!;
      if (e === 0) return -1;
      if (idx[2 * p] === h && this.rowEquals(e - 1, w, at, unmasked)) return p;
      p = (p + 1) & mask;
    }
  }

  /**
   * `find` for batch key `j` (the caller's unmasked words at `key[at..]`) after `warmCandidates`: its first same-hash
   * entry (bucket, chunk and offset known, the row loaded) is nearly always the key; only when it is not does the
   * probe start over. The candidate is valid as long as the index has not changed since — a removal of an earlier
   * key of the batch can shift entries back, so the candidate bucket must still hold the candidate's slot.
   */
  private findCandidate(j: number, key: Uint32Array, at: number): number {
    const c = this.bc[j]!;
    if (c >= 0) {
      const p = this.bp[j]!;
      const o = this.bo[j]!;
      const slot = this.geometry.chunkStart(c) + o;
      if (this.index[2 * p + 1] === slot + 1 && this.kw.equalsMasked(this.rows[c]!, o * this.rowWords, key, at)) return p;
    }
    return this.find(key, at, this.bh[j]!, true);
  }

  /** Index position holding `slot` (which must be indexed under hash `h`). */
  private findSlot(slot: number, h: number): number {
    const idx = this.index;
    const mask = this.indexMask;
    const want = slot + 1;
    let p = h >>> this.shift;
    while (idx[2 * p + 1] !== want) p = (p + 1) & mask;
    return p;
  }

  /** Whether `slot` holds the key at `w[at..]`: masked words, or with `unmasked` the caller's compared under the mask. */
  private rowEquals(slot: number, w: Uint32Array, at: number, unmasked = false): boolean {
    const g = this.geometry;
    const c = g.chunkOf(slot);
    const ri = (slot - g.chunkStart(c)) * this.rowWords;
    return unmasked ? this.kw.equalsMasked(this.rows[c]!, ri, w, at) : this.kw.equals(this.rows[c]!, ri, w, at);
  }

  private rowHash(slot: number): number {
    const g = this.geometry;
    const c = g.chunkOf(slot);
    return hashWords(this.rows[c]!, (slot - g.chunkStart(c)) * this.rowWords, this.keyWords);
  }

  /** Inserts a masked key with known hash; the probe that proves absence also finds the free bucket. */
  private insertHashed(w: Uint32Array, at: number, h: number, now: number, init: boolean): number {
    if (this.flows >= this.growAt) this.growIndex();
    const idx = this.index;
    const mask = this.indexMask;
    let p = h >>> this.shift;
    for (;;) {
      const e = idx[2 * p + 1]!;
      if (e === 0) break;
      if (idx[2 * p] === h && this.rowEquals(e - 1, w, at)) {
        this.hit = e - 1;
        return FLOW_EXISTS;
      }
      p = (p + 1) & mask;
    }
    if (this.flows >= this.maxFlowsValue) return FLOW_FULL;
    const reused = this.freeTop > 0;
    const slot = reused ? this.freeStack[--this.freeTop]! : this.freshSlot();
    const g = this.geometry;
    const c = g.chunkOf(slot);
    const o = slot - g.chunkStart(c);
    const row = this.rows[c]!;
    const base = o * this.rowWords;
    this.kw.copy(row, base, w, at);
    row[base + this.lastHitWord] = now;
    this.writeKeyColumns(c, o, this.bytesOf(w), at * 4);
    // without init the caller writes the state itself, guided by the slot's written mask (kept as it is)
    const meta = base + this.metaWord;
    const m = row[meta]! & WRITTEN_MASK;
    if (init && m !== 0) {
      this.zeroState(c, o, m);
      row[meta] = SLOT_LIVE;
    } else row[meta] = SLOT_LIVE | m;
    idx[2 * p] = h;
    idx[2 * p + 1] = slot + 1;
    this.flows++;
    return slot;
  }

  private bytesOf(w: Uint32Array): Uint8Array {
    return w === this.one ? this.one8 : w === this.bw ? this.bw8 : new Uint8Array(w.buffer, w.byteOffset, w.byteLength);
  }

  private freshSlot(): number {
    const slot = this.hw++;
    if (slot >= this.slotsReserved) this.allocChunk();
    return slot;
  }

  /**
   * Allocates the next chunk as ONE ArrayBuffer with every per-slot array carved out of it (64-byte aligned).
   * One big buffer is always its own mmap (never glibc heap memory that calloc must clear up front), so pages are
   * committed only as slots are used, and it is one region transparent huge pages can back — separate
   * multi-MiB arrays would come from the heap once glibc's dynamic mmap threshold rises after V8 frees a big
   * buffer (e.g. an old index), and each 1-byte column would be too small for huge pages.
   */
  private allocChunk(): void {
    const c = this.rows.length;
    const size = this.geometry.chunkSize(c);
    let bytes = 0;
    const take = (n: number) => {
      const at = (bytes + 63) & ~63;
      bytes = at + n;
      return at;
    };
    const rowsAt = take(size * this.rowWords * 4);
    const partAt = this.columns.map((col) => {
      if (col.stride > 1) return [rowsAt]; // in the state block, at the end of each slot row
      const stride = PART_STRIDE[col.spec.kind] ?? 1;
      return PART_CTORS[col.spec.kind].map((Ctor) => take(size * stride * (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT));
    });
    const buf = this.newBuffer(bytes);
    this.rows.push(new Uint32Array(buf, rowsAt, size * this.rowWords));
    this.rows8.push(new Uint8Array(buf, rowsAt, size * this.rowWords * 4));
    this.columns.forEach((col, ci) => {
      const stride = col.stride > 1 ? col.stride : (PART_STRIDE[col.spec.kind] ?? 1);
      PART_CTORS[col.spec.kind].forEach((Ctor, p) => {
        const View = Ctor as unknown as new (b: ArrayBuffer, at: number, n: number) => ColumnArray;
        col.parts[p]!.push(new View(buf, partAt[ci]![p]!, size * stride));
      });
      col.v6tail.push(null);
    });
    this.slotsReserved += size;
    this.chunkBytes += bytes;
  }

  /** Marks a slot dead, frees its lists and puts it on the free list (index entry already removed). */
  private freeSlot(slot: number): void {
    const g = this.geometry;
    const c = g.chunkOf(slot);
    const o = slot - g.chunkStart(c);
    const rows = this.rows[c]!;
    const meta = o * this.rowWords + this.metaWord;
    // Only flows that ever stored a list pay for reading the handle columns here.
    if ((rows[meta]! & SLOT_HAS_LISTS) !== 0) {
      for (const col of this.blobColumns) {
        const arr = col.parts[0]![c]! as Uint32Array;
        const h = arr[o]!;
        if (h !== 0) {
          this.arena.free(h);
          arr[o] = 0;
        }
      }
    }
    rows[meta] = rows[meta]! & WRITTEN_MASK;
    if (this.freeTop === this.freeStack.length) {
      const next = new Uint32Array(this.freeStack.length * 2);
      next.set(this.freeStack);
      this.freeStack = next;
    }
    this.freeStack[this.freeTop++] = slot;
    this.flows--;
  }

  /** `freeSlot` for many slots (index entries handled by the caller): one free-list growth check, no per-slot call. */
  private freeSlots(slots: Uint32Array, n: number): void {
    if (this.freeTop + n > this.freeStack.length) {
      let cap = this.freeStack.length;
      while (cap < this.freeTop + n) cap *= 2;
      const next = new Uint32Array(cap);
      next.set(this.freeStack.subarray(0, this.freeTop));
      this.freeStack = next;
    }
    const g = this.geometry;
    const stack = this.freeStack;
    const R = this.rowWords;
    const M = this.metaWord;
    for (let i = 0; i < n; i++) {
      const slot = slots[i]!;
      const c = g.chunkOf(slot);
      const rows = this.rows[c]!;
      const meta = (slot - g.chunkStart(c)) * R + M;
      if ((rows[meta]! & SLOT_HAS_LISTS) !== 0) {
        this.freeSlot(slot); // rare: lists to release; also pushes and counts
        continue;
      }
      rows[meta] = rows[meta]! & WRITTEN_MASK;
      stack[this.freeTop++] = slot;
      this.flows--;
    }
  }

  /** Undoes the first `upto` inserts of an atomic batch, restoring the allocator exactly (fresh slots give back the high-water mark). */
  private rollback(results: Int32Array, upto: number, hw0: number): void {
    for (let i = upto - 1; i >= 0; i--) {
      const s = results[i]!;
      if (s < 0) continue;
      this.deleteAt(this.findSlot(s, this.rowHash(s)));
      this.freeSlot(s);
      if (s >= hw0) {
        // freeSlot pushed it; fresh slots go back below the high-water mark instead (their state columns are untouched zeros).
        this.freeTop--;
        this.hw--;
      }
    }
  }

  /** Backward-shift deletion: pull later cluster members whose home allows it into the hole. */
  private deleteAt(p: number): void {
    const idx = this.index;
    const mask = this.indexMask;
    const shift = this.shift;
    let i = p;
    for (;;) {
      let j = (i + 1) & mask;
      for (;;) {
        if (idx[2 * j + 1] === 0) {
          idx[2 * i] = 0;
          idx[2 * i + 1] = 0;
          return;
        }
        const home = idx[2 * j]! >>> shift;
        if (((j - home) & mask) >= ((j - i) & mask)) break;
        j = (j + 1) & mask;
      }
      idx[2 * i] = idx[2 * j]!;
      idx[2 * i + 1] = idx[2 * j + 1]!;
      i = j;
    }
  }

  /**
   * Grows the index to `cap` buckets (default: doubles it), reinserting by stored hash in old-bucket order
   * (near-sequential writes, no key reads).
   */
  private growIndex(cap = (this.indexMask + 1) * 2): void {
    const old = this.index;
    const idx = new Uint32Array(this.newBuffer(cap * 8));
    const mask = cap - 1;
    const shift = 32 - Math.log2(cap);
    for (let q = 0; q < old.length; q += 2) {
      const e = old[q + 1]!;
      if (e === 0) continue;
      const h = old[q]!;
      let p = h >>> shift;
      while (idx[2 * p + 1] !== 0) p = (p + 1) & mask;
      idx[2 * p] = h;
      idx[2 * p + 1] = e;
    }
    this.index = idx;
    this.indexMask = mask;
    this.shift = shift;
    this.growAt = Math.floor(cap * this.maxLoad);
  }

  /** Rebuilds the index from the live slots' key rows (after a mass expiry). */
  private rebuildIndex(): void {
    const idx = this.index;
    idx.fill(0);
    const mask = this.indexMask;
    const shift = this.shift;
    this.forEachSlot((s) => {
      const h = this.rowHash(s);
      let p = h >>> shift;
      while (idx[2 * p + 1] !== 0) p = (p + 1) & mask;
      idx[2 * p] = h;
      idx[2 * p + 1] = s + 1;
    });
  }
}
