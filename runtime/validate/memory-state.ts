/**
 * A reference {@link ValidationState}: created objects, entries, KEY strings and reference counts in maps, with
 * the bookkeeping sairedis does after a successful operation (SAI-METADATA.md §5.9). The runtime keeps its own
 * tables (flows live in typed arrays); this one serves tests, tools and small control-plane object counts.
 */
import type { AttrMetadata, ObjectTypeInfo } from "../../generator/model/types.js";
import { OidTypes, switchIndexOf } from "./oid-types.js";
import type { AttrInput, MetadataTables, ValidationState } from "./types.js";
import { attributeKeyString, canonicalKey } from "./validator.js";

interface ObjectRecord {
  readonly type: string;
  /** Stored attribute values by attribute name. */
  readonly attrs: Map<string, unknown>;
  /** OIDs this object's key members refer to (entries only). */
  readonly keyRefs: bigint[];
  keyString: string | null;
}

/** OIDs an attribute value refers to: OBJECT_ID, OBJECT_LIST elements, enabled ACL field/action OIDs. */
function referencedOids(a: AttrMetadata, v: unknown): bigint[] {
  if (!a.isoidattribute) return [];
  const out: bigint[] = [];
  const add = (x: unknown): void => {
    if (typeof x === "bigint" && x !== 0n) out.push(x);
    else if (Array.isArray(x)) for (const y of x) add(y);
  };
  if (typeof v === "object" && v !== null && "enable" in v) {
    const o = v as { enable?: boolean; data?: unknown; parameter?: unknown };
    if (o.enable) add(o.data ?? o.parameter);
  } else add(v);
  return out;
}

/** In-memory state with reference counting; apply an operation only after it validated. */
export class MemoryState implements ValidationState {
  private readonly types: OidTypes;
  private readonly infos = new Map<string, ObjectTypeInfo>();
  private readonly attrMeta = new Map<string, Map<string, AttrMetadata>>();
  private readonly objects = new Map<bigint, ObjectRecord>();
  private readonly entries = new Map<string, ObjectRecord>();
  private readonly refs = new Map<bigint, number>();
  private readonly keys = new Set<string>();
  private readonly nextIndex = new Map<string, bigint>();
  private switches = 0;

  constructor(tables: MetadataTables) {
    this.types = new OidTypes(tables);
    for (const o of tables.objectTypes) {
      this.infos.set(o.objecttype, o);
      this.attrMeta.set(o.objecttype, new Map());
    }
    for (const a of tables.attributes) this.attrMeta.get(a.objecttype)?.set(a.attridname, a);
  }

  exists(oid: bigint): boolean {
    return this.objects.has(oid);
  }

  objectTypeOf(oid: bigint): string | undefined {
    return this.objects.get(oid)?.type;
  }

  entryExists(objectType: string, key: Readonly<Record<string, unknown>>): boolean {
    return this.entries.has(`${objectType}|${canonicalKey(key)}`);
  }

  keyInUse(objectType: string, key: string): boolean {
    return this.keys.has(`${objectType}|${key}`);
  }

  referenceCount(oid: bigint): number {
    return this.refs.get(oid) ?? 0;
  }

  /** A fresh object id of `objectType` on switch `switchIndex` (§1.2 encoding). */
  allocate(objectType: string, switchIndex = 0): bigint {
    const t = this.types.valueOf(objectType);
    if (t === undefined) throw new RangeError(`unknown object type ${objectType}`);
    const next = (this.nextIndex.get(objectType) ?? 0n) + 1n;
    this.nextIndex.set(objectType, next);
    const ext = t >= 0x20000000;
    const byte = ext ? t - 0x20000000 : t;
    return (BigInt(switchIndex) << 56n) | (BigInt(byte) << 48n) | (ext ? 1n << 39n : 0n) | next;
  }

  /** Records an object that exists without a create through the validator (e.g. ports found at switch init). */
  insert(objectType: string, oid: bigint, attrs: readonly AttrInput[] = []): bigint {
    this.objects.set(oid, { type: objectType, attrs: new Map(), keyRefs: [], keyString: null });
    this.refs.set(oid, this.refs.get(oid) ?? 0);
    for (const a of attrs) this.store(objectType, this.objects.get(oid)!, a);
    return oid;
  }

  /**
   * Applies a validated create: records the object (OID types get `oid` or a fresh id, switches the next switch
   * index), its attribute references, its key members' references and its KEY string. Returns the OID (0n for
   * entries).
   */
  create(objectType: string, attrs: readonly AttrInput[], ctx: { switchId?: bigint; key?: Readonly<Record<string, unknown>>; oid?: bigint } = {}): bigint {
    const info = this.infos.get(objectType);
    if (!info) throw new RangeError(`unknown object type ${objectType}`);
    const rec: ObjectRecord = { type: objectType, attrs: new Map(), keyRefs: [], keyString: null };
    for (const a of attrs) this.store(objectType, rec, a);
    if (info.isnonobjectid) {
      const key = ctx.key ?? {};
      for (const m of info.structmembers) {
        const v = key[m.membername];
        if (m.allowedobjecttypes.length > 0 && typeof v === "bigint" && v !== 0n) {
          rec.keyRefs.push(v);
          this.ref(v, 1);
        }
      }
      this.entries.set(`${objectType}|${canonicalKey(key)}`, rec);
      return 0n;
    }
    let oid = ctx.oid;
    if (oid === undefined) {
      if (objectType === "SAI_OBJECT_TYPE_SWITCH") oid = this.types.switchOid(this.switches++);
      else oid = this.allocate(objectType, ctx.switchId === undefined ? 0 : switchIndexOf(ctx.switchId));
    }
    const meta = this.attrMeta.get(objectType)!;
    const keyAttrs = [...meta.values()].filter((a) => a.iskey && rec.attrs.has(a.attridname)).sort((a, b) => a.attrid - b.attrid);
    if (keyAttrs.length > 0) {
      rec.keyString = `${objectType}|${attributeKeyString(ctx.switchId, keyAttrs.map((a) => [a.attridname, rec.attrs.get(a.attridname)] as const))}`;
      this.keys.add(rec.keyString);
    }
    this.objects.set(oid, rec);
    this.refs.set(oid, 0);
    return oid;
  }

  /** Applies a validated set: moves references from the old value to the new one. */
  set(objectType: string, attr: AttrInput, ctx: { objectId?: bigint; key?: Readonly<Record<string, unknown>> }): void {
    const rec = this.find(objectType, ctx);
    if (!rec) throw new RangeError(`${objectType}: no such object`);
    this.store(objectType, rec, attr);
  }

  /** Applies a validated remove: drops the object, its references and its KEY string. */
  remove(objectType: string, ctx: { objectId?: bigint; key?: Readonly<Record<string, unknown>> }): void {
    const rec = this.find(objectType, ctx);
    if (!rec) throw new RangeError(`${objectType}: no such object`);
    const meta = this.attrMeta.get(objectType)!;
    for (const [name, v] of rec.attrs) {
      const a = meta.get(name);
      if (a) for (const r of referencedOids(a, v)) this.ref(r, -1);
    }
    for (const r of rec.keyRefs) this.ref(r, -1);
    if (rec.keyString) this.keys.delete(rec.keyString);
    if (ctx.key) this.entries.delete(`${objectType}|${canonicalKey(ctx.key)}`);
    else if (ctx.objectId !== undefined) {
      this.objects.delete(ctx.objectId);
      this.refs.delete(ctx.objectId);
    }
  }

  private find(objectType: string, ctx: { objectId?: bigint; key?: Readonly<Record<string, unknown>> }): ObjectRecord | undefined {
    if (ctx.key) return this.entries.get(`${objectType}|${canonicalKey(ctx.key)}`);
    return ctx.objectId === undefined ? undefined : this.objects.get(ctx.objectId);
  }

  private store(objectType: string, rec: ObjectRecord, a: AttrInput): void {
    const meta = this.attrMeta.get(objectType);
    const am = typeof a.id === "string" ? meta?.get(a.id) : [...(meta?.values() ?? [])].find((x) => x.attrid === a.id);
    if (!am) return;
    const old = rec.attrs.get(am.attridname);
    if (old !== undefined) for (const r of referencedOids(am, old)) this.ref(r, -1);
    for (const r of referencedOids(am, a.value)) this.ref(r, 1);
    rec.attrs.set(am.attridname, a.value);
  }

  private ref(oid: bigint, delta: number): void {
    this.refs.set(oid, (this.refs.get(oid) ?? 0) + delta);
  }
}
