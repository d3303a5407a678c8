/**
 * Attribute values as sairedis strings, both directions, for every value type (SAI-METADATA.md §6).
 *
 * Parsing never throws: it returns a {@link Result} whose error names what was expected. Formatting a value of the
 * right shape can still fail (a non-contiguous prefix mask, an integer wider than its C type, chardata over 32
 * bytes); {@link tryFormatValue} returns that as a value and {@link formatValue} throws {@link SerializeError}.
 */
import type { AttrMetadata, AttrValueType, EnumMetadata, ValueTypeName } from "../../generator/model/types.js";
import { err, type Result } from "../values/result.js";
import { matchesShape, VALUE_SHAPES, valueTypeName } from "../values/shapes.js";
import type { ValueOf } from "../values/types.js";
import { CODECS, type Ctx } from "./codecs.js";
import { NO_ENUMS, type EnumLookup } from "./enum.js";

/**
 * Value types whose text sairedis cannot read or write, so the form we print is ours alone:
 * - sairedis throws for them (§6): INT64 and MACSEC_SCI / MACSEC_SSCI print in decimal; INT16_LIST and
 *   PORT_ERR_STATUS_LIST as `count:item,…` lists; INT32_RANGE as `min,max`; ACL field/action INT8/INT16 and
 *   ACL_FIELD_DATA_MACSEC_SCI in the ACL forms of their wider siblings; TIMESPEC, NAT_ENTRY_DATA, TLV_LIST,
 *   FABRIC_PORT_REACHABILITY, ACL_CHAIN_LIST, TWAMP_STATS_DATA, the eye-value, frequency-offset and PRBS types as
 *   JSON with sorted keys, C member names, ≤32-bit integers as numbers, 64-bit integers and addresses as strings,
 *   enums as value names, lists as `{"count":N,"list":[…]|null}` (NAT_ENTRY_DATA prints every scalar as a string,
 *   like the `nat_data` member of a sairedis NAT entry key);
 * - sairedis's own form loses data (PORT_SNR_LIST rounds to 0.01 dB, PORT_LANE_LATCH_STATUS_LIST is keyed and
 *   reordered by lane, TAPS_LIST needs equal-length lists): we print the JSON form above and also read sairedis's.
 * Two interoperable types are extended only where sairedis would lose data: QOS_MAP_LIST adds `dei`/`vc` keys when
 * non-zero, ACL_CAPABILITY appends `;<match type>;<bool>` when those members are set.
 */
export const NON_INTEROPERABLE_VALUE_TYPES: ReadonlySet<ValueTypeName> = new Set<ValueTypeName>([
  "INT64",
  "INT16_LIST",
  "INT32_RANGE",
  "ACL_FIELD_DATA_INT8",
  "ACL_FIELD_DATA_INT16",
  "ACL_FIELD_DATA_MACSEC_SCI",
  "ACL_ACTION_DATA_INT8",
  "ACL_ACTION_DATA_INT16",
  "PRBS_RX_STATE",
  "TLV_LIST",
  "PORT_EYE_VALUES_LIST",
  "TIMESPEC",
  "NAT_ENTRY_DATA",
  "MACSEC_SCI",
  "MACSEC_SSCI",
  "FABRIC_PORT_REACHABILITY",
  "PORT_ERR_STATUS_LIST",
  "PORT_LANE_LATCH_STATUS_LIST",
  "ACL_CHAIN_LIST",
  "PORT_FREQUENCY_OFFSET_PPM_LIST",
  "PORT_SNR_LIST",
  "TWAMP_STATS_DATA",
  "PORT_PAM4_EYE_VALUES_LIST",
  "TAPS_LIST",
  "PRBS_PER_LANE_RX_STATUS_LIST",
  "PRBS_PER_LANE_RX_STATE_LIST",
  "PRBS_BIT_ERROR_RATE",
  "PRBS_PER_LANE_BIT_ERROR_RATE_LIST",
]);

/**
 * The attribute facts a value's text depends on. `enum` is the attribute's own enum (used when `isenum` /
 * `isenumlist`); `enums` finds the enums nested in structs (QoS map colour, ACL stages, …), which print as numbers
 * without it.
 */
export interface ValueMeta {
  readonly attrvaluetype: AttrValueType | ValueTypeName;
  readonly isenum: boolean;
  readonly isenumlist: boolean;
  readonly enum?: EnumMetadata;
  readonly enums?: EnumLookup;
}

/** Options of one conversion. */
export interface ValueTextOptions {
  /** GET count-only mode: lists print (and parse) as their count alone. */
  readonly countOnly?: boolean;
}

/** Thrown by the `format*` functions for a value they cannot print (see each function). */
export class SerializeError extends Error {
  override readonly name = "SerializeError";
}

/** The ValueMeta of an attribute, resolving its enum through `enums`. */
export function valueMetaOf(attr: AttrMetadata, enums: EnumLookup = NO_ENUMS): ValueMeta {
  const e = attr.enummetadata ? enums(attr.enummetadata) : undefined;
  return {
    attrvaluetype: attr.attrvaluetype,
    isenum: attr.isenum,
    isenumlist: attr.isenumlist,
    ...(e ? { enum: e } : {}),
    enums,
  };
}

function resolve(meta: ValueMeta, opts: ValueTextOptions | undefined): [ValueTypeName, Ctx] | string {
  const vt = valueTypeName(meta.attrvaluetype);
  if (!vt) return `unknown value type ${meta.attrvaluetype}`;
  const ctx: Ctx = {
    attrEnum: meta.isenum || meta.isenumlist ? meta.enum : undefined,
    enums: meta.enums ?? NO_ENUMS,
    countOnly: opts?.countOnly === true,
  };
  return [vt, ctx];
}

/** The sairedis text of `value`, or an error when the value does not fit the type or has no text form. */
export function tryFormatValue(meta: ValueMeta, value: unknown, opts?: ValueTextOptions): Result<string> {
  const r = resolve(meta, opts);
  if (typeof r === "string") return err(r);
  const [vt, ctx] = r;
  if (!matchesShape(VALUE_SHAPES[vt], value)) return err(`value does not have the shape of ${vt}`);
  return CODECS[vt].format(value, ctx);
}

/** The sairedis text of `value`; throws SerializeError where {@link tryFormatValue} returns an error. */
export function formatValue(meta: ValueMeta, value: unknown, opts?: ValueTextOptions): string {
  const r = tryFormatValue(meta, value, opts);
  if (!r.ok) throw new SerializeError(r.error);
  return r.value;
}

/** Reads sairedis text as a value of `meta`'s type; never throws. */
export function parseValue<VT extends ValueTypeName = ValueTypeName>(
  meta: ValueMeta & { readonly attrvaluetype: VT | `SAI_ATTR_VALUE_TYPE_${VT}` },
  text: string,
  opts?: ValueTextOptions,
): Result<ValueOf<VT>>;
export function parseValue(meta: ValueMeta, text: string, opts?: ValueTextOptions): Result<unknown> {
  const r = resolve(meta, opts);
  if (typeof r === "string") return err(r);
  const [vt, ctx] = r;
  return CODECS[vt].parse(text, ctx);
}
