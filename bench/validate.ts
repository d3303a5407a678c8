/**
 * Validator throughput: a 10-attribute FLOW_ENTRY create (key + attributes) on one core, by attribute names and
 * by numeric ids, without a state table and with a minimal one (the runtime's lookups are not measured here).
 * Also a failing create (bad value at index 7) and a FLOW_TABLE create. Target: ≥ 2M validations/s.
 *
 * Figures are medians of 5 runs, per second of CPU time of this process (one core) and per wall-clock second.
 * Run: npx tsx bench/validate.ts   (or npm run bench -- validate)
 */
import { runPipeline } from "../generator/pipeline.js";
import { createValidator, type AttrInput, type ValidationState } from "../runtime/validate/index.js";
import { ipAddress, mac } from "../runtime/values/index.js";

const t0 = performance.now();
const { model } = runPipeline(["sai-headers"]);
const t1 = performance.now();
const v = createValidator(model);
const t2 = performance.now();

const S = 0x21000000000000n;
const key = {
  switch_id: S,
  eni_mac: mac("00:aa:bb:cc:dd:ee"),
  vnet_id: 100,
  ip_proto: 6,
  src_ip: ipAddress("10.0.0.1"),
  dst_ip: ipAddress("10.1.0.2"),
  src_port: 12345,
  dst_port: 80,
};
const values: [string, unknown][] = [
  ["SAI_FLOW_ENTRY_ATTR_ACTION", 0],
  ["SAI_FLOW_ENTRY_ATTR_VERSION", 7],
  ["SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", 1],
  ["SAI_FLOW_ENTRY_ATTR_DASH_FLOW_ACTION", 1 | 8],
  ["SAI_FLOW_ENTRY_ATTR_METER_CLASS", 3],
  ["SAI_FLOW_ENTRY_ATTR_IS_UNIDIRECTIONAL_FLOW", false],
  ["SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_ENI_MAC", mac("00:aa:bb:cc:dd:ef")],
  ["SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_VNET_ID", 100],
  ["SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_IP", ipAddress("10.1.0.2")],
  ["SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DASH_ENCAPSULATION", 1],
];
const byName: AttrInput[] = values.map(([id, value]) => ({ id, value }));
const byId: AttrInput[] = values.map(([id, value]) => ({ id: v.attribute("SAI_OBJECT_TYPE_FLOW_ENTRY", id)!.attrid, value }));
const failing: AttrInput[] = byName.map((a, i) => (i === 7 ? { id: a.id, value: 70000 } : a));
const table: AttrInput[] = [
  { id: "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", value: 1000 },
  { id: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY", value: 0x7f },
  { id: "SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS", value: 30000 },
];
// A state whose lookups cost next to nothing, so the figure is the validator's own cost.
const state: ValidationState = {
  exists: () => true,
  objectTypeOf: () => undefined,
  entryExists: () => false,
};

// Rates are per second of this process's CPU time (one core), so other load on the machine does not skew them;
// wall-clock rates are printed too.
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function run(name: string, fn: () => number, n: number): void {
  for (let i = 0; i < Math.min(n, 200_000); i++) fn(); // warm-up
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let r = 0; r < 5; r++) {
    let sink = 0;
    const c = cpuMs();
    const s = performance.now();
    for (let i = 0; i < n; i++) sink += fn();
    wall.push(n / ((performance.now() - s) / 1000));
    cpu.push(n / ((cpuMs() - c) / 1000));
    if (sink === 42) console.log(""); // keeps the loop observable
  }
  cpu.sort((a, b) => a - b);
  wall.sort((a, b) => a - b);
  const m = (x: number): string => (x / 1e6).toFixed(2);
  console.log(`${name.padEnd(48)} ${m(cpu[2]!)} M/s CPU (min ${m(cpu[0]!)}, max ${m(cpu[4]!)}); wall ${m(wall[2]!)} M/s`);
}

const FE = "SAI_OBJECT_TYPE_FLOW_ENTRY";
const check = (r: { code: number }, want: number, what: string): void => {
  if (r.code !== want) throw new Error(`${what}: expected ${want}, got ${JSON.stringify(r)}`);
};
check(v.validateCreate(FE, byName, { key }), 0, "by name");
check(v.validateCreate(FE, byId, { key, state }), 0, "by id");
check(v.validateCreate(FE, failing, { key }), -(0x20000 + 7), "failing");
check(v.validateCreate("SAI_OBJECT_TYPE_FLOW_TABLE", table, { switchId: S }), 0, "flow table");

console.log(`model: runPipeline ${(t1 - t0).toFixed(0)} ms, createValidator ${(t2 - t1).toFixed(1)} ms`);
const N = 2_000_000;
run("FLOW_ENTRY create, 10 attrs by name, no state", () => v.validateCreate(FE, byName, { key }).code, N);
run("FLOW_ENTRY create, 10 attrs by name, state", () => v.validateCreate(FE, byName, { key, state }).code, N);
run("FLOW_ENTRY create, 10 attrs by numeric id, state", () => v.validateCreate(FE, byId, { key, state }).code, N);
const ctx = { key, state };
run("  same, context object reused", () => v.validateCreate(FE, byId, ctx).code, N);
run("FLOW_ENTRY create, failing at index 7", () => v.validateCreate(FE, failing, { key }).code, N / 4);
run("FLOW_TABLE create, 3 attrs", () => v.validateCreate("SAI_OBJECT_TYPE_FLOW_TABLE", table, { switchId: S }).code, N);
run("FLOW_ENTRY set, 1 attr, state", () => v.validateSet(FE, [byName[3]!], ctx).code, N);
