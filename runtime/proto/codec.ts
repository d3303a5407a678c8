/**
 * What both flow codecs (protobufjs reflection and the specialized one compiled from the model) accept and return,
 * their error values, and the FLOW_DATA_PB status helper.
 *
 * A flow entry mirrors SaiDashFlowEntry: property names are the proto field names, values use the shapes of
 * `runtime/values` (number, bigint, `Uint8Array` MACs, `{family, bytes}` IPs, arrays for lists). Decoding always
 * yields every field of the layout; a field absent on the wire decodes to its zero value (proto3), so a FLOW_DATA_PB
 * is always a complete flow.
 */
import type { AnyValue, SaiList } from "../values/index.js";
import type { FlowLayout } from "./schema.js";

/** One flow message as a record: proto field name → value (nested records for sub-messages). */
export interface FlowRecord {
  [field: string]: FlowValue;
}

/** A field value: a `runtime/values` value, raw bytes for opaque fields, or a nested record. */
export type FlowValue = AnyValue | Uint8Array | FlowRecord | undefined;

/** A SaiDashFlowEntry. */
export interface FlowEntry {
  flow_key: FlowRecord;
  reverse_flow_key: FlowRecord;
  flow_state: FlowRecord;
}

/** Why bytes did not decode, or a value did not encode. Codes are stable; messages are for people. */
export type FlowCodecErrorCode =
  | "truncated" // the bytes end inside a tag, value or sub-message
  | "bad-varint" // a varint longer than 10 bytes
  | "bad-wire-type" // wire type 6/7, or an end-group without a start
  | "bad-tag" // field number 0
  | "bad-length" // a length that leaves the enclosing message, or a MAC/IP of the wrong size
  | "out-of-range" // an integer outside its C width (e.g. ip_proto 300)
  | "bad-utf8" // a string field that is not UTF-8
  | "too-deep" // nested groups beyond the recursion limit
  | "invalid-value"; // encode only: a value that does not have its field's shape

/** A decode failure (or encode refusal) as a value: code, a message naming the field, byte offset when decoding. */
export interface FlowCodecFailure {
  readonly code: FlowCodecErrorCode;
  readonly message: string;
  /** Byte offset where decoding stopped; -1 for encode errors. */
  readonly offset: number;
}

/** Thrown by `encodeFlowEntry` for a value that does not fit its field: a caller bug, not a data error. */
export class FlowCodecError extends Error implements FlowCodecFailure {
  readonly code: FlowCodecErrorCode;
  readonly offset: number;
  constructor(code: FlowCodecErrorCode, message: string, offset = -1) {
    super(message);
    this.name = "FlowCodecError";
    this.code = code;
    this.offset = offset;
  }
}

/** Result of decoding: the entry, or why the bytes are not one. Never throws. */
export type FlowDecodeResult = { readonly ok: true; readonly value: FlowEntry } | { readonly ok: false; readonly error: FlowCodecFailure };

/** A flow codec: both implementations produce the same bytes and the same entries. */
export interface FlowCodec {
  readonly path: "protobufjs" | "specialized";
  readonly layout: FlowLayout;
  /** SaiDashFlowEntry bytes of `entry` (zero values omitted, fields in number order: byte-identical across paths). */
  encodeFlowEntry(entry: FlowEntry): Uint8Array;
  /** Parses SaiDashFlowEntry bytes; corrupt or truncated input gives an error value. */
  decodeFlowEntry(bytes: Uint8Array): FlowDecodeResult;
}

/** `SAI_STATUS_INVALID_ATTR_VALUE_0`: the base of the indexed status for a bad attribute value. */
export const SAI_STATUS_INVALID_ATTR_VALUE_0 = -0x20000;

/** `SAI_STATUS_INVALID_ATTR_VALUE_0 + index`, i.e. −(0x20000 + index). */
export function invalidAttrValueStatus(index: number): number {
  return -(0x20000 + index);
}

/** A FLOW_DATA_PB attribute that did not decode, as the SAI call reports it. */
export interface FlowDataPbError {
  /** `SAI_STATUS_INVALID_ATTR_VALUE_0 + index`. */
  readonly status: number;
  /** The decode failure code (`truncated`, `bad-length`…). */
  readonly code: FlowCodecErrorCode;
  /** Position of the FLOW_DATA_PB attribute in the attribute list. */
  readonly index: number;
  readonly message: string;
}

/** Result of decoding a FLOW_DATA_PB attribute value. */
export type FlowDataPbResult = { readonly ok: true; readonly value: FlowEntry } | { readonly ok: false; readonly error: FlowDataPbError };

function listBytes(value: Uint8Array | SaiList<number>): Uint8Array | string {
  if (value instanceof Uint8Array) return value;
  if (!Array.isArray(value)) {
    const nl = value as { count: number; list: null };
    return nl.count === 0 ? new Uint8Array(0) : `a count-only list (count ${nl.count}) carries no bytes`;
  }
  const items = value as readonly number[];
  const out = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const b = items[i]!;
    if ((b & 0xff) !== b) return `byte ${i} is ${String(b)}, not 0..255`;
    out[i] = b;
  }
  return out;
}

/**
 * Decodes the value of SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB found at position `index` of an attribute list; failure
 * carries the status the call returns (`SAI_STATUS_INVALID_ATTR_VALUE_0 + index`).
 */
export function decodeFlowDataPb(codec: FlowCodec, value: Uint8Array | SaiList<number>, index: number): FlowDataPbResult {
  const bytes = listBytes(value);
  const status = invalidAttrValueStatus(index);
  if (typeof bytes === "string")
    return { ok: false, error: { status, code: "invalid-value", index, message: `FLOW_DATA_PB (attribute ${index}): ${bytes}` } };
  const r = codec.decodeFlowEntry(bytes);
  if (r.ok) return r;
  return {
    ok: false,
    error: { status, code: r.error.code, index, message: `FLOW_DATA_PB (attribute ${index}) is not a SaiDashFlowEntry: ${r.error.message}` },
  };
}
