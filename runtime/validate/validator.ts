/**
 * The validator engine (SAI-METADATA.md §5 read through §0b): compiled once from the metadata tables into, per
 * object type, an id → attribute table and per attribute a value check chosen by value type; every operation then
 * walks the caller's attribute list once.
 *
 * Hot-path rules: the success path allocates nothing (duplicate detection and "was this attribute supplied"
 * use per-object-type generation stamps in typed arrays; the success result is a shared frozen value), checks
 * are precompiled closures, and messages are built only on failure.
 */
import type { AttrMetadata, EnumMetadata, ObjectTypeInfo } from "../../generator/model/types.js";
import { attrChecks, memberCheck, MAX_LIST_COUNT, type Check, type CheckContext, type Env } from "./checks.js";
import { ABSENT, compileCondition, type Cond, type ValueSource } from "./conditions.js";
import { OID_MAX, OidTypes, oidText, switchIndexOf } from "./oid-types.js";
import { attributeCapability, operationSupported, supportedValueCheck, type CapabilityProfile } from "./profile.js";
import { indexed, plain, STATUS, SUCCESS, withWarnings } from "./status.js";
import type {
  AttrInput,
  BulkContext,
  BulkErrorMode,
  BulkItem,
  BulkResult,
  MetadataTables,
  OpContext,
  Operation,
  ValidationMode,
  ValidationResult,
  ValidationState,
  ValidatorOptions,
} from "./types.js";

/** The compiled validator. */
export interface Validator {
  readonly mode: ValidationMode;
  /** Object type names the validator knows (those with attribute metadata). */
  readonly objectTypes: readonly string[];
  /** True when `objectType` is an entry (non-object-id) type; undefined when unknown. */
  isEntry(objectType: string): boolean | undefined;
  /** Attribute metadata by object type and name or numeric id. */
  attribute(objectType: string, id: string | number): AttrMetadata | undefined;
  validateCreate(objectType: string, attrs: readonly AttrInput[], ctx?: OpContext): ValidationResult;
  /** Set takes exactly one attribute, as `sai_set_*_attribute` does. */
  validateSet(objectType: string, attrs: readonly AttrInput[], ctx?: OpContext): ValidationResult;
  /** Get checks ids only: a TS get request carries no buffers, so values are ignored. */
  validateGet(objectType: string, attrs: readonly AttrInput[], ctx?: OpContext): ValidationResult;
  validateRemove(objectType: string, ctx?: OpContext): ValidationResult;
  /** Dispatches on `op` (remove ignores `attrs`). */
  validate(op: Operation, objectType: string, attrs: readonly AttrInput[], ctx?: OpContext): ValidationResult;
  validateBulkCreate(objectType: string, items: readonly BulkItem[], mode: BulkErrorMode, ctx?: BulkContext): BulkResult;
  validateBulkRemove(objectType: string, items: readonly BulkItem[], mode: BulkErrorMode, ctx?: BulkContext): BulkResult;
  validateBulkSet(objectType: string, items: readonly BulkItem[], mode: BulkErrorMode, ctx?: BulkContext): BulkResult;
  validateBulkGet(objectType: string, items: readonly BulkItem[], mode: BulkErrorMode, ctx?: BulkContext): BulkResult;
}

/**
 * A value the caller could not even parse (e.g. CLI text): it fails the attribute's value check with `reason`
 * instead of a generic shape message, at its own list position.
 */
export class UnparsedValue {
  constructor(
    readonly text: string,
    readonly reason: string,
  ) {}
}

// Meta's KEY-attribute key string puts OIDs, numbers and u32 lists in their plain text forms (§5.4 step 7).
function keyValueText(v: unknown): string {
  if (typeof v === "bigint") return oidText(v);
  if (Array.isArray(v)) return v.map(keyValueText).join(",");
  return String(v);
}

/** Meta's KEY-attribute string: `oid:<switch>;` then `<ATTR>:<value>;` per KEY attribute in id order. */
export function attributeKeyString(switchId: bigint | undefined, keyAttrs: readonly (readonly [string, unknown])[]): string {
  let s = `oid:0x${(switchId ?? 0n).toString(16)};`;
  for (const [name, v] of keyAttrs) s += `${name}:${keyValueText(v)};`;
  return s;
}

/**
 * Entries whose sairedis key validator looks the referenced object up itself and answers ITEM_NOT_FOUND when it
 * is missing (§5.5 step 1, V30); OID key members of every other entry answer INVALID_PARAMETER.
 */
const NOT_FOUND_MEMBERS: Readonly<Record<string, string>> = {
  SAI_OBJECT_TYPE_ROUTE_ENTRY: "vr_id",
  SAI_OBJECT_TYPE_NEIGHBOR_ENTRY: "rif_id",
  SAI_OBJECT_TYPE_MCAST_FDB_ENTRY: "bv_id",
  SAI_OBJECT_TYPE_L2MC_ENTRY: "bv_id",
  SAI_OBJECT_TYPE_IPMC_ENTRY: "vr_id",
  SAI_OBJECT_TYPE_NAT_ENTRY: "vr_id",
  SAI_OBJECT_TYPE_MY_SID_ENTRY: "vr_id",
};

interface CAttr {
  readonly meta: AttrMetadata;
  readonly name: string;
  readonly slot: number;
  readonly readOnly: boolean;
  /** Not settable: CREATE_ONLY or KEY. */
  readonly notSettable: boolean;
  readonly isOid: boolean;
  readonly checkCreate: Check;
  readonly checkSet: Check;
  cond: Cond | null;
  validOnly: Cond | null;
  readonly canCreate: boolean;
  readonly canSet: boolean;
  readonly canGet: boolean;
  /** Profile restriction on values (enum values, booleans), or null. */
  readonly supported: ((v: unknown) => boolean) | null;
}

interface CMember {
  readonly name: string;
  readonly check: Check;
  readonly isOid: boolean;
  readonly notFoundStatus: "ITEM_NOT_FOUND" | "INVALID_PARAMETER";
}

/** One compiled object type; also the ValueSource its conditions read. */
class CObj implements ValueSource {
  readonly name: string;
  readonly value: number;
  readonly isEntry: boolean;
  readonly isSwitch: boolean;
  readonly attrs: CAttr[] = [];
  readonly byName = new Map<string, CAttr>();
  readonly dense: (CAttr | undefined)[] = [];
  readonly byId = new Map<number, CAttr>();
  mandatory: CAttr[] = [];
  conditional: CAttr[] = [];
  validOnly: CAttr[] = [];
  keyAttrs: CAttr[] = [];
  members: CMember[] = [];
  switchMember = -1;
  ops: Readonly<Record<Operation, boolean>> = { create: true, remove: true, set: true, get: true };
  // Per-call scratch: slot `s` was supplied at list position pos[s] in the call whose generation is `gen`.
  stamp = new Uint32Array(0);
  pos = new Int32Array(0);
  gen = 0;
  cur: readonly AttrInput[] = [];

  constructor(info: ObjectTypeInfo, isSwitch: boolean) {
    this.name = info.objecttype;
    this.value = info.value;
    this.isEntry = info.isnonobjectid;
    this.isSwitch = isSwitch;
  }

  lookup(id: string | number): CAttr | undefined {
    if (typeof id === "string") return this.byName.get(id);
    return id >= 0 && id < this.dense.length ? this.dense[id] : this.byId.get(id);
  }

  // Callers usually send the same attributes in the same order, so the id seen at each list position is
  // remembered: a hit costs one comparison instead of a Map lookup.
  private readonly seenIds: unknown[] = new Array<unknown>(HINTS).fill(undefined);
  private readonly seenAttrs: (CAttr | undefined)[] = new Array<CAttr | undefined>(HINTS).fill(undefined);

  /** {@link lookup} with the per-position hint. */
  lookupAt(i: number, id: string | number): CAttr | undefined {
    if (i < HINTS && this.seenIds[i] === id) return this.seenAttrs[i];
    const c = this.lookup(id);
    if (i < HINTS && c !== undefined) {
      this.seenIds[i] = id;
      this.seenAttrs[i] = c;
    }
    return c;
  }

  nextGen(): number {
    if (this.gen === 0xffffffff) {
      this.stamp.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  valueAt(slot: number): unknown {
    return this.stamp[slot] === this.gen ? this.cur[this.pos[slot]!]!.value : ABSENT;
  }

  supplied(slot: number): boolean {
    return this.stamp[slot] === this.gen;
  }
}

const DENSE_LIMIT = 4096;
const HINTS = 64;
const NO_CONTEXT: OpContext = Object.freeze({});

/**
 * The same string, internalized. Model names come out of the parser as slices of header text; a Map keyed by them
 * compares every lookup character by character, while internalized keys compare by pointer against literal and
 * JSON-parsed names (measured: the name lookup was 40 % of a FLOW_ENTRY create before this).
 */
function internalize(s: string): string {
  const o: Record<string, number> = { [s]: 0 };
  return Object.keys(o)[0]!;
}

/** Compiles a validator from the metadata tables; call once and reuse it for every request. */
export function createValidator(tables: MetadataTables, options: ValidatorOptions = {}): Validator {
  const mode: ValidationMode = options.mode ?? "sai";
  const profile: CapabilityProfile | undefined = options.profile;
  const sai = mode === "sai";
  const types = new OidTypes(tables);
  const enumsByName = new Map<string, EnumMetadata>(tables.enums.map((e) => [e.name, e]));
  const env: Env = { state: undefined, switchIndex: -1 };
  const cctx: CheckContext = { mode, enums: (n) => enumsByName.get(n), types, env };

  const objects = new Map<string, CObj>();
  const attrsByObject = new Map<string, AttrMetadata[]>();
  for (const a of tables.attributes) {
    let l = attrsByObject.get(a.objecttype);
    if (!l) attrsByObject.set(a.objecttype, (l = []));
    l.push(a);
  }
  for (const info of tables.objectTypes) {
    const o = new CObj(info, info.objecttype === "SAI_OBJECT_TYPE_SWITCH");
    const list = (attrsByObject.get(info.objecttype) ?? []).slice().sort((a, b) => a.attrid - b.attrid);
    for (const a of list) {
      const checks = attrChecks(a, cctx);
      const cap = profile ? attributeCapability(profile, a) : null;
      const e = a.enummetadata ? enumsByName.get(a.enummetadata) : undefined;
      const c: CAttr = {
        meta: a,
        name: internalize(a.attridname),
        slot: o.attrs.length,
        readOnly: a.isreadonly,
        notSettable: a.iscreateonly || a.iskey,
        isOid: a.isoidattribute,
        checkCreate: checks.create,
        checkSet: checks.set,
        cond: null,
        validOnly: null,
        canCreate: cap ? cap.create || a.isreadonly : true,
        canSet: cap ? cap.set || !a.iscreateandset : true,
        canGet: cap ? cap.get : true,
        supported: profile ? supportedValueCheck(profile, a, e) : null,
      };
      o.attrs.push(c);
      o.byName.set(c.name, c);
      if (a.attrid >= 0 && a.attrid < DENSE_LIMIT) o.dense[a.attrid] = c;
      else o.byId.set(a.attrid, c);
    }
    const slotOf = (n: string): { slot: number; meta: AttrMetadata } | undefined => {
      const c = o.byName.get(n);
      return c ? { slot: c.slot, meta: c.meta } : undefined;
    };
    for (const c of o.attrs) {
      const a = c.meta;
      if (a.isconditional) {
        c.cond = compileCondition(a.conditiontype, a.conditions, slotOf);
        o.conditional.push(c);
      } else if (a.ismandatoryoncreate && !a.isdeprecated) o.mandatory.push(c);
      if (a.isvalidonly) {
        c.validOnly = compileCondition(a.validonlytype, a.validonly, slotOf);
        o.validOnly.push(c);
      }
      if (a.iskey) o.keyAttrs.push(c);
    }
    const notFoundMember = NOT_FOUND_MEMBERS[info.objecttype];
    o.members = info.structmembers.map((m) => ({
      name: m.membername,
      check: memberCheck(m, cctx),
      isOid: m.allowedobjecttypes.length > 0,
      notFoundStatus: m.membername === notFoundMember ? "ITEM_NOT_FOUND" : "INVALID_PARAMETER",
    }));
    o.switchMember = o.members.findIndex((m) => m.name === "switch_id");
    o.stamp = new Uint32Array(o.attrs.length);
    o.pos = new Int32Array(o.attrs.length);
    if (profile) {
      o.ops = {
        create: operationSupported(profile, o.name, "create"),
        remove: operationSupported(profile, o.name, "remove"),
        set: operationSupported(profile, o.name, "set"),
        get: operationSupported(profile, o.name, "get"),
      };
    }
    objects.set(info.objecttype, o);
  }

  // ---- result builders by rule, so the two modes differ in one place

  const unknownAttr = (o: CObj, i: number, id: unknown): ValidationResult => {
    const what = `attribute ${typeof id === "number" ? `id 0x${id.toString(16)}` : JSON.stringify(id)} is not an attribute of ${o.name}`;
    if (sai) return indexed("UNKNOWN_ATTRIBUTE", i, typeof id === "string" ? id : undefined, what);
    // Meta: FAILURE from the metadata lookup, except on switch create where every attribute is checked up front.
    return plain(o.isSwitch ? "INVALID_PARAMETER" : "FAILURE", what, i, typeof id === "string" ? id : undefined);
  };
  const attrRule = (i: number, c: CAttr, message: string): ValidationResult =>
    sai ? indexed("INVALID_ATTRIBUTE", i, c.name, message) : plain("INVALID_PARAMETER", message, i, c.name);
  const badValue = (i: number, c: CAttr, v: unknown, message: string): ValidationResult => {
    const m = v instanceof UnparsedValue ? v.reason : message;
    return sai ? indexed("INVALID_ATTR_VALUE", i, c.name, `${c.name}: ${m}`) : plain("INVALID_PARAMETER", `${c.name}: ${m}`, i, c.name);
  };
  // Capability data comes from the vendor, not from Meta, so both modes answer as a vendor would.
  const notSupported = (i: number, c: CAttr, message: string): ValidationResult => indexed("ATTR_NOT_SUPPORTED", i, c.name, message);

  // ---- targets: the switch of a create, the object of set/get/remove, entry keys

  // Nearly every call names the same switch: remembering the last good switch id skips its bigint decoding.
  let lastSwitch = -1n;
  let lastSwitchIndex = -1;

  /** Checks a switch id and sets `env.switchIndex` from it. */
  function checkSwitchId(sw: unknown, state: ValidationState | undefined): ValidationResult | null {
    if (sw !== lastSwitch) {
      if (typeof sw !== "bigint" || sw === 0n) return plain("INVALID_PARAMETER", "the switch id is missing or NULL");
      if (sw < 0n || sw > OID_MAX || types.typeOf(sw) !== types.switchType)
        return plain("INVALID_PARAMETER", `${oidText(sw)} is not a switch object id`);
      lastSwitch = sw;
      lastSwitchIndex = switchIndexOf(sw);
    }
    if (state && !state.exists(sw as bigint)) return plain("INVALID_PARAMETER", `switch ${oidText(sw as bigint)} has not been created`);
    env.switchIndex = lastSwitchIndex;
    return null;
  }

  function checkKey(o: CObj, key: Readonly<Record<string, unknown>> | undefined, state: ValidationState | undefined): ValidationResult | null {
    if (typeof key !== "object" || key === null) return plain("INVALID_PARAMETER", `${o.name} needs an entry key`);
    env.switchIndex = -1;
    if (o.switchMember >= 0) {
      const sw = key.switch_id;
      const r = checkSwitchId(sw, state);
      if (r) return { ...r, message: `key member switch_id: ${r.message}` };
    }
    const members = o.members;
    for (let i = 0; i < members.length; i++) {
      if (i === o.switchMember) continue;
      const m = members[i]!;
      const v = key[m.name];
      if (v === undefined) return plain("INVALID_PARAMETER", `${o.name} key lacks member ${m.name}`);
      const p = m.check(v);
      if (p !== undefined) return plain("INVALID_PARAMETER", `key member ${m.name}: ${p}`);
      if (m.isOid && state && !state.exists(v as bigint))
        return plain(m.notFoundStatus, `key member ${m.name}: ${oidText(v as bigint)} does not exist`);
    }
    env.state = state;
    return null;
  }

  /** Set/get/remove on an OID object: the OID itself, its switch (set only), its existence. */
  function checkObjectId(o: CObj, oid: unknown, state: ValidationState | undefined, switchFirst: boolean): ValidationResult | null {
    if (typeof oid !== "bigint" || oid === 0n) return plain("INVALID_PARAMETER", `${o.name}: the object id is missing or NULL`);
    if (oid < 0n || oid > OID_MAX) return plain("INVALID_PARAMETER", `${String(oid)} does not fit a 64-bit object id`);
    if (switchFirst && state && !state.exists(types.switchOid(switchIndexOf(oid))))
      return plain("INVALID_PARAMETER", `the switch of ${oidText(oid)} does not exist`);
    const t = types.typeOf(oid);
    if (t !== o.value)
      return plain("INVALID_PARAMETER", `${oidText(oid)} is ${t < 0 ? "not a valid object id" : `a ${types.nameOf(t)}`}, not a ${o.name}`);
    if (state) {
      const recorded = state.objectTypeOf(oid);
      if (recorded !== undefined && recorded !== o.name)
        return plain("INVALID_PARAMETER", `${oidText(oid)} was created as ${recorded}, not ${o.name}`);
      if (!state.exists(oid)) return plain("ITEM_NOT_FOUND", `${o.name} ${oidText(oid)} does not exist`);
    }
    return null;
  }

  /** Resolves the target of set/get/remove and sets the switch/state for value checks. */
  function target(o: CObj, ctx: OpContext, switchFirst: boolean): ValidationResult | null {
    const state = ctx.state;
    if (o.isEntry) {
      const r = checkKey(o, ctx.key, state);
      if (r) return r;
      if (state && !state.entryExists(o.name, ctx.key!)) return plain("ITEM_NOT_FOUND", `${o.name} entry does not exist`);
      return null;
    }
    const r = checkObjectId(o, ctx.objectId, state, switchFirst);
    if (r) return r;
    env.state = state;
    env.switchIndex = switchIndexOf(ctx.objectId!);
    return null;
  }

  const unknownType = (objectType: string): ValidationResult =>
    plain("INVALID_PARAMETER", `unknown object type ${JSON.stringify(objectType)}`);
  const opUnsupported = (o: CObj, op: Operation): ValidationResult =>
    plain("NOT_SUPPORTED", `the capability profile does not support ${op} on ${o.name}`);

  function keyString(o: CObj, switchId: bigint | undefined): string {
    const pairs: [string, unknown][] = [];
    for (const c of o.keyAttrs) if (o.supplied(c.slot)) pairs.push([c.name, o.valueAt(c.slot)]);
    return attributeKeyString(switchId, pairs);
  }

  // ---- the four operations

  function validateCreate(objectType: string, attrs: readonly AttrInput[], ctx: OpContext = NO_CONTEXT): ValidationResult {
    const o = objects.get(objectType);
    if (o === undefined) return unknownType(objectType);
    if (!o.ops.create) return opUnsupported(o, "create");
    ctx ??= NO_CONTEXT;
    if (!Array.isArray(attrs)) return plain("INVALID_PARAMETER", "the attribute list is missing");
    const n = attrs.length;
    if (n > MAX_LIST_COUNT) return plain("INVALID_PARAMETER", `attribute count ${n} exceeds ${MAX_LIST_COUNT}`);
    const state = ctx.state;
    if (o.isEntry) {
      const r = checkKey(o, ctx.key, state);
      if (r) return r;
    } else if (o.isSwitch) {
      env.state = state;
      env.switchIndex = -1;
    } else {
      const r = checkSwitchId(ctx.switchId, state);
      if (r) return r;
      env.state = state;
    }

    const gen = o.nextGen();
    o.cur = attrs;
    const stamp = o.stamp;
    for (let i = 0; i < n; i++) {
      const a = attrs[i];
      if (a === undefined || a === null) return plain("INVALID_PARAMETER", `attribute ${i} is missing`, i);
      const c = o.lookupAt(i, a.id);
      if (c === undefined) return unknownAttr(o, i, a.id);
      if (stamp[c.slot] === gen) return attrRule(i, c, `${c.name} appears more than once (first at ${o.pos[c.slot]})`);
      stamp[c.slot] = gen;
      o.pos[c.slot] = i;
      if (c.readOnly) return attrRule(i, c, `${c.name} is READ_ONLY and cannot be given on create`);
      if (o.isSwitch && c.isOid) return attrRule(i, c, `${c.name} is an object id attribute: not allowed on switch create`);
      if (!c.canCreate) return notSupported(i, c, `the capability profile does not implement ${c.name} on create`);
      const v = a.value;
      const p = c.checkCreate(v);
      if (p !== undefined) return badValue(i, c, v, p);
      if (c.supported !== null && !c.supported(v))
        return notSupported(i, c, `the capability profile does not support this value of ${c.name}`);
    }

    for (const c of o.mandatory)
      if (stamp[c.slot] !== gen) return plain("MANDATORY_ATTRIBUTE_MISSING", `${c.name} is mandatory on create`, undefined, c.name);

    let warnings: string[] | null = null;
    for (const c of o.conditional) {
      const met = c.cond!(o);
      const present = stamp[c.slot] === gen;
      if (met && !present && c.meta.ismandatoryoncreate)
        return plain("MANDATORY_ATTRIBUTE_MISSING", `${c.name} is mandatory on create because its condition holds`, undefined, c.name);
      if (!met && present) {
        const i = o.pos[c.slot]!;
        if (!c.meta.isconditionrelaxed) return attrRule(i, c, `${c.name} is given but its condition is not met`);
        (warnings ??= []).push(`${c.name}: condition not met (accepted: @relaxed)`);
      }
    }
    for (const c of o.validOnly)
      if (stamp[c.slot] === gen && !c.validOnly!(o)) (warnings ??= []).push(`${c.name}: valid only when its @validonly condition holds, which it does not; the value has no effect`);

    if (state !== undefined) {
      if (o.keyAttrs.length > 0 && state.keyInUse !== undefined) {
        let any = false;
        for (const c of o.keyAttrs) any ||= stamp[c.slot] === gen;
        if (any) {
          const k = keyString(o, ctx.switchId);
          if (state.keyInUse(o.name, k)) return plain("INVALID_PARAMETER", `an object with key ${k} already exists`, undefined, o.keyAttrs[0]!.name);
        }
      }
      if (o.isEntry && state.entryExists(o.name, ctx.key!)) return plain("ITEM_ALREADY_EXISTS", `${o.name} entry already exists`);
    }
    return warnings === null ? SUCCESS : withWarnings(SUCCESS, warnings);
  }

  function validateSet(objectType: string, attrs: readonly AttrInput[], ctx: OpContext = NO_CONTEXT): ValidationResult {
    const o = objects.get(objectType);
    if (o === undefined) return unknownType(objectType);
    if (!o.ops.set) return opUnsupported(o, "set");
    ctx ??= NO_CONTEXT;
    const t = target(o, ctx, true);
    if (t) return t;
    if (!Array.isArray(attrs) || attrs.length !== 1)
      return plain("INVALID_PARAMETER", `set takes exactly one attribute, got ${Array.isArray(attrs) ? attrs.length : "none"}`);
    const a = attrs[0];
    if (a === undefined || a === null) return plain("INVALID_PARAMETER", "the attribute is missing", 0);
    const c = o.lookup(a.id);
    if (c === undefined) return unknownAttr(o, 0, a.id);
    if (c.readOnly) return attrRule(0, c, `${c.name} is READ_ONLY and cannot be set`);
    if (c.notSettable) return attrRule(0, c, `${c.name} is ${c.meta.iskey ? "a KEY attribute" : "CREATE_ONLY"} and cannot be set`);
    if (!c.canSet) return notSupported(0, c, `the capability profile does not implement ${c.name} on set`);
    const p = c.checkSet(a.value);
    if (p !== undefined) return badValue(0, c, a.value, p);
    if (c.supported !== null && !c.supported(a.value))
      return notSupported(0, c, `the capability profile does not support this value of ${c.name}`);
    return SUCCESS;
  }

  function validateGet(objectType: string, attrs: readonly AttrInput[], ctx: OpContext = NO_CONTEXT): ValidationResult {
    const o = objects.get(objectType);
    if (o === undefined) return unknownType(objectType);
    if (!o.ops.get) return opUnsupported(o, "get");
    ctx ??= NO_CONTEXT;
    const t = target(o, ctx, false);
    if (t) return t;
    if (!Array.isArray(attrs) || attrs.length < 1) return plain("INVALID_PARAMETER", "get needs at least one attribute");
    if (attrs.length > MAX_LIST_COUNT) return plain("INVALID_PARAMETER", `attribute count ${attrs.length} exceeds ${MAX_LIST_COUNT}`);
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      if (a === undefined || a === null) return plain("INVALID_PARAMETER", `attribute ${i} is missing`, i);
      const c = o.lookup(a.id);
      if (c === undefined) return unknownAttr(o, i, a.id);
      if (!c.canGet) return notSupported(i, c, `the capability profile does not implement ${c.name} on get`);
    }
    return SUCCESS;
  }

  function validateRemove(objectType: string, ctx: OpContext = NO_CONTEXT): ValidationResult {
    const o = objects.get(objectType);
    if (o === undefined) return unknownType(objectType);
    if (!o.ops.remove) return opUnsupported(o, "remove");
    ctx ??= NO_CONTEXT;
    const t = target(o, ctx, false);
    if (t) return t;
    const state = ctx.state;
    // Switches are always removable (removing one removes everything on it); entries are never referenced.
    if (!o.isEntry && !o.isSwitch && state?.referenceCount !== undefined) {
      const refs = state.referenceCount(ctx.objectId!);
      if (refs > 0) return plain("OBJECT_IN_USE", `${o.name} ${oidText(ctx.objectId!)} is referenced ${refs} time(s)`);
    }
    return SUCCESS;
  }

  function validate(op: Operation, objectType: string, attrs: readonly AttrInput[], ctx?: OpContext): ValidationResult {
    switch (op) {
      case "create":
        return validateCreate(objectType, attrs, ctx);
      case "set":
        return validateSet(objectType, attrs, ctx);
      case "get":
        return validateGet(objectType, attrs, ctx);
      case "remove":
        return validateRemove(objectType, ctx);
    }
  }

  // ---- bulk

  const NOT_EXECUTED: ValidationResult = Object.freeze({
    status: "SAI_STATUS_NOT_EXECUTED",
    code: STATUS.NOT_EXECUTED,
    message: "not executed",
  });

  function bulk(op: Operation, objectType: string, items: readonly BulkItem[], errorMode: BulkErrorMode, ctx: BulkContext = NO_CONTEXT): BulkResult {
    ctx ??= NO_CONTEXT;
    const count = Array.isArray(items) ? items.length : 0;
    const allNotExecuted = (): ValidationResult[] => new Array<ValidationResult>(count).fill(NOT_EXECUTED);
    const reject = (message: string): BulkResult => ({ ...plain("INVALID_PARAMETER", message), statuses: allNotExecuted() });
    const stop =
      errorMode === 0 || errorMode === "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR"
        ? true
        : errorMode === 1 || errorMode === "SAI_BULK_OP_ERROR_MODE_IGNORE_ERROR"
          ? false
          : null;
    if (stop === null) return reject(`bulk error mode ${JSON.stringify(errorMode)} is not a sai_bulk_op_error_mode_t value`);
    if (count === 0) return reject("a bulk call needs at least one object");
    const o = objects.get(objectType);
    if (o === undefined) return reject(`unknown object type ${JSON.stringify(objectType)}`);
    if (op === "create" && o.isSwitch) return reject("switches cannot be created in bulk");
    if (op === "create" && !o.isEntry) {
      const r = checkSwitchId(ctx.switchId, ctx.state);
      if (r) return { ...r, statuses: allNotExecuted() };
    }
    const overlay = new BulkOverlay(ctx.state, op);
    const statuses: ValidationResult[] = [];
    let firstFail = -1;
    for (let i = 0; i < count; i++) {
      if (stop && firstFail >= 0) {
        statuses.push(NOT_EXECUTED);
        continue;
      }
      const it = items[i] ?? {};
      const itemCtx: OpContext = { switchId: ctx.switchId, objectId: it.objectId, key: it.key, state: overlay };
      const r = validate(op, objectType, it.attrs ?? [], itemCtx);
      // The scratch of `o` still holds this item's attributes, so its KEY string can be rebuilt right here.
      if (r.code === 0) overlay.record(it, op === "create" && !o.isEntry && o.keyAttrs.length > 0 ? keyString(o, ctx.switchId) : null);
      else if (firstFail < 0) firstFail = i;
      statuses.push(r);
    }
    if (firstFail < 0) return { ...SUCCESS, message: `${count} object(s) valid`, statuses };
    const f = statuses[firstFail]!;
    // SAI's bulk contract answers FAILURE and leaves the detail to object_statuses; Meta returns the first failure.
    return sai
      ? { ...plain("FAILURE", `object ${firstFail}: ${f.message}`, firstFail), statuses }
      : { status: f.status, code: f.code, index: firstFail, message: `object ${firstFail}: ${f.message}`, statuses };
  }

  return {
    mode,
    objectTypes: [...objects.keys()],
    isEntry: (t) => objects.get(t)?.isEntry,
    attribute: (t, id) => objects.get(t)?.lookup(id)?.meta,
    validateCreate,
    validateSet,
    validateGet,
    validateRemove,
    validate,
    validateBulkCreate: (t, items, m, ctx) => bulk("create", t, items, m, ctx),
    validateBulkRemove: (t, items, m, ctx) => bulk("remove", t, items, m, ctx),
    validateBulkSet: (t, items, m, ctx) => bulk("set", t, items, m, ctx),
    validateBulkGet: (t, items, m, ctx) => bulk("get", t, items, m, ctx),
  };
}

/** A stable text of an entry key (member order and value forms normalized), for keyed sets of entries. */
export function canonicalKey(key: Readonly<Record<string, unknown>>): string {
  const part = (v: unknown): string => {
    if (typeof v === "bigint") return `o${v.toString(16)}`;
    if (v instanceof Uint8Array) return `b${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    if (Array.isArray(v)) return `[${v.map(part).join(",")}]`;
    if (typeof v === "object" && v !== null)
      return `{${Object.keys(v).sort().map((k) => `${k}=${part((v as Record<string, unknown>)[k])}`).join(",")}}`;
    return `${typeof v}:${String(v)}`;
  };
  return part(key);
}

/**
 * The state as a bulk call sees it part way through (§0b): objects created or removed by earlier items of the same
 * call count. Without a base state, only what the call itself did is known, and everything else is assumed present
 * (exists) or absent (entries on create), so no check fails for lack of state.
 */
class BulkOverlay implements ValidationState {
  private readonly createdEntries = new Set<string>();
  private readonly removedEntries = new Set<string>();
  private readonly removedOids = new Set<bigint>();
  private readonly usedKeys = new Set<string>();
  readonly keyInUse: (objectType: string, key: string) => boolean;
  readonly referenceCount?: (oid: bigint) => number;

  constructor(
    private readonly base: ValidationState | undefined,
    private readonly op: Operation,
  ) {
    const b = base;
    this.keyInUse = (t, k) => this.usedKeys.has(k) || (b?.keyInUse?.(t, k) ?? false);
    if (b?.referenceCount) this.referenceCount = (oid) => b.referenceCount!(oid);
  }

  exists(oid: bigint): boolean {
    return !this.removedOids.has(oid) && (this.base ? this.base.exists(oid) : true);
  }

  objectTypeOf(oid: bigint): string | undefined {
    return this.base?.objectTypeOf(oid);
  }

  entryExists(objectType: string, key: Readonly<Record<string, unknown>>): boolean {
    const k = canonicalKey(key);
    if (this.createdEntries.has(k)) return true;
    if (this.removedEntries.has(k)) return false;
    return this.base ? this.base.entryExists(objectType, key) : this.op !== "create";
  }

  /** Records the effect of a successful item (`keyText`: its KEY-attribute string, if it has one). */
  record(item: BulkItem, keyText: string | null): void {
    if (this.op === "create") {
      if (item.key) this.createdEntries.add(canonicalKey(item.key));
      else if (keyText !== null) this.usedKeys.add(keyText);
    } else if (this.op === "remove") {
      if (item.key) this.removedEntries.add(canonicalKey(item.key));
      else if (item.objectId !== undefined) this.removedOids.add(item.objectId);
    }
  }
}

