/**
 * The allocation-free bulk flow paths: keys arrive packed (the store's key row format, `flowKeyLayout()`), state
 * column-wise in typed arrays, results as an Int32Array of status codes. Same rules as the object path:
 *
 * - Attribute-level checks (known, not READ_ONLY, storable as a number, implemented by the capability profile)
 *   run once per column; value checks (enum membership — flag ORs in mode `sai` —, integer width, profile-supported
 *   values) once per row. Key checks run over runs of rows (generated scans, `key-scan.ts`): rows repeating the
 *   previous row's switch and ENI MAC words pick the same table, looked up once per run; IP family bytes and IPv4
 *   tails are scanned in one loop. A created row fails on its key format or switch (or a flow_table_id naming no
 *   table) first, then its values, then an ENI MAC with no table — the object path's order. Get and remove: a key
 *   naming no switch or table object is INVALID_PARAMETER; one with no table for its MAC, or not stored,
 *   ITEM_NOT_FOUND.
 * - Capacity is checked per table before anything is inserted: a table (or switch) the call would overflow gets
 *   TABLE_FULL for all of its rows. Rows count as new flows unless that overflows; then they are counted exactly
 *   (existing and repeated keys are ITEM_ALREADY_EXISTS and add nothing), as on the object path.
 * - Rows go to the store in runs that share a table (`insertMany` / `lookupMany`: batches of 32 with loads
 *   overlapped). STOP_ON_ERROR: rows after the first failure are NOT_EXECUTED and nothing after it stays inserted.
 */
import type { AttrMetadata } from "../../generator/model/types.js";
import type { PackedBulkResult, PackedFlowColumns, PackedFlowKeys, SaiStatus } from "../api.js";
import { FLOW_EXISTS, type ColumnArray } from "../flowstore/index.js";
import { enumCheck, intCheck, type Check } from "../validate/checks.js";
import { attributeCapability, operationSupported, supportedValueCheck, type CapabilityProfile } from "../validate/profile.js";
import { indexedCode, indexedName, STATUS } from "../validate/status.js";
import type { BulkErrorMode, ValidationMode } from "../validate/types.js";
import type { Capabilities } from "./capabilities.js";
import { SWITCH_TYPE, type Catalog } from "./catalog.js";
import { FLOW_TYPES, type FlowSchema } from "./flow-schema.js";
import { keyId } from "./flows.js";
import { keyScan, type KeyScan } from "./key-scan.js";
import type { FlowTable, FlowTables } from "./flow-tables.js";
import type { FlowEngine } from "./flows.js";
import type { ObjectStore } from "./objects.js";
import { fail, OK } from "./status.js";

const C = {
  OK: 0,
  FAILURE: STATUS.FAILURE,
  INVALID_PARAMETER: STATUS.INVALID_PARAMETER,
  ITEM_ALREADY_EXISTS: STATUS.ITEM_ALREADY_EXISTS,
  ITEM_NOT_FOUND: STATUS.ITEM_NOT_FOUND,
  NOT_EXECUTED: STATUS.NOT_EXECUTED,
  NOT_SUPPORTED: STATUS.NOT_SUPPORTED,
  TABLE_FULL: -13,
} as const;

/** Rows of a create from `from` up to the next run's `from` share `table`; `valid` of them passed the row checks. */
interface CreateRun {
  readonly table: FlowTable;
  readonly from: number;
  valid: number;
}

/** One validated input column. */
interface InColumn extends ValueChecks {
  readonly name: string;
  readonly index: number;
  readonly values: ArrayLike<number>;
  readonly parts: ColumnArray[][] | null;
}

/** How one column's values are checked (independent of the call). */
interface ValueChecks {
  readonly colIndex: number;
  readonly check: Check;
  readonly supported: ((v: unknown) => boolean) | null;
  readonly bool: boolean;
  /**
   * The check as data, for the row loop (no call per value): "range" — integers in [lo, hi]; "table" — values in
   * [lo, hi] whose `table[v - lo]` is 1 (tabulated from `check` itself, so it agrees with it by construction);
   * "call" — the check.
   */
  readonly fast: "range" | "table" | "call";
  readonly lo: number;
  readonly hi: number;
  readonly table: Uint8Array;
}

const NO_TABLE = new Uint8Array(0);

/** Widest enum value window tabulated (enums and flag masks nearly always fit; wider ones keep the closure). */
const MAX_TABLE = 1 << 16;

/**
 * The accepted values of an enum check inside [lo, hi] as a membership table, or null when the window is too wide.
 * The caller picks a window outside which the check accepts nothing.
 */
function tabulate(check: Check, lo: number, hi: number): { lo: number; hi: number; table: Uint8Array } | null {
  if (!Number.isInteger(lo) || !Number.isInteger(hi)) return null;
  if (!(hi >= lo) || hi - lo >= MAX_TABLE) return null;
  const table = new Uint8Array(hi - lo + 1);
  for (let v = lo; v <= hi; v++) table[v - lo] = check(v) === undefined ? 1 : 0;
  return { lo, hi, table };
}

function isStop(mode: BulkErrorMode): boolean | null {
  if (mode === 0 || mode === "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR") return true;
  if (mode === 1 || mode === "SAI_BULK_OP_ERROR_MODE_IGNORE_ERROR") return false;
  return null;
}

/** The packed bulk paths of one runtime. */
export class PackedFlows {
  private readonly KB: number;
  private readonly swOff: number;
  private readonly macOff: number;
  /** Offset of the key's flow_table_id member (the design document's key variant), or -1. */
  private readonly tableOff: number;
  /** Scans over a call's keys: runs of rows picking one table, malformed IP members. */
  private readonly scan: KeyScan;
  private readonly rev: Uint8Array;
  /** One key, 4-byte aligned (scratch). */
  private readonly key1: Uint8Array;
  // one-entry caches: consecutive rows nearly always name the same switch and ENI
  private swLo = -1;
  private swHi = -1;
  private swOid = 0n;
  /** The ENI MAC (raw little-endian words) and switch (words) the cached table is for. */
  private macRaw0 = -1;
  private macRaw1 = -1;
  private macSwLo = -1;
  private macSwHi = -1;
  private macTable: FlowTable | undefined = undefined;
  /** Value checks by attribute name (the runtime's capability profile never changes). */
  private readonly checksOf = new Map<string, ValueChecks>();
  /** Per-row chunk and offset of a run being written (reused between calls). */
  private wc = new Int32Array(0);
  private wo = new Int32Array(0);
  /** A create's runs of rows sharing a table, and its slots (reused between calls). */
  private readonly runs: CreateRun[] = [];
  private slots = new Int32Array(0);
  /** The call's keys as words when they are 4-byte aligned (then key checks read words, not bytes). */
  private kw: Uint32Array | null = null;

  constructor(
    private readonly schema: FlowSchema,
    private readonly tables: FlowTables,
    private readonly flows: FlowEngine,
    private readonly cat: Catalog,
    private readonly objects: ObjectStore,
    private readonly mode: ValidationMode,
    private readonly caps: Capabilities,
  ) {
    const l = schema.store;
    this.KB = l.keyBytes;
    this.swOff = l.keyFields.find((f) => f.name === "switch_id")?.offset ?? -1;
    this.macOff = l.keyFields.find((f) => f.name === schema.eniMember)?.offset ?? -1;
    this.tableOff = schema.tableMember ? l.keyFields.find((f) => f.name === schema.tableMember)!.offset : -1;
    const selecting = l.keyFields.filter((f) => f.name === "switch_id" || f.name === (schema.tableMember ?? schema.eniMember));
    this.scan = keyScan(l.keyBytes, selecting, l.keyFields.filter((f) => f.kind === "ip"));
    this.rev = new Uint8Array(l.keyBytes);
    this.key1 = new Uint8Array(l.keyBytes);
  }

  /** The call's result from its per-row codes: succeeded rows, and the first failure if any. */
  private summary(codes: Int32Array, what: string): PackedBulkResult {
    let succeeded = 0;
    let firstFail = -1;
    for (let q = 0; q < codes.length; q++) {
      if (codes[q] === 0) succeeded++;
      else if (firstFail < 0) firstFail = q;
    }
    return this.callStatus(codes, succeeded, firstFail, what);
  }

  private callStatus(codes: Int32Array, succeeded: number, firstFail: number, what: string): PackedBulkResult {
    if (firstFail < 0) return { ...OK, message: `${succeeded} flow(s) ${what}`, succeeded, codes };
    const code = codes[firstFail]!;
    const base =
      this.mode === "sai"
        ? fail("FAILURE", `flow ${firstFail} failed with status ${code}`, firstFail)
        : { status: statusName(code), code, index: firstFail, message: `flow ${firstFail} failed with status ${code}` };
    return { ...base, succeeded, codes };
  }

  private reject(n: number, s: SaiStatus): PackedBulkResult {
    const codes = new Int32Array(n).fill(C.NOT_EXECUTED);
    return { ...s, succeeded: 0, codes };
  }

  /**
   * Checks the switch and table a row's key picks; returns 0, INVALID_PARAMETER (no such switch, or a flow_table_id
   * naming no table) or TABLE_MISSING (no table for the ENI MAC), and leaves the row's table in `macTable`. (Creates also check the IP members, with `scan.firstBadIp`; lookups
   * do not, as a malformed key is simply not found.)
   */
  private checkRow(k: Uint8Array, base: number): number {
    const kw = this.kw;
    if (this.swOff >= 0) {
      const o = base + this.swOff;
      const lo = kw !== null && (o & 3) === 0 ? kw[o >> 2]! : (k[o]! | (k[o + 1]! << 8) | (k[o + 2]! << 16) | (k[o + 3]! << 24)) >>> 0;
      const hi = kw !== null && (o & 3) === 0 ? kw[(o >> 2) + 1]! : (k[o + 4]! | (k[o + 5]! << 8) | (k[o + 6]! << 16) | (k[o + 7]! << 24)) >>> 0;
      if (lo !== this.swLo || hi !== this.swHi) {
        const sw = (BigInt(hi) << 32n) | BigInt(lo);
        if (this.objects.objects.get(sw)?.type !== SWITCH_TYPE) return C.INVALID_PARAMETER;
        this.swLo = lo;
        this.swHi = hi;
        this.swOid = sw;
      }
    }
    if (this.tableOff >= 0) {
      let v = 0n;
      for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(k[base + this.tableOff + i]!);
      // an object id naming no flow table is an invalid key, as a switch id naming no switch is
      this.macTable = this.tables.tables.get(v);
      return this.macTable ? 0 : C.INVALID_PARAMETER;
    }
    // consecutive rows nearly always repeat the ENI MAC and switch: compare the MAC's raw bytes (two word loads when
    // aligned) and the switch's words before computing anything
    const m = base + this.macOff;
    let raw0: number;
    let raw1: number;
    if (kw !== null && (m & 3) === 0) {
      raw0 = kw[m >> 2]!;
      raw1 = kw[(m >> 2) + 1]! & 0xffff;
    } else {
      raw0 = (k[m]! | (k[m + 1]! << 8) | (k[m + 2]! << 16) | (k[m + 3]! << 24)) >>> 0;
      raw1 = k[m + 4]! | (k[m + 5]! << 8);
    }
    if (raw0 !== this.macRaw0 || raw1 !== this.macRaw1 || this.swLo !== this.macSwLo || this.swHi !== this.macSwHi) {
      const mac = (((k[m]! << 24) | (k[m + 1]! << 16) | (k[m + 2]! << 8) | k[m + 3]!) >>> 0) * 65536 + ((k[m + 4]! << 8) | k[m + 5]!);
      this.macRaw0 = raw0;
      this.macRaw1 = raw1;
      this.macSwLo = this.swLo;
      this.macSwHi = this.swHi;
      this.macTable = this.tables.forMac(this.swOid, mac);
    }
    return this.macTable ? 0 : TABLE_MISSING;
  }

  /**
   * The end of the run of rows from `i` (below `limit`) that pick row i's table `t`: rows whose switch and ENI MAC
   * words repeat row i's, and after them rows with other words that still pick `t`.
   */
  private runEnd(k: Uint8Array, i: number, limit: number, t: FlowTable): number {
    let j = this.scan.sameTableEnd(k, this.kw, i, limit);
    while (j < limit && this.checkRow(k, j * this.KB) === 0 && this.macTable === t) j = this.scan.sameTableEnd(k, this.kw, j, limit);
    return j;
  }

  /** The first `n` entries of the slot scratch (grown as needed; a call's slots are never handed out). */
  private slotScratch(n: number): Int32Array {
    if (this.slots.length < n) this.slots = new Int32Array(Math.max(n, 2 * this.slots.length));
    return this.slots.subarray(0, n);
  }

  /** Resets the one-entry caches (objects may have changed between calls) and takes the call's keys. */
  private resetCaches(keys: Uint8Array): void {
    this.swLo = this.swHi = -1;
    this.macRaw0 = this.macRaw1 = this.macSwLo = this.macSwHi = -1;
    this.macTable = undefined;
    this.kw = keys.byteOffset % 4 === 0 ? new Uint32Array(keys.buffer, keys.byteOffset, keys.length >> 2) : null;
  }

  private columns(columns: PackedFlowColumns, n: number): InColumn[] | SaiStatus {
    const out: InColumn[] = [];
    const profile = this.caps.profileOrUndefined;
    let index = 0;
    for (const name of Object.keys(columns)) {
      const i = index++;
      const values = columns[name]!;
      const a: AttrMetadata | undefined = this.cat.attr(FLOW_TYPES.entry, name);
      if (!a)
        return this.mode === "sai"
          ? { status: indexedName("UNKNOWN_ATTRIBUTE", i), code: indexedCode("UNKNOWN_ATTRIBUTE", i), index: i, attr: name, message: `${name} is not a FLOW_ENTRY attribute` }
          : fail("FAILURE", `${name} is not a FLOW_ENTRY attribute`, i, name);
      if (a.isreadonly)
        return this.mode === "sai"
          ? { status: indexedName("INVALID_ATTRIBUTE", i), code: indexedCode("INVALID_ATTRIBUTE", i), index: i, attr: name, message: `${name} is READ_ONLY` }
          : fail("INVALID_PARAMETER", `${name} is READ_ONLY`, i, name);
      if (profile && !attributeCapability(profile, a).create)
        return { status: indexedName("ATTR_NOT_SUPPORTED", i), code: indexedCode("ATTR_NOT_SUPPORTED", i), index: i, attr: name, message: `the capability profile does not implement ${name} on create` };
      const ci = this.schema.columnOf.get(name);
      const col = ci === undefined ? undefined : this.schema.store.columns[ci]!;
      if (ci === undefined || !col || ["mac", "ip", "ipv4", "ipv6", "blob", "u64", "i64"].includes(col.kind))
        return fail("INVALID_PARAMETER", `${name} cannot be given column-wise (only integer, enum and bool attributes)`, i, name);
      if (values.length < n) return fail("INVALID_PARAMETER", `column ${name} has ${values.length} values for ${n} flows`, i, name);
      let checks = this.checksOf.get(name);
      if (!checks) this.checksOf.set(name, (checks = this.valueChecks(a, ci, profile)));
      out.push({ name, index: i, values, parts: null, ...checks });
    }
    return out;
  }

  /**
   * How a column's values are checked (tabulating an enum's values calls its check once per value in its window:
   * worked out once per attribute, not per call).
   */
  private valueChecks(a: AttrMetadata, ci: number, profile: CapabilityProfile | undefined): ValueChecks {
    const e = this.cat.enumOf(a);
    const bool = /BOOL$/.test(a.attrvaluetype);
    const bits = /8$/.test(a.attrvaluetype) ? 8 : /16$/.test(a.attrvaluetype) ? 16 : 32;
    const check: Check = e && a.isenum ? enumCheck(e, this.mode) : bool ? (v) => (v === 0 || v === 1 ? undefined : `${String(v)} is not a bool (0/1)`) : intCheck(bits, /_INT\d+$/.test(a.attrvaluetype));
    const sup = profile ? supportedValueCheck(profile, a, e) : null;
    // integers and bools: their range; enums: a window around their values (flag enums: up to the OR of every
    // flag, no combination is above it), tabulated; an enum too wide for a table keeps the call
    const signed = /_INT\d+$/.test(a.attrvaluetype);
    let fast: InColumn["fast"] = "range";
    let lo = bool ? 0 : signed ? -(2 ** (bits - 1)) : 0;
    let hi = bool ? 1 : signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    let table: Uint8Array = NO_TABLE;
    if (e && a.isenum) {
      const vs = e.values.map((x) => x.value);
      const t = tabulate(check, Math.min(0, ...vs), Math.max(...vs, vs.reduce((m, v) => m | v, 0) >>> 0));
      if (t) ({ lo, hi, table } = t);
      fast = t ? "table" : "call";
    }
    return { colIndex: ci, check, supported: sup ? (v) => sup(bool ? v === 1 : v) : null, bool, fast, lo, hi, table };
  }

  /** Bulk create from packed keys and numeric columns. */
  create(keys: PackedFlowKeys, columns: PackedFlowColumns, mode: BulkErrorMode): PackedBulkResult {
    const n = keys.count;
    const stop = isStop(mode);
    if (stop === null) return this.reject(n, fail("INVALID_PARAMETER", `bulk error mode ${JSON.stringify(mode)} is not a sai_bulk_op_error_mode_t value`));
    if (n <= 0) return this.reject(0, fail("INVALID_PARAMETER", "a bulk call needs at least one object"));
    if (keys.keys.length < n * this.KB) return this.reject(n, fail("INVALID_PARAMETER", `${n} keys need ${n * this.KB} bytes, got ${keys.keys.length}`));
    const profile = this.caps.profileOrUndefined;
    if (profile && !operationSupported(profile, FLOW_TYPES.entry, "create"))
      return this.reject(n, fail("NOT_SUPPORTED", "the capability profile does not support create on SAI_OBJECT_TYPE_FLOW_ENTRY"));
    this.resetCaches(keys.keys);
    const codes = new Int32Array(n);
    const cols = this.columns(columns, n);
    if (!Array.isArray(cols)) {
      codes.fill(stop ? C.NOT_EXECUTED : cols.code);
      codes[0] = cols.code;
      return { ...this.callStatus(codes, 0, 0, "created"), message: cols.message };
    }
    const k = keys.keys;
    const KB = this.KB;
    // ---- rows: key and values; rows sharing a table come in runs (nearly always one run per call)
    const runs = this.runs;
    runs.length = 0;
    let limit = n;
    let run: CreateRun | undefined;
    const kw = this.kw;
    for (let i = 0; i < limit; ) {
      // rows [i, end) pick one table (or fail alike); their IP members are scanned in one go
      const tableCode = this.checkRow(k, i * KB);
      const t = this.macTable!;
      const end = tableCode === 0 ? this.runEnd(k, i, limit, t) : this.scan.sameTableEnd(k, kw, i, limit);
      let badIp = tableCode === 0 || tableCode === TABLE_MISSING ? this.scan.firstBadIp(k, kw, i, end) : end;
      for (let r = i; r < end; r++) {
        // the order of the object path: key format and switch, attribute values, then the table for the key
        let code = tableCode === TABLE_MISSING ? 0 : tableCode;
        if (code === 0 && r === badIp) {
          code = C.INVALID_PARAMETER;
          badIp = this.scan.firstBadIp(k, kw, r + 1, end);
        } else if (code === 0)
          for (let ci = 0; ci < cols.length; ci++) {
            const c = cols[ci]!;
            const v = c.values[r]!;
            const ok =
              c.fast === "table" ? v >= c.lo && v <= c.hi && c.table[v - c.lo] === 1 : c.fast === "range" ? v >= c.lo && v <= c.hi && Number.isInteger(v) : c.check(v) === undefined;
            if (!ok) {
              code = this.mode === "sai" ? indexedCode("INVALID_ATTR_VALUE", c.index) : C.INVALID_PARAMETER;
              break;
            }
            if (c.supported !== null && !c.supported(v)) {
              code = indexedCode("ATTR_NOT_SUPPORTED", c.index);
              break;
            }
          }
        if (code === 0 && tableCode === TABLE_MISSING) code = C.INVALID_PARAMETER;
        if (code !== 0) {
          codes[r] = code;
          run = undefined;
          if (stop) {
            limit = r;
            break;
          }
          continue;
        }
        if (run === undefined || run.table !== t) runs.push((run = { table: t, from: r, valid: 0 }));
        run.valid++;
      }
      if (limit < end) break;
      i = end;
    }
    // ---- capacity, per table and per switch, before anything is inserted
    const cap = this.capacity(runs, codes, k, limit, stop);
    const full = cap.full;
    limit = cap.limit;
    // ---- insert run by run (rows of a run share a table; failed rows inside it are skipped)
    const slots = this.slotScratch(n).fill(-1);
    let stopAt = limit;
    for (let x = 0; x < runs.length; x++) {
      const { table: t, from } = runs[x]!;
      if (from >= stopAt) break;
      const to = Math.min(x + 1 < runs.length ? runs[x + 1]!.from : limit, stopAt);
      if (full !== null && full.has(t)) {
        const first = this.failRun(codes, from, to, C.TABLE_FULL, stop);
        if (stop && first >= 0) {
          stopAt = first;
          break;
        }
        continue;
      }
      stopAt = this.insertRun(t, k, cols, codes, slots, from, to, stop, stopAt);
    }
    if (stopAt < n) for (let q = stopAt + 1; q < n; q++) codes[q] = C.NOT_EXECUTED;
    return this.summary(codes, "created");
  }

  /**
   * Capacity, per table and per switch, before anything is inserted. The call is first counted as if every checked row
   * were a new flow; only when that would overflow a table or switch are the rows counted exactly: a row whose key is
   * in its table already, or repeats an earlier row of the call, adds nothing and gets ITEM_ALREADY_EXISTS now (under
   * STOP_ON_ERROR the call stops there, and the rows after it are not counted) — as on the object path, whose
   * validator finds those rows before it counts. Returns the tables that are full (null: none) and the new limit.
   */
  private capacity(runs: readonly CreateRun[], codes: Int32Array, k: Uint8Array, limit: number, stop: boolean): { full: Set<FlowTable> | null; limit: number } {
    const asNew = new Map<FlowTable, number>();
    for (const r of runs) asNew.set(r.table, (asNew.get(r.table) ?? 0) + r.valid);
    if (this.overflowing(asNew) === null) return { full: null, limit };
    const exact = new Map<FlowTable, number>();
    const seen = new Set<string>();
    for (let x = 0; x < runs.length; x++) {
      const t = runs[x]!.table;
      const to = Math.min(x + 1 < runs.length ? runs[x + 1]!.from : limit, limit);
      if (!exact.has(t)) exact.set(t, 0);
      for (let r = runs[x]!.from; r < to; r++) {
        if (codes[r] !== 0) continue;
        const key = this.alignedKey(k, r);
        const id = keyId(t, key);
        if (t.store.lookup(key) >= 0 || seen.has(id)) {
          codes[r] = C.ITEM_ALREADY_EXISTS;
          if (stop) return { full: this.overflowing(exact), limit: r };
          continue;
        }
        seen.add(id);
        exact.set(t, exact.get(t)! + 1);
      }
    }
    return { full: this.overflowing(exact), limit };
  }

  /** The tables whose new flows (`counts`) exceed their room or their switch's, or null. */
  private overflowing(counts: Map<FlowTable, number>): Set<FlowTable> | null {
    const perSwitch = new Map<bigint, number>();
    for (const [t, c] of counts) perSwitch.set(t.switchId, (perSwitch.get(t.switchId) ?? 0) + c);
    let full: Set<FlowTable> | null = null;
    for (const [t, c] of counts) {
      const room = this.flows.capacityOf(t.switchId) - this.tables.switchFlows(t.switchId);
      if (c > t.store.maxFlows - t.store.count || perSwitch.get(t.switchId)! > room) (full ??= new Set()).add(t);
    }
    return full;
  }

  /** Row `r` of `k` copied to a 4-byte-aligned scratch key (the caller's buffer may sit at any byte offset). */
  private alignedKey(k: Uint8Array, r: number): Uint8Array {
    this.key1.set(k.subarray(r * this.KB, (r + 1) * this.KB));
    return this.key1;
  }

  /** Gives the still-valid rows of [from, to) `code`; returns the first such row (-1 if none). STOP: only that one. */
  private failRun(codes: Int32Array, from: number, to: number, code: number, stop: boolean): number {
    let first = -1;
    for (let i = from; i < to; i++) {
      if (codes[i] !== 0) continue;
      codes[i] = code;
      if (first < 0) first = i;
      if (stop) break;
    }
    return first;
  }

  /**
   * Inserts the valid rows of [from, to) into `t` and writes their columns, in sub-batches so the slot rows an insert
   * loads are still cached when its columns are written. Returns the new stop row (`stopAt`, or the first row that
   * failed under STOP_ON_ERROR: nothing after it stays inserted).
   */
  private insertRun(t: FlowTable, k: Uint8Array, cols: readonly InColumn[], codes: Int32Array, slots: Int32Array, from: number, to: number, stop: boolean, stopAt: number): number {
    const KB = this.KB;
    for (let i = from; i < to; ) {
      if (codes[i] !== 0) {
        i++;
        continue;
      }
      // a stretch of valid rows (usually the whole run), inserted in sub-batches
      let j = i + 1;
      while (j < to && codes[j] === 0) j++;
      for (let a = i; a < j; a += WRITE_BATCH) {
        const e = Math.min(j, a + WRITE_BATCH);
        const run = e - a;
        const out = slots.subarray(a, e);
        t.store.insertMany(k.subarray(a * KB, e * KB), run, out, { atomic: false });
        for (let r = 0; r < run; r++) {
          const s = out[r]!;
          if (s >= 0) continue;
          codes[a + r] = s === FLOW_EXISTS ? C.ITEM_ALREADY_EXISTS : C.TABLE_FULL;
          if (stop) {
            // undo what this sub-batch inserted after the failing row: nothing after it may stay
            for (let q = r + 1; q < run; q++) {
              if (out[q]! >= 0) t.store.removeSlot(out[q]!);
              out[q] = -1;
            }
            stopAt = a + r;
            break;
          }
        }
        // defaults first: the given columns overwrite theirs
        this.flows.writeCreateDefaults(t, slots, a, e);
        this.writeColumns(t, cols, slots, a, e);
        if (stopAt < e) return stopAt;
      }
      i = j;
    }
    return stopAt;
  }

  /** Writes the given columns of rows [from, to) that got a slot. */
  private writeColumns(t: FlowTable, cols: readonly InColumn[], slots: Int32Array, from: number, to: number): void {
    const it = t.store.internals();
    const g = it.geometry;
    if (cols.length === 0) return;
    // each row's chunk and offset once, then column by column
    const n = to - from;
    if (this.wc.length < n) {
      this.wc = new Int32Array(n);
      this.wo = new Int32Array(n);
    }
    const wc = this.wc;
    const wo = this.wo;
    let bits = 0;
    for (const c of cols) bits |= it.columns[c.colIndex]!.dirtyBit;
    const rows = it.rows;
    const R = it.rowWords;
    const M = it.metaWord;
    for (let r = from; r < to; r++) {
      const s = slots[r]!;
      if (s < 0) {
        wc[r - from] = -1;
        continue;
      }
      const ch = g.chunkOf(s);
      const o = s - g.chunkStart(ch);
      wc[r - from] = ch;
      wo[r - from] = o;
      if (bits !== 0) rows[ch]![o * R + M]! |= bits;
    }
    for (const c of cols) {
      const col = it.columns[c.colIndex]!;
      const parts = col.parts[0]!;
      const vals = c.values;
      // element o * stride + at: a column in the state block is row-major (others: stride 1, at 0)
      const stride = col.stride;
      const at = col.at;
      for (let k = 0; k < n; k++) {
        const ch = wc[k]!;
        if (ch >= 0) parts[ch]![wo[k]! * stride + at] = vals[from + k]!;
      }
    }
  }

  /** Bulk remove by packed keys; bidirectional flows take their reverse flow with them. */
  remove(keys: PackedFlowKeys, mode: BulkErrorMode): PackedBulkResult {
    const n = keys.count;
    const stop = isStop(mode);
    if (stop === null) return this.reject(n, fail("INVALID_PARAMETER", `bulk error mode ${JSON.stringify(mode)} is not a sai_bulk_op_error_mode_t value`));
    if (n <= 0) return this.reject(0, fail("INVALID_PARAMETER", "a bulk call needs at least one object"));
    const profile = this.caps.profileOrUndefined;
    if (profile && !operationSupported(profile, FLOW_TYPES.entry, "remove"))
      return this.reject(n, fail("NOT_SUPPORTED", "the capability profile does not support remove on SAI_OBJECT_TYPE_FLOW_ENTRY"));
    this.resetCaches(keys.keys);
    const k = keys.keys;
    const KB = this.KB;
    const codes = new Int32Array(n);
    const slots = this.slotScratch(n);
    const implicit = new Set<string>();
    const bidir = this.schema.reverseAttrOf.size > 0;
    let i = 0;
    let limit = n;
    while (i < limit) {
      const code = this.checkRow(k, i * KB);
      if (code !== 0) {
        codes[i] = lookupFailure(code);
        if (stop) limit = i;
        i++;
        continue;
      }
      const t = this.macTable!;
      const j = this.runEnd(k, i, limit, t);
      // Keys are looked up and removed in one pass (each row loaded once), in order, in sub-batches; the reverse flows
      // of a sub-batch's bidirectional flows are found afterwards from the freed slots' state (intact until the next
      // insert). A key repeated in the call is removed once: later copies are ITEM_NOT_FOUND, as on the object path.
      // STOP_ON_ERROR: the store stops at the first missing key; one already removed as a reverse flow counts as
      // removed and the pass resumes after it.
      for (let a = i; a < j && limit === n; a += REMOVE_BATCH) {
        const e = Math.min(j, a + REMOVE_BATCH);
        for (let from = a; from < e; ) {
          const run = e - from;
          const out = slots.subarray(from, e);
          if (stop) out.fill(NOT_TRIED);
          t.store.removeMany(k.subarray(from * KB, e * KB), run, out, stop);
          let r = 0;
          let failed = false;
          for (; r < run; r++) {
            const sl = out[r]!;
            if (sl >= 0) continue;
            if (sl === NOT_TRIED) break;
            const removedAsReverse = implicit.size > 0 && implicit.has(keyId(t, this.alignedKey(k, from + r)));
            if (!removedAsReverse) codes[from + r] = C.ITEM_NOT_FOUND;
            if (stop) {
              failed = !removedAsReverse;
              r++;
              break;
            }
          }
          if (bidir) this.removeReverses(t, out, r, implicit);
          if (failed) {
            limit = from + r - 1;
            break;
          }
          from += r;
        }
      }
      i = j;
    }
    for (let q = limit + 1; q < n; q++) codes[q] = C.NOT_EXECUTED;
    return this.summary(codes, "removed");
  }

  /**
   * Removes the reverse flows of the bidirectional flows just removed from `slots[0..n)` (IS_UNIDIRECTIONAL_FLOW
   * false or absent), read from each freed slot's state — intact until the slot is reused, and the rows are still
   * cached — and records their keys in `implicit`.
   */
  private removeReverses(t: FlowTable, slots: Int32Array, n: number, implicit: Set<string>): void {
    for (let r = 0; r < n; r++) {
      const s = slots[r]!;
      if (s < 0 || t.codec.unidirectional(s)) continue;
      const mac = t.codec.packReverse(s, this.rev, 0);
      const rt = this.schema.tableMember ? t : this.tables.forMac(t.switchId, mac);
      if (!rt) continue;
      const rs = rt.store.lookup(this.rev);
      if (rs >= 0 && !(rt === t && rs === s)) {
        rt.store.removeSlot(rs);
        implicit.add(keyId(rt, this.rev));
      }
    }
  }

  /** Bulk lookup: one numeric attribute per flow into `out` (not a hit). */
  get(keys: PackedFlowKeys, attr: string, out: Float64Array | Uint32Array): PackedBulkResult {
    const n = keys.count;
    if (n <= 0) return this.reject(0, fail("INVALID_PARAMETER", "a bulk call needs at least one object"));
    const ci = this.schema.columnOf.get(this.cat.attr(FLOW_TYPES.entry, attr)?.attridname ?? attr);
    const col = ci === undefined ? undefined : this.schema.store.columns[ci];
    if (ci === undefined || !col || ["mac", "ip", "ipv4", "ipv6", "blob", "u64", "i64"].includes(col.kind))
      return this.reject(n, fail("INVALID_PARAMETER", `${attr} is not a numeric FLOW_ENTRY column`));
    this.resetCaches(keys.keys);
    const k = keys.keys;
    const KB = this.KB;
    const codes = new Int32Array(n);
    const slots = this.slotScratch(n);
    let i = 0;
    while (i < n) {
      const code = this.checkRow(k, i * KB);
      if (code !== 0) {
        codes[i++] = lookupFailure(code);
        continue;
      }
      const t = this.macTable!;
      const j = this.runEnd(k, i, n, t);
      const sl = slots.subarray(i, j);
      const column = t.store.internals().columns[ci]!;
      // the store reads the column with each batch of found keys (their lines loaded together with the key rows)
      t.store.lookupMany(k.subarray(i * KB, j * KB), j - i, sl, { column, into: out.subarray(i, j) });
      for (let r = 0; r < j - i; r++) if (sl[r]! < 0) codes[i + r] = C.ITEM_NOT_FOUND;
      i = j;
    }
    return this.summary(codes, "found");
  }
}

/**
 * `checkRow`'s result for a key whose switch exists but whose ENI MAC picks no flow table: INVALID_PARAMETER on a
 * create (after the attribute values are checked), ITEM_NOT_FOUND on a lookup — as on the object path.
 */
const TABLE_MISSING = 1;

/** A lookup's (get, remove) status for a row `checkRow` failed: an invalid key is INVALID_PARAMETER, as on the object path. */
function lookupFailure(code: number): number {
  return code === TABLE_MISSING ? C.ITEM_NOT_FOUND : code;
}
/** Keys a bulk remove removes before it removes their reverse flows. */
const REMOVE_BATCH = 256;
/** `removeMany` result slot of a key it did not get to (it stopped at a missing key before). */
const NOT_TRIED = -3;
/** Keys a bulk create inserts before writing their columns. */
const WRITE_BATCH = 256;

/** Status names of the codes this module returns. */
const STATUS_NAMES = new Map<number, string>(Object.entries(C).map(([k, v]) => [v, k === "OK" ? "SAI_STATUS_SUCCESS" : `SAI_STATUS_${k}`]));

function statusName(code: number): string {
  return STATUS_NAMES.get(code) ?? String(code);
}
