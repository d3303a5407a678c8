/**
 * Every C → TypeScript name rule of the generated package, and where each name lives.
 *
 * Two families of names, chosen so users can grep the headers for what they see:
 * - C entities keep their C spelling: enum objects and types (`sai_dash_direction_t`), enum members and attribute
 *   ids (`SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT`), status constants (`SAI_STATUS_FAILURE`), API members
 *   (`create_flow_entries`), struct members and parameters (`flow_entry`, `switch_id`).
 * - Things the bindings invent are PascalCase built from the C stem (`CreateFlowTableAttrs`, `FlowEntryKey`,
 *   `DashFlowApi`, `DashFlowActionFlags`).
 *
 * Every exported name of the package goes through one {@link NameRegistry}, because `src/index.ts` re-exports all
 * modules with `export *` and TypeScript silently drops (then errors on) a name two modules export. A clash keeps
 * the first owner's name and gives later owners a numbered suffix (`_2`, `_3`, …) in model order, which is
 * deterministic. Clashes are not expected in SAI today; the rule exists so a future header cannot break the build.
 */
import { isFlagsEnum, type EnumMetadata, type ObjectTypeInfo, type SaiModel } from "../model/types.js";

export { isFlagsEnum };

/** ECMAScript reserved words (incl. strict mode and future reserved) plus TypeScript's predefined type names. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
  "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
  "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
  "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "arguments",
  "eval", "undefined", "NaN", "Infinity",
  // type positions: an interface or alias with these names is an error
  "any", "unknown", "never", "object", "string", "number", "boolean", "bigint", "symbol", "type", "keyof",
  "readonly", "infer", "is", "asserts", "declare", "namespace", "module", "abstract", "as", "satisfies",
]);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A usable binding name for `name`: invalid characters become `_`, reserved words get a trailing `_`. */
export function safeIdentifier(name: string): string {
  let s = name.replace(/[^A-Za-z0-9_$]/g, "_");
  if (s === "" || /^[0-9]/.test(s)) s = "_" + s;
  return RESERVED_WORDS.has(s) ? s + "_" : s;
}

/** A property key as written in an object type or literal: bare when it is an identifier name, else quoted. */
export function propertyKey(name: string): string {
  // reserved words are legal property names; only `__proto__` would change the meaning of a literal
  return IDENT.test(name) && name !== "__proto__" ? name : JSON.stringify(name);
}

/** `flow_bulk_get_session` / `FLOW_TABLE` → `FlowBulkGetSession` / `FlowTable`. */
export function pascalCase(cname: string): string {
  return cname
    .split(/_+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1).toLowerCase())
    .join("");
}

/** `SAI_OBJECT_TYPE_FLOW_TABLE` → `flow_table` (the C stem, as in `sai_flow_table_attr_t`). */
export function objectStem(objecttype: string): string {
  return objecttype.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
}

/** `sai_switch_health_data_t` → `switch_health_data`. */
export function cTypeStem(ctype: string): string {
  return ctype.replace(/^sai_/, "").replace(/_t$/, "").replace(/_fn$/, "");
}

/** `SAI_STATUS_INVALID_ATTRIBUTE_0` → `SAI_STATUS_INVALID_ATTRIBUTE` (the indexed helper's name). */
export function statusRangeStem(name: string): string {
  return name.replace(/_0$/, "");
}

/** `SAI_STATUS_INVALID_ATTRIBUTE_0` → `SAI_STATUS_IS_INVALID_ATTRIBUTE`, as the C macro in `saistatus.h`. */
export function statusRangePredicate(name: string): string {
  return statusRangeStem(name).replace(/^SAI_STATUS_/, "SAI_STATUS_IS_");
}

/** Claims unique names across the package; the first claimant keeps a name, later ones get `_2`, `_3`, … */
export class NameRegistry {
  private readonly owners = new Map<string, string>();
  /** Clashes that were resolved by suffixing, as `name: first owner / later owner` lines (for tests and docs). */
  readonly clashes: string[] = [];

  /** Marks `name` as taken by something outside the model (e.g. a runtime export). */
  reserve(name: string, owner: string): void {
    if (!this.owners.has(name)) this.owners.set(name, owner);
  }

  /** A unique safe identifier for `desired`, recorded as owned by `owner`. */
  claim(desired: string, owner: string): string {
    const base = safeIdentifier(desired);
    let name = base;
    for (let i = 2; this.owners.has(name); i++) name = `${base}_${i}`;
    if (name !== base) this.clashes.push(`${base}: ${this.owners.get(base)} / ${owner}`);
    this.owners.set(name, owner);
    return name;
  }

  /** True when `name` is taken. */
  has(name: string): boolean {
    return this.owners.has(name);
  }
}

/** Module paths inside `src/`, without extension (imports add `.js`). */
export const MODULES = {
  index: "index",
  enums: "enums",
  status: "status",
  notifications: "notifications",
  metadata: "metadata",
  runtime: "runtime/v1/index",
  bindings: "runtime/v1/bindings",
  values: "runtime/v1/values/index",
  modelTypes: "runtime/v1/model-types",
  serialize: "runtime/v1/serialize/index",
} as const;

/** The module of an object type's bindings. */
export function objectModule(objecttype: string): string {
  return `objects/${objectStem(objecttype)}`;
}

/** The module of an API table's interface. */
export function apiModule(stem: string): string {
  return `apis/${stem}`;
}

/** The generated names of one object type. */
export interface ObjectNames {
  module: string;
  /** `FlowTable`. */
  pascal: string;
  /** The attribute id enum, C name kept (`sai_flow_table_attr_t`). */
  attrEnum: string;
  /** Union of attribute names. */
  attrName: string;
  /** Interface: attribute name → value type. */
  values: string;
  /** Attributes of a create call. */
  create: string;
  /** One attribute of a set call. */
  set: string;
  /** Attributes returned by a get call. */
  get: string;
  /** Any attribute as `{id, value}`. */
  attr: string;
  /** Entry key interface (`FlowEntryKey`), null for object-id types. */
  key: string | null;
}

/** The generated names of one enum. */
export interface EnumNames {
  module: string;
  /** Value object and type, C name kept. */
  name: string;
  /** Bit helpers of a flags enum (`DashFlowActionFlags`), else null. */
  flags: string | null;
}

/** The generated names of one API table. */
export interface ApiNames {
  module: string;
  /** `DashFlowApi`. */
  iface: string;
}

/** The generated names of one notification. */
export interface NotificationNames {
  /** Callback type (`FlowBulkGetSessionEventNotification`). */
  callback: string;
}

/** Every name the generated package exports, decided once for the whole model. */
export interface PackageNames {
  registry: NameRegistry;
  objects: Map<string, ObjectNames>;
  enums: Map<string, EnumNames>;
  apis: Map<string, ApiNames>;
  notifications: Map<string, NotificationNames>;
  /** Struct interfaces emitted with the notifications (`sai_switch_health_data_t` → `SwitchHealthData`). */
  structs: Map<string, string>;
  /** Status constants and range helpers. */
  status: { type: string; constants: Map<string, string>; rangeHelpers: Map<string, { index: string; is: string }>; name: string };
  /** Metadata table constants and lookups. */
  metadata: Record<"model" | "objectTypes" | "attributes" | "enums" | "statusCodes" | "structs" | "apis" | "notifications" | "attribute" | "objectType" | "enumOf", string>;
}

/** Names the runtime surface (`runtime/v1`) exports; generated names must not take them. */
export type RuntimeExports = readonly string[];

/** Enums the status module owns instead of the enums module. */
export function isStatusEnum(e: EnumMetadata): boolean {
  return e.name === "sai_status_t";
}

/** Structs reachable from notifications that get an interface of their own (not value types, not entry keys). */
export function notificationStructs(model: SaiModel): string[] {
  const byName = new Map(model.structs.map((s) => [s.name, s]));
  const skip = new Set<string>(["sai_attribute_t", "sai_attribute_value_t"]);
  for (const m of byName.get("sai_attribute_value_t")?.members ?? []) skip.add(m.basetype);
  for (const o of model.objectTypes) if (o.keystruct) skip.add(o.keystruct);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    if (seen.has(name) || skip.has(name)) return;
    const s = byName.get(name);
    if (!s) return;
    seen.add(name);
    for (const m of s.members) visit(m.basetype);
    out.push(name);
  };
  for (const n of model.notifications) for (const p of n.params) visit(p.basetype);
  return out;
}

/** Decides every exported name of the package for `model`; `runtime` lists the runtime surface's exports. */
export function packageNames(model: SaiModel, runtime: RuntimeExports): PackageNames {
  const registry = new NameRegistry();
  for (const r of runtime) registry.reserve(r, "runtime/v1");

  // C-spelled names first: they are what users grep for, so they never get a suffix when something invented clashes
  const enums = new Map<string, EnumNames>();
  const attrEnumOwner = new Map<string, ObjectTypeInfo>();
  for (const o of model.objectTypes) attrEnumOwner.set(o.attrenum, o);
  for (const e of model.enums) {
    if (isStatusEnum(e)) continue;
    const owner = attrEnumOwner.get(e.name);
    enums.set(e.name, { module: owner ? objectModule(owner.objecttype) : MODULES.enums, name: registry.claim(e.name, `enum ${e.name}`), flags: null });
  }
  const statusConstants = new Map<string, string>();
  for (const s of model.statusCodes) statusConstants.set(s.name, registry.claim(s.name, `status ${s.name}`));
  const rangeHelpers = new Map<string, { index: string; is: string }>();
  for (const s of model.statusCodes)
    if (s.range && s.name.endsWith("_0"))
      rangeHelpers.set(s.name, {
        index: registry.claim(statusRangeStem(s.name), `status range ${s.name}`),
        is: registry.claim(statusRangePredicate(s.name), `status range ${s.name}`),
      });
  const status = {
    type: registry.claim("sai_status_t", "status type"),
    constants: statusConstants,
    rangeHelpers,
    name: registry.claim("statusName", "status name helper"),
  };

  const objects = new Map<string, ObjectNames>();
  for (const o of model.objectTypes) {
    const pascal = pascalCase(objectStem(o.objecttype));
    const own = `object ${o.objecttype}`;
    objects.set(o.objecttype, {
      module: objectModule(o.objecttype),
      pascal,
      attrEnum: enums.get(o.attrenum)?.name ?? registry.claim(o.attrenum, own),
      attrName: registry.claim(`${pascal}AttrName`, own),
      values: registry.claim(`${pascal}AttrValues`, own),
      create: registry.claim(`Create${pascal}Attrs`, own),
      set: registry.claim(`Set${pascal}Attr`, own),
      get: registry.claim(`Get${pascal}Attrs`, own),
      attr: registry.claim(`${pascal}Attr`, own),
      key: o.keystruct ? registry.claim(`${pascal}Key`, own) : null,
    });
  }
  for (const e of model.enums) {
    const n = enums.get(e.name);
    if (n && isFlagsEnum(e)) n.flags = registry.claim(`${pascalCase(cTypeStem(e.name))}Flags`, `flags of ${e.name}`);
  }
  const apis = new Map<string, ApiNames>();
  for (const a of model.apis) apis.set(a.name, { module: apiModule(a.stem), iface: registry.claim(`${pascalCase(a.stem)}Api`, `api ${a.name}`) });
  const notifications = new Map<string, NotificationNames>();
  for (const n of model.notifications)
    notifications.set(n.name, { callback: registry.claim(`${pascalCase(n.name)}Notification`, `notification ${n.fntype}`) });
  const structs = new Map<string, string>();
  for (const s of notificationStructs(model)) structs.set(s, registry.claim(pascalCase(cTypeStem(s)), `struct ${s}`));
  const md = (n: string) => registry.claim(n, "metadata");
  const metadata = {
    model: md("SAI_METADATA"),
    objectTypes: md("SAI_OBJECT_TYPE_INFOS"),
    attributes: md("SAI_ATTRIBUTES"),
    enums: md("SAI_ENUMS"),
    statusCodes: md("SAI_STATUS_CODES"),
    structs: md("SAI_STRUCTS"),
    apis: md("SAI_APIS"),
    notifications: md("SAI_NOTIFICATIONS"),
    attribute: md("attributeMetadata"),
    objectType: md("objectTypeInfo"),
    enumOf: md("enumMetadata"),
  };
  return { registry, objects, enums, apis, notifications, structs, status, metadata };
}
