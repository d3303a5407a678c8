/**
 * Runtime validation of create/set/get/remove (single and bulk) against the SAI metadata, in `sai` or `sairedis`
 * mode, with optional vendor capability profiles (SAI-METADATA.md §5 read through §0b).
 *
 * Statuses by rule (sai / sairedis; `i` = list position, 0 for set):
 *   unknown attribute ............ UNKNOWN_ATTRIBUTE_0+i / FAILURE (INVALID_PARAMETER on switch create)
 *   repeated, READ_ONLY on create/set, CREATE_ONLY or KEY on set, OID attribute on switch create,
 *   present although its condition is false (not @relaxed) ... INVALID_ATTRIBUTE_0+i / INVALID_PARAMETER
 *   bad value (type, width, enum, flags, list, range, chardata, family, OID type/switch/existence/NULL)
 *                                  ... INVALID_ATTR_VALUE_0+i / INVALID_PARAMETER
 *   not implemented per the capability profile (attribute or value) ... ATTR_NOT_SUPPORTED_0+i in both modes
 *   operation not supported per the profile ... NOT_SUPPORTED in both modes
 *   both modes: mandatory (or condition-required) attribute absent → MANDATORY_ATTRIBUTE_MISSING; bad entry key,
 *   bad/absent switch, wrong or NULL object id, KEY-attribute string in use, attribute count out of range →
 *   INVALID_PARAMETER; entry exists on create → ITEM_ALREADY_EXISTS; object/entry absent → ITEM_NOT_FOUND (also a
 *   missing route/neighbor/… key object, as sairedis does); referenced object on remove → OBJECT_IN_USE.
 *   Bulk: per-item statuses (§0b); overall FAILURE (sai, SAI's bulk contract) / the first failure (sairedis).
 */
export { createValidator, UnparsedValue, type Validator } from "./validator.js";
export type {
  AttrInput,
  BulkContext,
  BulkErrorMode,
  BulkItem,
  BulkResult,
  MetadataTables,
  OpContext,
  Operation,
  ValidationMode,
  ValidationResult,
  ValidationState,
  ValidatorOptions,
} from "./types.js";
export { STATUS, RANGE, SUCCESS, indexedCode, indexedName, statusNameOf } from "./status.js";
export { OidTypes, switchIndexOf, oidText, OID_MAX } from "./oid-types.js";
export { MemoryState } from "./memory-state.js";
// the YAML/file loader lives in ./profile-load.js (node-only), kept out of this entry on purpose
export {
  attributeCapability,
  operationSupported,
  queryAttributeCapability,
  queryAttributeEnumValuesCapability,
  type CapabilityProfile,
  type ObjectCapability,
  type AttrCapability,
  type ProfileLoad,
  type QueryResult,
  type AttrCapabilityAnswer,
} from "./profile.js";
