/**
 * Flow entries, one at a time, in `runtime/values` shapes: create, remove (with the reverse flow), set, get,
 * FLOW_DATA_PB programming, computed READ_ONLY attributes. Callers validate first (the runtime runs the compiled
 * validator); this layer adds what only an implementation knows: which table, capacity, the reverse flow.
 *
 * Decisions:
 * - No table for a key's ENI MAC: create answers INVALID_PARAMETER naming the MAC; remove/set/get answer
 *   ITEM_NOT_FOUND (the flow cannot exist), with the same explanation.
 * - A table or switch at capacity: TABLE_FULL, nothing inserted.
 * - Removing a flow whose IS_UNIDIRECTIONAL_FLOW is false also removes its reverse flow (the key the REVERSE_FLOW_*
 *   attributes form, in the table of its ENI MAC) when it exists and is a different flow.
 * - FLOW_DATA_PB: set/create replaces the whole programmable state (state + reverse key) with the message's; the
 *   message's flow_key is ignored (the entry's own key wins). get encodes the current state. The decoded values are
 *   validated like attributes; a bad message answers INVALID_ATTR_VALUE_<its list position>.
 * - IP_ADDR_FAMILY (READ_ONLY) is the family of the key's `src_ip`.
 * - A hit (for aging) is create and set; get is not a hit.
 */
import type { Attribute, AttrId, EntryKey, GetResult, SaiStatus } from "../api.js";
import { packKeyInto, FLOW_EXISTS, FLOW_FULL } from "../flowstore/index.js";
import { decodeFlowDataPb, type FlowEntry, type FlowRecord } from "../proto/index.js";
import type { FlowColumns } from "../proto/specialized.js";
import type { AttrInput, ValidationMode } from "../validate/types.js";
import type { Validator } from "../validate/validator.js";
import { oidText } from "../validate/oid-types.js";
import type { Catalog } from "./catalog.js";
import { defaultValue } from "./defaults.js";
import { FLOW_TYPES, type FlowSchema } from "./flow-schema.js";
import type { FlowTable, FlowTables } from "./flow-tables.js";
import { macNumber, macText } from "./flow-tables.js";
import { readColumn, writeColumn } from "./flow-values.js";
import { fail, failAt, OK } from "./status.js";

/** A flow found by key. */
export interface FoundFlow {
  readonly table: FlowTable;
  readonly slot: number;
}

/** Converts a decoded FLOW_DATA_PB into the attribute list it programs (state + reverse key), in field order. */
export function attrsFromFlowEntry(schema: FlowSchema, e: FlowEntry): AttrInput[] {
  const out: AttrInput[] = [];
  const walk = (fields: FlowSchema["proto"]["state"]["fields"], rec: FlowRecord | undefined): void => {
    for (const f of fields) {
      const v = rec?.[f.name];
      if (f.message) {
        walk(f.message.fields, v as FlowRecord | undefined);
        continue;
      }
      out.push({ id: f.source, value: f.codec.k === "u8list" && v === undefined ? [] : v });
    }
  };
  walk(schema.proto.state.fields, e.flow_state);
  for (const [member, attr] of schema.reverseAttrOf) out.push({ id: attr, value: e.reverse_flow_key[member] });
  return out;
}

/** The flow engine of one runtime. */
export class FlowEngine {
  private readonly key1: Uint8Array;
  private readonly key2: Uint8Array;
  /** Stored columns whose default is not all-zero bytes: written on every create and state replacement. */
  private readonly nonZeroDefaults: [number, unknown][] = [];
  /** Every stored column's default: a state replacement (FLOW_DATA_PB) starts from these. */
  private readonly allDefaults: [number, unknown][] = [];
  private readonly familyValues: { v4: number; v6: number };

  constructor(
    readonly schema: FlowSchema,
    readonly tables: FlowTables,
    private readonly cat: Catalog,
    private readonly validator: Validator,
    private readonly cols: FlowColumns,
    private readonly mode: ValidationMode,
    private readonly switchCapacity: (switchId: bigint) => number,
  ) {
    this.key1 = new Uint8Array(schema.store.keyBytes);
    this.key2 = new Uint8Array(schema.store.keyBytes);
    for (const a of schema.attrs) {
      const ci = schema.columnOf.get(a.attridname);
      if (ci === undefined) continue;
      const d = defaultValue(a);
      this.allDefaults.push([ci, d]);
      if (!isZero(d)) this.nonZeroDefaults.push([ci, d]);
    }
    const fam = cat.enumsByName.get("sai_ip_addr_family_t");
    this.familyValues = {
      v4: fam?.values.find((v) => /IPV4$/.test(v.name))?.value ?? 0,
      v6: fam?.values.find((v) => /IPV6$/.test(v.name))?.value ?? 1,
    };
  }

  /** Flows the switch may hold (DASH_CAPS_MAX_FLOW_ENTRY_COUNT). */
  capacityOf(switchId: bigint): number {
    return this.switchCapacity(switchId);
  }

  /** The table holding flows with this key, or why there is none. */
  tableFor(key: EntryKey): FlowTable | string {
    const s = this.schema;
    if (s.tableMember) {
      const id = key[s.tableMember];
      const t = typeof id === "bigint" ? this.tables.tables.get(id) : undefined;
      return t ?? `flow table ${typeof id === "bigint" ? oidText(id) : String(id)} (key member ${s.tableMember}) does not exist`;
    }
    const mac = s.eniMember ? key[s.eniMember] : undefined;
    const sw = key.switch_id;
    if (!(mac instanceof Uint8Array) || mac.length !== 6 || typeof sw !== "bigint") return "the key has no ENI MAC";
    const n = macNumber(mac, 0);
    return (
      this.tables.forMac(sw, n) ??
      `no flow table for ENI MAC ${macText(n)}: no ENI_ETHER_ADDRESS_MAP_ENTRY maps it to an ENI whose FLOW_TABLE_ID is a flow table`
    );
  }

  /** Packs `key` into `out` (false when a member has the wrong shape). */
  pack(key: EntryKey, out: Uint8Array, at = 0): boolean {
    return packKeyInto(this.schema.store, key, out, at).length === 0;
  }

  /** The flow with this key, if it exists. */
  find(key: EntryKey): FoundFlow | undefined {
    const t = this.tableFor(key);
    if (typeof t === "string" || !this.pack(key, this.key1)) return undefined;
    const slot = t.store.lookup(this.key1);
    return slot < 0 ? undefined : { table: t, slot };
  }

  /** True when a flow with this key exists (ValidationState.entryExists). */
  exists(key: EntryKey): boolean {
    return this.find(key) !== undefined;
  }

  /** Decodes every FLOW_DATA_PB of an attribute list and validates the values it carries; null when none. */
  private decodePb(key: EntryKey, attrs: readonly AttrInput[], indexBase = 0): SaiStatus | Map<number, AttrInput[]> {
    const pb = this.schema.a.flowDataPb;
    let out: Map<number, AttrInput[]> | null = null;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i]!;
      if (this.cat.attr(FLOW_TYPES.entry, a.id)?.attridname !== pb) continue;
      const r = decodeFlowDataPb(this.schema.codec, a.value as Uint8Array, i + indexBase);
      if (!r.ok) return failAt("INVALID_ATTR_VALUE", i + indexBase, pb, r.error.message);
      const derived = attrsFromFlowEntry(this.schema, r.value);
      const v = this.validator.validateCreate(FLOW_TYPES.entry, derived, { key });
      if (v.code !== 0) {
        const msg = `FLOW_DATA_PB carries an invalid ${v.attr ?? "value"}: ${v.message}`;
        return this.mode === "sai" ? failAt("INVALID_ATTR_VALUE", i + indexBase, pb, msg) : fail("INVALID_PARAMETER", msg, i + indexBase, pb);
      }
      (out ??= new Map()).set(i, derived);
    }
    return out ?? new Map();
  }

  /** Checks what create needs beyond validation (table, FLOW_DATA_PB contents). */
  precheckCreate(key: EntryKey, attrs: readonly AttrInput[]): SaiStatus | { table: FlowTable; pb: Map<number, AttrInput[]> } {
    const t = this.tableFor(key);
    if (typeof t === "string") return fail("INVALID_PARAMETER", t);
    const pb = this.decodePb(key, attrs);
    if (!(pb instanceof Map)) return pb;
    return { table: t, pb };
  }

  /** Creates a validated flow. */
  create(key: EntryKey, attrs: readonly AttrInput[], pre?: { table: FlowTable; pb: Map<number, AttrInput[]> }): SaiStatus {
    const p = pre ?? this.precheckCreate(key, attrs);
    if (!("table" in p)) return p;
    const t = p.table;
    const sw = key.switch_id as bigint;
    const cap = this.switchCapacity(sw);
    if (this.tables.switchFlows(sw) >= cap)
      return fail("TABLE_FULL", `switch ${oidText(sw)} holds ${cap} flows, its DASH_CAPS_MAX_FLOW_ENTRY_COUNT`);
    if (!this.pack(key, this.key1)) return fail("INVALID_PARAMETER", "the flow key does not pack");
    const slot = t.store.insert(this.key1);
    if (slot === FLOW_EXISTS) return fail("ITEM_ALREADY_EXISTS", "SAI_OBJECT_TYPE_FLOW_ENTRY entry already exists");
    if (slot === FLOW_FULL) return fail("TABLE_FULL", `flow table ${oidText(t.oid)} is full (${t.store.count} flows)`);
    this.writeDefaults(t, slot, false);
    this.writeAttrs(t, slot, attrs, p.pb);
    return OK;
  }

  /** Writes what `createEntry` gives every new flow (the non-zero defaults) to the slots among `slots[from, to)` (negative entries skipped). */
  writeCreateDefaults(t: FlowTable, slots: Int32Array, from: number, to: number): void {
    if (this.nonZeroDefaults.length === 0) return;
    for (let r = from; r < to; r++) if (slots[r]! >= 0) this.writeDefaults(t, slots[r]!, false);
  }

  private writeDefaults(t: FlowTable, slot: number, all: boolean): void {
    const it = t.store.internals();
    for (const [ci, v] of all ? this.allDefaults : this.nonZeroDefaults) writeColumn(t.store, it.columns[ci]!, slot, v);
  }

  private writeAttrs(t: FlowTable, slot: number, attrs: readonly AttrInput[], pb: Map<number, AttrInput[]>): void {
    const it = t.store.internals();
    for (let i = 0; i < attrs.length; i++) {
      const derived = pb.get(i);
      if (derived) {
        this.writeDefaults(t, slot, true);
        this.writeAttrs(t, slot, derived, new Map());
        continue;
      }
      const a = this.cat.attr(FLOW_TYPES.entry, attrs[i]!.id);
      const ci = a ? this.schema.columnOf.get(a.attridname) : undefined;
      if (ci !== undefined) writeColumn(t.store, it.columns[ci]!, slot, attrs[i]!.value);
    }
  }

  private missing(key: EntryKey): SaiStatus {
    const t = this.tableFor(key);
    return fail("ITEM_NOT_FOUND", typeof t === "string" ? `SAI_OBJECT_TYPE_FLOW_ENTRY entry does not exist: ${t}` : "SAI_OBJECT_TYPE_FLOW_ENTRY entry does not exist");
  }

  /** Sets one validated attribute (a hit). */
  set(key: EntryKey, attr: AttrInput): SaiStatus {
    const f = this.find(key);
    if (!f) return this.missing(key);
    const pb = this.decodePb(key, [attr]);
    if (!(pb instanceof Map)) return pb;
    this.writeAttrs(f.table, f.slot, [attr], pb);
    f.table.store.touch(f.slot);
    return OK;
  }

  /** Reads attributes (not a hit). */
  get(key: EntryKey, ids: readonly AttrId[]): GetResult {
    const f = this.find(key);
    if (!f) return this.missing(key);
    const out: Attribute[] = [];
    for (const id of ids) {
      const a = this.cat.attr(FLOW_TYPES.entry, id)!;
      out.push({ id: a.attridname, value: this.readAttr(f, key, a.attridname) });
    }
    return { ...OK, attrs: out };
  }

  /** The value of one attribute of a found flow (FLOW_DATA_PB encoded, IP_ADDR_FAMILY computed). */
  readAttr(f: FoundFlow, key: EntryKey | null, name: string): unknown {
    const s = this.schema;
    if (name === s.a.flowDataPb) return Array.from(this.encode(f));
    if (name === s.a.ipAddrFamily) {
      const ip = key && s.familyMember ? (key[s.familyMember] as { family?: string } | undefined) : undefined;
      let v6 = ip?.family === "ipv6";
      if (!key && s.familyMember) {
        const fld = s.store.keyFields.find((k) => k.name === s.familyMember)!;
        const it = f.table.store.internals();
        const c = it.geometry.chunkOf(f.slot);
        v6 = it.rowBytes8[c]![(f.slot - it.geometry.chunkStart(c)) * it.rowWords * 4 + fld.familyOffset] === 1;
      }
      return v6 ? this.familyValues.v6 : this.familyValues.v4;
    }
    const ci = s.columnOf.get(name);
    if (ci !== undefined) return readColumn(f.table.store, f.table.store.internals().columns[ci]!, f.slot);
    const a = this.cat.attr(FLOW_TYPES.entry, name);
    return a ? defaultValue(a) : undefined;
  }

  /** SaiDashFlowEntry bytes of a flow (a copy). */
  encode(f: FoundFlow): Uint8Array {
    f.table.codec.gather(f.slot, 0);
    const fill = f.table.eniMacFill();
    if (fill >= 0) f.table.codec.setEniMac(0, fill);
    return this.schema.codec.encodeRow(this.cols, 0).slice();
  }

  /**
   * Removes the flow and, unless it is unidirectional, its reverse flow. `implicit` collects the packed keys of
   * reverse flows removed this way (bulk remove reports them as removed when their own item comes).
   */
  remove(key: EntryKey, implicit?: Set<string>): SaiStatus {
    const f = this.find(key);
    if (!f) {
      if (implicit && implicit.size > 0) {
        const t = this.tableFor(key);
        if (typeof t !== "string" && this.pack(key, this.key1) && implicit.has(keyId(t, this.key1))) return OK;
      }
      return this.missing(key);
    }
    this.removeFound(f, implicit);
    return OK;
  }

  /** Removes a found flow (and its reverse flow); returns how many flows were removed. */
  removeFound(f: FoundFlow, implicit?: Set<string>): number {
    let n = 1;
    const codec = f.table.codec;
    if (this.schema.reverseAttrOf.size > 0 && !codec.unidirectional(f.slot)) {
      const mac = codec.packReverse(f.slot, this.key2, 0);
      const rt = this.schema.tableMember ? f.table : this.tables.forMac(f.table.switchId, mac);
      if (rt) {
        const rs = rt.store.lookup(this.key2);
        if (rs >= 0 && !(rt === f.table && rs === f.slot)) {
          rt.store.removeSlot(rs);
          implicit?.add(keyId(rt, this.key2));
          n++;
        }
      }
    }
    f.table.store.removeSlot(f.slot);
    return n;
  }
}

/** Identity of a packed key in a table, for the implicit-removal set of a bulk remove. */
export function keyId(t: FlowTable, key: Uint8Array): string {
  const w = t.store.keyWords;
  const m = t.store.maskWords;
  const v = new Uint32Array(key.buffer, key.byteOffset, w);
  let s = t.oid.toString(16);
  for (let i = 0; i < w; i++) s += "." + ((v[i]! & m[i]!) >>> 0).toString(36);
  return s;
}

function isZero(v: unknown): boolean {
  if (v === undefined || v === 0 || v === 0n || v === false) return true;
  if (v instanceof Uint8Array) return v.every((b) => b === 0);
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === "object" && v !== null && "bytes" in v) {
    const ip = v as { family: string; bytes: Uint8Array };
    return ip.family === "ipv4" && ip.bytes.every((b) => b === 0);
  }
  return false;
}
