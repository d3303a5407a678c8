/**
 * Deterministic synthetic flows for `dashflow load`, benchmarks and tests. Flow `i` of seed `s` is a pure function
 * of (s, i, versions): its key does not depend on the version range, so loading the same seed with other versions
 * produces the same flows in newer or older versions (what the HA version rule is tested with).
 *
 * Shape: 200 source VMs `10.<s>.0.1…200` (`10.<s+k>.0.x` past 12M flows) talking to 50 destination VMs
 * `172.16.0.1…50` on ports 443 (most), 80, 53/udp, 8080 and 22; source ports 1024…61023 make every key unique.
 */
import { fromBigInt, type Msg } from "../server/convert.js";

/** What every flow of a load shares. */
export interface SyntheticOptions {
  readonly seed: number;
  /** Inclusive version range. */
  readonly versions: readonly [number, number];
  readonly switchId: bigint;
  readonly eniMac: Uint8Array;
  readonly vnetId: number;
}

const SRC_VMS = 200;
const DST_VMS = 50;
const PORTS_PER_VM = 60_000;
const DST_PORTS = [443, 443, 443, 80, 80, 53, 8080, 22] as const;

/** 32-bit integer mix (a finalizer with good avalanche), so neighbouring indices get unrelated values. */
function mix(a: number): number {
  a = Math.imul(a ^ (a >>> 16), 0x7feb352d);
  a = Math.imul(a ^ (a >>> 15), 0x846ca68b);
  return (a ^ (a >>> 16)) >>> 0;
}

/** A value for (seed, flow, purpose): independent streams per purpose. */
function h(seed: number, i: number, salt: number): number {
  return mix(mix(seed + Math.imul(salt, 0x9e3779b9)) ^ mix(i));
}

const ip4 = (a: number, b: number, c: number, d: number): number => ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** The IPv4 address (as text) of source VM `vm` (1-based) of a seed: what diagnosis examples filter on. */
export function sourceVmIp(seed: number, vm: number): string {
  return `10.${seed & 255}.0.${vm}`;
}

/** The IPv4 address (as text) of destination VM `vm` (1-based). */
export function destinationVmIp(vm: number): string {
  return `172.16.0.${vm}`;
}

/** Flow `i` as a CreateFlowEntryRequest message object ({key, attributes}). */
export function syntheticFlow(i: number, o: SyntheticOptions): Msg {
  const vm = i % SRC_VMS;
  const j = Math.floor(i / SRC_VMS);
  const k = Math.floor(j / PORTS_PER_VM);
  const dstVm = h(o.seed, i, 1) % DST_VMS;
  const dstPort = DST_PORTS[h(o.seed, i, 2) % DST_PORTS.length]!;
  const [lo, hi] = o.versions;
  const version = lo + (h(o.seed, i, 3) % (hi - lo + 1));
  const outbound = (h(o.seed, i, 4) & 1) === 1;
  return {
    key: {
      switch_id: fromBigInt(o.switchId),
      eni_mac: o.eniMac,
      vnet_id: o.vnetId,
      ip_proto: dstPort === 53 ? 17 : 6,
      src_ip: { ipv4: ip4(10, (o.seed + k) & 255, 0, vm + 1) },
      dst_ip: { ipv4: ip4(172, 16, 0, dstVm + 1) },
      src_port: 1024 + (j % PORTS_PER_VM),
      dst_port: dstPort,
    },
    // number attributes only: the server creates these through the packed bulk path (addresses would take the
    // per-flow object path, ~50x slower)
    attributes: {
      version,
      dash_direction: outbound ? 1 : 2,
      // outbound: VXLAN encap toward the destination's host; inbound: the NAT gateway's source NAT
      dash_flow_action: outbound ? 0x1 | 0x8 : 0x10 | 0x100,
      meter_class: h(o.seed, i, 5) % 16,
      is_unidirectional_flow: true,
      underlay0_vnet_id: 1000 + dstVm,
      underlay0_dash_encapsulation: 1,
      dash_flow_sync_state: 1, // FLOW_CREATED
    },
  };
}
