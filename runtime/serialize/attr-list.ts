/**
 * Attribute lists as one JSON object `{"SAI_X_ATTR_Y": "<value text>", …}`: the sairedis (field, value) pairs of a
 * create/set, in order. An empty list prints `{}`; sairedis's placeholder pair `{"NULL":"NULL"}` reads as empty.
 */
import type { AttrMetadata } from "../../generator/model/types.js";
import { err, ok, type Result } from "../values/result.js";
import { NO_ENUMS, type EnumLookup } from "./enum.js";
import { isJsonObject, jsonKind, parseJson } from "./json.js";
import { parseValue, SerializeError, tryFormatValue, valueMetaOf, type ValueTextOptions } from "./value.js";

/** One attribute: its id name and its value (shape per the attribute's value type). */
export interface AttrEntry {
  readonly id: string;
  readonly value: unknown;
}

/** Finds attribute metadata by id name; `enums` resolves the attribute's and nested enums. */
export interface AttrListContext {
  readonly attr: (name: string) => AttrMetadata | undefined;
  readonly enums?: EnumLookup;
}

/** An AttrListContext over a model's attributes and enums. */
export function attrListContext(attributes: Iterable<AttrMetadata>, enums: EnumLookup = NO_ENUMS): AttrListContext {
  const byName = new Map<string, AttrMetadata>();
  for (const a of attributes) byName.set(a.attridname, a);
  return { attr: (name) => byName.get(name), enums };
}

/** The JSON attribute list, in the given order; throws SerializeError for unknown, repeated or unprintable ones. */
export function formatAttrList(attrs: readonly AttrEntry[], ctx: AttrListContext, opts?: ValueTextOptions): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const a of attrs) {
    const meta = ctx.attr(a.id);
    if (!meta) throw new SerializeError(`unknown attribute ${a.id}`);
    if (seen.has(a.id)) throw new SerializeError(`attribute ${a.id} appears twice`);
    seen.add(a.id);
    const r = tryFormatValue(valueMetaOf(meta, ctx.enums), a.value, opts);
    if (!r.ok) throw new SerializeError(`${a.id}: ${r.error}`);
    // Built by hand rather than via emitJson, which would sort the keys: attribute order is meaningful.
    parts.push(`${JSON.stringify(a.id)}:${JSON.stringify(r.value)}`);
  }
  return `{${parts.join(",")}}`;
}

/** Reads a JSON attribute list, keeping its order; never throws. */
export function parseAttrList(text: string, ctx: AttrListContext, opts?: ValueTextOptions): Result<AttrEntry[]> {
  const j = parseJson(text);
  if (!j.ok) return j;
  if (!isJsonObject(j.value)) return err(`expected a JSON object of attributes, got ${jsonKind(j.value)}`);
  if (j.value.size === 1 && j.value.get("NULL") === "NULL") return ok([]);
  const out: AttrEntry[] = [];
  for (const [id, v] of j.value) {
    const meta = ctx.attr(id);
    if (!meta) return err(`unknown attribute ${id}`);
    if (typeof v !== "string") return err(`${id}: expected the value as a JSON string, got ${jsonKind(v)}`);
    const r = parseValue(valueMetaOf(meta, ctx.enums), v, opts);
    if (!r.ok) return err(`${id}: ${r.error}`);
    out.push({ id, value: r.value });
  }
  return ok(out);
}
