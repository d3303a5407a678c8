/** Shared arbitraries and reference semantics for the flow store tests. */
import fc from "fast-check";
import { formatIp, formatMac, parseIp, toMacBytes, type FlowFilter, type FilterOp } from "../../runtime/flowstore/index.js";

/** Canonical text of an IP given as text. */
export function ipText(t: string): string {
  const ip = parseIp(t)!;
  return formatIp(ip.family, ip.bytes);
}

/** IPs that collide on purpose: equal first words with different tails, the IPv4 sign bit, zero. */
export const IP_POOL = [
  "0.0.0.0", "10.0.0.1", "10.0.0.2", "128.0.0.1", "255.255.255.255",
  "::", "::1", "2001:db8::1", "2001:db8::2", "2001:db8:0:1::", "2001:db9::", "ffff::1", "10.0.0.1",
];
/** MACs with equal high halves and the top bit set. */
export const MAC_POOL = ["00:00:00:00:00:00", "00:11:22:33:44:55", "00:11:22:33:44:56", "80:00:00:00:00:01", "ff:ff:ff:ff:ff:ff"];

const bytesTo = (n: number) => fc.uint8Array({ minLength: n, maxLength: n });

/** An IP as canonical text: mostly from the pool, sometimes random v4/v6. */
export const arbIp = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...IP_POOL).map(ipText) },
    { weight: 1, arbitrary: bytesTo(4).map((b) => formatIp(0, b)) },
    { weight: 1, arbitrary: bytesTo(16).map((b) => formatIp(1, b)) },
  );

/** A MAC as canonical text. */
export const arbMac = (): fc.Arbitrary<string> =>
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...MAC_POOL) }, { weight: 1, arbitrary: bytesTo(6).map((b) => formatMac(b)) });

/** A small-domain port so equality filters hit. */
export const arbPort = (): fc.Arbitrary<number> => fc.oneof(fc.constantFrom(0, 80, 443, 1024, 65535), fc.integer({ min: 0, max: 65535 }));

/** Plain key values of a DASH flow. */
export interface FlowFields {
  switch_id: bigint;
  eni_mac: string;
  vnet_id: number;
  ip_proto: number;
  src_ip: string;
  dst_ip: string;
  src_port: number;
  dst_port: number;
}

/** Arbitrary DASH flow key values. */
export const arbFlowFields = (): fc.Arbitrary<FlowFields> =>
  fc.record({
    switch_id: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    eni_mac: arbMac(),
    vnet_id: fc.oneof(fc.constantFrom(0, 1, 100), fc.integer({ min: 0, max: 65535 })),
    ip_proto: fc.constantFrom(0, 1, 6, 17, 255),
    src_ip: arbIp(),
    dst_ip: arbIp(),
    src_port: arbPort(),
    dst_port: arbPort(),
  });

/** A flow as the reference model sees it: key values plus a few state attributes. */
export interface RefFlow extends FlowFields {
  version: number;
  sip: string;
  dst_mac: string;
}

/** Compares two values under `op`. */
function cmp(d: number, op: FilterOp): boolean {
  return op === "eq" ? d === 0 : op === "gt" ? d > 0 : op === "ge" ? d >= 0 : op === "lt" ? d < 0 : d <= 0;
}

function cmpBytes(a: Uint8Array, b: Uint8Array, n: number): number {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

/** Brute-force filter semantics (what the compiled scan must agree with). */
export function refMatches(flow: RefFlow, f: FlowFilter & { op: FilterOp }): boolean {
  const v = flow[f.field as keyof RefFlow];
  if (f.field === "eni_mac" || f.field === "dst_mac") {
    return cmp(cmpBytes(toMacBytes(v as string)!, toMacBytes(f.value as string)!, 6), f.op);
  }
  if (f.field === "src_ip" || f.field === "dst_ip" || f.field === "sip") {
    const a = parseIp(v as string)!;
    const b = parseIp(f.value as string)!;
    return a.family === b.family && cmp(cmpBytes(a.bytes, b.bytes, a.family === 1 ? 16 : 4), f.op);
  }
  const x = Number(v);
  const y = Number(f.value);
  return cmp(x === y ? 0 : x < y ? -1 : 1, f.op);
}

/** Filterable fields and how to draw a value for each. */
export const FILTER_FIELDS: Record<string, () => fc.Arbitrary<unknown>> = {
  eni_mac: arbMac,
  dst_mac: arbMac,
  src_ip: arbIp,
  dst_ip: arbIp,
  sip: arbIp,
  ip_proto: () => fc.constantFrom(0, 1, 6, 17, 255, 300, -1),
  vnet_id: () => fc.integer({ min: 0, max: 65535 }),
  src_port: arbPort,
  dst_port: arbPort,
  version: () => fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0xffffffff, 2 ** 32 + 5)),
};

/** An arbitrary filter over FILTER_FIELDS. */
export const arbFilter = (): fc.Arbitrary<FlowFilter & { op: FilterOp }> =>
  fc.constantFrom(...Object.keys(FILTER_FIELDS)).chain((field) =>
    fc.record({ field: fc.constant(field), op: fc.constantFrom<FilterOp>("eq", "gt", "ge", "lt", "le"), value: FILTER_FIELDS[field]!() }),
  );
