/**
 * One text codec per value type, assembled from small combinators (scalar, list, range, ACL field/action, JSON
 * struct). `value.ts` wraps this table in the public API; entry keys and attribute lists reuse it.
 */
import type { EnumMetadata, ValueTypeName } from "../../generator/model/types.js";
import {
  formatIpAddress,
  formatIpPrefix,
  formatIpv4Bytes,
  formatIpv6Bytes,
  formatMac,
  parseIpAddressText,
  parseIpPrefixText,
  parseIpv4Text,
  parseIpv6Text,
  parseMacText,
} from "../values/address.js";
import { isNullList, listCount, nullList } from "../values/list.js";
import { err, ok, type Result } from "../values/result.js";
import { VALUE_SHAPES, type Shape } from "../values/shapes.js";
import type { AclCapability, LatchStatus, Range, SaiJson, SaiList } from "../values/types.js";
import { formatEnumValue, parseEnumValue, type EnumLookup } from "./enum.js";
import { emitJson, isJsonObject, jsonKind, JsonNumber, parseJson, type JsonOut, type JsonValue } from "./json.js";
import {
  formatChardata,
  formatHex64,
  formatHexBytes,
  formatInt,
  formatInt64,
  formatIntMask,
  formatOid,
  intBounds,
  parseBool,
  parseChardata,
  parseHex64,
  parseHexBytes,
  parseInt64,
  parseIntMask,
  parseIntText,
  parseOid,
} from "./scalars.js";

/** What a codec needs besides the value: the attribute's own enum, nested enums, and the GET count-only mode. */
export interface Ctx {
  readonly attrEnum: EnumMetadata | undefined;
  readonly enums: EnumLookup;
  readonly countOnly: boolean;
}

/** Text form of one value type. JSON-form codecs also expose the tree so entry keys can nest it. */
export interface Codec<T = unknown> {
  format(v: T, ctx: Ctx): Result<string>;
  parse(text: string, ctx: Ctx): Result<T>;
  toJson?(v: T, ctx: Ctx): Result<JsonOut>;
  fromJson?(j: JsonValue, ctx: Ctx): Result<T>;
}

function mapResult<A, B>(r: Result<A>, f: (a: A) => B): Result<B> {
  return r.ok ? ok(f(r.value)) : r;
}

/** Prefixes a failure with where it happened (`list item 2: …`). */
function within(r: { readonly error: string }, where: string): Result<never> {
  return err(`${where}: ${r.error}`);
}

// ---- scalars

const bool: Codec<boolean> = { format: (v) => ok(v ? "true" : "false"), parse: parseBool };

const int = (bits: 8 | 16 | 32, signed: boolean): Codec<number> => ({
  format: (v) => formatInt(v, bits, signed),
  parse: (s) => parseIntText(s, bits, signed),
});

const int64 = (signed: boolean): Codec<bigint> => ({
  format: (v) => formatInt64(v, signed),
  parse: (s) => parseInt64(s, signed),
});

/** An enum value read without its metadata: a number, or an error that says which metadata was missing. */
function parseEnumOrNumber(s: string, e: EnumMetadata | undefined, name: string | undefined): Result<number> {
  const r = parseEnumValue(s, e);
  if (r.ok || e || name === undefined || /^-?[0-9]+$/.test(s)) return r;
  return err(`expected a decimal value of ${name} (no metadata for ${name} was given to read names), got "${s}"`);
}

function enumCodec(pick: (ctx: Ctx) => EnumMetadata | undefined, name?: string): Codec<number> {
  return {
    format: (v, ctx) => {
      const range = formatInt(v, 32, true);
      return range.ok ? ok(formatEnumValue(v, pick(ctx))) : range;
    },
    parse: (s, ctx) => parseEnumOrNumber(s, pick(ctx), name),
  };
}

/** INT32 in attribute position: the attribute's enum when it has one, else decimal. */
const attrEnum = enumCodec((ctx) => ctx.attrEnum);
const nestedEnum = (name: string): Codec<number> => enumCodec((ctx) => ctx.enums(name), name);

const oid: Codec<bigint> = { format: formatOid, parse: parseOid };
const pointer: Codec<bigint> = { format: formatHex64, parse: (s) => parseHex64(s, "a pointer") };
const chardata: Codec<string> = { format: formatChardata, parse: parseChardata };
const mac: Codec<Uint8Array> = { format: (v) => ok(formatMac(v)), parse: parseMacText };
const ipv4: Codec<{ family: "ipv4"; bytes: Uint8Array }> = {
  format: (v) => ok(formatIpv4Bytes(v.bytes)),
  parse: parseIpv4Text,
};
const ipv6: Codec<{ family: "ipv6"; bytes: Uint8Array }> = {
  format: (v) => ok(formatIpv6Bytes(v.bytes)),
  parse: parseIpv6Text,
};
const ipaddr: Codec<Parameters<typeof formatIpAddress>[0]> = {
  format: (v) => ok(formatIpAddress(v)),
  parse: parseIpAddressText,
};
const prefix: Codec<Parameters<typeof formatIpPrefix>[0]> = { format: formatIpPrefix, parse: parseIpPrefixText };
const bytes = (length: number): Codec<Uint8Array> => ({
  format: (v) => ok(formatHexBytes(v)),
  parse: (s) => parseHexBytes(s, length),
});
const intMask = (bits: 8 | 16 | 32, signed: boolean): Codec<number> => ({
  format: (v) => formatIntMask(v, bits, signed),
  parse: (s) => parseIntMask(s, bits, signed),
});
const u64Mask: Codec<bigint> = { format: formatHex64, parse: (s) => parseHex64(s, "a 64-bit mask") };

// ---- composites

/** `min,max`. */
function range<T>(item: Codec<T>): Codec<Range<T>> {
  return {
    format: (v, ctx) => {
      const a = item.format(v.min, ctx);
      if (!a.ok) return within(a, "range min");
      const b = item.format(v.max, ctx);
      if (!b.ok) return within(b, "range max");
      return ok(`${a.value},${b.value}`);
    },
    parse: (s, ctx) => {
      const parts = s.split(",");
      if (parts.length !== 2) return err(`expected a range (min,max), got "${s}"`);
      const a = item.parse(parts[0]!, ctx);
      if (!a.ok) return within(a, "range min");
      const b = item.parse(parts[1]!, ctx);
      if (!b.ok) return within(b, "range max");
      return ok({ min: a.value, max: b.value });
    },
  };
}

function parseCount(text: string, whole: string): Result<number> {
  const r = parseIntText(text, 32, false);
  return r.ok ? r : err(`expected a list count (unsigned 32-bit decimal) before ":", got "${whole}"`);
}

/**
 * `count:item,item` / `count:null` / count-only `count`. `tokens` is how many comma-separated tokens one item
 * takes (2 for ranges, whose own text contains a comma).
 */
function list<T>(item: Codec<T>, tokens = 1): Codec<SaiList<T>> {
  return {
    format: (v, ctx) => {
      if (ctx.countOnly) return ok(String(listCount(v)));
      if (isNullList(v) || (v as readonly T[]).length === 0) return ok(`${listCount(v)}:null`);
      const items = v as readonly T[];
      const parts: string[] = [];
      for (let i = 0; i < items.length; i++) {
        const r = item.format(items[i]!, ctx);
        if (!r.ok) return within(r, `list item ${i}`);
        parts.push(r.value);
      }
      return ok(`${items.length}:${parts.join(",")}`);
    },
    parse: (s, ctx) => {
      if (ctx.countOnly) {
        const n = parseIntText(s, 32, false);
        if (!n.ok) return err(`expected a list count (unsigned 32-bit decimal), got "${s}"`);
        return ok(n.value === 0 ? [] : nullList(n.value));
      }
      const colon = s.indexOf(":");
      if (colon < 0) return err(`expected a list (count:item,… or count:null), got "${s}"`);
      const count = parseCount(s.slice(0, colon), s);
      if (!count.ok) return count;
      const rest = s.slice(colon + 1);
      if (rest === "null") return ok(count.value === 0 ? [] : nullList(count.value));
      if (count.value === 0) return err(`expected 0:null for an empty list, got "${s}"`);
      const parts = rest.split(",");
      if (parts.length !== count.value * tokens)
        return err(`list count ${count.value} does not match its ${Math.floor(parts.length / tokens)} items in "${s}"`);
      const out: T[] = [];
      for (let i = 0; i < count.value; i++) {
        const r = item.parse(parts.slice(i * tokens, (i + 1) * tokens).join(","), ctx);
        if (!r.ok) return within(r, `list item ${i}`);
        out.push(r.value);
      }
      return ok(out);
    },
  };
}

type Field<D, M> = { enable: false } | { enable: true; data: D; mask?: M };

/** ACL field: `disabled`, or `data&mask:mask`, or `data` alone for mask-less data types. */
function aclField<D, M>(data: Codec<D>, mask: Codec<M> | null): Codec<Field<D, M>> {
  return {
    format: (v, ctx) => {
      if (!v.enable) return ok("disabled");
      const d = data.format(v.data, ctx);
      if (!d.ok) return within(d, "ACL field data");
      if (!mask) return d;
      const m = mask.format(v.mask as M, ctx);
      if (!m.ok) return within(m, "ACL field mask");
      return ok(`${d.value}&mask:${m.value}`);
    },
    parse: (s, ctx) => {
      if (s === "disabled") return ok({ enable: false });
      const pos = s.indexOf("&mask:");
      if (!mask) {
        if (pos >= 0) return err(`expected disabled or the field data alone (this type has no mask), got "${s}"`);
        const d = data.parse(s, ctx);
        return d.ok ? ok({ enable: true, data: d.value }) : within(d, "ACL field data");
      }
      if (pos < 0) return err(`expected disabled or data&mask:mask, got "${s}"`);
      const d = data.parse(s.slice(0, pos), ctx);
      if (!d.ok) return within(d, "ACL field data");
      const m = mask.parse(s.slice(pos + 6), ctx);
      if (!m.ok) return within(m, "ACL field mask");
      return ok({ enable: true, data: d.value, mask: m.value });
    },
  };
}

/** ACL action: `disabled` or the parameter alone. */
function aclAction<P>(param: Codec<P>): Codec<{ enable: false } | { enable: true; parameter: P }> {
  return {
    format: (v, ctx) => {
      if (!v.enable) return ok("disabled");
      const r = param.format(v.parameter, ctx);
      return r.ok ? r : within(r, "ACL action parameter");
    },
    parse: (s, ctx) => {
      if (s === "disabled") return ok({ enable: false });
      const r = param.parse(s, ctx);
      return r.ok ? ok({ enable: true, parameter: r.value }) : within(r, "ACL action parameter");
    },
  };
}

const ACTION_TYPE_ENUM = "sai_acl_action_type_t";
const MATCH_TYPE_ENUM = "sai_acl_table_supported_match_type_t";

/**
 * `<is_action_list_mandatory>:<action enum list>` as sairedis prints it. sairedis drops `supported_match_type` and
 * `is_non_contiguous_bits_exact_match_supported`; when either is not zero/false we append `;<match type>;<bool>`
 * (a form sairedis rejects rather than misreads), so the value survives a round trip.
 */
const aclCapability: Codec<AclCapability> = (() => {
  const actions = list(nestedEnum(ACTION_TYPE_ENUM));
  const match = nestedEnum(MATCH_TYPE_ENUM);
  return {
    format: (v, ctx) => {
      const l = actions.format(v.action_list, ctx);
      if (!l.ok) return within(l, "action_list");
      let s = `${v.is_action_list_mandatory}:${l.value}`;
      if (v.supported_match_type !== 0 || v.is_non_contiguous_bits_exact_match_supported) {
        const m = match.format(v.supported_match_type, ctx);
        if (!m.ok) return within(m, "supported_match_type");
        s += `;${m.value};${v.is_non_contiguous_bits_exact_match_supported}`;
      }
      return ok(s);
    },
    parse: (s, ctx) => {
      const colon = s.indexOf(":");
      if (colon < 0) return err(`expected an ACL capability (true|false:<action list>), got "${s}"`);
      const mandatory = parseBool(s.slice(0, colon));
      if (!mandatory.ok) return within(mandatory, "is_action_list_mandatory");
      const [listText, matchText, exactText, ...extra] = s.slice(colon + 1).split(";");
      if (extra.length > 0 || (matchText !== undefined && exactText === undefined))
        return err(`expected <bool>:<action list>[;<match type>;<bool>], got "${s}"`);
      const l = actions.parse(listText!, ctx);
      if (!l.ok) return within(l, "action_list");
      let supported_match_type = 0;
      let exact = false;
      if (matchText !== undefined) {
        const m = match.parse(matchText, ctx);
        if (!m.ok) return within(m, "supported_match_type");
        const b = parseBool(exactText!);
        if (!b.ok) return within(b, "is_non_contiguous_bits_exact_match_supported");
        supported_match_type = m.value;
        exact = b.value;
      }
      return ok({
        is_action_list_mandatory: mandatory.value,
        action_list: l.value,
        supported_match_type,
        is_non_contiguous_bits_exact_match_supported: exact,
      });
    },
  };
})();

/** `changed:current_status`, sairedis's order. */
const latchStatus: Codec<LatchStatus> = {
  format: (v) => ok(`${v.changed}:${v.current_status}`),
  parse: (s) => {
    const parts = s.split(":");
    if (parts.length !== 2) return err(`expected a latch status (changed:current_status as true/false), got "${s}"`);
    const changed = parseBool(parts[0]!);
    const current = parseBool(parts[1]!);
    if (!changed.ok || !current.ok)
      return err(`expected a latch status (changed:current_status as true/false), got "${s}"`);
    return ok({ current_status: current.value, changed: changed.value });
  },
};

/** `{"json":"<s8 list>"}`; the inner list is never count-only (sairedis always prints it whole). */
const saiJson: Codec<SaiJson> = (() => {
  const inner = list(int(8, true));
  return {
    format: (v, ctx) => {
      const l = inner.format(v.json, { ...ctx, countOnly: false });
      return l.ok ? ok(emitJson({ json: l.value })) : within(l, "json");
    },
    parse: (s, ctx) => {
      const j = parseJson(s);
      if (!j.ok) return j;
      const m = j.value;
      if (!isJsonObject(m) || m.size !== 1 || typeof m.get("json") !== "string")
        return err(`expected {"json":"<count>:<s8 list>"}, got ${s}`);
      const l = inner.parse(m.get("json") as string, { ...ctx, countOnly: false });
      return l.ok ? ok({ json: l.value }) : within(l, "json");
    },
  };
})();

// ---- JSON forms driven by the value shapes

interface JsonOptions {
  /** Every integer as a decimal string (sairedis prints these structs with sai_serialize_number). */
  readonly stringScalars?: boolean;
  /** C member name → JSON key. */
  readonly renames?: Readonly<Record<string, string>>;
  /** Members left out when zero, so the text stays what sairedis prints (it does not know them). */
  readonly omitZero?: readonly string[];
  /** Members that read as zero when absent (sairedis backward compatibility). */
  readonly defaultZero?: readonly string[];
  /** Alternative reader for sairedis's (lossy) form; null when `j` is not in that form. */
  readonly alt?: (j: JsonValue, ctx: Ctx) => Result<unknown> | null;
}

function toJson(shape: Shape, v: unknown, ctx: Ctx, o: JsonOptions, path: string): Result<JsonOut> {
  const fail = (r: { readonly error: string }): Result<never> => within(r, path || "value");
  const text = (r: Result<string>): Result<JsonOut> => (r.ok ? r : fail(r));
  switch (shape.kind) {
    case "bool":
      return ok(v as boolean);
    case "int": {
      const n = v as number;
      const r = formatInt(n, shape.bits, shape.signed);
      if (!r.ok) return fail(r);
      if (shape.enum !== undefined) return ok(formatEnumValue(n, ctx.enums(shape.enum)));
      return ok(o.stringScalars ? r.value : n);
    }
    case "int64":
      return text(formatInt64(v as bigint, shape.signed));
    case "oid":
      return text(formatOid(v as bigint));
    case "pointer":
      return text(formatHex64(v as bigint));
    case "chardata":
      return text(formatChardata(v as string));
    case "mac":
      return ok(formatMac(v as Uint8Array));
    case "ipv4":
    case "ipv6":
    case "ipaddr":
      return ok(formatIpAddress(v as Parameters<typeof formatIpAddress>[0]));
    case "prefix":
      return text(formatIpPrefix(v as Parameters<typeof formatIpPrefix>[0]));
    case "bytes":
      return ok(formatHexBytes(v as Uint8Array));
    case "list": {
      const l = v as SaiList<unknown>;
      if (isNullList(l)) return ok({ count: l.count, list: null });
      const items: JsonOut[] = [];
      for (let i = 0; i < l.length; i++) {
        const r = toJson(shape.item, l[i], ctx, o, `${path}list[${i}]`);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return ok({ count: l.length, list: items });
    }
    case "array": {
      const items: JsonOut[] = [];
      const a = v as readonly unknown[];
      for (let i = 0; i < a.length; i++) {
        const r = toJson(shape.item, a[i], ctx, o, `${path}[${i}]`);
        if (!r.ok) return r;
        items.push(r.value);
      }
      return ok(items);
    }
    case "range": {
      const rv = v as Range<unknown>;
      const min = toJson(shape.item, rv.min, ctx, o, `${path}.min`);
      if (!min.ok) return min;
      const max = toJson(shape.item, rv.max, ctx, o, `${path}.max`);
      return max.ok ? ok({ min: min.value, max: max.value }) : max;
    }
    case "struct":
    case "union": {
      const obj = v as Record<string, unknown>;
      const out: Record<string, JsonOut> = {};
      for (const [name, s] of shape.members) {
        if (obj[name] === undefined && shape.kind === "union") continue;
        if (o.omitZero?.includes(name) && obj[name] === 0) continue;
        const r = toJson(s, obj[name], ctx, o, path ? `${path}.${name}` : name);
        if (!r.ok) return r;
        out[o.renames?.[name] ?? name] = r.value;
      }
      return ok(out);
    }
    case "aclfield":
    case "aclaction":
      return err(`${path}: ACL data has no JSON form`);
  }
}

function fromJson(shape: Shape, j: JsonValue | undefined, ctx: Ctx, o: JsonOptions, path: string): Result<unknown> {
  const where = path || "value";
  const fail = (r: { readonly error: string }): Result<never> => within(r, where);
  const expected = (what: string): Result<never> => err(`${where}: expected ${what}, got ${jsonKind(j)}`);
  const scalar = <T>(what: string, parse: (s: string) => Result<T>, numbers: boolean): Result<T> => {
    if (j === undefined) return expected(what);
    const t = typeof j === "string" ? j : numbers && j instanceof JsonNumber ? j.text : null;
    if (t === null) return expected(what);
    const r = parse(t);
    return r.ok ? r : fail(r);
  };
  switch (shape.kind) {
    case "bool":
      if (typeof j === "boolean") return ok(j);
      return scalar("true or false", parseBool, false);
    case "int":
      if (shape.enum !== undefined) {
        const [e, name] = [ctx.enums(shape.enum), shape.enum];
        return scalar(`a value of ${name}`, (s) => parseEnumOrNumber(s, e, name), true);
      }
      return scalar("an integer", (s) => parseIntText(s, shape.bits, shape.signed), true);
    case "int64":
      return scalar("a 64-bit integer", (s) => parseInt64(s, shape.signed), true);
    case "oid":
      return scalar("an object id string", parseOid, false);
    case "pointer":
      return scalar("a pointer string", (s) => parseHex64(s, "a pointer"), false);
    case "chardata":
      return scalar("a chardata string", parseChardata, false);
    case "mac":
      return scalar("a MAC address string", parseMacText, false);
    case "ipv4":
      return scalar("an IPv4 address string", parseIpv4Text, false);
    case "ipv6":
      return scalar("an IPv6 address string", parseIpv6Text, false);
    case "ipaddr":
      return scalar("an IP address string", parseIpAddressText, false);
    case "prefix":
      return scalar("an IP prefix string", parseIpPrefixText, false);
    case "bytes":
      return scalar("a hex string", (s) => parseHexBytes(s, shape.length), false);
    case "list": {
      if (!isJsonObject(j)) return expected(`{"count":N,"list":[…]|null}`);
      for (const k of j.keys()) if (k !== "count" && k !== "list") return err(`${where}: unexpected key "${k}"`);
      const c = j.get("count");
      const count = c instanceof JsonNumber ? parseIntText(c.text, 32, false) : err("missing");
      if (!count.ok) return err(`${where}.count: expected an unsigned 32-bit count, got ${jsonKind(c)}`);
      const l = j.get("list");
      if (l === null) return ok(count.value === 0 ? [] : nullList(count.value));
      if (!Array.isArray(l)) return err(`${where}.list: expected an array or null, got ${jsonKind(l)}`);
      if (l.length !== count.value) return err(`${where}: count ${count.value} does not match ${l.length} list items`);
      const out: unknown[] = [];
      for (let i = 0; i < l.length; i++) {
        const r = fromJson(shape.item, l[i], ctx, o, `${path}list[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return ok(out);
    }
    case "array": {
      if (!Array.isArray(j)) return expected("an array");
      if (shape.length !== undefined && j.length !== shape.length)
        return err(`${where}: expected ${shape.length} items, got ${j.length}`);
      const out: unknown[] = [];
      for (let i = 0; i < j.length; i++) {
        const r = fromJson(shape.item, j[i], ctx, o, `${path}[${i}]`);
        if (!r.ok) return r;
        out.push(r.value);
      }
      return ok(out);
    }
    case "range": {
      if (!isJsonObject(j) || j.size !== 2) return expected(`{"min":…,"max":…}`);
      const min = fromJson(shape.item, j.get("min"), ctx, o, `${path}.min`);
      if (!min.ok) return min;
      const max = fromJson(shape.item, j.get("max"), ctx, o, `${path}.max`);
      return max.ok ? ok({ min: min.value, max: max.value }) : max;
    }
    case "struct":
    case "union": {
      if (!isJsonObject(j)) return expected("an object");
      const known = new Map(shape.members.map(([name, s]) => [o.renames?.[name] ?? name, [name, s] as const]));
      for (const k of j.keys()) if (!known.has(k)) return err(`${where}: unexpected key "${k}"`);
      const out: Record<string, unknown> = {};
      if (shape.kind === "union") {
        if (j.size !== 1) return err(`${where}: expected exactly one of ${[...known.keys()].join(", ")}`);
        const [key, val] = [...j.entries()][0]!;
        const [name, s] = known.get(key)!;
        const r = fromJson(s, val, ctx, o, path ? `${path}.${name}` : name);
        if (!r.ok) return r;
        out[name] = r.value;
        return ok(out);
      }
      for (const [key, [name, s]] of known) {
        const sub = path ? `${path}.${key}` : key;
        if (!j.has(key)) {
          if (o.defaultZero?.includes(name) || o.omitZero?.includes(name)) {
            out[name] = 0;
            continue;
          }
          return err(`${sub}: missing`);
        }
        const r = fromJson(s, j.get(key), ctx, o, sub);
        if (!r.ok) return r;
        out[name] = r.value;
      }
      if (shape.kind === "struct" && shape.equalLength) {
        const lengths = shape.equalLength.map((n) => (out[n] as unknown[]).length);
        if (lengths.some((l) => l !== lengths[0]))
          return err(`${where}: ${shape.equalLength.join(" and ")} must have the same length`);
      }
      return ok(out);
    }
    case "aclfield":
    case "aclaction":
      return err(`${where}: ACL data has no JSON form`);
  }
}

/** A value in JSON, driven by its shape; list types print `{"count":N,"list":[…]|null}`. */
function jsonCodec(shape: Shape, o: JsonOptions = {}): Codec<unknown> {
  const toTree = (v: unknown, ctx: Ctx): Result<JsonOut> => {
    if (shape.kind === "list" && ctx.countOnly) return ok({ count: listCount(v as SaiList<unknown>), list: null });
    return toJson(shape, v, ctx, o, "");
  };
  const fromTree = (j: JsonValue, ctx: Ctx): Result<unknown> => {
    const alt = o.alt?.(j, ctx);
    if (alt) return alt;
    if (shape.kind === "list" && ctx.countOnly) {
      const c = isJsonObject(j) ? j.get("count") : undefined;
      const n = c instanceof JsonNumber ? parseIntText(c.text, 32, false) : err("");
      if (!n.ok) return err(`expected {"count":N,…} with an unsigned 32-bit count, got ${jsonKind(c)}`);
      return ok(n.value === 0 ? [] : nullList(n.value));
    }
    return fromJson(shape, j, ctx, o, "");
  };
  return {
    format: (v, ctx) => mapResult(toTree(v, ctx), emitJson),
    parse: (s, ctx) => {
      const j = parseJson(s);
      return j.ok ? fromTree(j.value, ctx) : j;
    },
    toJson: toTree,
    fromJson: fromTree,
  };
}

// ---- sairedis's lossy dictionary forms, accepted on input

/** Lane-keyed object `{"<lane>": …}` as sairedis prints lane lists; null when `j` is not one. */
function laneEntries(j: JsonValue): [number, JsonValue][] | null {
  if (!isJsonObject(j) || j.has("count")) return null;
  const out: [number, JsonValue][] = [];
  for (const [k, v] of j) {
    const lane = parseIntText(k, 32, false);
    if (!lane.ok) return null;
    out.push([lane.value, v]);
  }
  return out;
}

/** sairedis `{"<lane>": <dB with 2 decimals>}`: snr = round(dB × 256) (the dB rounding already lost precision). */
function snrAlt(j: JsonValue): Result<unknown> | null {
  const lanes = laneEntries(j);
  if (!lanes) return null;
  const out: { lane: number; snr: number }[] = [];
  const [, max] = intBounds(16, false);
  for (const [lane, v] of lanes) {
    if (!(v instanceof JsonNumber)) return err(`lane ${lane}: expected an SNR in dB, got ${jsonKind(v)}`);
    const snr = Math.round(Number(v.text) * 256);
    if (!(snr >= 0 && snr <= max)) return err(`lane ${lane}: SNR ${v.text} dB does not fit 16 bits of 1/256 dB`);
    out.push({ lane, snr });
  }
  return ok(out);
}

/** sairedis `{"<lane>": "T" | "F" | "T*" | "F*"}` (`*` = changed). */
function latchAlt(j: JsonValue): Result<unknown> | null {
  const lanes = laneEntries(j);
  if (!lanes) return null;
  const out: { lane: number; value: LatchStatus }[] = [];
  for (const [lane, v] of lanes) {
    if (typeof v !== "string" || !/^[TF]\*?$/.test(v))
      return err(`lane ${lane}: expected "T", "F", "T*" or "F*", got ${jsonKind(v)}`);
    out.push({ lane, value: { current_status: v[0] === "T", changed: v.endsWith("*") } });
  }
  return ok(out);
}

/** sairedis lane-centric taps `{"<lane>": [{"tap0": v}, {"tap1": v}, …]}`, turned back into one list per tap. */
function tapsAlt(j: JsonValue): Result<unknown> | null {
  const lanes = laneEntries(j);
  if (!lanes) return null;
  if (lanes.length === 0) return ok([]);
  const byLane = new Map(lanes);
  const first = byLane.get(0);
  if (!Array.isArray(first)) return err(`expected lane "0" to hold an array of taps`);
  const taps: number[][] = first.map(() => new Array<number>(lanes.length));
  for (let lane = 0; lane < lanes.length; lane++) {
    const arr = byLane.get(lane);
    if (!Array.isArray(arr) || arr.length !== taps.length)
      return err(`lane ${lane}: expected an array of ${taps.length} taps`);
    for (let t = 0; t < taps.length; t++) {
      const obj = arr[t];
      const v = isJsonObject(obj) ? obj.get(`tap${t}`) : undefined;
      const n = v instanceof JsonNumber ? parseIntText(v.text, 32, true) : err("");
      if (!n.ok) return err(`lane ${lane}: expected {"tap${t}": <int32>} at position ${t}`);
      taps[t]![lane] = n.value;
    }
  }
  return ok(taps);
}

// ---- the table

const U8 = int(8, false);
const S8 = int(8, true);
const U16 = int(16, false);
const S16 = int(16, true);
const U32 = int(32, false);
const S32 = int(32, true);
const U64 = int64(false);

const shapeJson = (vt: ValueTypeName, o?: JsonOptions): Codec<unknown> => jsonCodec(VALUE_SHAPES[vt], o);

/**
 * The codec of every value type. The table is heterogeneous, so its entries are typed loosely; `value.ts` checks a
 * value's shape before handing it to a codec.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const CODECS: Readonly<Record<ValueTypeName, Codec<any>>> = {
  BOOL: bool,
  CHARDATA: chardata,
  UINT8: U8,
  INT8: S8,
  UINT16: U16,
  INT16: S16,
  UINT32: U32,
  INT32: attrEnum,
  UINT64: U64,
  INT64: int64(true),
  POINTER: pointer,
  MAC: mac,
  IPV4: ipv4,
  IPV6: ipv6,
  IP_ADDRESS: ipaddr,
  IP_PREFIX: prefix,
  PRBS_RX_STATE: shapeJson("PRBS_RX_STATE"),
  OBJECT_ID: oid,
  OBJECT_LIST: list(oid),
  UINT8_LIST: list(U8),
  INT8_LIST: list(S8),
  UINT16_LIST: list(U16),
  INT16_LIST: list(S16),
  UINT32_LIST: list(U32),
  INT32_LIST: list(attrEnum),
  UINT32_RANGE: range(U32),
  UINT16_RANGE_LIST: list(range(U16), 2),
  INT32_RANGE: range(S32),
  ACL_FIELD_DATA_BOOL: aclField(bool, null),
  ACL_FIELD_DATA_UINT8: aclField(U8, intMask(8, false)),
  ACL_FIELD_DATA_INT8: aclField(S8, intMask(8, true)),
  ACL_FIELD_DATA_UINT16: aclField(U16, intMask(16, false)),
  ACL_FIELD_DATA_INT16: aclField(S16, intMask(16, true)),
  ACL_FIELD_DATA_UINT32: aclField(U32, intMask(32, false)),
  ACL_FIELD_DATA_INT32: aclField(attrEnum, intMask(32, true)),
  ACL_FIELD_DATA_UINT64: aclField(U64, u64Mask),
  ACL_FIELD_DATA_MAC: aclField(mac, mac),
  ACL_FIELD_DATA_IPV4: aclField(ipv4, ipv4),
  ACL_FIELD_DATA_IPV6: aclField(ipv6, ipv6),
  ACL_FIELD_DATA_MACSEC_SCI: aclField(U64, u64Mask),
  ACL_FIELD_DATA_OBJECT_ID: aclField(oid, null),
  ACL_FIELD_DATA_OBJECT_LIST: aclField(list(oid), null),
  ACL_FIELD_DATA_UINT8_LIST: aclField(list(U8), list(intMask(8, false))),
  ACL_ACTION_DATA_BOOL: aclAction(bool),
  ACL_ACTION_DATA_UINT8: aclAction(U8),
  ACL_ACTION_DATA_INT8: aclAction(S8),
  ACL_ACTION_DATA_UINT16: aclAction(U16),
  ACL_ACTION_DATA_INT16: aclAction(S16),
  ACL_ACTION_DATA_UINT32: aclAction(U32),
  ACL_ACTION_DATA_INT32: aclAction(attrEnum),
  ACL_ACTION_DATA_MAC: aclAction(mac),
  ACL_ACTION_DATA_IPV4: aclAction(ipv4),
  ACL_ACTION_DATA_IPV6: aclAction(ipv6),
  ACL_ACTION_DATA_IP_ADDRESS: aclAction(ipaddr),
  ACL_ACTION_DATA_OBJECT_ID: aclAction(oid),
  ACL_ACTION_DATA_OBJECT_LIST: aclAction(list(oid)),
  ACL_CAPABILITY: aclCapability,
  ACL_RESOURCE_LIST: shapeJson("ACL_RESOURCE_LIST", { stringScalars: true }),
  MAP_LIST: shapeJson("MAP_LIST"),
  VLAN_LIST: list(U16),
  QOS_MAP_LIST: shapeJson("QOS_MAP_LIST", {
    renames: { queue_index: "qidx" },
    omitZero: ["dei", "vc"],
    defaultZero: ["mpls_exp", "fc"],
  }),
  TLV_LIST: shapeJson("TLV_LIST"),
  SEGMENT_LIST: list(ipv6),
  IP_ADDRESS_LIST: list(ipaddr),
  PORT_EYE_VALUES_LIST: shapeJson("PORT_EYE_VALUES_LIST"),
  TIMESPEC: shapeJson("TIMESPEC"),
  NAT_ENTRY_DATA: shapeJson("NAT_ENTRY_DATA", { stringScalars: true }),
  MACSEC_SCI: U64,
  MACSEC_SSCI: U32,
  MACSEC_SAK: bytes(32),
  MACSEC_AUTH_KEY: bytes(16),
  MACSEC_SALT: bytes(12),
  SYSTEM_PORT_CONFIG: shapeJson("SYSTEM_PORT_CONFIG", { stringScalars: true }),
  SYSTEM_PORT_CONFIG_LIST: shapeJson("SYSTEM_PORT_CONFIG_LIST", { stringScalars: true }),
  FABRIC_PORT_REACHABILITY: shapeJson("FABRIC_PORT_REACHABILITY"),
  PORT_ERR_STATUS_LIST: list(nestedEnum("sai_port_err_status_t")),
  ENCRYPT_KEY: bytes(32),
  AUTH_KEY: bytes(16),
  LATCH_STATUS: latchStatus,
  PORT_LANE_LATCH_STATUS_LIST: shapeJson("PORT_LANE_LATCH_STATUS_LIST", { alt: latchAlt }),
  JSON: saiJson,
  IP_PREFIX_LIST: list(prefix),
  ACL_CHAIN_LIST: shapeJson("ACL_CHAIN_LIST"),
  PORT_FREQUENCY_OFFSET_PPM_LIST: shapeJson("PORT_FREQUENCY_OFFSET_PPM_LIST"),
  PORT_SNR_LIST: shapeJson("PORT_SNR_LIST", { alt: snrAlt }),
  TWAMP_STATS_DATA: shapeJson("TWAMP_STATS_DATA"),
  POE_PORT_POWER_CONSUMPTION: shapeJson("POE_PORT_POWER_CONSUMPTION", { stringScalars: true }),
  PORT_PAM4_EYE_VALUES_LIST: shapeJson("PORT_PAM4_EYE_VALUES_LIST"),
  TAPS_LIST: shapeJson("TAPS_LIST", { alt: tapsAlt }),
  UINT16_RANGE: range(U16),
  PRBS_PER_LANE_RX_STATUS_LIST: shapeJson("PRBS_PER_LANE_RX_STATUS_LIST"),
  PRBS_PER_LANE_RX_STATE_LIST: shapeJson("PRBS_PER_LANE_RX_STATE_LIST"),
  PRBS_BIT_ERROR_RATE: shapeJson("PRBS_BIT_ERROR_RATE"),
  PRBS_PER_LANE_BIT_ERROR_RATE_LIST: shapeJson("PRBS_PER_LANE_BIT_ERROR_RATE_LIST"),
  UINT64_RANGE: range(U64),
  UINT64_RANGE_LIST: list(range(U64), 2),
};
