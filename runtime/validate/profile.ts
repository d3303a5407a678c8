/**
 * Vendor capability profiles (schema: docs/capability-profile.md): which object types, operations, attributes and
 * enum values an implementation supports, and the values of its read-only capability switch attributes
 * (`SAI_SWITCH_ATTR_DASH_CAPS_*`). The loader checks a profile against the metadata and returns every
 * inconsistency as a located diagnostic; the validator and the runtime's capability queries read the result.
 */
import { isFlagsEnum, type AttrMetadata, type Diagnostic, type EnumMetadata } from "../../generator/model/types.js";
import { parseValue, valueMetaOf } from "../serialize/value.js";
import { enumCheck } from "./checks.js";
import { STATUS } from "./status.js";
import type { MetadataTables, Operation } from "./types.js";

/** What an implementation supports of one attribute. */
export interface AttrCapability {
  readonly create: boolean;
  readonly set: boolean;
  readonly get: boolean;
  /**
   * Supported values; null when every value valid for the attribute is supported. For enums these are enum
   * values (for flag enums: the supported bits, a value is supported when all its bits are); for bools, the
   * supported booleans (derived from capability switch attributes).
   */
  readonly values: readonly (number | boolean)[] | null;
}

/** What an implementation supports of one object type. */
export interface ObjectCapability {
  readonly objectType: string;
  readonly operations: Readonly<Record<Operation, boolean>>;
  /** Implemented attributes; null means every attribute, for every operation its flags allow. */
  readonly attributes: ReadonlyMap<string, AttrCapability> | null;
}

/** A loaded profile: the effective capabilities after applying the capability switch attributes. */
export interface CapabilityProfile {
  readonly name: string;
  readonly file: string;
  /** Described object types; object types not described are unrestricted. */
  readonly objects: ReadonlyMap<string, ObjectCapability>;
  /** Values of read-only switch capability attributes, in `runtime/values` shapes. */
  readonly switchValues: ReadonlyMap<string, unknown>;
  /** The metadata the profile was checked against (the queries need defaults for undescribed types). */
  readonly tables: MetadataTables;
}

/** The loader's answer: a profile when it has no errors, and every diagnostic. */
export interface ProfileLoad {
  readonly profile: CapabilityProfile | null;
  readonly diagnostics: readonly Diagnostic[];
}

export function attributeCapability(profile: CapabilityProfile, a: AttrMetadata): AttrCapability {
  const base = { create: !a.isreadonly, set: a.iscreateandset, get: true };
  const oc = profile.objects.get(a.objecttype);
  if (!oc) return { ...base, values: null };
  const listed = oc.attributes ? oc.attributes.get(a.attridname) : undefined;
  const p = oc.attributes === null ? { ...base, values: null } : listed ?? { create: false, set: false, get: false, values: null };
  return {
    create: base.create && p.create && oc.operations.create,
    set: base.set && p.set && oc.operations.set,
    get: p.get && oc.operations.get,
    values: p.values,
  };
}

/** Whether the profile supports `op` on `objectType` at all (undescribed object types: yes). */
export function operationSupported(profile: CapabilityProfile, objectType: string, op: Operation): boolean {
  return profile.objects.get(objectType)?.operations[op] ?? true;
}

/** A value check for the profile's supported values of an enum/bool attribute, or null when unrestricted. */
export function supportedValueCheck(profile: CapabilityProfile, a: AttrMetadata, e: EnumMetadata | undefined): ((v: unknown) => boolean) | null {
  const values = attributeCapability(profile, a).values;
  if (values === null) return null;
  if (e && isFlagsEnum(e)) {
    let mask = 0;
    for (const v of values) if (typeof v === "number") mask |= v;
    const zero = values.includes(0);
    return (v) => typeof v === "number" && (v === 0 ? zero : (v & ~mask) === 0);
  }
  const set = new Set<unknown>(values);
  if (a.isenumlist) return (v) => !Array.isArray(v) || v.every((x) => set.has(x));
  return (v) => set.has(v);
}

/** `sai_attr_capability_t`. */
export interface AttrCapabilityAnswer {
  readonly create_implemented: boolean;
  readonly set_implemented: boolean;
  readonly get_implemented: boolean;
}

/** A query answer: a status and, on success, the data. */
export type QueryResult<T> =
  | { readonly status: "SAI_STATUS_SUCCESS"; readonly code: 0; readonly value: T }
  | { readonly status: "SAI_STATUS_INVALID_PARAMETER"; readonly code: number; readonly message: string };

function findAttr(profile: CapabilityProfile, objectType: string, attr: string | number): AttrMetadata | string {
  if (!profile.tables.objectTypes.some((o) => o.objecttype === objectType)) return `unknown object type ${objectType}`;
  const a = profile.tables.attributes.find(
    (x) => x.objecttype === objectType && (typeof attr === "number" ? x.attrid === attr : x.attridname === attr),
  );
  return a ?? `${String(attr)} is not an attribute of ${objectType}`;
}

function invalid(message: string): QueryResult<never> {
  return { status: "SAI_STATUS_INVALID_PARAMETER", code: STATUS.INVALID_PARAMETER, message };
}

/** `sai_query_attribute_capability` answered from the profile. */
export function queryAttributeCapability(
  profile: CapabilityProfile,
  objectType: string,
  attr: string | number,
): QueryResult<AttrCapabilityAnswer> {
  const a = findAttr(profile, objectType, attr);
  if (typeof a === "string") return invalid(a);
  const c = attributeCapability(profile, a);
  return { status: "SAI_STATUS_SUCCESS", code: 0, value: { create_implemented: c.create, set_implemented: c.set, get_implemented: c.get } };
}

/**
 * `sai_query_attribute_enum_values_capability` answered from the profile: the supported enum values (for flag
 * enums, the supported bits), or every value of the enum when the profile does not restrict them.
 */
export function queryAttributeEnumValuesCapability(
  profile: CapabilityProfile,
  objectType: string,
  attr: string | number,
): QueryResult<readonly number[]> {
  const a = findAttr(profile, objectType, attr);
  if (typeof a === "string") return invalid(a);
  const e = a.enummetadata ? profile.tables.enums.find((x) => x.name === a.enummetadata) : undefined;
  if (!(a.isenum || a.isenumlist) || !e) return invalid(`${a.attridname} is not an enum attribute`);
  const values = attributeCapability(profile, a).values;
  const all = e.values.map((x) => x.value);
  return {
    status: "SAI_STATUS_SUCCESS",
    code: 0,
    value: values === null ? all : all.filter((v) => values.includes(v)),
  };
}

