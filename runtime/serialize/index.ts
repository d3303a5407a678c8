/**
 * sairedis string serialization for every SAI value type, status codes, entry keys and attribute lists.
 */
export {
  formatValue,
  tryFormatValue,
  parseValue,
  valueMetaOf,
  SerializeError,
  NON_INTEROPERABLE_VALUE_TYPES,
  type ValueMeta,
  type ValueTextOptions,
} from "./value.js";
export { formatEnumValue, parseEnumValue, enumLookup, NO_ENUMS, type EnumLookup } from "./enum.js";
export { formatStatus, parseStatus } from "./status.js";
export { formatEntryKey, parseEntryKey, entryKeyRenames, ENTRY_KEY_RENAMES } from "./entry-key.js";
export { formatAttrList, parseAttrList, attrListContext, type AttrEntry, type AttrListContext } from "./attr-list.js";
export { emitJson, parseJson, JsonNumber, type JsonValue, type JsonOut } from "./json.js";
export type { Result } from "../values/result.js";
