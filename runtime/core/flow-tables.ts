/**
 * Flow tables: one typed-array `FlowStore` per SAI_OBJECT_TYPE_FLOW_TABLE, and which table holds a flow.
 *
 * Table lookup (decision): a flow belongs to the flow table bound to the ENI whose MAC is the key's `eni_mac`:
 * ENI_ETHER_ADDRESS_MAP_ENTRY{switch_id, address = eni_mac}.ENI_ID → ENI.FLOW_TABLE_ID. A header set whose flow
 * key has a `flow_table_id` member (the design document's variant) names the table directly. The MAC → table map
 * is rebuilt lazily after any change to ENIs, ether-address map entries or flow tables, so per-flow resolution is
 * one Map lookup on a 48-bit number. Flows stay in the table they were created in when the mapping changes later.
 *
 * Limits (decision): MAX_FLOW_COUNT = 0 means "no table limit": the table is bounded only by the switch's
 * `SAI_SWITCH_ATTR_DASH_CAPS_MAX_FLOW_ENTRY_COUNT` (all tables of the switch together). DASH_FLOW_ENABLED_KEY may be
 * changed only while the table is empty (changing the mask of a populated table would merge flows): otherwise
 * OBJECT_IN_USE.
 */
import type { Provisioner } from "./provisioner.js";
import { BufferPool, FlowStore, type MaskBit } from "../flowstore/index.js";
import type { FlowColumns } from "../proto/specialized.js";
import { slotCodec, type SlotCodec } from "./flow-codec.js";
import { FLOW_TYPES, type FlowSchema } from "./flow-schema.js";
import type { ObjectStore } from "./objects.js";

/** One flow table. */
export class FlowTable {
  readonly oid: bigint;
  readonly switchId: bigint;
  store: FlowStore;
  private codecCache: SlotCodec | null = null;

  constructor(
    oid: bigint,
    switchId: bigint,
    store: FlowStore,
    private readonly schema: FlowSchema,
    private readonly cols: FlowColumns,
    private readonly soleEniMac: (t: FlowTable) => number = () => -1,
  ) {
    this.oid = oid;
    this.switchId = switchId;
    this.store = store;
  }

  /**
   * The ENI MAC to report in the keys of this table's flows when its enabled-key mask drops the ENI MAC (stored
   * zeroed): the MAC of the one ENI bound to the table, so a peer can place the flow. -1 when the mask keeps the
   * MAC, or no ENI or several are bound to the table.
   */
  eniMacFill(): number {
    const m = this.schema.eniMember;
    const f = m ? this.schema.store.keyFields.find((x) => x.name === m) : undefined;
    if (!f) return -1;
    const keep = new Uint8Array(this.store.maskWords.buffer, this.store.maskWords.byteOffset, this.store.maskWords.byteLength);
    for (let i = 0; i < f.size; i++) if (keep[f.offset + i] !== 0) return -1;
    return this.soleEniMac(this);
  }

  /** The slot codec bound to the current store (compiled on first use). */
  get codec(): SlotCodec {
    return (this.codecCache ??= slotCodec(this.schema, this.store, this.cols));
  }

  /** Replaces the store (enabled-key change on an empty table). */
  replaceStore(store: FlowStore): void {
    this.store = store;
    this.codecCache = null;
  }
}

/** Settings of a table, from its attributes. */
export interface TableSettings {
  readonly maxFlowCount: number;
  readonly enabledKeys: number;
  readonly ttlMs: number;
}

/** All flow tables and the MAC → table index. */
export class FlowTables {
  readonly tables = new Map<bigint, FlowTable>();
  private byMac = new Map<bigint, Map<number, FlowTable>>();
  private stale = true;
  /** Committed memory the next table takes (see `runtime/flowstore/pool.ts`). */
  private readonly pool = new BufferPool();

  constructor(
    private readonly schema: FlowSchema,
    private readonly objects: ObjectStore,
    private readonly clock: () => number,
    private readonly cols: FlowColumns,
    private readonly initialFlows: number,
    /** Commits a new table's provisioned memory in the background instead of when it is created (servers). */
    private readonly provisioner: Provisioner | null = null,
  ) {
    // a server provisioned for N flows per table commits the first table's memory now, before any table exists:
    // a standby's tables are created when an HA sync pairs it, and would otherwise commit theirs inside the sync
    if (provisioner && initialFlows > 0) {
      // the donor allocates what a table provisioned for N flows asks for and commits it in the background; the
      // buffers are pooled at once, so a table created meanwhile takes them all the same
      const donor = new FlowStore(schema.store, { maskBits: schema.maskBits as MaskBit[], initialFlows });
      donor.reserve(initialFlows, false);
      this.pool.donate(donor);
      provisioner.add(donor);
    }
  }

  private newStore(oid: bigint, s: TableSettings): FlowStore {
    const store = new FlowStore(this.schema.store, {
      maxFlows: s.maxFlowCount,
      enabledKeys: s.enabledKeys,
      maskBits: this.schema.maskBits as MaskBit[],
      ttlMs: s.ttlMs,
      clock: this.clock,
      tableId: oid,
      initialFlows: this.initialFlows,
      pool: this.pool,
    });
    if (this.initialFlows > 0) this.provision(store, this.initialFlows);
    return store;
  }

  /**
   * Provisions `store` to hold `flows` flows (`FlowStore.reserve`): its memory is committed now, or in the background
   * when this runtime has a provisioner. Returns the flows it takes without growing its index.
   */
  provision(store: FlowStore, flows: number): number {
    const room = store.reserve(flows, !this.provisioner);
    this.provisioner?.add(store);
    return room;
  }

  /** Creates the store of a new table. */
  create(oid: bigint, switchId: bigint, s: TableSettings): FlowTable {
    const t = new FlowTable(oid, switchId, this.newStore(oid, s), this.schema, this.cols, (x) => this.soleEniMac(x));
    this.tables.set(oid, t);
    this.stale = true;
    return t;
  }

  /** Applies a table attribute change; returns an error message when it cannot be applied. */
  update(oid: bigint, attr: string, value: unknown, s: TableSettings): string | null {
    const t = this.tables.get(oid);
    if (!t) return null;
    if (attr === this.schema.table.maxFlowCount) t.store.maxFlows = Number(value);
    else if (attr === this.schema.table.ttl) t.store.ttlMs = Number(value);
    else if (attr === this.schema.table.enabledKey && Number(value) !== t.store.enabledKeys) {
      if (t.store.count > 0) return `the enabled-key mask of a table holding ${t.store.count} flow(s) cannot change`;
      t.replaceStore(this.newStore(oid, s));
    }
    return null;
  }

  /** Drops a table and its flows. */
  remove(oid: bigint): void {
    this.tables.delete(oid);
    this.stale = true;
  }

  /** Marks the MAC → table index for rebuilding (ENI, map entry or table changes). */
  invalidate(): void {
    this.stale = true;
  }

  private rebuild(): void {
    this.byMac = new Map();
    const s = this.schema;
    if (s.eniMap && s.eniFlowTableAttr) {
      for (const e of this.objects.entriesOf(FLOW_TYPES.eniMap)) {
        const eni = e.attrs.get(s.eniMap.eniIdAttr);
        if (typeof eni !== "bigint" || eni === 0n) continue;
        const ft = this.objects.objects.get(eni)?.attrs.get(s.eniFlowTableAttr);
        const t = typeof ft === "bigint" ? this.tables.get(ft) : undefined;
        const mac = e.key[s.eniMap.addressMember];
        if (!t || !(mac instanceof Uint8Array)) continue;
        let m = this.byMac.get(e.switchId);
        if (!m) this.byMac.set(e.switchId, (m = new Map()));
        m.set(macNumber(mac, 0), t);
      }
    }
    this.stale = false;
  }

  /** The MAC of the one ENI bound to table `t` (-1 when none or several are). */
  soleEniMac(t: FlowTable): number {
    if (this.stale) this.rebuild();
    let found = -1;
    for (const [mac, x] of this.byMac.get(t.switchId) ?? []) {
      if (x !== t) continue;
      if (found >= 0) return -1;
      found = mac;
    }
    return found;
  }

  /** The table for ENI MAC `mac48` on `switchId`, if any. */
  forMac(switchId: bigint, mac48: number): FlowTable | undefined {
    if (this.stale) this.rebuild();
    return this.byMac.get(switchId)?.get(mac48);
  }

  /** Live flows of every table on a switch. */
  switchFlows(switchId: bigint): number {
    let n = 0;
    for (const t of this.tables.values()) if (t.switchId === switchId) n += t.store.count;
    return n;
  }

  /** Tables of a switch. */
  ofSwitch(switchId: bigint): FlowTable[] {
    return [...this.tables.values()].filter((t) => t.switchId === switchId);
  }
}

/** A MAC's 6 bytes at `b[at..]` as a 48-bit number (exact in a double). */
export function macNumber(b: Uint8Array, at: number): number {
  return (((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0) * 65536 + ((b[at + 4]! << 8) | b[at + 5]!);
}

/** `aa:bb:cc:dd:ee:ff` of a 48-bit MAC number, for messages. */
export function macText(n: number): string {
  const parts: string[] = [];
  for (let i = 5; i >= 0; i--) parts.push((Math.floor(n / 2 ** (8 * i)) % 256).toString(16).padStart(2, "0").toUpperCase());
  return parts.join(":");
}
