/**
 * Entry (non-object-id) keys as sairedis JSON (SAI-METADATA.md §0 item 9, §6): keys sorted alphabetically, every
 * scalar a JSON string in its attribute text form, a few members renamed for the core entries, and NAT entry data
 * nested as an object of strings.
 */
import type { KeyMember } from "../../generator/model/types.js";
import { err, ok, type Result } from "../values/result.js";
import { matchesShape, VALUE_SHAPES, valueTypeName } from "../values/shapes.js";
import { CODECS, type Ctx } from "./codecs.js";
import { NO_ENUMS, type EnumLookup } from "./enum.js";
import { emitJson, isJsonObject, jsonKind, parseJson, type JsonOut } from "./json.js";
import { SerializeError } from "./value.js";

/** sairedis's member renames per entry object type (C member name → JSON key); other entries keep C names. */
export const ENTRY_KEY_RENAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  SAI_OBJECT_TYPE_ROUTE_ENTRY: { destination: "dest", vr_id: "vr" },
  SAI_OBJECT_TYPE_NEIGHBOR_ENTRY: { rif_id: "rif", ip_address: "ip" },
  SAI_OBJECT_TYPE_FDB_ENTRY: { mac_address: "mac", bv_id: "bvid" },
  SAI_OBJECT_TYPE_NAT_ENTRY: { vr_id: "vr", data: "nat_data" },
};

/** The renames of one object type (empty for entries that keep their C member names). */
export function entryKeyRenames(objecttype: string): Readonly<Record<string, string>> {
  return ENTRY_KEY_RENAMES[objecttype] ?? {};
}

function memberCtx(m: KeyMember, enums: EnumLookup): Ctx {
  return { attrEnum: m.isenum && m.enummetadata ? enums(m.enummetadata) : undefined, enums, countOnly: false };
}

/**
 * The JSON key of an entry whose members are `key[membername]`. Throws SerializeError for a missing, unknown or
 * ill-shaped member.
 */
export function formatEntryKey(
  members: readonly KeyMember[],
  key: Readonly<Record<string, unknown>>,
  renames: Readonly<Record<string, string>> = {},
  enums: EnumLookup = NO_ENUMS,
): string {
  const names = new Set(members.map((m) => m.membername));
  for (const k of Object.keys(key)) if (!names.has(k)) throw new SerializeError(`entry key has no member "${k}"`);
  const out: Record<string, JsonOut> = {};
  for (const m of members) {
    const vt = valueTypeName(m.membervaluetype);
    if (!vt) throw new SerializeError(`key member ${m.membername}: unknown value type ${m.membervaluetype}`);
    const v = key[m.membername];
    if (v === undefined) throw new SerializeError(`entry key lacks member "${m.membername}"`);
    if (!matchesShape(VALUE_SHAPES[vt], v))
      throw new SerializeError(`key member ${m.membername}: value does not have the shape of ${vt}`);
    const codec = CODECS[vt];
    const ctx = memberCtx(m, enums);
    const r = codec.toJson ? codec.toJson(v, ctx) : codec.format(v, ctx);
    if (!r.ok) throw new SerializeError(`key member ${m.membername}: ${r.error}`);
    out[renames[m.membername] ?? m.membername] = r.value;
  }
  return emitJson(out);
}

/** Reads an entry key's JSON into `{membername: value}`; every member is required and unknown keys are errors. */
export function parseEntryKey(
  members: readonly KeyMember[],
  text: string,
  renames: Readonly<Record<string, string>> = {},
  enums: EnumLookup = NO_ENUMS,
): Result<Record<string, unknown>> {
  const j = parseJson(text);
  if (!j.ok) return j;
  if (!isJsonObject(j.value)) return err(`expected an entry key JSON object, got ${jsonKind(j.value)}`);
  const byJsonKey = new Map(members.map((m) => [renames[m.membername] ?? m.membername, m]));
  for (const k of j.value.keys()) if (!byJsonKey.has(k)) return err(`entry key has unexpected key "${k}"`);
  const out: Record<string, unknown> = {};
  for (const [jsonKey, m] of byJsonKey) {
    const vt = valueTypeName(m.membervaluetype);
    if (!vt) return err(`key member ${m.membername}: unknown value type ${m.membervaluetype}`);
    const v = j.value.get(jsonKey);
    if (v === undefined) return err(`entry key lacks "${jsonKey}"`);
    const codec = CODECS[vt];
    const ctx = memberCtx(m, enums);
    let r: Result<unknown>;
    if (typeof v === "string") r = codec.parse(v, ctx);
    else if (codec.fromJson && isJsonObject(v)) r = codec.fromJson(v, ctx);
    else r = err(`expected a string, got ${jsonKind(v)}`);
    if (!r.ok) return err(`entry key "${jsonKey}": ${r.error}`);
    out[m.membername] = r.value;
  }
  return ok(out);
}
