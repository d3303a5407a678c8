/**
 * Object type of an object id by its encoding (SAI-METADATA.md §1.2), as a table lookup on the high word, so the
 * hot path does one bigint shift per OID instead of a decode into a fresh object.
 */
import type { MetadataTables } from "./types.js";

const EXTENSIONS_BASE = 0x20000000;
const OBJECT_TYPE_ENUMS = ["sai_object_type_t", "sai_object_type_extensions_t"];
const SWITCH = "SAI_OBJECT_TYPE_SWITCH";

/** Largest `sai_object_id_t`. */
export const OID_MAX = (1n << 64n) - 1n;

/** Maps the type byte (+ extension flag) of an OID to the numeric object type, and values to names. */
export class OidTypes {
  private readonly core = new Int32Array(256).fill(-1);
  private readonly ext = new Int32Array(256).fill(-1);
  private readonly names = new Map<number, string>();
  private readonly values = new Map<string, number>();
  /** Numeric value of SAI_OBJECT_TYPE_SWITCH (33 in every SAI release), or -1 when the tables lack it. */
  readonly switchType: number;

  constructor(tables: MetadataTables) {
    // The object type enum is complete even in header sets that define attributes for a few types only, and
    // `@objects` may name any of them; object infos add nothing new but cover fixture models without the enum.
    for (const e of tables.enums) {
      if (!OBJECT_TYPE_ENUMS.includes(e.name)) continue;
      for (const v of e.values) this.add(v.name, v.value);
    }
    for (const o of tables.objectTypes) this.add(o.objecttype, o.value);
    this.switchType = this.values.get(SWITCH) ?? -1;
  }

  private add(name: string, value: number): void {
    if (value <= 0 || this.names.has(value)) return; // NULL (0) is never the type of a valid OID
    this.names.set(value, name);
    this.values.set(name, value);
    if (value < 256) this.core[value] = value;
    else if (value >= EXTENSIONS_BASE && value < EXTENSIONS_BASE + 256) this.ext[value - EXTENSIONS_BASE] = value;
  }

  /** Object type value encoded in `hi` (bits 63..32 of the OID), or -1 when it names no known type. */
  typeOfHi(hi: number): number {
    const b = (hi >>> 16) & 0xff;
    return (hi & 0x80) !== 0 ? this.ext[b]! : this.core[b]!;
  }

  /** Object type value of an OID (must be in 0..2^64-1), or -1. */
  typeOf(oid: bigint): number {
    return this.typeOfHi(Number(oid >> 32n));
  }

  /** Name of an object type value, e.g. `SAI_OBJECT_TYPE_PORT`. */
  nameOf(value: number): string {
    return this.names.get(value) ?? `object type ${value}`;
  }

  /** Value of an object type name, or undefined. */
  valueOf(name: string): number | undefined {
    return this.values.get(name);
  }

  /** The switch OID for switch index `i` (type SWITCH, object index = switch index). */
  switchOid(i: number): bigint {
    const t = this.switchType < 0 ? 0x21 : this.switchType;
    return (BigInt(i) << 56n) | (BigInt(t) << 48n) | BigInt(i);
  }
}

/** Switch index of an OID (bits 63..56). */
export function switchIndexOf(oid: bigint): number {
  return Number(oid >> 56n) & 0xff;
}

/** `oid:0x…` text for messages. */
export function oidText(oid: bigint): string {
  return `oid:0x${oid.toString(16)}`;
}
