/**
 * Object id encoding (SAI-METADATA.md §1.2, the layout sairedis uses): bits 63..56 switch index, 55..48 object
 * type (extension types store `type - 0x20000000`), 47..40 global context, bit 39 "extension type" flag,
 * 38..0 object index. The object type of any OID is therefore known without a lookup.
 */

const EXTENSIONS_BASE = 0x20000000;
const INDEX_MASK = (1n << 39n) - 1n;
const EXT_FLAG = 1n << 39n;

export interface OidParts {
  switchIndex: number;
  /** Numeric `sai_object_type_t` value (extension types restored to >= 0x20000000). */
  objectType: number;
  globalContext: number;
  index: bigint;
}

/** Builds an object id; `objectType` is the numeric `sai_object_type_t` value. */
export function encodeOid(p: OidParts): bigint {
  const ext = p.objectType >= EXTENSIONS_BASE;
  const typeByte = ext ? p.objectType - EXTENSIONS_BASE : p.objectType;
  if (typeByte < 0 || typeByte > 0xff) throw new RangeError(`object type ${p.objectType} does not fit an object id`);
  if (p.index < 0n || p.index > INDEX_MASK) throw new RangeError(`object index ${p.index} does not fit an object id`);
  return (
    (BigInt(p.switchIndex & 0xff) << 56n) |
    (BigInt(typeByte) << 48n) |
    (BigInt(p.globalContext & 0xff) << 40n) |
    (ext ? EXT_FLAG : 0n) |
    p.index
  );
}

/** Splits an object id into its fields. */
export function decodeOid(oid: bigint): OidParts {
  const typeByte = Number((oid >> 48n) & 0xffn);
  const ext = (oid & EXT_FLAG) !== 0n;
  return {
    switchIndex: Number((oid >> 56n) & 0xffn),
    objectType: ext ? typeByte + EXTENSIONS_BASE : typeByte,
    globalContext: Number((oid >> 40n) & 0xffn),
    index: oid & INDEX_MASK,
  };
}

/** The switch object id an OID belongs to: type SWITCH with object index = switch index. */
export function switchOidOf(oid: bigint, switchObjectType: number): bigint {
  const sw = Number((oid >> 56n) & 0xffn);
  return encodeOid({ switchIndex: sw, objectType: switchObjectType, globalContext: 0, index: BigInt(sw) });
}
