/**
 * The metadata as the runtime reads it: object types by name and value, attributes per object type in id order,
 * enums by name, and the OID type table. Built once per runtime from whatever header set was generated.
 */
import type { AttrMetadata, EnumMetadata, ObjectTypeInfo, SaiModel } from "../../generator/model/types.js";
import { enumLookup, type EnumLookup } from "../serialize/enum.js";
import { OidTypes } from "../validate/oid-types.js";

/** The switch object type name (value 33 in every SAI release). */
export const SWITCH_TYPE = "SAI_OBJECT_TYPE_SWITCH";

/** Read-only index over a model. */
export class Catalog {
  readonly model: SaiModel;
  readonly types: OidTypes;
  readonly enumsByName: ReadonlyMap<string, EnumMetadata>;
  readonly enumLookup: EnumLookup;
  private readonly infos = new Map<string, ObjectTypeInfo>();
  private readonly attrsByType = new Map<string, AttrMetadata[]>();
  private readonly attrByName = new Map<string, AttrMetadata>();
  private readonly attrById = new Map<string, Map<number, AttrMetadata>>();

  constructor(model: SaiModel) {
    this.model = model;
    this.types = new OidTypes(model);
    this.enumsByName = new Map(model.enums.map((e) => [e.name, e]));
    this.enumLookup = enumLookup(model.enums);
    for (const o of model.objectTypes) {
      this.infos.set(o.objecttype, o);
      this.attrsByType.set(o.objecttype, []);
      this.attrById.set(o.objecttype, new Map());
    }
    for (const a of model.attributes) {
      this.attrsByType.get(a.objecttype)?.push(a);
      this.attrById.get(a.objecttype)?.set(a.attrid, a);
      this.attrByName.set(a.attridname, a);
    }
    for (const l of this.attrsByType.values()) l.sort((x, y) => x.attrid - y.attrid);
  }

  /** Object type info by name. */
  info(objectType: string): ObjectTypeInfo | undefined {
    return this.infos.get(objectType);
  }

  /** Every object type with an info record. */
  objectTypes(): IterableIterator<ObjectTypeInfo> {
    return this.infos.values();
  }

  /** Attributes of an object type, in id order. */
  attrs(objectType: string): readonly AttrMetadata[] {
    return this.attrsByType.get(objectType) ?? [];
  }

  /** An attribute of `objectType` by name or numeric id. */
  attr(objectType: string, id: string | number): AttrMetadata | undefined {
    if (typeof id === "number") return this.attrById.get(objectType)?.get(id);
    const a = this.attrByName.get(id);
    return a && a.objecttype === objectType ? a : undefined;
  }

  /** The enum of an enum attribute. */
  enumOf(a: AttrMetadata): EnumMetadata | undefined {
    return a.enummetadata ? this.enumsByName.get(a.enummetadata) : undefined;
  }

  /** Numeric object type of a name. */
  typeValue(objectType: string): number | undefined {
    return this.types.valueOf(objectType);
  }

  /** Object type name encoded in an OID, or undefined. */
  typeNameOf(oid: bigint): string | undefined {
    if (oid <= 0n || oid >= 1n << 64n) return undefined;
    const t = this.types.typeOf(oid);
    return t < 0 ? undefined : this.types.nameOf(t);
  }
}
