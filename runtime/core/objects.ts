/**
 * The generic object store: every OID object and every entry except flow entries (those live in typed-array flow
 * stores), with reference counts, KEY-attribute strings and object id allocation. Only the runtime writes here,
 * and only after validation succeeded, so this layer never fails.
 */
import type { EntryKey } from "../api.js";
import { canonicalKey } from "../validate/validator.js";

/** A created OID object. */
export interface ObjectRecord {
  readonly oid: bigint;
  readonly type: string;
  readonly switchId: bigint;
  /** Stored attribute values by attribute name (defaults included). */
  readonly attrs: Map<string, unknown>;
  /** `<type>|<KEY string>` when the object has KEY attributes. */
  keyString: string | null;
}

/** A created entry. */
export interface EntryRecord {
  readonly type: string;
  readonly key: EntryKey;
  readonly canon: string;
  readonly switchId: bigint;
  readonly attrs: Map<string, unknown>;
}

const EXT_BASE = 0x20000000;

/** Objects, entries, reference counts and id allocation. */
export class ObjectStore {
  readonly objects = new Map<bigint, ObjectRecord>();
  private readonly byType = new Map<string, Set<bigint>>();
  private readonly entries = new Map<string, Map<string, EntryRecord>>();
  private readonly refs = new Map<bigint, number>();
  private readonly keyStrings = new Set<string>();
  /** Next object index per `<switch index>|<type value>`; indexes are never reused, as sairedis never reuses them. */
  readonly nextIndex = new Map<string, bigint>();

  /** A fresh OID of numeric type `typeValue` on switch index `sw`. */
  allocate(typeValue: number, sw: number): bigint {
    const k = `${sw}|${typeValue}`;
    const next = (this.nextIndex.get(k) ?? 0n) + 1n;
    this.nextIndex.set(k, next);
    const ext = typeValue >= EXT_BASE;
    const byte = ext ? typeValue - EXT_BASE : typeValue;
    return (BigInt(sw) << 56n) | (BigInt(byte) << 48n) | (ext ? 1n << 39n : 0n) | next;
  }

  /** Records an object (its references are counted by the caller through `ref`). */
  addObject(rec: ObjectRecord): void {
    this.objects.set(rec.oid, rec);
    if (!this.refs.has(rec.oid)) this.refs.set(rec.oid, 0);
    let s = this.byType.get(rec.type);
    if (!s) this.byType.set(rec.type, (s = new Set()));
    s.add(rec.oid);
    if (rec.keyString) this.keyStrings.add(rec.keyString);
  }

  /** Drops an object and its KEY string (the caller releases what it referenced). */
  deleteObject(oid: bigint): ObjectRecord | undefined {
    const rec = this.objects.get(oid);
    if (!rec) return undefined;
    this.objects.delete(oid);
    this.refs.delete(oid);
    this.byType.get(rec.type)?.delete(oid);
    if (rec.keyString) this.keyStrings.delete(rec.keyString);
    return rec;
  }

  /** Object ids of a type, in creation order. */
  ofType(type: string): readonly bigint[] {
    return [...(this.byType.get(type) ?? [])];
  }

  /** Records an entry. */
  addEntry(rec: EntryRecord): void {
    let m = this.entries.get(rec.type);
    if (!m) this.entries.set(rec.type, (m = new Map()));
    m.set(rec.canon, rec);
  }

  /** The entry with this key, if created. */
  entry(type: string, key: EntryKey): EntryRecord | undefined {
    return this.entries.get(type)?.get(canonicalKey(key));
  }

  /** Drops an entry. */
  deleteEntry(type: string, canon: string): void {
    this.entries.get(type)?.delete(canon);
  }

  /** Entries of a type. */
  entriesOf(type: string): IterableIterator<EntryRecord> {
    return (this.entries.get(type) ?? new Map<string, EntryRecord>()).values();
  }

  /** Every entry type with at least one entry. */
  entryTypes(): string[] {
    return [...this.entries.entries()].filter(([, m]) => m.size > 0).map(([t]) => t);
  }

  /** True when the KEY string is taken. */
  keyInUse(k: string): boolean {
    return this.keyStrings.has(k);
  }

  /** Adds `delta` references to `oid`. */
  ref(oid: bigint, delta: number): void {
    this.refs.set(oid, (this.refs.get(oid) ?? 0) + delta);
  }

  /** References held on `oid` by attributes and entry keys. */
  refCount(oid: bigint): number {
    return this.refs.get(oid) ?? 0;
  }

  /** Forgets everything (snapshot load, full reset). */
  clear(): void {
    this.objects.clear();
    this.byType.clear();
    this.entries.clear();
    this.refs.clear();
    this.keyStrings.clear();
    this.nextIndex.clear();
  }
}
