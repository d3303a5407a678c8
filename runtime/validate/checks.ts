/**
 * Value checks, compiled once per attribute into one closure chosen by value type (SAI-METADATA.md §5.3 read
 * through §0b). A check returns `undefined` for a good value and a message for a bad one, so the success path
 * allocates nothing; messages are built only on failure.
 *
 * Checks that need the operation (state table, switch, create vs set) read the validator's {@link Env}, a single
 * mutable object set at the start of each call, instead of taking extra arguments.
 */
import type { AttrMetadata, EnumMetadata, KeyMember, ValueTypeName } from "../../generator/model/types.js";
import { VALUE_SHAPES, valueTypeName, type Shape } from "../values/shapes.js";
import { OID_MAX, oidText, type OidTypes } from "./oid-types.js";
import type { ValidationMode, ValidationState } from "./types.js";

/** A compiled check: `undefined` when the value is good, else what is wrong with it. */
export type Check = (v: unknown) => string | undefined;

/** Per-call facts the checks read. */
export interface Env {
  state: ValidationState | undefined;
  /** Switch index of the operation, or -1 when there is none (switch create) or it is unknown. */
  switchIndex: number;
}

/** What compiling a check needs besides the value type. */
export interface CheckContext {
  readonly mode: ValidationMode;
  readonly enums: (name: string) => EnumMetadata | undefined;
  readonly types: OidTypes;
  readonly env: Env;
}

/** SAI's bound on list counts (Meta: `count > MAX_LIST_COUNT`). */
export const MAX_LIST_COUNT = 0x1000000;

// Create-time chardata limit: Meta applies SAI_HOSTIF_NAME_SIZE (16 bytes incl. NUL) to every chardata attribute.
const CHARDATA_CREATE_MAX = 15;
const CHARDATA_MAX = 32;

/** Short text of any value for messages. */
export function describe(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "object") {
    const keys = Object.keys(v as object);
    return `{${keys.slice(0, 4).join(", ")}${keys.length > 4 ? ", …" : ""}}`;
  }
  return typeof v;
}

// ---- scalars

const boolCheck: Check = (v) => (typeof v === "boolean" ? undefined : `expected true or false, got ${describe(v)}`);

function intMessage(v: unknown, name: string, min: number, max: number): string {
  return typeof v === "number" && Number.isInteger(v)
    ? `${v} is out of range for ${name} (${min}..${max})`
    : `expected an integer (${name}), got ${describe(v)}`;
}

// Each width test is one bitwise round trip: it fails for non-integers, NaN, and anything out of range.
const u8: Check = (v) => (typeof v === "number" && (v & 0xff) === v ? undefined : intMessage(v, "UINT8", 0, 255));
const s8: Check = (v) => (typeof v === "number" && (v << 24) >> 24 === v ? undefined : intMessage(v, "INT8", -128, 127));
const u16: Check = (v) => (typeof v === "number" && (v & 0xffff) === v ? undefined : intMessage(v, "UINT16", 0, 65535));
const s16: Check = (v) =>
  typeof v === "number" && (v << 16) >> 16 === v ? undefined : intMessage(v, "INT16", -32768, 32767);
const u32: Check = (v) =>
  typeof v === "number" && v >>> 0 === v ? undefined : intMessage(v, "UINT32", 0, 4294967295);
const s32: Check = (v) =>
  typeof v === "number" && (v | 0) === v ? undefined : intMessage(v, "INT32", -2147483648, 2147483647);

/** The check of a ≤32-bit integer width. */
export function intCheck(bits: 8 | 16 | 32, signed: boolean): Check {
  if (bits === 8) return signed ? s8 : u8;
  if (bits === 16) return signed ? s16 : u16;
  return signed ? s32 : u32;
}

const S64_MIN = -(1n << 63n);
const S64_MAX = (1n << 63n) - 1n;
const u64: Check = (v) =>
  typeof v === "bigint" && v >= 0n && v <= OID_MAX
    ? undefined
    : typeof v === "bigint"
      ? `${v} is out of range for UINT64`
      : `expected a bigint (UINT64), got ${describe(v)}`;
const s64: Check = (v) =>
  typeof v === "bigint" && v >= S64_MIN && v <= S64_MAX
    ? undefined
    : typeof v === "bigint"
      ? `${v} is out of range for INT64`
      : `expected a bigint (INT64), got ${describe(v)}`;

const macCheck: Check = (v) =>
  v instanceof Uint8Array && v.length === 6 ? undefined : `expected a MAC address (6 bytes), got ${describe(v)}`;

function bytesCheck(length: number): Check {
  return (v) => (v instanceof Uint8Array && v.length === length ? undefined : `expected ${length} bytes, got ${describe(v)}`);
}

function familyBytes(family: unknown): number {
  return family === "ipv4" ? 4 : family === "ipv6" ? 16 : 0;
}

const ipv4Check: Check = (v) => {
  const o = v as { family?: unknown; bytes?: unknown } | null;
  return typeof o === "object" && o !== null && o.family === "ipv4" && o.bytes instanceof Uint8Array && o.bytes.length === 4
    ? undefined
    : `expected an IPv4 address ({family: "ipv4", bytes: 4 bytes}), got ${describe(v)}`;
};

const ipv6Check: Check = (v) => {
  const o = v as { family?: unknown; bytes?: unknown } | null;
  return typeof o === "object" && o !== null && o.family === "ipv6" && o.bytes instanceof Uint8Array && o.bytes.length === 16
    ? undefined
    : `expected an IPv6 address ({family: "ipv6", bytes: 16 bytes}), got ${describe(v)}`;
};

const ipAddressCheck: Check = (v) => {
  if (typeof v !== "object" || v === null) return `expected an IP address, got ${describe(v)}`;
  const o = v as { family?: unknown; bytes?: unknown };
  const n = familyBytes(o.family);
  if (n === 0) return `address family ${describe(o.family)} is neither IPv4 nor IPv6`;
  return o.bytes instanceof Uint8Array && o.bytes.length === n
    ? undefined
    : `an ${o.family as string} address needs ${n} bytes, got ${describe(o.bytes)}`;
};

/** True when the mask is leading ones then zeros. */
export function isContiguousMask(mask: Uint8Array): boolean {
  let i = 0;
  while (i < mask.length && mask[i] === 0xff) i++;
  if (i === mask.length) return true;
  const b = mask[i]!;
  // A partial byte must be ones followed by zeros: its complement plus one is a power of two.
  if (((~b & 0xff) + 1) & (~b & 0xff)) return false;
  for (i++; i < mask.length; i++) if (mask[i] !== 0) return false;
  return true;
}

// sairedis prints a prefix as addr/len and cannot express a non-contiguous mask, so such a value could never reach
// a SONiC stack: we reject it in both modes (Meta only checks the family).
const prefixCheck: Check = (v) => {
  if (typeof v !== "object" || v === null) return `expected an IP prefix, got ${describe(v)}`;
  const o = v as { family?: unknown; addr?: unknown; mask?: unknown };
  const n = familyBytes(o.family);
  if (n === 0) return `address family ${describe(o.family)} is neither IPv4 nor IPv6`;
  if (!(o.addr instanceof Uint8Array) || o.addr.length !== n || !(o.mask instanceof Uint8Array) || o.mask.length !== n)
    return `an ${o.family as string} prefix needs ${n}-byte addr and mask`;
  return isContiguousMask(o.mask) ? undefined : `the prefix mask is not contiguous`;
};

function printable(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** Chardata rules of Meta: 1..15 printable ASCII characters on create, 0..32 on set. */
export function chardataCheck(create: boolean): Check {
  const min = create ? 1 : 0;
  const max = create ? CHARDATA_CREATE_MAX : CHARDATA_MAX;
  return (v) => {
    if (typeof v !== "string") return `expected a string (chardata), got ${describe(v)}`;
    if (v.length < min || v.length > max)
      return `chardata must be ${min}..${max} characters on ${create ? "create" : "set"}, got ${v.length}`;
    return printable(v) ? undefined : `chardata may only hold printable ASCII (0x20..0x7E)`;
  };
}

// ---- enums

/** A membership test for an enum: exact values, or (flags-aware) any OR of the declared bits. */
export function enumCheck(e: EnumMetadata, mode: ValidationMode): Check {
  const flags = mode === "sai" && (e.flagstype === "SAI_ENUM_FLAGS_TYPE_STRICT" || e.flagstype === "SAI_ENUM_FLAGS_TYPE_MIXED");
  if (flags) {
    let mask = 0;
    for (const x of e.values) mask |= x.value;
    return (v) =>
      typeof v === "number" && (v | 0) === v && (v & ~mask) === 0
        ? undefined
        : typeof v === "number" && (v | 0) === v
          ? `${v} is not a combination of ${e.name} flags (bits outside 0x${(mask >>> 0).toString(16)})`
          : `expected an enum value (${e.name}), got ${describe(v)}`;
  }
  const why = (v: unknown): string =>
    typeof v === "number" && (v | 0) === v
      ? `${v} is not a value of ${e.name}${e.containsflags && mode === "sairedis" ? " (sairedis mode: flag combinations are not accepted)" : ""}`
      : `expected an enum value (${e.name}), got ${describe(v)}`;
  let max = 0;
  let min = 0;
  for (const x of e.values) {
    if (x.value > max) max = x.value;
    if (x.value < min) min = x.value;
  }
  // Dense small enums (nearly all of them) test membership with one typed-array load.
  if (min === 0 && max < 4096) {
    const table = new Uint8Array(max + 1);
    for (const x of e.values) table[x.value] = 1;
    return (v) => (typeof v === "number" && table[v as number] === 1 && (v | 0) === v ? undefined : why(v));
  }
  const set = new Set(e.values.map((x) => x.value));
  return (v) => (typeof v === "number" && set.has(v) ? undefined : why(v));
}

// ---- object ids

/** Everything wrong with a non-NULL OID as an attribute or key value, or undefined. */
export function oidProblem(
  v: bigint,
  allowed: readonly number[],
  ctx: CheckContext,
  checkExistence: boolean,
): string | undefined {
  if (v < 0n || v > OID_MAX) return `${v} does not fit a 64-bit object id`;
  const hi = Number(v >> 32n);
  const t = ctx.types.typeOfHi(hi);
  if (t < 0) return `${oidText(v)} does not encode a known object type`;
  if (allowed.length === 1 ? allowed[0] !== t : !allowed.includes(t))
    return `${oidText(v)} is a ${ctx.types.nameOf(t)}; allowed: ${allowed.map((a) => ctx.types.nameOf(a)).join(", ")}`;
  const env = ctx.env;
  const sw = hi >>> 24;
  if (env.switchIndex >= 0 && sw !== env.switchIndex)
    return `${oidText(v)} belongs to switch #${sw}, not to the operation's switch #${env.switchIndex}`;
  const st = env.state;
  if (checkExistence && st !== undefined) {
    if (env.switchIndex < 0 && !st.exists(ctx.types.switchOid(sw))) return `the switch of ${oidText(v)} does not exist`;
    if (!st.exists(v)) return `${oidText(v)} (${ctx.types.nameOf(t)}) does not exist`;
  }
  return undefined;
}

function allowedValues(names: readonly string[], types: OidTypes): number[] {
  const out: number[] = [];
  for (const n of names) {
    const v = types.valueOf(n);
    if (v !== undefined) out.push(v);
  }
  return out;
}

/** OBJECT_ID (and OID members of keys and ACL data): NULL rule, type, switch, existence. */
export function oidCheck(allowedNames: readonly string[], allowNull: boolean, ctx: CheckContext, existence = true): Check {
  const allowed = allowedValues(allowedNames, ctx.types);
  return (v) => {
    if (typeof v !== "bigint") return `expected an object id (bigint), got ${describe(v)}`;
    if (v === 0n) return allowNull ? undefined : `the NULL object id is not allowed here`;
    return oidProblem(v, allowed, ctx, existence);
  };
}

/** OBJECT_LIST: list shape, duplicates (checked first, as Meta does), NULL, type, one type for all elements. */
export function oidListCheck(allowedNames: readonly string[], allowNull: boolean, ctx: CheckContext): Check {
  const allowed = allowedValues(allowedNames, ctx.types);
  return (v) => {
    const shape = listShapeProblem(v);
    if (shape !== null) return shape;
    if (!Array.isArray(v)) return undefined; // a count-0 NULL list
    const n = v.length;
    for (let i = 0; i < n; i++) if (typeof v[i] !== "bigint") return `list item ${i}: expected an object id, got ${describe(v[i])}`;
    const items = v as readonly bigint[];
    if (n > 1) {
      if (n <= 32) {
        for (let i = 1; i < n; i++)
          for (let j = 0; j < i; j++) if (items[i] === items[j]) return `list item ${i}: ${oidText(items[i]!)} repeats item ${j}`;
      } else {
        const seen = new Set<bigint>();
        for (let i = 0; i < n; i++) {
          if (seen.has(items[i]!)) return `list item ${i}: ${oidText(items[i]!)} appears twice`;
          seen.add(items[i]!);
        }
      }
    }
    let first = -1;
    for (let i = 0; i < n; i++) {
      const x = items[i]!;
      if (x === 0n) {
        if (allowNull) continue;
        return `list item ${i}: the NULL object id is not allowed here`;
      }
      const p = oidProblem(x, allowed, ctx, true);
      if (p !== undefined) return `list item ${i}: ${p}`;
      // Mixed object types are never allowed (no tag enables them); §0b: every element is compared.
      const t = ctx.types.typeOf(x);
      if (first < 0) first = t;
      else if (t !== first) return `list item ${i}: ${ctx.types.nameOf(t)} differs from the list's ${ctx.types.nameOf(first)}`;
    }
    return undefined;
  };
}

// ---- lists and ranges

/** Shape and count rules shared by every list (§5.3): null for a fine list, else the problem. */
function listShapeProblem(v: unknown): string | null {
  if (Array.isArray(v)) return v.length > MAX_LIST_COUNT ? `list count ${v.length} exceeds ${MAX_LIST_COUNT}` : null;
  if (typeof v === "object" && v !== null && (v as { list?: unknown }).list === null) {
    const c = (v as { count?: unknown }).count;
    if (typeof c !== "number" || !Number.isInteger(c) || c < 0) return `expected a list, got ${describe(v)}`;
    if (c > MAX_LIST_COUNT) return `list count ${c} exceeds ${MAX_LIST_COUNT}`;
    return c > 0 ? `list count ${c} with a NULL list` : null;
  }
  return `expected a list (array, or {count, list: null}), got ${describe(v)}`;
}

/** A list whose elements each pass `item`. */
export function listCheck(item: Check): Check {
  return (v) => {
    const shape = listShapeProblem(v);
    if (shape !== null) return shape;
    if (!Array.isArray(v)) return undefined;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i]);
      if (p !== undefined) return `list item ${i}: ${p}`;
    }
    return undefined;
  };
}

function arrayCheck(item: Check, length: number | undefined): Check {
  return (v) => {
    if (!Array.isArray(v)) return `expected an array, got ${describe(v)}`;
    if (length !== undefined && v.length !== length) return `expected exactly ${length} items, got ${v.length}`;
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i]);
      if (p !== undefined) return `item ${i}: ${p}`;
    }
    return undefined;
  };
}

/** `{min, max}` with both ends of the item type and min ≤ max. */
export function rangeCheck(item: Check): Check {
  return (v) => {
    if (typeof v !== "object" || v === null) return `expected a range {min, max}, got ${describe(v)}`;
    const { min, max } = v as { min?: unknown; max?: unknown };
    const a = item(min);
    if (a !== undefined) return `min: ${a}`;
    const b = item(max);
    if (b !== undefined) return `max: ${b}`;
    return (min as number | bigint) <= (max as number | bigint) ? undefined : `range min ${String(min)} exceeds max ${String(max)}`;
  };
}

// ---- generic shapes

/** A check for any value shape (the structural rules plus widths, enums, list counts and ranges). */
export function shapeCheck(shape: Shape, ctx: CheckContext): Check {
  switch (shape.kind) {
    case "bool":
      return boolCheck;
    case "int": {
      const e = shape.enum !== undefined ? ctx.enums(shape.enum) : undefined;
      return e ? enumCheck(e, ctx.mode) : intCheck(shape.bits, shape.signed);
    }
    case "int64":
      return shape.signed ? s64 : u64;
    case "oid":
    case "pointer":
      return u64;
    case "chardata":
      return chardataCheck(false);
    case "mac":
      return macCheck;
    case "ipv4":
      return ipv4Check;
    case "ipv6":
      return ipv6Check;
    case "ipaddr":
      return ipAddressCheck;
    case "prefix":
      return prefixCheck;
    case "bytes":
      return bytesCheck(shape.length);
    case "list":
      return listCheck(shapeCheck(shape.item, ctx));
    case "array":
      return arrayCheck(shapeCheck(shape.item, ctx), shape.length);
    case "range":
      return rangeCheck(shapeCheck(shape.item, ctx));
    case "struct": {
      const members = shape.members.map(([name, s]) => [name, shapeCheck(s, ctx)] as const);
      const equal = shape.equalLength ?? [];
      return (v) => {
        if (typeof v !== "object" || v === null || Array.isArray(v)) return `expected a struct, got ${describe(v)}`;
        const o = v as Record<string, unknown>;
        for (const [name, check] of members) {
          const p = check(o[name]);
          if (p !== undefined) return `${name}: ${p}`;
        }
        for (const name of equal)
          if ((o[name] as unknown[]).length !== (o[equal[0]!] as unknown[]).length)
            return `${equal.join(" and ")} must have the same length`;
        return undefined;
      };
    }
    case "union": {
      const members = shape.members.map(([name, s]) => [name, shapeCheck(s, ctx)] as const);
      return (v) => {
        if (typeof v !== "object" || v === null) return `expected a union, got ${describe(v)}`;
        const o = v as Record<string, unknown>;
        const present = members.filter(([name]) => o[name] !== undefined);
        if (present.length !== 1) return `exactly one of ${members.map(([n]) => n).join(", ")} must be set`;
        const [name, check] = present[0]!;
        const p = check(o[name]);
        return p === undefined ? undefined : `${name}: ${p}`;
      };
    }
    case "aclfield":
      return aclFieldCheck(shapeCheck(shape.data, ctx), shape.mask ? shapeCheck(shape.mask, ctx) : null);
    case "aclaction":
      return aclActionCheck(shapeCheck(shape.parameter, ctx));
  }
}

/** `{enable: false}` or `{enable: true, data, mask}`; data and mask are checked only when enabled (as Meta does). */
export function aclFieldCheck(data: Check, mask: Check | null): Check {
  return (v) => {
    if (typeof v !== "object" || v === null) return `expected an ACL field {enable, data, mask}, got ${describe(v)}`;
    const o = v as { enable?: unknown; data?: unknown; mask?: unknown };
    if (typeof o.enable !== "boolean") return `ACL field: enable must be true or false`;
    if (!o.enable) return undefined;
    const d = data(o.data);
    if (d !== undefined) return `data: ${d}`;
    const m = mask === null ? undefined : mask(o.mask);
    return m === undefined ? undefined : `mask: ${m}`;
  };
}

/** `{enable: false}` or `{enable: true, parameter}`. */
export function aclActionCheck(parameter: Check): Check {
  return (v) => {
    if (typeof v !== "object" || v === null) return `expected an ACL action {enable, parameter}, got ${describe(v)}`;
    const o = v as { enable?: unknown; parameter?: unknown };
    if (typeof o.enable !== "boolean") return `ACL action: enable must be true or false`;
    if (!o.enable) return undefined;
    const p = parameter(o.parameter);
    return p === undefined ? undefined : `parameter: ${p}`;
  };
}

// ---- attributes and key members

/** The create-time and set-time checks of one attribute (they differ only for chardata). */
export interface AttrChecks {
  readonly create: Check;
  readonly set: Check;
}

/** Compiles the value check of one attribute from its metadata. */
export function attrChecks(a: AttrMetadata, ctx: CheckContext): AttrChecks {
  const vt = valueTypeName(a.attrvaluetype);
  if (!vt) {
    const bad: Check = () => `unknown value type ${a.attrvaluetype}`;
    return { create: bad, set: bad };
  }
  if (vt === "CHARDATA") return { create: chardataCheck(true), set: chardataCheck(false) };
  const c = valueCheck(vt, a.isenum || a.isenumlist ? a.enummetadata : null, a.allowedobjecttypes, a.allownullobjectid, ctx, true);
  return { create: c, set: c };
}

/** Compiles the check of one entry key member; OID existence is left to the caller (its status differs). */
export function memberCheck(m: KeyMember, ctx: CheckContext): Check {
  const vt = valueTypeName(m.membervaluetype);
  if (!vt) return () => `unknown value type ${m.membervaluetype}`;
  return valueCheck(vt, m.isenum ? m.enummetadata : null, m.allowedobjecttypes, false, ctx, false);
}

function valueCheck(
  vt: ValueTypeName,
  enumName: string | null,
  objects: readonly string[],
  allowNull: boolean,
  ctx: CheckContext,
  existence: boolean,
): Check {
  const e = enumName ? ctx.enums(enumName) : undefined;
  const oid = (): Check => oidCheck(objects, allowNull, ctx, existence);
  switch (vt) {
    case "INT32":
      return e ? enumCheck(e, ctx.mode) : s32;
    case "INT32_LIST":
      return listCheck(e ? enumCheck(e, ctx.mode) : s32);
    case "OBJECT_ID":
      return oid();
    case "OBJECT_LIST":
      return oidListCheck(objects, allowNull, ctx);
    case "ACL_FIELD_DATA_INT32":
      return aclFieldCheck(e ? enumCheck(e, ctx.mode) : s32, s32);
    case "ACL_ACTION_DATA_INT32":
      return aclActionCheck(e ? enumCheck(e, ctx.mode) : s32);
    case "ACL_FIELD_DATA_OBJECT_ID":
      return aclFieldCheck(oid(), null);
    case "ACL_FIELD_DATA_OBJECT_LIST":
      return aclFieldCheck(oidListCheck(objects, allowNull, ctx), null);
    case "ACL_ACTION_DATA_OBJECT_ID":
      return aclActionCheck(oid());
    case "ACL_ACTION_DATA_OBJECT_LIST":
      return aclActionCheck(oidListCheck(objects, allowNull, ctx));
    default:
      return shapeCheck(VALUE_SHAPES[vt], ctx);
  }
}
