/**
 * Filtered scans over flow tables, as bulk-get sessions, HA sync, dumps and digests need them: SAI filter keys
 * mapped to store fields, one compiled filter per table (runtime/flowstore/filter.ts: up to five AND-ed predicates
 * in one generated branch-free function), and batches of encoded SaiDashFlowEntry records.
 *
 * Filter keys (`sai_dash_flow_entry_bulk_get_session_filter_key_t`, both the upstream and the design-document
 * spellings) → value kind: FLOW_TABLE_ID (INT: the table's object id), ENI_ADDR / ENI_MAC (MAC), IP_PROTOCOL /
 * IP_PROTO (INT), SRC_IP_ADDR / SRC_IP and DST_IP_ADDR / DST_IP (IP; a predicate matches only flows of the value's
 * family), SRC_L4_PORT / SRC_PORT, DST_L4_PORT / DST_PORT (INT), KEY_VERSION / FLOW_VERSION (INT, the VERSION
 * attribute). Other names match a key member of the same name. Key members compare as stored, i.e. masked.
 *
 * Mutation while scanning: every table's slot high-water mark is fixed when the scan opens; slots are visited in
 * increasing order, each once, and a flow is reported if it is live and matches when its slot is visited (see the
 * module doc of runtime/flowstore/filter.ts). Tables are visited in object-id order.
 */
import type { EncodedFlowBatch, FlowScanFilter } from "../api.js";
import { compileFilter, TABLE_ID_FIELD, type FlowFilter, type FlowScanCursor } from "../flowstore/index.js";
import { normalizeOp } from "../flowstore/filter.js";
import type { FlowColumns } from "../proto/specialized.js";
import { recordOffsets } from "./flow-codec.js";
import type { FlowSchema } from "./flow-schema.js";
import type { FlowTable } from "./flow-tables.js";

const KEY_PREFIX = /^SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_/;

/** Value kind a filter key takes (which of INT_VALUE / IP_VALUE / MAC_VALUE). */
export type FilterValueKind = "INT" | "IP" | "MAC";

/** A filter key resolved to a store field. */
export interface ResolvedKey {
  readonly field: string;
  readonly kind: FilterValueKind;
}

/** Resolves a filter key name (short or full) to its store field, or null when it names nothing filterable. */
export function resolveFilterKey(schema: FlowSchema, key: string): ResolvedKey | null {
  const k = key.replace(KEY_PREFIX, "");
  const member = (name: string | null, kind: FilterValueKind): ResolvedKey | null => (name && schema.store.keyFields.some((f) => f.name === name) ? { field: name, kind } : null);
  switch (k) {
    case "FLOW_TABLE_ID":
      return { field: TABLE_ID_FIELD, kind: "INT" };
    case "ENI_ADDR":
    case "ENI_MAC":
      return member(schema.eniMember, "MAC");
    case "IP_PROTOCOL":
    case "IP_PROTO":
      return member("ip_proto", "INT");
    case "SRC_IP_ADDR":
    case "SRC_IP":
      return member("src_ip", "IP");
    case "DST_IP_ADDR":
    case "DST_IP":
      return member("dst_ip", "IP");
    case "SRC_L4_PORT":
    case "SRC_PORT":
      return member("src_port", "INT");
    case "DST_L4_PORT":
    case "DST_PORT":
      return member("dst_port", "INT");
    case "KEY_VERSION":
    case "FLOW_VERSION":
      return schema.a.version && schema.columnOf.has(schema.a.version) ? { field: schema.a.version, kind: "INT" } : null;
  }
  const f = schema.store.keyFields.find((x) => x.name === k.toLowerCase());
  if (!f) return null;
  return { field: f.name, kind: f.kind === "mac" ? "MAC" : f.kind === "ip" || f.kind === "ipv4" || f.kind === "ipv6" ? "IP" : "INT" };
}

/** Maps API filters to store filters; a message names the first bad one. */
export function toStoreFilters(schema: FlowSchema, filters: readonly FlowScanFilter[]): FlowFilter[] | { index: number; message: string } {
  if (filters.length > 5) return { index: 5, message: `at most 5 filters, got ${filters.length}` };
  const out: FlowFilter[] = [];
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i]!;
    const r = resolveFilterKey(schema, String(f.key));
    if (!r) return { index: i, message: `filter ${i}: ${String(f.key)} is not a filter key this header set can evaluate` };
    if (!normalizeOp(String(f.op))) return { index: i, message: `filter ${i}: ${String(f.op)} is not a filter operator` };
    out.push({ field: r.field, op: String(f.op), value: f.value });
  }
  return out;
}

/** A scan open over several tables. */
export class FlowScan {
  private i = 0;
  private remaining: number;

  constructor(
    private readonly cursors: readonly { table: FlowTable; cursor: FlowScanCursor }[],
    limit: number,
    private readonly alive: (t: FlowTable) => boolean,
  ) {
    this.remaining = limit > 0 ? limit : Infinity;
  }

  /** The next slots (at most `out.length`) and their table, or null when the scan is done. */
  next(out: Uint32Array): { table: FlowTable; n: number } | null {
    while (this.i < this.cursors.length && this.remaining > 0) {
      const c = this.cursors[this.i]!;
      if (!this.alive(c.table)) {
        this.i++;
        continue;
      }
      const room = Math.min(out.length, this.remaining);
      const n = c.cursor.next(room === out.length ? out : out.subarray(0, room));
      if (n > 0) {
        this.remaining -= n;
        return { table: c.table, n };
      }
      this.i++;
    }
    return null;
  }

  /** Number of matching flows still ahead (consumes the scan). */
  count(): number {
    const buf = new Uint32Array(4096);
    let n = 0;
    for (let r = this.next(buf); r; r = this.next(buf)) n += r.n;
    return n;
  }
}

/** Opens a scan over `tables` (fixing their high-water marks now); an error message when a filter does not compile. */
export function openScan(
  tables: readonly FlowTable[],
  filters: readonly FlowFilter[],
  limit: number,
  alive: (t: FlowTable) => boolean,
): FlowScan | string {
  const cursors: { table: FlowTable; cursor: FlowScanCursor }[] = [];
  for (const t of [...tables].sort((a, b) => (a.oid < b.oid ? -1 : a.oid > b.oid ? 1 : 0))) {
    const r = compileFilter(t.store, filters);
    if (!r.ok) return r.errors.map((e) => `filter ${e.index} (${e.field}): ${e.message}`).join("; ");
    cursors.push({ table: t, cursor: r.filter.cursor() });
  }
  return new FlowScan(cursors, limit, alive);
}

/**
 * The SaiDashFlowEntry records (the `entries` field of a SaiDashFlowBatch) of `n` slots of `table`, gathered into
 * `cols` rows 0..n-1: a view of the codec's slab (copy it before keeping it past the next encode).
 */
export function encodeSlotRecords(schema: FlowSchema, cols: FlowColumns, table: FlowTable, slots: Uint32Array, n: number): Uint8Array {
  const codec = table.codec;
  const fill = table.eniMacFill();
  for (let r = 0; r < n; r++) codec.gather(slots[r]!, r);
  if (fill >= 0) for (let r = 0; r < n; r++) codec.setEniMac(r, fill);
  return schema.codec.encodeRows(cols, 0, n);
}

/** {@link encodeSlotRecords} with each record's offset and length (for readers that take entries one by one). */
export function encodeSlots(schema: FlowSchema, cols: FlowColumns, table: FlowTable, slots: Uint32Array, n: number): EncodedFlowBatch {
  const records = encodeSlotRecords(schema, cols, table, slots, n);
  const offsets = new Uint32Array(n);
  const lengths = new Uint32Array(n);
  recordOffsets(records, offsets, lengths);
  return { count: n, records, offsets, lengths };
}
