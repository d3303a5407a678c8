/**
 * Loading a capability profile from YAML or JSON text or a file, with `file:line:col` diagnostics. Kept apart from
 * `profile.ts` (types and queries) so the validator copied into the generated package needs neither `node:fs` nor
 * `yaml`.
 */
import { readFileSync } from "node:fs";
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import type { AttrMetadata, Diagnostic, EnumMetadata } from "../../generator/model/types.js";
import { parseValue, valueMetaOf } from "../serialize/value.js";
import { enumCheck } from "./checks.js";
import { type AttrCapability, type CapabilityProfile, type ObjectCapability, type ProfileLoad } from "./profile.js";
import type { MetadataTables, Operation } from "./types.js";
const OPERATIONS: readonly Operation[] = ["create", "remove", "set", "get"];
const ATTR_OPERATIONS = ["create", "set", "get"] as const;
const TOP_KEYS = new Set(["version", "name", "vendor", "description", "objects", "switch"]);
const OBJECT_KEYS = new Set(["operations", "attributes", "description"]);
const ATTR_KEYS = new Set(["capability", "enumValues", "description"]);

const FLOW_ENTRY = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const FLOW_TABLE = "SAI_OBJECT_TYPE_FLOW_TABLE";
const BULK_SESSION = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION";
const BULK_FILTER = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER";
const CAPS = "SAI_SWITCH_ATTR_DASH_CAPS_";
const ENABLED_KEY_ATTR = "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY";
const UNIDIRECTIONAL_ATTR = "SAI_FLOW_ENTRY_ATTR_IS_UNIDIRECTIONAL_FLOW";
/** The DASH flow operation capabilities and the FLOW_ENTRY operation each one governs. */
const FLOW_OP_CAPS: readonly [string, Operation][] = [
  [`${CAPS}FLOW_CREATE`, "create"],
  [`${CAPS}FLOW_REMOVE`, "remove"],
  [`${CAPS}FLOW_SET`, "set"],
  [`${CAPS}FLOW_GET`, "get"],
];

interface Meta {
  readonly byObject: Map<string, Map<string, AttrMetadata>>;
  readonly knownTypeNames: Set<string>;
  readonly enums: Map<string, EnumMetadata>;
}

function metaOf(tables: MetadataTables): Meta {
  const byObject = new Map<string, Map<string, AttrMetadata>>();
  for (const o of tables.objectTypes) byObject.set(o.objecttype, new Map());
  for (const a of tables.attributes) byObject.get(a.objecttype)?.set(a.attridname, a);
  const knownTypeNames = new Set<string>();
  for (const e of tables.enums)
    if (e.name === "sai_object_type_t" || e.name === "sai_object_type_extensions_t") for (const v of e.values) knownTypeNames.add(v.name);
  return { byObject, knownTypeNames, enums: new Map(tables.enums.map((e) => [e.name, e])) };
}


/** Reads and checks a profile file; an unreadable file is a diagnostic too. */
export function loadProfileFile(path: string, tables: MetadataTables): ProfileLoad {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return {
      profile: null,
      diagnostics: [{ severity: "error", code: "profile-unreadable", message: `cannot read profile: ${(e as Error).message}`, file: path, line: 1, column: 1 }],
    };
  }
  return loadProfile(text, path, tables);
}

/** Parses a YAML (or JSON) profile and checks it against the metadata; never throws. */
export function loadProfile(text: string, file: string, tables: MetadataTables): ProfileLoad {
  const diags: Diagnostic[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  for (const e of doc.errors) {
    const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
    diags.push({ severity: "error", code: "profile-syntax", message: e.message.split("\n")[0]!, file, line: pos.line, column: pos.col });
  }
  if (diags.length > 0) return { profile: null, diagnostics: diags };

  const at = (node: Node | null | undefined): { line: number; column: number } => {
    const off = node?.range?.[0] ?? 0;
    const p = lc.linePos(off);
    return { line: p.line, column: p.col };
  };
  const report = (severity: "error" | "warning", node: Node | null | undefined, code: string, message: string): void => {
    diags.push({ severity, code, message, file, ...at(node) });
  };
  const error = (node: Node | null | undefined, code: string, message: string): void => report("error", node, code, message);

  const meta = metaOf(tables);
  const root = doc.contents;
  const objects = new Map<string, ObjectCapability>();
  const switchValues = new Map<string, unknown>();
  // Where each described object/attribute came from, for cross-check locations.
  const objectNodes = new Map<string, { key: Node; operations: Node | null; explicitOps: boolean; attributes: Node | null }>();
  const enumValueNodes = new Map<string, Node>();
  const switchNodes = new Map<string, Node>();
  let name = file;

  if (!isMap(root)) {
    error(root, "profile-schema", "a profile is a mapping with `objects` and/or `switch`");
    return { profile: null, diagnostics: diags };
  }
  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = keyText(pair);
    if (key === null || !TOP_KEYS.has(key)) {
      error(pair.key, "profile-schema", `unknown top-level key ${JSON.stringify(key)} (expected one of ${[...TOP_KEYS].join(", ")})`);
      continue;
    }
    const v = pair.value;
    if (key === "version") {
      if (!isScalar(v) || v.value !== 1) error(v ?? pair.key, "profile-schema", "version must be 1");
    } else if (key === "name" || key === "vendor" || key === "description") {
      if (!isScalar(v) || typeof v.value !== "string") error(v ?? pair.key, "profile-schema", `${key} must be a string`);
      else if (key === "name") name = v.value;
    } else if (key === "objects") {
      if (!isMap(v)) {
        error(v ?? pair.key, "profile-schema", "objects must be a mapping of SAI_OBJECT_TYPE_* names");
        continue;
      }
      for (const op of v.items as Pair<Node, Node | null>[]) readObject(op);
    } else if (key === "switch") {
      if (!isMap(v)) {
        error(v ?? pair.key, "profile-schema", "switch must be a mapping of SAI_SWITCH_ATTR_* names to values");
        continue;
      }
      for (const sp of v.items as Pair<Node, Node | null>[]) readSwitchValue(sp);
    }
  }

  function readObject(pair: Pair<Node, Node | null>): void {
    const ot = keyText(pair);
    if (ot === null) return error(pair.key, "profile-schema", "object type names are strings");
    const attrs = meta.byObject.get(ot);
    if (!attrs) {
      const why = meta.knownTypeNames.has(ot) ? "has no attribute metadata in these headers" : "is not an object type";
      return error(pair.key, "unknown-object-type", `${ot} ${why}`);
    }
    const v = pair.value;
    const operations: Record<Operation, boolean> = { create: true, remove: true, set: true, get: true };
    let attributes: Map<string, AttrCapability> | null = null;
    let opsNode: Node | null = null;
    let attrsNode: Node | null = null;
    let explicitOps = false;
    if (v !== null && !(isScalar(v) && v.value === null)) {
      if (!isMap(v)) return error(v, "profile-schema", `${ot}: expected a mapping with operations and/or attributes`);
      for (const p of v.items as Pair<Node, Node | null>[]) {
        const k = keyText(p);
        if (k === null || !OBJECT_KEYS.has(k)) {
          error(p.key, "profile-schema", `${ot}: unknown key ${JSON.stringify(k)} (expected operations, attributes)`);
          continue;
        }
        if (k === "operations") {
          opsNode = p.value;
          explicitOps = true;
          const list = opList(p.value, OPERATIONS, `${ot} operations`);
          if (list) for (const op of OPERATIONS) operations[op] = list.includes(op);
        } else if (k === "attributes") {
          attrsNode = p.value;
          attributes = new Map();
          if (!isMap(p.value)) {
            error(p.value ?? p.key, "profile-schema", `${ot} attributes: expected a mapping of attribute names`);
            continue;
          }
          for (const ap of p.value.items as Pair<Node, Node | null>[]) {
            const c = readAttribute(ot, attrs, ap);
            if (c) attributes.set(c[0], c[1]);
          }
        }
      }
    }
    if (objects.has(ot)) error(pair.key, "profile-schema", `${ot} is described twice`);
    objects.set(ot, { objectType: ot, operations, attributes });
    objectNodes.set(ot, { key: pair.key, operations: opsNode, explicitOps, attributes: attrsNode });
  }

  function opList<T extends string>(node: Node | null, allowed: readonly T[], what: string): T[] | null {
    if (!isSeq(node)) {
      error(node, "profile-schema", `${what}: expected a list of ${allowed.join(", ")}`);
      return null;
    }
    const out: T[] = [];
    for (const item of node.items as Node[]) {
      const s = isScalar(item) ? item.value : undefined;
      if (typeof s !== "string" || !(allowed as readonly string[]).includes(s)) {
        error(item, "profile-schema", `${what}: ${JSON.stringify(s ?? null)} is not one of ${allowed.join(", ")}`);
        continue;
      }
      out.push(s as T);
    }
    return out;
  }

  function readAttribute(ot: string, attrs: Map<string, AttrMetadata>, pair: Pair<Node, Node | null>): [string, AttrCapability] | null {
    const an = keyText(pair);
    if (an === null) {
      error(pair.key, "profile-schema", "attribute names are strings");
      return null;
    }
    const a = attrs.get(an);
    if (!a) {
      error(pair.key, "unknown-attribute", `${an} is not an attribute of ${ot}`);
      return null;
    }
    let capNode: Node | null = null;
    let valuesNode: Node | null = null;
    if (isSeq(pair.value)) capNode = pair.value;
    else if (isMap(pair.value)) {
      for (const p of (pair.value as YAMLMap<Node, Node | null>).items) {
        const k = keyText(p);
        if (k === "capability") capNode = p.value;
        else if (k === "enumValues") valuesNode = p.value;
        else if (k !== "description")
          error(p.key, "profile-schema", `${an}: unknown key ${JSON.stringify(k)} (expected ${[...ATTR_KEYS].join(", ")})`);
      }
      if (capNode === null) error(pair.key, "profile-schema", `${an}: capability (a list of create, set, get) is required`);
    } else {
      error(pair.value ?? pair.key, "profile-schema", `${an}: expected a list of create, set, get or a mapping with capability`);
      return null;
    }
    const ops = capNode ? opList(capNode, ATTR_OPERATIONS, `${an} capability`) ?? [] : [];
    const cap = { create: ops.includes("create"), set: ops.includes("set"), get: ops.includes("get") };
    if (a.isreadonly && (cap.create || cap.set))
      error(capNode, "read-only-capability", `${an} is READ_ONLY: it cannot be implemented for ${[cap.create ? "create" : "", cap.set ? "set" : ""].filter(Boolean).join(" or ")}`);
    else if (!a.iscreateandset && cap.set)
      error(capNode, "create-only-set", `${an} is CREATE_ONLY${a.iskey ? " (KEY)" : ""}: it cannot be implemented for set`);
    let values: number[] | null = null;
    if (valuesNode !== null) {
      const e = a.enummetadata ? meta.enums.get(a.enummetadata) : undefined;
      if (!(a.isenum || a.isenumlist) || !e) error(valuesNode, "not-enum", `${an} is not an enum attribute: enumValues does not apply`);
      else if (!isSeq(valuesNode)) error(valuesNode, "profile-schema", `${an} enumValues: expected a list of ${e.name} value names`);
      else {
        values = [];
        const byName = new Map(e.values.map((x) => [x.name, x.value]));
        for (const item of valuesNode.items as Node[]) {
          const s = isScalar(item) ? item.value : undefined;
          const val = typeof s === "string" ? byName.get(s) : undefined;
          if (val === undefined) error(item, "enum-value", `${JSON.stringify(s ?? null)} is not a value of ${e.name} (the enum of ${an})`);
          else values.push(val);
        }
        enumValueNodes.set(`${ot}/${an}`, valuesNode);
      }
    }
    return [an, { ...cap, values }];
  }

  function readSwitchValue(pair: Pair<Node, Node | null>): void {
    const an = keyText(pair);
    const a = an === null ? undefined : meta.byObject.get("SAI_OBJECT_TYPE_SWITCH")?.get(an);
    if (an === null || !a) return error(pair.key, "unknown-attribute", `${JSON.stringify(an)} is not a switch attribute`);
    if (!a.isreadonly)
      return error(pair.key, "capability-not-read-only", `${an} is not READ_ONLY: only read-only switch attributes are capability values`);
    const node = pair.value;
    const text = valueText(node, a);
    const enumLookup = (n: string): EnumMetadata | undefined => meta.enums.get(n);
    const parsed = text === null ? null : parseValue(valueMetaOf(a, enumLookup), text);
    if (parsed === null || !parsed.ok) {
      const why = parsed === null ? "expected a scalar or a list of scalars" : parsed.error;
      return error(node ?? pair.key, "capability-value-type", `${an} (${a.attrvaluetype.replace("SAI_ATTR_VALUE_TYPE_", "")}${a.enummetadata ? ` ${a.enummetadata}` : ""}): ${why}`);
    }
    // Flag values must be ORs of declared bits, whatever the text said (`0x…` tokens are accepted by the parser).
    const e = a.isenum && a.enummetadata ? meta.enums.get(a.enummetadata) : undefined;
    if (e) {
      const bad = enumCheck(e, "sai")(parsed.value);
      if (bad !== undefined) return error(node, "capability-value-type", `${an}: ${bad}`);
    }
    switchValues.set(an, parsed.value);
    switchNodes.set(an, node ?? pair.key);
  }

  // ---- cross-checks against the metadata and between capability values and object descriptions

  for (const [ot, oc] of objects) {
    const nodes = objectNodes.get(ot)!;
    const attrs = meta.byObject.get(ot)!;
    if (oc.attributes) {
      for (const [an, c] of oc.attributes)
        for (const op of ATTR_OPERATIONS)
          if (c[op] && !oc.operations[op])
            report("warning", nodes.operations ?? nodes.key, "capability-conflict", `${an} lists ${op}, but ${ot} does not support the ${op} operation`);
    }
    if (oc.operations.create && oc.attributes) {
      for (const a of attrs.values()) {
        if (!a.ismandatoryoncreate || a.isdeprecated) continue;
        if (oc.attributes.get(a.attridname)?.create) continue;
        if (a.isconditional)
          report("warning", nodes.attributes ?? nodes.key, "mandatory-not-creatable", `${a.attridname} is mandatory on create when its condition holds, but it is not implemented for create`);
        else
          error(nodes.attributes ?? nodes.key, "mandatory-not-creatable", `${a.attridname} is MANDATORY_ON_CREATE but not implemented for create, so ${ot} cannot be created (drop create from operations or implement it)`);
      }
    }
  }

  const capBool = (an: string): boolean | undefined => {
    const v = switchValues.get(an);
    return typeof v === "boolean" ? v : undefined;
  };
  type Mutable = { objectType: string; operations: Record<Operation, boolean>; attributes: Map<string, AttrCapability> | null };
  const ensure = (ot: string): Mutable | null => {
    if (!meta.byObject.has(ot)) return null;
    const cur = objects.get(ot) ?? { objectType: ot, operations: { create: true, remove: true, set: true, get: true }, attributes: null };
    const copy: Mutable = { objectType: ot, operations: { ...cur.operations }, attributes: cur.attributes ? new Map(cur.attributes) : null };
    objects.set(ot, copy);
    return copy;
  };

  // FLOW_CREATE/REMOVE/SET/GET govern FLOW_ENTRY's operations.
  for (const [an, op] of FLOW_OP_CAPS) {
    const b = capBool(an);
    if (b === undefined) continue;
    const described = objectNodes.get(FLOW_ENTRY);
    if (described?.explicitOps && objects.get(FLOW_ENTRY)!.operations[op] !== b)
      error(switchNodes.get(an), "capability-conflict", `${an} is ${b}, but ${FLOW_ENTRY} operations ${b ? "lack" : "include"} ${op}`);
    const fe = ensure(FLOW_ENTRY);
    if (fe) fe.operations[op] = b;
  }
  // BULK_GET_SESSION=false: neither sessions nor their filters exist.
  if (capBool(`${CAPS}BULK_GET_SESSION`) === false) {
    for (const ot of [BULK_SESSION, BULK_FILTER]) {
      const oc = objects.get(ot);
      const nodes = objectNodes.get(ot);
      if (oc && nodes && OPERATIONS.some((op) => oc.operations[op]))
        error(nodes.operations ?? nodes.key, "capability-conflict", `${CAPS}BULK_GET_SESSION is false, but ${ot} lists operations`);
      const o = ensure(ot);
      if (o) for (const op of OPERATIONS) o.operations[op] = false;
    }
  }
  // SUPPORTED_DASH_FLOW_ENABLED_KEY bounds the flow table's enabled key bits.
  const mask = switchValues.get(`${CAPS}SUPPORTED_DASH_FLOW_ENABLED_KEY`);
  if (typeof mask === "number") {
    const e = meta.enums.get("sai_dash_flow_enabled_key_t");
    const ft = objects.get(FLOW_TABLE);
    const declared = ft?.attributes?.get(ENABLED_KEY_ATTR)?.values;
    if (declared) {
      const outside = declared.filter((v) => typeof v === "number" && (v & ~mask) !== 0);
      const nameOf = (v: number | boolean): string => e?.values.find((x) => x.value === v)?.name ?? String(v);
      if (outside.length > 0)
        error(enumValueNodes.get(`${FLOW_TABLE}/${ENABLED_KEY_ATTR}`), "capability-conflict",
          `${ENABLED_KEY_ATTR} lists ${outside.map(nameOf).join(", ")}, outside ${CAPS}SUPPORTED_DASH_FLOW_ENABLED_KEY (0x${(mask >>> 0).toString(16)})`);
    }
    const o = e && meta.byObject.get(FLOW_TABLE)?.has(ENABLED_KEY_ATTR) ? ensure(FLOW_TABLE) : null;
    if (o && e) {
      const bits = e.values.map((x) => x.value).filter((v) => v !== 0 && (v & mask) === v);
      const prev = o.attributes?.get(ENABLED_KEY_ATTR);
      const values = prev?.values ? prev.values.filter((v) => typeof v === "number" && (v === 0 || (v & mask) === v)) : bits;
      if (o.attributes) {
        if (prev) o.attributes.set(ENABLED_KEY_ATTR, { ...prev, values });
      } else {
        o.attributes = allAttributes(meta.byObject.get(FLOW_TABLE)!);
        o.attributes.set(ENABLED_KEY_ATTR, { ...o.attributes.get(ENABLED_KEY_ATTR)!, values });
      }
    }
  }
  // UNIDIRECTIONAL_FLOW_ENTRY=false: a flow entry may not be marked unidirectional.
  if (capBool(`${CAPS}UNIDIRECTIONAL_FLOW_ENTRY`) === false && meta.byObject.get(FLOW_ENTRY)?.has(UNIDIRECTIONAL_ATTR)) {
    const o = ensure(FLOW_ENTRY)!;
    if (!o.attributes) o.attributes = allAttributes(meta.byObject.get(FLOW_ENTRY)!);
    const prev = o.attributes.get(UNIDIRECTIONAL_ATTR);
    if (prev) o.attributes.set(UNIDIRECTIONAL_ATTR, { ...prev, values: [false] });
  }

  const hasErrors = diags.some((d) => d.severity === "error");
  diags.sort((a, b) => a.line - b.line || a.column - b.column);
  return {
    profile: hasErrors ? null : { name, file, objects, switchValues, tables },
    diagnostics: diags,
  };
}

function keyText(pair: Pair<Node, Node | null>): string | null {
  const k = pair.key as Node | null;
  return isScalar(k) && typeof k.value === "string" ? k.value : null;
}

/** The capability of every attribute as its flags allow (the meaning of an object without `attributes`). */
function allAttributes(attrs: Map<string, AttrMetadata>): Map<string, AttrCapability> {
  const out = new Map<string, AttrCapability>();
  for (const a of attrs.values()) out.set(a.attridname, { create: !a.isreadonly, set: a.iscreateandset, get: true, values: null });
  return out;
}

/** The sairedis text of a YAML capability value: scalars as written, lists joined as flags or as a list. */
function valueText(node: Node | null, a: AttrMetadata): string | null {
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return String(v);
    return null;
  }
  if (isSeq(node)) {
    const items: string[] = [];
    for (const it of node.items as Node[]) {
      if (!isScalar(it) || it.value === null || typeof it.value === "object") return null;
      items.push(String(it.value));
    }
    return a.isenum ? items.join("|") : `${items.length}:${items.length === 0 ? "null" : items.join(",")}`;
  }
  return null;
}

// ---- effective capabilities and the runtime's queries

/** The effective capability of one attribute (metadata flags ∧ object operations ∧ profile). */
