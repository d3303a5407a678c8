/**
 * TypeScript type expressions for SAI values: attribute value types (SAI-METADATA.md §3.6), entry key members,
 * and plain C types of function parameters and notification structs. Every shape comes from the runtime's
 * `ValueOf<VT>` (`runtime/values/types.ts`), so the bindings and the runtime cannot disagree; this module only adds
 * what the runtime cannot know: which enum an INT32 carries, and which generated struct or key a C type names.
 */
import { valueTypeOfCType } from "../model/value-type.js";
import { ATTR_VALUE_TYPES, type AttrMetadata, type KeyMember, type SaiModel, type ValueTypeName } from "../model/types.js";
import { MODULES, type PackageNames } from "./names.js";
import { typeSymbol, type TsFile, type TsSymbol } from "./ts-file.js";

const VALUE_TYPES = new Set<string>(ATTR_VALUE_TYPES);

/** Plain C scalar types that are no `sai_attribute_value_t` member, by TS shape. */
const C_NUMBER = new Set([
  "uint8_t", "int8_t", "uint16_t", "int16_t", "uint32_t", "int32_t", "sai_size_t", "sai_stat_id_t", "sai_attr_id_t",
  "sai_cos_t", "sai_queue_index_t", "sai_vlan_id_t", "sai_label_id_t", "sai_switch_hash_seed_t", "int", "unsigned",
]);
const C_BIGINT = new Set(["uint64_t", "int64_t", "sai_uint64_t", "sai_int64_t", "sai_pointer_t"]);

/** A runtime type export by name. */
export function runtimeType(name: string): TsSymbol {
  return typeSymbol(name, name === "AttrEntry" ? MODULES.serialize : MODULES.values);
}

/** Strips the `SAI_ATTR_VALUE_TYPE_` prefix. */
export function shortValueType(vt: string): ValueTypeName {
  return vt.replace(/^SAI_ATTR_VALUE_TYPE_/, "") as ValueTypeName;
}

/** Type expressions written into one file; imports are recorded on the file as they are used. */
export class TypeWriter {
  private readonly unionMembers: Set<string>;
  private readonly keyOwner = new Map<string, string>();
  private readonly enumNames: Set<string>;

  constructor(
    readonly model: SaiModel,
    private readonly names: PackageNames,
    private readonly file: TsFile,
  ) {
    this.unionMembers = new Set(model.structs.find((s) => s.name === "sai_attribute_value_t")?.members.map((m) => m.basetype) ?? []);
    for (const o of model.objectTypes) if (o.keystruct) this.keyOwner.set(o.keystruct, o.objecttype);
    this.enumNames = new Set(model.enums.map((e) => e.name));
  }

  /** `ValueOf<"UINT32">`. */
  valueOf(vt: ValueTypeName): string {
    return `${this.file.use(runtimeType("ValueOf"))}<"${vt}">`;
  }

  /** The enum's type, or `number` for an enum the model lacks (its values are then unchecked). */
  enumType(name: string | null): string {
    const n = name ? this.names.enums.get(name) : undefined;
    if (name === "sai_status_t") return this.file.use(typeSymbol(this.names.status.type, MODULES.status));
    return n ? this.file.use(typeSymbol(n.name, n.module)) : "number";
  }

  /** The value type of an attribute: ValueOf of its value type, with the enum in place of INT32 where it has one. */
  attrType(a: AttrMetadata): string {
    const vt = shortValueType(a.attrvaluetype);
    if (a.isenumlist) return `${this.file.use(runtimeType("SaiList"))}<${this.enumType(a.enummetadata)}>`;
    if (a.isenum && !a.isaclmask) {
      if (vt === "INT32") return this.enumType(a.enummetadata);
      if (vt === "ACL_FIELD_DATA_INT32") return `${this.file.use(runtimeType("AclField"))}<${this.enumType(a.enummetadata)}, number>`;
      if (vt === "ACL_ACTION_DATA_INT32") return `${this.file.use(runtimeType("AclAction"))}<${this.enumType(a.enummetadata)}>`;
    }
    return this.valueOf(vt);
  }

  /** The type of an entry key member. */
  keyMemberType(m: KeyMember): string {
    if (m.isenum) return this.enumType(m.enummetadata);
    return this.valueOf(shortValueType(m.membervaluetype));
  }

  /** The attribute-list element of a pointer to `sai_attribute_t`: typed when `objects` names one object type. */
  attrEntryType(objects: readonly string[]): string {
    const o = objects.length === 1 ? this.names.objects.get(objects[0]!) : undefined;
    return o ? this.file.use(typeSymbol(o.attr, o.module)) : this.file.use(runtimeType("AttrEntry"));
  }

  /** The TS type of one element of C type `basetype` (no pointer or array level applied). */
  cElementType(basetype: string, objects: readonly string[] = []): string {
    if (basetype === "bool") return "boolean";
    if (basetype === "char") return "string";
    if (basetype === "void") return "number";
    if (basetype === "sai_object_id_t") return this.file.use(runtimeType("ObjectId"));
    if (basetype === "sai_status_t") return this.enumType("sai_status_t");
    if (basetype === "sai_attribute_t") return this.attrEntryType(objects);
    const key = this.keyOwner.get(basetype);
    if (key) {
      const o = this.names.objects.get(key)!;
      return this.file.use(typeSymbol(o.key!, o.module));
    }
    if (this.enumNames.has(basetype)) return this.enumType(basetype);
    if (C_NUMBER.has(basetype)) return "number";
    if (C_BIGINT.has(basetype)) return "bigint";
    if (this.unionMembers.has(basetype)) {
      const vt = valueTypeOfCType(basetype);
      if (VALUE_TYPES.has(vt)) return this.valueOf(vt as ValueTypeName);
    }
    const struct = this.names.structs.get(basetype);
    if (struct) return this.file.use(typeSymbol(struct, MODULES.notifications));
    return "unknown";
  }

  /**
   * The TS type of a C declaration: `void *` buffers are bytes, `char[N]` is a string, and a pointer or array of
   * anything else is a readonly array (its C count travels as the array length).
   */
  cType(basetype: string, pointer: number, arraysize: number | null, objects: readonly string[] = []): string {
    if (basetype === "void" && pointer > 0) return "Uint8Array";
    if (basetype === "char" && (arraysize !== null || pointer > 0)) return "string";
    let t = this.cElementType(basetype, objects);
    const levels = pointer + (arraysize !== null ? 1 : 0);
    for (let i = 0; i < levels; i++) t = `readonly ${/[|&]/.test(t) ? `(${t})` : t}[]`;
    return t;
  }
}
