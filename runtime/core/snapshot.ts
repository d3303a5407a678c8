/**
 * Snapshots of the whole runtime state, written atomically (temporary file in the same folder, fsync, rename).
 *
 * File format (version 1):
 *   line 1  `DASHFLOW-SNAPSHOT 1`
 *   line 2  one JSON object: `headersSha256` (the model's header hash; a snapshot loads only into a runtime built
 *           from the same headers), `savedAtMs`, `objects` [{oid, type, switchId, attrs}], `entries` [{type, key,
 *           attrs}], `nextIndex` (object id allocation), `tables` [{oid, flows}]. Object ids are `0x…` hex; `attrs`
 *           map attribute names to their sairedis text (SAI-METADATA.md §6); `key` is the sorted entry-key JSON.
 *   then    for each table of `tables`, in order, `flows` records: uint32 LE length, that many bytes of
 *           SaiDashFlowEntry, uint32 LE idle milliseconds (time since the flow's last hit when saved).
 * Idle times are restored relative to the loading runtime's clock, so aging continues where it stopped.
 * Not kept: running sessions (they are not restarted), callback functions stored in POINTER attributes (the
 * pointer value survives, the function does not), values of types without a sairedis text form.
 */
import { open, rename, rm } from "node:fs/promises";
import type { SaiStatus } from "../api.js";
import { entryKeyRenames, formatEntryKey, parseEntryKey } from "../serialize/entry-key.js";
import { parseValue, tryFormatValue, valueMetaOf } from "../serialize/value.js";
import type { FlowColumns } from "../proto/specialized.js";
import { attributeKeyString } from "../validate/validator.js";
import { canonicalKey } from "../validate/validator.js";
import type { Catalog } from "./catalog.js";
import type { FlowSchema } from "./flow-schema.js";
import type { FlowTables, TableSettings } from "./flow-tables.js";
import { FLOW_TYPES } from "./flow-schema.js";
import type { ObjectStore } from "./objects.js";
import { attrRefs, keyRefs } from "./refs.js";
import { encodeSlots, openScan } from "./scan.js";
import { fail, OK } from "./status.js";

const MAGIC = "DASHFLOW-SNAPSHOT 1";

/** What snapshots read and rebuild. */
export interface SnapshotEnv {
  readonly cat: Catalog;
  readonly objects: ObjectStore;
  readonly schema: FlowSchema | null;
  readonly tables: FlowTables | null;
  readonly cols: FlowColumns | null;
  readonly clock: { now(): number };
  tableSettings(attrs: ReadonlyMap<string, unknown>): TableSettings;
  readonly callbacks: Map<bigint, Map<string, unknown>>;
}

interface Header {
  headersSha256: string;
  savedAtMs: number;
  objects: { oid: string; type: string; switchId: string; attrs: Record<string, string> }[];
  entries: { type: string; key: string; attrs: Record<string, string> }[];
  nextIndex: [string, string][];
  tables: { oid: string; flows: number }[];
}

const hex = (v: bigint) => `0x${v.toString(16)}`;

function attrTexts(env: SnapshotEnv, type: string, attrs: ReadonlyMap<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of attrs) {
    const a = env.cat.attr(type, name);
    if (!a) continue;
    const r = tryFormatValue(valueMetaOf(a, env.cat.enumLookup), v);
    if (r.ok) out[name] = r.value;
  }
  return out;
}

/** Buffered sequential writer over a file handle. */
class Out {
  private buf = Buffer.allocUnsafe(4 << 20);
  private pos = 0;
  constructor(private readonly fh: Awaited<ReturnType<typeof open>>) {}
  async bytes(b: Uint8Array): Promise<void> {
    if (this.pos + b.length > this.buf.length) await this.flush();
    if (b.length > this.buf.length) {
      await this.fh.write(b);
      return;
    }
    this.buf.set(b, this.pos);
    this.pos += b.length;
  }
  async u32(v: number): Promise<void> {
    if (this.pos + 4 > this.buf.length) await this.flush();
    this.buf.writeUInt32LE(v >>> 0, this.pos);
    this.pos += 4;
  }
  async flush(): Promise<void> {
    if (this.pos > 0) await this.fh.write(this.buf, 0, this.pos);
    this.pos = 0;
  }
}

/** Writes the state to `path` atomically. */
export async function saveSnapshot(env: SnapshotEnv, path: string): Promise<SaiStatus> {
  const tables = env.tables ? [...env.tables.tables.values()] : [];
  const header: Header = {
    headersSha256: env.cat.model.headers.sha256,
    savedAtMs: env.clock.now(),
    objects: [...env.objects.objects.values()].map((r) => ({ oid: hex(r.oid), type: r.type, switchId: hex(r.switchId), attrs: attrTexts(env, r.type, r.attrs) })),
    entries: env.objects.entryTypes().flatMap((type) =>
      [...env.objects.entriesOf(type)].map((e) => ({
        type,
        key: formatEntryKey(env.cat.info(type)!.structmembers, e.key, entryKeyRenames(type), env.cat.enumLookup),
        attrs: attrTexts(env, type, e.attrs),
      })),
    ),
    nextIndex: [...env.objects.nextIndex].map(([k, v]) => [k, v.toString()]),
    tables: tables.map((t) => ({ oid: hex(t.oid), flows: t.store.count })),
  };
  const tmp = `${path}.tmp-${process.pid}`;
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(tmp, "w");
    const out = new Out(fh);
    await out.bytes(Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`));
    let flows = 0;
    if (env.schema && env.cols)
      for (const t of tables) {
        const scan = openScan([t], [], 0, () => true);
        if (typeof scan === "string") throw new Error(scan);
        const buf = new Uint32Array(1024);
        const now = t.store.now32();
        for (let r = scan.next(buf); r; r = scan.next(buf)) {
          const b = encodeSlots(env.schema, env.cols, t, buf, r.n);
          for (let i = 0; i < b.count; i++) {
            await out.u32(b.lengths[i]!);
            await out.bytes(b.records.subarray(b.offsets[i]!, b.offsets[i]! + b.lengths[i]!));
            await out.u32(Math.max(0, (now - t.store.lastHitOf(buf[i]!)) | 0));
          }
          flows += b.count;
        }
      }
    await out.flush();
    await fh.sync();
    await fh.close();
    fh = undefined;
    await rename(tmp, path);
    return { ...OK, message: `saved ${header.objects.length} object(s), ${header.entries.length} entr(ies), ${flows} flow(s)` };
  } catch (e) {
    await fh?.close().catch(() => undefined);
    await rm(tmp, { force: true });
    return fail("FAILURE", `snapshot ${path}: ${(e as Error).message}`);
  }
}

/** Sequential reader over a file handle. */
class In {
  private buf = Buffer.alloc(0);
  private pos = 0;
  private eof = false;
  constructor(private readonly fh: Awaited<ReturnType<typeof open>>) {}
  private async fill(need: number): Promise<boolean> {
    while (this.buf.length - this.pos < need && !this.eof) {
      const chunk = Buffer.allocUnsafe(Math.max(4 << 20, need));
      const { bytesRead } = await this.fh.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) this.eof = true;
      this.buf = Buffer.concat([this.buf.subarray(this.pos), chunk.subarray(0, bytesRead)]);
      this.pos = 0;
    }
    return this.buf.length - this.pos >= need;
  }
  async line(): Promise<string | null> {
    for (;;) {
      const nl = this.buf.indexOf(10, this.pos);
      if (nl >= 0) {
        const s = this.buf.toString("utf8", this.pos, nl);
        this.pos = nl + 1;
        return s;
      }
      if (this.eof) return null;
      await this.fill(this.buf.length - this.pos + 1);
    }
  }
  async u32(): Promise<number | null> {
    if (!(await this.fill(4))) return null;
    const v = this.buf.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }
  async bytes(n: number): Promise<Uint8Array | null> {
    if (!(await this.fill(n))) return null;
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

function parseAttrs(env: SnapshotEnv, type: string, texts: Record<string, string>): Map<string, unknown> | string {
  const m = new Map<string, unknown>();
  for (const [name, text] of Object.entries(texts)) {
    const a = env.cat.attr(type, name);
    if (!a) return `unknown attribute ${name}`;
    const r = parseValue(valueMetaOf(a, env.cat.enumLookup), text);
    if (!r.ok) return `${name}: ${r.error}`;
    m.set(name, r.value);
  }
  return m;
}

/** Replaces the state with the snapshot at `path`. */
export async function loadSnapshot(env: SnapshotEnv, path: string): Promise<SaiStatus> {
  let fh: Awaited<ReturnType<typeof open>> | undefined;
  try {
    fh = await open(path, "r");
    const inp = new In(fh);
    if ((await inp.line()) !== MAGIC) return fail("INVALID_PARAMETER", `${path} is not a dashflow snapshot`);
    const h = JSON.parse((await inp.line()) ?? "null") as Header | null;
    if (!h || typeof h !== "object") return fail("INVALID_PARAMETER", `${path}: no snapshot header`);
    if (h.headersSha256 !== env.cat.model.headers.sha256)
      return fail("INVALID_PARAMETER", `${path} was saved by a runtime built from other headers (sha256 ${h.headersSha256})`);
    // Parse everything before touching the state, so a bad snapshot leaves the runtime as it was.
    const objs = [];
    for (const o of h.objects) {
      const attrs = parseAttrs(env, o.type, o.attrs);
      if (typeof attrs === "string") return fail("INVALID_PARAMETER", `${path}: object ${o.oid}: ${attrs}`);
      objs.push({ ...o, attrsMap: attrs });
    }
    const ents = [];
    for (const e of h.entries) {
      const info = env.cat.info(e.type);
      if (!info) return fail("INVALID_PARAMETER", `${path}: unknown entry type ${e.type}`);
      const key = parseEntryKey(info.structmembers, e.key, entryKeyRenames(e.type), env.cat.enumLookup);
      if (!key.ok) return fail("INVALID_PARAMETER", `${path}: entry key ${e.key}: ${key.error}`);
      const attrs = parseAttrs(env, e.type, e.attrs);
      if (typeof attrs === "string") return fail("INVALID_PARAMETER", `${path}: entry ${e.key}: ${attrs}`);
      ents.push({ type: e.type, key: key.value, attrs, members: info.structmembers });
    }

    env.objects.clear();
    env.callbacks.clear();
    if (env.tables) for (const oid of [...env.tables.tables.keys()]) env.tables.remove(oid);
    for (const o of objs) {
      const oid = BigInt(o.oid);
      const switchId = BigInt(o.switchId);
      const keyAttrs = env.cat.attrs(o.type).filter((a) => a.iskey && o.attrsMap.has(a.attridname));
      const keyString = keyAttrs.length ? `${o.type}|${attributeKeyString(switchId, keyAttrs.map((a) => [a.attridname, o.attrsMap.get(a.attridname)] as const))}` : null;
      env.objects.addObject({ oid, type: o.type, switchId, attrs: o.attrsMap, keyString });
      for (const [name, v] of o.attrsMap) {
        const a = env.cat.attr(o.type, name);
        if (a) for (const r of attrRefs(a, v)) env.objects.ref(r, 1);
      }
      if (o.type === FLOW_TYPES.table) env.tables?.create(oid, switchId, env.tableSettings(o.attrsMap));
    }
    for (const e of ents) {
      const sw = typeof e.key.switch_id === "bigint" ? e.key.switch_id : 0n;
      env.objects.addEntry({ type: e.type, key: e.key, canon: canonicalKey(e.key), switchId: sw, attrs: e.attrs });
      for (const [name, v] of e.attrs) {
        const a = env.cat.attr(e.type, name);
        if (a) for (const r of attrRefs(a, v)) env.objects.ref(r, 1);
      }
      for (const r of keyRefs(e.members, e.key)) env.objects.ref(r, 1);
    }
    for (const [k, v] of h.nextIndex) env.objects.nextIndex.set(k, BigInt(v));
    env.tables?.invalidate();

    let flows = 0;
    if (env.schema && env.cols && env.tables) {
      const key = new Uint8Array(env.schema.store.keyBytes);
      for (const td of h.tables) {
        const t = env.tables.tables.get(BigInt(td.oid));
        if (!t) return fail("INVALID_PARAMETER", `${path}: flows of unknown table ${td.oid}`);
        const codec = t.codec;
        const now = t.store.now32();
        for (let i = 0; i < td.flows; i++) {
          const len = await inp.u32();
          const bytes = len === null ? null : await inp.bytes(len);
          const idle = await inp.u32();
          if (bytes === null || idle === null) return fail("INVALID_PARAMETER", `${path}: truncated in the flows of table ${td.oid}`);
          const err = env.schema.codec.decodeRow(bytes, env.cols, 0);
          if (err) return fail("INVALID_PARAMETER", `${path}: flow ${i} of table ${td.oid}: ${err.message}`);
          codec.packKey(0, key, 0);
          const slot = t.store.insert(key);
          if (slot < 0) continue;
          codec.scatter(0, slot);
          t.store.setLastHit(slot, now - idle);
          flows++;
        }
      }
    }
    return { ...OK, message: `loaded ${objs.length} object(s), ${ents.length} entr(ies), ${flows} flow(s)` };
  } catch (e) {
    return fail("FAILURE", `snapshot ${path}: ${(e as Error).message}`);
  } finally {
    await fh?.close().catch(() => undefined);
  }
}
