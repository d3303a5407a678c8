/**
 * The DASH flow entry as the metadata model describes it (SAI-METADATA.md §7: `sai_flow_entry_t` members, the 34
 * `SAI_FLOW_ENTRY_ATTR_*` attributes, the enums the layout narrows), written as the plain `{name, valuetype}`
 * descriptions the runtime derives from the model. Tests and bench/flowstore.ts use it; the store itself never
 * sees this list.
 */
import { layoutFromMetadata, maskBitsFromEnum, type AttrSpec, type EnumRangeSource, type FlowLayout, type KeyMemberSpec, type MaskBit } from "../../runtime/flowstore/index.js";

/** `sai_flow_entry_t` in C order. */
export const FLOW_KEY_MEMBERS: KeyMemberSpec[] = [
  { name: "switch_id", valuetype: "SAI_ATTR_VALUE_TYPE_OBJECT_ID" },
  { name: "eni_mac", valuetype: "SAI_ATTR_VALUE_TYPE_MAC" },
  { name: "vnet_id", valuetype: "SAI_ATTR_VALUE_TYPE_UINT16" },
  { name: "ip_proto", valuetype: "SAI_ATTR_VALUE_TYPE_UINT8" },
  { name: "src_ip", valuetype: "SAI_ATTR_VALUE_TYPE_IP_ADDRESS" },
  { name: "dst_ip", valuetype: "SAI_ATTR_VALUE_TYPE_IP_ADDRESS" },
  { name: "src_port", valuetype: "SAI_ATTR_VALUE_TYPE_UINT16" },
  { name: "dst_port", valuetype: "SAI_ATTR_VALUE_TYPE_UINT16" },
];

const A = (name: string, valuetype: string, enumName: string | null = null): AttrSpec => ({ name: `SAI_FLOW_ENTRY_ATTR_${name}`, valuetype, enumName });

/** `sai_flow_entry_attr_t` in id order (0..33). */
export const FLOW_ATTRS: AttrSpec[] = [
  A("ACTION", "INT32", "sai_flow_entry_action_t"),
  A("VERSION", "UINT32"),
  A("DASH_DIRECTION", "INT32", "sai_dash_direction_t"),
  A("DASH_FLOW_ACTION", "INT32", "sai_dash_flow_action_t"),
  A("METER_CLASS", "UINT32"),
  A("IS_UNIDIRECTIONAL_FLOW", "BOOL"),
  A("REVERSE_FLOW_ENI_MAC", "MAC"),
  A("REVERSE_FLOW_VNET_ID", "UINT16"),
  A("REVERSE_FLOW_IP_PROTO", "UINT8"),
  A("REVERSE_FLOW_SRC_IP", "IP_ADDRESS"),
  A("REVERSE_FLOW_DST_IP", "IP_ADDRESS"),
  A("REVERSE_FLOW_SRC_PORT", "UINT16"),
  A("REVERSE_FLOW_DST_PORT", "UINT16"),
  A("UNDERLAY0_VNET_ID", "UINT32"),
  A("UNDERLAY0_SIP", "IP_ADDRESS"),
  A("UNDERLAY0_DIP", "IP_ADDRESS"),
  A("UNDERLAY0_DASH_ENCAPSULATION", "INT32", "sai_dash_encapsulation_t"),
  A("UNDERLAY1_VNET_ID", "UINT32"),
  A("UNDERLAY1_SIP", "IP_ADDRESS"),
  A("UNDERLAY1_DIP", "IP_ADDRESS"),
  A("UNDERLAY1_SMAC", "MAC"),
  A("UNDERLAY1_DMAC", "MAC"),
  A("UNDERLAY1_DASH_ENCAPSULATION", "INT32", "sai_dash_encapsulation_t"),
  A("DST_MAC", "MAC"),
  A("SIP", "IP_ADDRESS"),
  A("DIP", "IP_ADDRESS"),
  A("SIP_MASK", "IP_ADDRESS"),
  A("DIP_MASK", "IP_ADDRESS"),
  A("VENDOR_METADATA", "UINT8_LIST"),
  A("FLOW_DATA_PB", "UINT8_LIST"),
  A("IP_ADDR_FAMILY", "INT32", "sai_ip_addr_family_t"),
  A("DASH_FLOW_SYNC_STATE", "INT32", "sai_dash_flow_sync_state_t"),
  A("UNDERLAY0_SMAC", "MAC"),
  A("UNDERLAY0_DMAC", "MAC"),
];

const seq = (n: number) => Array.from({ length: n }, (_, value) => ({ value }));
const flags = (n: number) => [{ value: 0 }, ...Array.from({ length: n }, (_, i) => ({ value: 1 << i }))];

/** Value ranges of the enums above (what `EnumMetadata.values` carries). */
export const FLOW_ENUMS: EnumRangeSource[] = [
  { name: "sai_flow_entry_action_t", values: seq(1) },
  { name: "sai_dash_direction_t", values: seq(3) },
  { name: "sai_dash_flow_action_t", values: flags(10) },
  { name: "sai_dash_encapsulation_t", values: seq(3) },
  { name: "sai_ip_addr_family_t", values: seq(2) },
  { name: "sai_dash_flow_sync_state_t", values: seq(5) },
];

/** `sai_dash_flow_enabled_key_t` values. */
export const ENABLED_KEY_ENUM = [
  { name: "SAI_DASH_FLOW_ENABLED_KEY_NONE", value: 0 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC", value: 1 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_VNI", value: 2 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_PROTOCOL", value: 4 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_SRC_IP", value: 8 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_DST_IP", value: 16 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_SRC_PORT", value: 32 },
  { name: "SAI_DASH_FLOW_ENABLED_KEY_DST_PORT", value: 64 },
];

/** Every enabled-key bit set. */
export const ALL_KEYS = 127;

/** The full DASH flow layout. */
export function dashLayout(): FlowLayout {
  const { layout, issues } = layoutFromMetadata(FLOW_KEY_MEMBERS, FLOW_ATTRS, { enums: FLOW_ENUMS });
  if (!layout || issues.length) throw new Error(`dash fixture layout: ${JSON.stringify(issues)}`);
  return layout;
}

/** Mask bits derived from the enum names. */
export function dashMaskBits(): MaskBit[] {
  return maskBitsFromEnum(ENABLED_KEY_ENUM, FLOW_KEY_MEMBERS.map((m) => m.name)).bits;
}
