/**
 * The validator's public data types: what goes in (metadata tables, attribute lists, operation contexts, a state
 * table the runtime implements) and what comes out (a result value, never an exception).
 */
import type { SaiModel } from "../../generator/model/types.js";
import type { CapabilityProfile } from "./profile.js";

/** The part of the model the validator is compiled from. */
export type MetadataTables = Pick<SaiModel, "objectTypes" | "attributes" | "enums" | "statusCodes">;

/**
 * `sai` (default): attribute-level failures carry SAI's indexed codes (INVALID_ATTRIBUTE_0+i, …) and flag enums
 * accept ORs of their bits. `sairedis`: the codes sairedis `Meta` returns, and exact enum membership.
 */
export type ValidationMode = "sai" | "sairedis";

/** One attribute of a request: its id (attribute name or numeric id) and its value in `runtime/values` shape. */
export interface AttrInput {
  readonly id: string | number;
  readonly value?: unknown;
}

/**
 * What the validator needs to know about objects that exist. The runtime implements it over its own tables; the
 * validator only reads. Without a state table, existence, key-uniqueness and reference checks are skipped.
 */
export interface ValidationState {
  /** True when the object (any type, including switches) has been created. */
  exists(oid: bigint): boolean;
  /** The object type name (`SAI_OBJECT_TYPE_…`) recorded for a created object, or undefined when unknown. */
  objectTypeOf(oid: bigint): string | undefined;
  /** True when an entry of `objectType` with this key (C member name → value) has been created. */
  entryExists(objectType: string, key: Readonly<Record<string, unknown>>): boolean;
  /**
   * True when an object of `objectType` already uses this KEY-attribute string (SAI-METADATA.md §5.4 step 7:
   * `oid:<switch>;<ATTR>:<value>;…`). Omit to skip the uniqueness check.
   */
  keyInUse?(objectType: string, key: string): boolean;
  /** How many attributes and entry keys refer to the object; omit to skip the OBJECT_IN_USE check. */
  referenceCount?(oid: bigint): number;
}

/** Identifies the object of an operation and the state to check it against. */
export interface OpContext {
  /** The switch an OID object is created on (create of every OID object type except SWITCH). */
  readonly switchId?: bigint;
  /** The object of a set/get/remove on an OID object type. */
  readonly objectId?: bigint;
  /** The key of an entry object type (C member name → value), for every operation on entries. */
  readonly key?: Readonly<Record<string, unknown>>;
  /** Created objects; without it the checks that need them are skipped. */
  readonly state?: ValidationState;
}

/** Options fixed when a validator is compiled. */
export interface ValidatorOptions {
  /** Status codes and flag-enum rule; default `sai`. */
  readonly mode?: ValidationMode;
  /** A vendor capability profile: unsupported attributes and values answer ATTR_NOT_SUPPORTED_0+i. */
  readonly profile?: CapabilityProfile;
}

/** The outcome of one validation. `index`/`attr` name the offending attribute when there is one. */
export interface ValidationResult {
  /** `SAI_STATUS_…` name; codes past `_10` of an indexed range print as decimal, as SAI's serializer does. */
  readonly status: string;
  /** The numeric `sai_status_t`. */
  readonly code: number;
  /** Position in the caller's attribute list (0 for set). */
  readonly index?: number;
  readonly attr?: string;
  readonly message: string;
  /** Non-fatal findings: a valid-only attribute whose condition is false, a relaxed condition. */
  readonly warnings?: readonly string[];
}

/** `sai_bulk_op_error_mode_t` by name or value (STOP_ON_ERROR = 0, IGNORE_ERROR = 1). */
export type BulkErrorMode = "SAI_BULK_OP_ERROR_MODE_STOP_ON_ERROR" | "SAI_BULK_OP_ERROR_MODE_IGNORE_ERROR" | number;

/** One object of a bulk call: its attributes and its identity (`objectId` or `key`, as in {@link OpContext}). */
export interface BulkItem {
  readonly attrs?: readonly AttrInput[];
  readonly objectId?: bigint;
  readonly key?: Readonly<Record<string, unknown>>;
}

/** Shared context of a bulk call. */
export interface BulkContext {
  readonly switchId?: bigint;
  readonly state?: ValidationState;
}

/** A bulk call's overall status plus one status per object (`object_statuses`). */
export interface BulkResult extends ValidationResult {
  readonly statuses: readonly ValidationResult[];
}

/** The four operations. */
export type Operation = "create" | "remove" | "set" | "get";
