/**
 * Shared setup of the runtime tests: the bundled model (built once per test file), a runtime with a switch, flow
 * tables bound to ENIs by MAC, and flow key builders.
 */
import { runPipeline } from "../../generator/pipeline.js";
import type { SaiModel } from "../../generator/model/types.js";
import { createRuntime, type DashRuntime, type EntryKey, type RuntimeOptions } from "../../runtime/runtime.js";
import { ipAddress, mac } from "../../runtime/values/index.js";

let bundled: SaiModel | undefined;

/** The model of `sai-headers` (cached). */
export function model(): SaiModel {
  return (bundled ??= runPipeline(["sai-headers"]).model);
}

export const FT = "SAI_OBJECT_TYPE_FLOW_TABLE";
export const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
export const ENI = "SAI_OBJECT_TYPE_ENI";
export const MAP = "SAI_OBJECT_TYPE_ENI_ETHER_ADDRESS_MAP_ENTRY";
export const SESSION = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION";
export const FILTER = "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION_FILTER";
export const A = (name: string) => `SAI_FLOW_ENTRY_ATTR_${name}`;
export const ALL_KEYS = 127;

/** A fake clock tests move by hand. */
export class FakeClock {
  t = 1_000_000;
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** A runtime with a switch; returns the switch id. */
export function withSwitch(opts: Partial<RuntimeOptions> = {}): { rt: DashRuntime; sw: bigint } {
  const rt = createRuntime({ model: model(), ...opts });
  const r = rt.createSwitch([{ id: "SAI_SWITCH_ATTR_INIT_SWITCH", value: true }]);
  if (r.code !== 0) throw new Error(r.message);
  return { rt, sw: r.objectId! };
}

/** Creates a flow table and binds it to a new ENI with MAC `eniMac`; returns the table and ENI ids. */
export function addTable(rt: DashRuntime, sw: bigint, eniMac: string, tableAttrs: { id: string; value: unknown }[] = []): { table: bigint; eni: bigint } {
  const hasKey = tableAttrs.some((a) => a.id.endsWith("ENABLED_KEY"));
  const t = rt.create(FT, sw, hasKey ? tableAttrs : [{ id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: ALL_KEYS }, ...tableAttrs]);
  if (t.code !== 0) throw new Error(t.message);
  const e = rt.create(ENI, sw, [{ id: "SAI_ENI_ATTR_FLOW_TABLE_ID", value: t.objectId }]);
  if (e.code !== 0) throw new Error(e.message);
  const m = rt.createEntry(MAP, { switch_id: sw, address: mac(eniMac) }, [{ id: "SAI_ENI_ETHER_ADDRESS_MAP_ENTRY_ATTR_ENI_ID", value: e.objectId }]);
  if (m.code !== 0) throw new Error(m.message);
  return { table: t.objectId!, eni: e.objectId! };
}

/** Standard setup: a switch and one table for ENI MAC 00:AA:BB:CC:DD:EE. */
export function standard(opts: Partial<RuntimeOptions> = {}, tableAttrs: { id: string; value: unknown }[] = []) {
  const { rt, sw } = withSwitch(opts);
  const { table, eni } = addTable(rt, sw, ENI_MAC, tableAttrs);
  return { rt, sw, table, eni };
}

export const ENI_MAC = "00:AA:BB:CC:DD:EE";

/** Flow key number `i` (IPv4, distinct src ip / port per i). */
export function flowKey(sw: bigint, i: number, over: Partial<Record<string, unknown>> = {}): EntryKey {
  return {
    switch_id: sw,
    eni_mac: mac(ENI_MAC),
    vnet_id: 100,
    ip_proto: 6,
    src_ip: ipAddress(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`),
    dst_ip: ipAddress("10.200.0.1"),
    src_port: 1000 + (i % 50000),
    dst_port: 80,
    ...over,
  };
}

/** JSON with bigints and byte arrays readable (for deep comparisons of results). */
/** The REVERSE_FLOW_* attributes naming `rev` as a flow's reverse flow (ENI MAC `ENI_MAC`, VNI 100, TCP). */
export function reverseAttrs(rev: EntryKey): { id: string; value: unknown }[] {
  return [
    { id: A("REVERSE_FLOW_ENI_MAC"), value: mac(ENI_MAC) },
    { id: A("REVERSE_FLOW_VNET_ID"), value: 100 },
    { id: A("REVERSE_FLOW_IP_PROTO"), value: 6 },
    { id: A("REVERSE_FLOW_SRC_IP"), value: rev.src_ip },
    { id: A("REVERSE_FLOW_DST_IP"), value: rev.dst_ip },
    { id: A("REVERSE_FLOW_SRC_PORT"), value: rev.src_port },
    { id: A("REVERSE_FLOW_DST_PORT"), value: rev.dst_port },
  ];
}

export function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? `0x${x.toString(16)}` : x instanceof Uint8Array ? Array.from(x) : x)));
}
