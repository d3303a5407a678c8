/**
 * Runtime value shapes for every SAI value type: the types, the structural check, and literal helpers.
 */
export type * from "./types.js";
export { ok, err, type Result } from "./result.js";
export { VALUE_SHAPES, isValueOfType, matchesShape, valueTypeName, type Shape, type Member } from "./shapes.js";
export { nullList, isNullList, listCount, listItems } from "./list.js";
export {
  mac,
  ipv4,
  ipv6,
  ipAddress,
  ipPrefix,
  oid,
  formatMac,
  parseMacText,
  formatIpv4Bytes,
  formatIpv6Bytes,
  formatIpAddress,
  parseIpv4Text,
  parseIpv6Text,
  parseIpAddressText,
  formatIpPrefix,
  parseIpPrefixText,
  maskLength,
  maskFromLength,
} from "./address.js";
