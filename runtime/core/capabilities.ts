/**
 * What the emulated device can do: the READ_ONLY DASH capability attributes of the switch and the answers to the
 * two capability queries, from the vendor capability profile when there is one, else from the metadata ("everything
 * the metadata allows") and the runtime's limits.
 */
import type { AttrMetadata } from "../../generator/model/types.js";
import type { AttrId, RuntimeLimits } from "../api.js";
import {
  queryAttributeCapability as profileAttrCap,
  queryAttributeEnumValuesCapability as profileEnumCap,
  type AttrCapabilityAnswer,
  type CapabilityProfile,
  type QueryResult,
} from "../validate/profile.js";
import { STATUS } from "../validate/status.js";
import type { Catalog } from "./catalog.js";

/** Default DASH_CAPS_MAX_FLOW_TABLE_COUNT. */
export const DEFAULT_MAX_FLOW_TABLES = 4096;
/** Default DASH_CAPS_MAX_FLOW_ENTRY_COUNT: 64M flows, all tables of a switch together. */
export const DEFAULT_MAX_FLOW_ENTRIES = 64 * 1024 * 1024;

/** Capability answers of one runtime. */
export class Capabilities {
  private readonly profile: CapabilityProfile;
  /** The vendor profile given to the runtime, if any (the fast paths apply it themselves). */
  readonly profileOrUndefined: CapabilityProfile | undefined;
  readonly maxFlowTables: number;
  readonly maxFlowEntries: number;

  constructor(
    private readonly cat: Catalog,
    profile: CapabilityProfile | undefined,
    limits: RuntimeLimits = {},
  ) {
    // Without a profile the queries answer from an empty one: every object type undescribed, so unrestricted.
    this.profileOrUndefined = profile;
    this.profile = profile ?? { name: "metadata", file: "", objects: new Map(), switchValues: new Map(), tables: cat.model };
    const sv = (suffix: string): number | undefined => {
      for (const [k, v] of this.profile.switchValues) if (k.endsWith(suffix) && typeof v === "number") return v;
      return undefined;
    };
    this.maxFlowTables = sv("_DASH_CAPS_MAX_FLOW_TABLE_COUNT") ?? limits.maxFlowTables ?? DEFAULT_MAX_FLOW_TABLES;
    this.maxFlowEntries = sv("_DASH_CAPS_MAX_FLOW_ENTRY_COUNT") ?? limits.maxFlowEntries ?? DEFAULT_MAX_FLOW_ENTRIES;
  }

  /** Value of a READ_ONLY switch attribute the runtime knows, or undefined. */
  switchValue(a: AttrMetadata): unknown {
    const p = this.profile.switchValues.get(a.attridname);
    if (p !== undefined) return p;
    const n = a.attridname;
    if (n.endsWith("_DASH_CAPS_MAX_FLOW_TABLE_COUNT")) return this.maxFlowTables;
    if (n.endsWith("_DASH_CAPS_MAX_FLOW_ENTRY_COUNT")) return this.maxFlowEntries;
    if (n.endsWith("_DASH_CAPS_SUPPORTED_DASH_FLOW_ENABLED_KEY") || n.endsWith("_DASH_CAPS_SUPPORTED_ENABLED_KEY")) {
      const e = this.cat.enumOf(a);
      return e ? e.values.reduce((m, v) => m | v.value, 0) : 0;
    }
    if (/_DASH_CAPS_(BULK_GET_SESSION|UNIDIRECTIONAL_FLOW_ENTRY|FLOW_CREATE|FLOW_REMOVE|FLOW_SET|FLOW_GET)$/.test(n)) return true;
    return undefined;
  }

  private switchCheck(exists: boolean): QueryResult<never> | null {
    return exists ? null : { status: "SAI_STATUS_INVALID_PARAMETER", code: STATUS.INVALID_PARAMETER, message: "the switch does not exist" };
  }

  /** `sai_query_attribute_capability`. */
  attributeCapability(switchExists: boolean, objectType: string, attr: AttrId): QueryResult<AttrCapabilityAnswer> {
    return this.switchCheck(switchExists) ?? profileAttrCap(this.profile, objectType, attr);
  }

  /** `sai_query_attribute_enum_values_capability`. */
  enumValuesCapability(switchExists: boolean, objectType: string, attr: AttrId): QueryResult<readonly number[]> {
    return this.switchCheck(switchExists) ?? profileEnumCap(this.profile, objectType, attr);
  }
}
