/**
 * create/remove/set/get and bulk for every object type of the metadata: validate with the compiled validator,
 * then apply to the object store (defaults, reference counts, KEY strings) or hand flow entries to the flow
 * engine. Object types with runtime behaviour (flow tables, sessions, ENIs, the switch) are told through hooks.
 *
 * Bulk (SAI-METADATA.md §0b): every item is validated first against the state as the earlier items leave it
 * (the validator's overlay); then the runtime's own checks run; then the valid items execute in order.
 * STOP_ON_ERROR: the first failing item and every later one (NOT_EXECUTED) do not execute, earlier ones do.
 * IGNORE_ERROR: every valid item executes. Overall status: SUCCESS when every item succeeded, else FAILURE in mode
 * `sai` (the detail is in the per-item statuses) or the first failure's status in mode `sairedis`.
 */
import type { AttrMetadata } from "../../generator/model/types.js";
import type { AttrId, Attribute, BulkCreateResult, BulkGetResult, BulkResult, CreateResult, EntryKey, GetResult, SaiStatus } from "../api.js";
import { canonicalKey, attributeKeyString, type Validator } from "../validate/validator.js";
import { oidText, switchIndexOf } from "../validate/oid-types.js";
import { STATUS } from "../validate/status.js";
import type { AttrInput, BulkErrorMode, BulkItem, ValidationMode } from "../validate/types.js";
import { SWITCH_TYPE, type Catalog } from "./catalog.js";
import { defaultValue, zeroValue } from "./defaults.js";
import { FLOW_TYPES } from "./flow-schema.js";
import type { FlowTable } from "./flow-tables.js";
import type { FlowEngine } from "./flows.js";
import type { EntryRecord, ObjectRecord, ObjectStore } from "./objects.js";
import { attrRefs, keyRefs } from "./refs.js";
import type { RuntimeState } from "./state.js";
import { fail, NOT_EXECUTED, OK } from "./status.js";

/** Runtime behaviour attached to object types. Every hook is optional. */
export interface ObjectHooks {
  /** Extra checks before a create executes (after validation): an error stops it. */
  precreate?(type: string, switchId: bigint, attrs: ReadonlyMap<string, unknown>): SaiStatus | null;
  afterCreate?(rec: ObjectRecord): void;
  /** Extra checks before a set executes: an error stops it. */
  preset?(rec: ObjectRecord, attr: string, value: unknown): SaiStatus | null;
  afterSet?(rec: ObjectRecord, attr: string, value: unknown): void;
  beforeRemove?(rec: ObjectRecord): void;
  afterEntryChange?(type: string): void;
  /** Value of a READ_ONLY attribute the runtime computes, or undefined. */
  readOnly?(rec: ObjectRecord, attr: AttrMetadata): unknown;
}

/** The validator's mode for a bulk call: IGNORE_ERROR for valid modes (the pipeline applies STOP_ON_ERROR itself), else as given so the call is rejected. */
function vmode(mode: BulkErrorMode): BulkErrorMode {
  return mode === 0 || mode === 1 || mode === "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR" || mode === "SAI_BULK_OP_ERROR_MODE_IGNORE_ERROR" ? 1 : mode;
}

/** How a bulk item fares through the pipeline. */
interface BulkPlan {
  readonly statuses: SaiStatus[];
  readonly stop: boolean;
}

/** The generic object operations. */
export class ObjectOps {
  /** Callbacks stored for POINTER attributes: switch id → attribute name → function. */
  readonly callbacks = new Map<bigint, Map<string, unknown>>();
  private nextToken = 0x1000n;

  constructor(
    private readonly cat: Catalog,
    private readonly objects: ObjectStore,
    private readonly state: RuntimeState,
    private readonly validator: Validator,
    private readonly mode: ValidationMode,
    private readonly flows: () => FlowEngine | null,
    private readonly hooks: ObjectHooks,
  ) {}

  // ---------------------------------------------------------------- helpers

  /** Replaces function values of POINTER attributes with a non-zero token, remembering the function. */
  private pointers(type: string, attrs: readonly AttrInput[], pending: [string, unknown][]): readonly AttrInput[] {
    let out: AttrInput[] | null = null;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      if (!a || typeof a.value !== "function") continue;
      const meta = this.cat.attr(type, a.id);
      if (!meta || !/POINTER$/.test(meta.attrvaluetype)) continue;
      out ??= attrs.slice();
      out[i] = { id: a.id, value: this.nextToken };
      this.nextToken += 0x10n;
      pending.push([meta.attridname, a.value]);
    }
    return out ?? attrs;
  }

  private keepCallbacks(sw: bigint, pending: readonly [string, unknown][], attrs: ReadonlyMap<string, unknown>, touched: readonly string[]): void {
    let m = this.callbacks.get(sw);
    for (const name of touched) if (m?.has(name) && !pending.some(([n]) => n === name)) m.delete(name);
    if (pending.length === 0) return;
    if (!m) this.callbacks.set(sw, (m = new Map()));
    for (const [n, f] of pending) if (attrs.has(n)) m.set(n, f);
  }

  /** Attribute map of a create: given values in list order, then defaults of the rest. */
  private buildAttrs(type: string, attrs: readonly AttrInput[]): Map<string, unknown> {
    const m = new Map<string, unknown>();
    for (const a of attrs) {
      const meta = this.cat.attr(type, a.id);
      if (meta) m.set(meta.attridname, a.value);
    }
    const fromRef = (ot: string, attrName: string): unknown => {
      for (const v of m.values()) {
        if (typeof v !== "bigint" || v === 0n) continue;
        const r = this.objects.objects.get(v);
        if (r && r.type === ot) return r.attrs.get(attrName);
      }
      return undefined;
    };
    for (const a of this.cat.attrs(type)) {
      if (m.has(a.attridname) || a.isreadonly) continue;
      const d = defaultValue(a, fromRef);
      if (d !== undefined) m.set(a.attridname, d);
    }
    return m;
  }

  private refAll(type: string, attrs: ReadonlyMap<string, unknown>, delta: number): void {
    for (const [name, v] of attrs) {
      const a = this.cat.attr(type, name);
      if (a?.isoidattribute) for (const r of attrRefs(a, v)) this.objects.ref(r, delta);
    }
  }

  private keyString(type: string, switchId: bigint, attrs: ReadonlyMap<string, unknown>): string | null {
    const keys = this.cat.attrs(type).filter((a) => a.iskey && attrs.has(a.attridname));
    if (keys.length === 0) return null;
    return `${type}|${attributeKeyString(switchId, keys.map((a) => [a.attridname, attrs.get(a.attridname)] as const))}`;
  }

  private readValue(type: string, rec: ObjectRecord | EntryRecord, a: AttrMetadata): unknown {
    const v = rec.attrs.get(a.attridname);
    if (v !== undefined) return v;
    if (a.isreadonly && "oid" in rec) {
      const r = this.hooks.readOnly?.(rec, a);
      if (r !== undefined) return r;
    }
    return defaultValue(a) ?? zeroValue(a);
  }

  private isFlow(type: string): boolean {
    return type === FLOW_TYPES.entry && this.flows() !== null;
  }

  // ---------------------------------------------------------------- OID objects

  /** Switch index for a new switch: the lowest one free. */
  private freeSwitchIndex(): number {
    const used = new Set(this.objects.ofType(SWITCH_TYPE).map((o) => switchIndexOf(o)));
    for (let i = 0; i < 256; i++) if (!used.has(i)) return i;
    return -1;
  }

  /** Creates an OID object (validated inside). */
  create(type: string, switchId: bigint, attrs: readonly AttrInput[]): CreateResult {
    if (this.validator.isEntry(type)) return fail("INVALID_PARAMETER", `${type} is an entry type: use createEntry`);
    const pending: [string, unknown][] = [];
    const given = this.pointers(type, attrs, pending);
    const isSwitch = type === SWITCH_TYPE;
    const v = this.validator.validateCreate(type, given, { switchId, state: this.state });
    if (v.code !== 0) return v;
    return this.execCreate(type, isSwitch ? 0n : switchId, given, pending);
  }

  private execCreate(type: string, switchId: bigint, given: readonly AttrInput[], pending: [string, unknown][]): CreateResult {
    const isSwitch = type === SWITCH_TYPE;
    const attrs = this.buildAttrs(type, given);
    const pre = this.hooks.precreate?.(type, switchId, attrs);
    if (pre) return pre;
    let oid: bigint;
    if (isSwitch) {
      const i = this.freeSwitchIndex();
      if (i < 0) return fail("INSUFFICIENT_RESOURCES", "256 switches exist");
      oid = this.cat.types.switchOid(i);
      switchId = oid;
    } else oid = this.objects.allocate(this.cat.typeValue(type)!, switchIndexOf(switchId));
    const rec: ObjectRecord = { oid, type, switchId, attrs, keyString: this.keyString(type, switchId, attrs) };
    this.refAll(type, attrs, 1);
    this.objects.addObject(rec);
    this.keepCallbacks(switchId, pending, attrs, []);
    this.hooks.afterCreate?.(rec);
    return { ...OK, objectId: oid };
  }

  /** Removes an OID object; removing a switch removes everything on it. */
  remove(type: string, oid: bigint): SaiStatus {
    const v = this.validator.validateRemove(type, { objectId: oid, state: this.state });
    if (v.code !== 0) return v;
    return this.execRemove(oid);
  }

  private execRemove(oid: bigint): SaiStatus {
    const rec = this.objects.objects.get(oid);
    if (!rec) return fail("ITEM_NOT_FOUND", `${oidText(oid)} does not exist`);
    if (rec.type === SWITCH_TYPE) return this.removeSwitch(rec);
    this.hooks.beforeRemove?.(rec);
    this.refAll(rec.type, rec.attrs, -1);
    this.objects.deleteObject(oid);
    return OK;
  }

  private removeSwitch(sw: ObjectRecord): SaiStatus {
    // Objects on one switch only refer to objects on the same switch (validated), so nothing outside needs releasing.
    for (const rec of [...this.objects.objects.values()]) {
      if (rec.switchId !== sw.oid || rec.oid === sw.oid) continue;
      this.hooks.beforeRemove?.(rec);
      this.objects.deleteObject(rec.oid);
    }
    for (const t of this.objects.entryTypes())
      for (const e of [...this.objects.entriesOf(t)]) if (e.switchId === sw.oid) this.objects.deleteEntry(t, e.canon);
    this.hooks.beforeRemove?.(sw);
    this.objects.deleteObject(sw.oid);
    this.callbacks.delete(sw.oid);
    this.hooks.afterEntryChange?.("*");
    return OK;
  }

  /** Sets one attribute of an OID object. */
  set(type: string, oid: bigint, attr: AttrInput): SaiStatus {
    const pending: [string, unknown][] = [];
    const [given] = this.pointers(type, [attr], pending) as [AttrInput];
    const v = this.validator.validateSet(type, [given], { objectId: oid, state: this.state });
    if (v.code !== 0) return v;
    return this.execSet(oid, given, pending);
  }

  private execSet(oid: bigint, attr: AttrInput, pending: [string, unknown][]): SaiStatus {
    const rec = this.objects.objects.get(oid)!;
    const a = this.cat.attr(rec.type, attr.id)!;
    const pre = this.hooks.preset?.(rec, a.attridname, attr.value);
    if (pre) return pre;
    if (a.isoidattribute) {
      for (const r of attrRefs(a, rec.attrs.get(a.attridname))) this.objects.ref(r, -1);
      for (const r of attrRefs(a, attr.value)) this.objects.ref(r, 1);
    }
    rec.attrs.set(a.attridname, attr.value);
    this.keepCallbacks(rec.switchId, pending, rec.attrs, [a.attridname]);
    this.hooks.afterSet?.(rec, a.attridname, attr.value);
    return OK;
  }

  /** Reads attributes of an OID object. */
  get(type: string, oid: bigint, ids: readonly AttrId[]): GetResult {
    const req = ids.map((id) => ({ id }));
    const v = this.validator.validateGet(type, req, { objectId: oid, state: this.state });
    if (v.code !== 0) return v;
    return this.execGet(oid, ids);
  }

  private execGet(oid: bigint, ids: readonly AttrId[]): GetResult {
    const rec = this.objects.objects.get(oid)!;
    const out: Attribute[] = [];
    for (const id of ids) {
      const a = this.cat.attr(rec.type, id)!;
      out.push({ id: a.attridname, value: this.readValue(rec.type, rec, a) });
    }
    return { ...OK, attrs: out };
  }

  // ---------------------------------------------------------------- entries

  /** Creates an entry (flows go to the flow engine). */
  createEntry(type: string, key: EntryKey, attrs: readonly AttrInput[]): SaiStatus {
    const v = this.validator.validateCreate(type, attrs, { key, state: this.state });
    if (v.code !== 0) return v;
    if (this.validator.isEntry(type) === false) return fail("INVALID_PARAMETER", `${type} is not an entry type`);
    return this.execCreateEntry(type, key, attrs);
  }

  private execCreateEntry(type: string, key: EntryKey, attrs: readonly AttrInput[], pre?: unknown): SaiStatus {
    if (this.isFlow(type)) return this.flows()!.create(key, attrs, pre as Parameters<FlowEngine["create"]>[2]);
    const info = this.cat.info(type)!;
    const m = this.buildAttrs(type, attrs);
    const sw = typeof key.switch_id === "bigint" ? key.switch_id : 0n;
    const rec: EntryRecord = { type, key: { ...key }, canon: canonicalKey(key), switchId: sw, attrs: m };
    this.refAll(type, m, 1);
    for (const r of keyRefs(info.structmembers, key)) this.objects.ref(r, 1);
    this.objects.addEntry(rec);
    this.hooks.afterEntryChange?.(type);
    return OK;
  }

  /** Removes an entry. */
  removeEntry(type: string, key: EntryKey, implicit?: Set<string>): SaiStatus {
    const v = this.validator.validateRemove(type, { key, state: this.state });
    if (v.code !== 0) {
      if (v.code === -7 && this.isFlow(type) && implicit && implicit.size > 0) return this.flows()!.remove(key, implicit);
      return v;
    }
    return this.execRemoveEntry(type, key, implicit);
  }

  private execRemoveEntry(type: string, key: EntryKey, implicit?: Set<string>): SaiStatus {
    if (this.isFlow(type)) return this.flows()!.remove(key, implicit);
    const rec = this.objects.entry(type, key);
    if (!rec) return fail("ITEM_NOT_FOUND", `${type} entry does not exist`);
    this.refAll(type, rec.attrs, -1);
    for (const r of keyRefs(this.cat.info(type)!.structmembers, rec.key)) this.objects.ref(r, -1);
    this.objects.deleteEntry(type, rec.canon);
    this.hooks.afterEntryChange?.(type);
    return OK;
  }

  /** Sets one attribute of an entry. */
  setEntry(type: string, key: EntryKey, attr: AttrInput): SaiStatus {
    const v = this.validator.validateSet(type, [attr], { key, state: this.state });
    if (v.code !== 0) return v;
    return this.execSetEntry(type, key, attr);
  }

  private execSetEntry(type: string, key: EntryKey, attr: AttrInput): SaiStatus {
    if (this.isFlow(type)) return this.flows()!.set(key, attr);
    const rec = this.objects.entry(type, key)!;
    const a = this.cat.attr(type, attr.id)!;
    if (a.isoidattribute) {
      for (const r of attrRefs(a, rec.attrs.get(a.attridname))) this.objects.ref(r, -1);
      for (const r of attrRefs(a, attr.value)) this.objects.ref(r, 1);
    }
    rec.attrs.set(a.attridname, attr.value);
    this.hooks.afterEntryChange?.(type);
    return OK;
  }

  /** Reads attributes of an entry. */
  getEntry(type: string, key: EntryKey, ids: readonly AttrId[]): GetResult {
    const v = this.validator.validateGet(type, ids.map((id) => ({ id })), { key, state: this.state });
    if (v.code !== 0) return v;
    return this.execGetEntry(type, key, ids);
  }

  private execGetEntry(type: string, key: EntryKey, ids: readonly AttrId[]): GetResult {
    if (this.isFlow(type)) return this.flows()!.get(key, ids);
    const rec = this.objects.entry(type, key)!;
    return { ...OK, attrs: ids.map((id) => { const a = this.cat.attr(type, id)!; return { id: a.attridname, value: this.readValue(type, rec, a) }; }) };
  }

  // ---------------------------------------------------------------- bulk

  private overall<T extends BulkResult>(plan: BulkPlan, extra: Omit<T, keyof BulkResult>): T {
    const first = plan.statuses.findIndex((s) => s.code !== 0);
    if (first < 0) return { ...OK, message: `${plan.statuses.length} object(s) done`, statuses: plan.statuses, ...extra } as unknown as T;
    const f = plan.statuses[first]!;
    const head =
      this.mode === "sai"
        ? fail("FAILURE", `object ${first}: ${f.message}`, first)
        : { status: f.status, code: f.code, index: first, message: `object ${first}: ${f.message}` };
    return { ...head, statuses: plan.statuses, ...extra } as unknown as T;
  }

  /** Runs the bulk pipeline: validation result in, per-item runtime checks and execution. */
  private pipeline(
    validated: BulkResult,
    mode: BulkErrorMode,
    precheck: ((i: number) => SaiStatus | null) | null,
    execute: (i: number) => SaiStatus,
    group?: (ok: number[], plan: BulkPlan) => void,
  ): BulkPlan | BulkResult {
    const n = validated.statuses.length;
    if (validated.code !== 0 && validated.index === undefined) return validated; // the call itself was rejected
    const stop = mode === 0 || mode === "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR";
    const statuses = validated.statuses.slice();
    const plan: BulkPlan = { statuses, stop };
    const cut = (from: number): void => {
      for (let j = from; j < n; j++) statuses[j] = NOT_EXECUTED;
    };
    let limit = n;
    for (let i = 0; i < n; i++) {
      if (statuses[i]!.code !== 0) {
        if (stop) {
          limit = i;
          cut(i + 1);
          break;
        }
        continue;
      }
      const p = precheck?.(i);
      if (p) {
        statuses[i] = p;
        if (stop) {
          limit = i;
          cut(i + 1);
          break;
        }
      }
    }
    if (group) {
      const okIdx: number[] = [];
      for (let i = 0; i < limit; i++) if (statuses[i]!.code === 0) okIdx.push(i);
      group(okIdx, plan);
      if (stop) {
        const f = statuses.findIndex((s, i) => i < limit && s.code !== 0);
        if (f >= 0) {
          limit = f;
          cut(f + 1);
        }
      }
    }
    for (let i = 0; i < limit; i++) {
      if (statuses[i]!.code !== 0) continue;
      const r = execute(i);
      statuses[i] = r;
      if (r.code !== 0 && stop) {
        cut(i + 1);
        break;
      }
    }
    return plan;
  }

  /** `create_<objects>`. */
  createMany(type: string, switchId: bigint, items: readonly (readonly AttrInput[])[], mode: BulkErrorMode = 0): BulkCreateResult {
    const pendings = items.map(() => [] as [string, unknown][]);
    const given = items.map((a, i) => this.pointers(type, a ?? [], pendings[i]!));
    const bulkItems: BulkItem[] = given.map((attrs) => ({ attrs }));
    const v = this.validator.validateBulkCreate(type, bulkItems, vmode(mode), { switchId, state: this.state });
    const ids: (bigint | undefined)[] = items.map(() => undefined);
    const plan = this.pipeline(v, mode, null, (i) => {
      const r = this.execCreate(type, switchId, given[i]!, pendings[i]!);
      ids[i] = r.objectId;
      const { objectId: _, ...status } = r;
      return status;
    });
    if (!("stop" in plan)) return { ...plan, objectIds: ids };
    return this.overall<BulkCreateResult>(plan, { objectIds: ids });
  }

  /** `remove_<objects>`. */
  removeMany(type: string, oids: readonly bigint[], mode: BulkErrorMode = 0): BulkResult {
    const v = this.validator.validateBulkRemove(type, oids.map((objectId) => ({ objectId })), vmode(mode), { state: this.state });
    const plan = this.pipeline(v, mode, null, (i) => this.execRemove(oids[i]!));
    return "stop" in plan ? this.overall<BulkResult>(plan, {}) : plan;
  }

  /** `set_<objects>_attribute`. */
  setMany(type: string, items: readonly { objectId: bigint; attr: AttrInput }[], mode: BulkErrorMode = 0): BulkResult {
    const pendings = items.map(() => [] as [string, unknown][]);
    const given = items.map((it, i) => (this.pointers(type, [it.attr], pendings[i]!) as AttrInput[])[0]!);
    const v = this.validator.validateBulkSet(type, items.map((it, i) => ({ objectId: it.objectId, attrs: [given[i]!] })), vmode(mode), { state: this.state });
    const plan = this.pipeline(v, mode, null, (i) => this.execSet(items[i]!.objectId, given[i]!, pendings[i]!));
    return "stop" in plan ? this.overall<BulkResult>(plan, {}) : plan;
  }

  /** `get_<objects>_attribute`. */
  getMany(type: string, items: readonly { objectId: bigint; ids: readonly AttrId[] }[], mode: BulkErrorMode = 0): BulkGetResult {
    const v = this.validator.validateBulkGet(type, items.map((it) => ({ objectId: it.objectId, attrs: it.ids.map((id) => ({ id })) })), vmode(mode), { state: this.state });
    const attrs: (readonly Attribute[] | undefined)[] = items.map(() => undefined);
    const plan = this.pipeline(v, mode, null, (i) => {
      const r = this.execGet(items[i]!.objectId, items[i]!.ids);
      attrs[i] = r.attrs;
      return OK;
    });
    return "stop" in plan ? this.overall<BulkGetResult>(plan, { attrs }) : { ...plan, attrs };
  }

  /** Bulk entry create; flows are capacity-checked per table before anything executes. */
  createEntries(type: string, items: readonly { key: EntryKey; attrs: readonly AttrInput[] }[], mode: BulkErrorMode = 0): BulkResult {
    const validated = this.validator.validateBulkCreate(type, items.map((it) => ({ key: it.key, attrs: it.attrs })), vmode(mode), { state: this.state });
    const flows = this.isFlow(type) ? this.flows()! : null;
    const v = flows ? repeatsWithoutTable(validated, flows, items) : validated;
    const pre: unknown[] = [];
    const plan = this.pipeline(
      v,
      mode,
      flows
        ? (i) => {
            const p = flows.precheckCreate(items[i]!.key, items[i]!.attrs);
            if (!("table" in p)) return p;
            pre[i] = p;
            return null;
          }
        : null,
      (i) => this.execCreateEntry(type, items[i]!.key, items[i]!.attrs, pre[i]),
      flows ? (okIdx, p) => this.capacityCheck(flows, okIdx, pre as { table: FlowTable }[], p) : undefined,
    );
    return "stop" in plan ? this.overall<BulkResult>(plan, {}) : plan;
  }

  /** Marks every item of a table (or switch) the batch would overflow TABLE_FULL: nothing of it is inserted. */
  private capacityCheck(flows: FlowEngine, okIdx: number[], pre: { table: FlowTable }[], plan: BulkPlan): void {
    const perTable = new Map<FlowTable, number[]>();
    for (const i of okIdx) {
      const t = pre[i]!.table;
      let l = perTable.get(t);
      if (!l) perTable.set(t, (l = []));
      l.push(i);
    }
    const perSwitch = new Map<bigint, number>();
    for (const [t, l] of perTable) perSwitch.set(t.switchId, (perSwitch.get(t.switchId) ?? 0) + l.length);
    for (const [t, l] of perTable) {
      const tableRoom = t.store.maxFlows - t.store.count;
      const sw = t.switchId;
      const swRoom = flows.capacityOf(sw) - flows.tables.switchFlows(sw);
      if (l.length <= tableRoom && perSwitch.get(sw)! <= swRoom) continue;
      const why = l.length > tableRoom ? `flow table ${oidText(t.oid)} has room for ${tableRoom} of this call's ${l.length} flows` : `switch ${oidText(sw)} has room for ${swRoom} more flows`;
      for (const i of l) plan.statuses[i] = fail("TABLE_FULL", `${why}; nothing of it was inserted`);
    }
  }

  /** Bulk entry remove (a flow's reverse flow removed by an earlier item counts as removed for its own item). */
  removeEntries(type: string, keys: readonly EntryKey[], mode: BulkErrorMode = 0): BulkResult {
    const v = this.validator.validateBulkRemove(type, keys.map((key) => ({ key })), vmode(mode), { state: this.state });
    const implicit = new Set<string>();
    // Items the validator found missing may have been removed as an earlier item's reverse flow: retry them.
    const flows = this.isFlow(type);
    const statuses = flows && v.index !== undefined ? { ...v, statuses: v.statuses.map((s) => (s.code === -7 ? OK : s)) } : v;
    const plan = this.pipeline(statuses, mode, null, (i) => this.execRemoveEntry(type, keys[i]!, implicit));
    return "stop" in plan ? this.overall<BulkResult>(plan, {}) : plan;
  }

  /** Bulk entry set. */
  setEntries(type: string, items: readonly { key: EntryKey; attr: AttrInput }[], mode: BulkErrorMode = 0): BulkResult {
    const v = this.validator.validateBulkSet(type, items.map((it) => ({ key: it.key, attrs: [it.attr] })), vmode(mode), { state: this.state });
    const plan = this.pipeline(v, mode, null, (i) => this.execSetEntry(type, items[i]!.key, items[i]!.attr));
    return "stop" in plan ? this.overall<BulkResult>(plan, {}) : plan;
  }

  /** Bulk entry get. */
  getEntries(type: string, items: readonly { key: EntryKey; ids: readonly AttrId[] }[], mode: BulkErrorMode = 0): BulkGetResult {
    const v = this.validator.validateBulkGet(type, items.map((it) => ({ key: it.key, attrs: it.ids.map((id) => ({ id })) })), vmode(mode), { state: this.state });
    const attrs: (readonly Attribute[] | undefined)[] = items.map(() => undefined);
    const plan = this.pipeline(v, mode, null, (i) => {
      const r = this.execGetEntry(type, items[i]!.key, items[i]!.ids);
      attrs[i] = r.attrs;
      const { attrs: _, ...s } = r;
      return s;
    });
    return "stop" in plan ? this.overall<BulkGetResult>(plan, { attrs }) : { ...plan, attrs };
  }
}

/**
 * The validator calls a repeat of an earlier item's flow key ITEM_ALREADY_EXISTS; when no flow table takes that key,
 * the earlier item fails when executed and so does the repeat: INVALID_PARAMETER, as the packed path says.
 */
function repeatsWithoutTable(v: BulkResult, flows: FlowEngine, items: readonly { key: EntryKey; attrs: readonly AttrInput[] }[]): BulkResult {
  if (!v.statuses.some((s) => s.code === STATUS.ITEM_ALREADY_EXISTS)) return v;
  const statuses = v.statuses.map((s, i) => {
    if (s.code !== STATUS.ITEM_ALREADY_EXISTS) return s;
    const p = flows.precheckCreate(items[i]!.key, items[i]!.attrs);
    return "table" in p || p.code !== STATUS.INVALID_PARAMETER ? s : p;
  });
  return { ...v, statuses };
}
