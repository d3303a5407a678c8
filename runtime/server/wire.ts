/**
 * The few protobuf wire operations the bulk paths need, written out by hand: flow data crosses gRPC as
 * pre-encoded bytes (PERFORMANCE.md), so batches are framed and split here without building a message object per
 * flow. Every reader returns an error value for malformed input; nothing here throws on bad bytes.
 */
import type { EncodedFlowBatch } from "../api.js";

/** Wire types. */
const VARINT = 0;
const I64 = 1;
const LEN = 2;
const I32 = 5;

/** A cursor over bytes; `err` is set (and reading stops) at the first malformed field. */
export class Reader {
  pos: number;
  err: string | null = null;
  constructor(
    readonly buf: Uint8Array,
    start = 0,
    readonly end = buf.length,
  ) {
    this.pos = start;
  }

  /** True while there are bytes left and nothing went wrong. */
  more(): boolean {
    return this.err === null && this.pos < this.end;
  }

  /** A varint as a number (exact up to 2^53; callers use it for tags, lengths and small values). */
  varint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) return this.fail("truncated varint");
      const b = this.buf[this.pos++]!;
      result += (b & 0x7f) * mul;
      if (b < 0x80) return result;
      mul *= 128;
    }
    return this.fail("varint longer than 10 bytes");
  }

  /** A varint as an unsigned 64-bit bigint. */
  varint64(): bigint {
    let result = 0n;
    let shift = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) {
        this.fail("truncated varint");
        return 0n;
      }
      const b = this.buf[this.pos++]!;
      result |= BigInt(b & 0x7f) << shift;
      if (b < 0x80) return BigInt.asUintN(64, result);
      shift += 7n;
    }
    this.fail("varint longer than 10 bytes");
    return 0n;
  }

  /** A zigzag-encoded sint32. */
  sint32(): number {
    const n = this.varint();
    const low = n % 0x100000000;
    return (low >>> 1) ^ -(low & 1);
  }

  /** Start and end of a length-delimited field's payload; the cursor moves past it. */
  span(): [number, number] {
    const len = this.varint();
    if (this.err) return [0, 0];
    if (len > this.end - this.pos) {
      this.fail("length past the end of the message");
      return [0, 0];
    }
    const s = this.pos;
    this.pos += len;
    return [s, s + len];
  }

  /** Skips a field of wire type `wt`. */
  skip(wt: number): void {
    switch (wt) {
      case VARINT:
        this.varint();
        return;
      case I64:
        this.advance(8);
        return;
      case LEN:
        this.span();
        return;
      case I32:
        this.advance(4);
        return;
      default:
        this.fail(`unsupported wire type ${wt}`);
    }
  }

  private advance(n: number): void {
    if (this.end - this.pos < n) this.fail("truncated fixed-width field");
    else this.pos += n;
  }

  private fail(message: string): number {
    this.err ??= `${message} at byte ${this.pos}`;
    this.pos = this.end;
    return 0;
  }
}

/** Grows a byte buffer as fields are appended. */
export class Writer {
  private buf: Uint8Array;
  pos = 0;
  constructor(initial = 256) {
    this.buf = new Uint8Array(initial);
  }

  private ensure(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const nb = new Uint8Array(size);
    nb.set(this.buf.subarray(0, this.pos));
    this.buf = nb;
  }

  /** Appends a varint (a non-negative number below 2^53). */
  varint(v: number): this {
    this.ensure(10);
    while (v > 0x7f) {
      this.buf[this.pos++] = (v % 128) | 0x80;
      v = Math.floor(v / 128);
    }
    this.buf[this.pos++] = v;
    return this;
  }

  /** Appends an unsigned 64-bit varint. */
  varint64(v: bigint): this {
    this.ensure(10);
    let x = BigInt.asUintN(64, v);
    while (x > 0x7fn) {
      this.buf[this.pos++] = Number(x & 0x7fn) | 0x80;
      x >>= 7n;
    }
    this.buf[this.pos++] = Number(x);
    return this;
  }

  /** Appends a tag. */
  tag(field: number, wt: number): this {
    return this.varint(field * 8 + wt);
  }

  /** Appends a length-delimited field. */
  bytes(field: number, b: Uint8Array): this {
    this.tag(field, LEN).varint(b.length);
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** Appends raw bytes (already framed fields). */
  raw(b: Uint8Array): this {
    this.ensure(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  /** The bytes written so far (a view; copy before reusing the writer). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }
}

/** `SaiDashFlowBulkGetFinished`. */
export interface BatchFinished {
  readonly totalEntries: number;
  readonly totalBatches: number;
  readonly status: number;
}

/** A SaiDashFlowBatch split into its header and the offsets of its entries (no copy of the entries). */
export interface ParsedBatch extends EncodedFlowBatch {
  readonly sessionId: bigint;
  readonly sequence: number;
  readonly finished: BatchFinished | null;
}

/** Field numbers of SaiDashFlowBatch and SaiDashFlowBulkGetFinished (sai_bulk_get_target.proto). */
const BATCH_SESSION = 1;
const BATCH_SEQUENCE = 2;
const BATCH_ENTRIES = 3;
const BATCH_FINISHED = 4;

/**
 * Splits SaiDashFlowBatch bytes. `records` is the run of `entries` fields (the contiguous form every protobuf
 * encoder writes; interleaved input is copied into one run), offsets and lengths point at each entry inside it.
 */
export function parseBatch(buf: Uint8Array): { ok: true; batch: ParsedBatch } | { ok: false; error: string } {
  const r = new Reader(buf);
  let sessionId = 0n;
  let sequence = 0;
  let finished: BatchFinished | null = null;
  let count = 0;
  let offsets = new Uint32Array(1024);
  let lengths = new Uint32Array(1024);
  let runStart = -1;
  let runEnd = -1;
  let contiguous = true;
  while (r.more()) {
    const tagStart = r.pos;
    const tag = r.varint();
    const field = Math.floor(tag / 8);
    const wt = tag & 7;
    if (field === BATCH_ENTRIES && wt === LEN) {
      const [s, e] = r.span();
      if (r.err) break;
      if (runStart < 0) runStart = tagStart;
      else if (tagStart !== runEnd) contiguous = false;
      runEnd = e;
      if (count === offsets.length) {
        const no = new Uint32Array(count * 2);
        no.set(offsets);
        offsets = no;
        const nl = new Uint32Array(count * 2);
        nl.set(lengths);
        lengths = nl;
      }
      offsets[count] = s;
      lengths[count] = e - s;
      count++;
    } else if (field === BATCH_SESSION && wt === VARINT) sessionId = r.varint64();
    else if (field === BATCH_SEQUENCE && wt === VARINT) sequence = r.varint();
    else if (field === BATCH_FINISHED && wt === LEN) {
      const [s, e] = r.span();
      const f = new Reader(buf, s, e);
      let totalEntries = 0;
      let totalBatches = 0;
      let status = 0;
      while (f.more()) {
        const t = f.varint();
        if (t === 8) totalEntries = f.varint();
        else if (t === 16) totalBatches = f.varint();
        else if (t === 24) status = f.sint32();
        else f.skip(t & 7);
      }
      if (f.err) return { ok: false, error: `finished: ${f.err}` };
      finished = { totalEntries, totalBatches, status };
    } else r.skip(wt);
  }
  if (r.err) return { ok: false, error: r.err };
  let records: Uint8Array;
  if (count === 0) records = new Uint8Array(0);
  else if (contiguous) {
    records = buf.subarray(runStart, runEnd);
    for (let i = 0; i < count; i++) offsets[i] = offsets[i]! - runStart;
  } else {
    // rare: re-frame the entries into one run so `records` keeps its documented form
    const w = new Writer(runEnd - runStart + count * 4);
    const no = new Uint32Array(count);
    for (let i = 0; i < count; i++) {
      const entry = buf.subarray(offsets[i]!, offsets[i]! + lengths[i]!);
      w.tag(BATCH_ENTRIES, LEN).varint(entry.length);
      no[i] = w.pos;
      w.raw(entry);
    }
    records = w.finish().slice();
    offsets = no;
  }
  return {
    ok: true,
    batch: { sessionId, sequence, finished, count, records, offsets: offsets.subarray(0, count), lengths: lengths.subarray(0, count) },
  };
}

/** Frames a SaiDashFlowBatch from pre-encoded `entries` fields (as `FlowApi.scanFlows` yields them). */
export function encodeBatch(sessionId: bigint, sequence: number, records: Uint8Array, finished?: BatchFinished): Uint8Array {
  const w = new Writer(records.length + 48);
  if (sessionId !== 0n) w.tag(BATCH_SESSION, VARINT).varint64(sessionId);
  if (sequence !== 0) w.tag(BATCH_SEQUENCE, VARINT).varint(sequence);
  w.raw(records);
  if (finished) {
    const f = new Writer(32);
    if (finished.totalEntries) f.tag(1, VARINT).varint(finished.totalEntries);
    if (finished.totalBatches) f.tag(2, VARINT).varint(finished.totalBatches);
    if (finished.status) f.tag(3, VARINT).varint(finished.status >= 0 ? finished.status * 2 : -finished.status * 2 - 1);
    w.bytes(BATCH_FINISHED, f.finish());
  }
  return w.finish();
}
