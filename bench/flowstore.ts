/**
 * Flow store bench: `npx tsx bench/flowstore.ts [--flows N] [--json] [--key-row] [--no-thp]` (default
 * 10,000,000 IPv4 flows with the full DASH flow layout: 34 attributes, every enabled-key bit set).
 *
 * Measures the raw store (no API validation): batched insert into a fresh table and into touched memory,
 * batched and single-key lookup, mixed remove/insert at steady state, a five-filter scan, aging sweeps, and
 * memory (RSS delta, peak RSS, ArrayBuffer bytes, the store's reserved bytes per flow). Keys are generated in
 * 1M-key buffers outside the timed sections and are not part of the memory figures. Every rate is given by wall
 * time and by this process's CPU time: our machines are shared, and CPU time is the steadier figure when other
 * jobs compete for the two cores. `--key-row` drops the key-member filter columns (filters then read the key
 * row) to compare the two layouts.
 *
 * Targets (issue): ≤ 256 B/flow (10M IPv4 flows ≤ 2.5 GiB RSS), insert ≥ 3M/s through the full API,
 * get by key ≥ 5M/s, mixed ≥ 6M ops/s, five-filter scan ≥ 50M flows/s, aging sweep of 10M ≤ 1 s.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { compileFilter, FlowStore, layoutFromMetadata, type FlowLayout } from "../runtime/flowstore/index.js";
import { ALL_KEYS, dashLayout, dashMaskBits, FLOW_ATTRS, FLOW_ENUMS, FLOW_KEY_MEMBERS } from "../test/flowstore/dash-fixture.js";

const argv = process.argv.slice(2);

// First-touch page faults cost 15–40 µs per 4 KiB page on our VMs (THP is madvise-only), which caps a fresh
// table near 1M inserts/s whatever the store does. glibc's hugetlb tunable makes malloc madvise its mmaps for
// transparent huge pages; the bench re-runs itself with it unless --no-thp (run both to see the difference).
const THP = "glibc.malloc.hugetlb=1";
if (!argv.includes("--no-thp") && !(process.env.GLIBC_TUNABLES ?? "").includes("hugetlb")) {
  const env = { ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, THP].filter(Boolean).join(":") };
  const r = spawnSync(process.execPath, ["--expose-gc", ...process.execArgv, ...process.argv.slice(1)], { env, stdio: "inherit" });
  process.exit(r.status ?? 1);
}

const arg = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(arg("--flows") ?? 10_000_000);
const JSON_OUT = argv.includes("--json");
const KEY_ROW = argv.includes("--key-row");
const CHUNK = 1 << 20;

const layout: FlowLayout = KEY_ROW ? layoutFromMetadata(FLOW_KEY_MEMBERS, FLOW_ATTRS, { enums: FLOW_ENUMS, keyColumns: [] }).layout! : dashLayout();
const field = (name: string) => layout.keyFields.find((f) => f.name === name)!;
const F = {
  sw: field("switch_id"), mac: field("eni_mac"), vnet: field("vnet_id"), proto: field("ip_proto"),
  sip: field("src_ip"), dip: field("dst_ip"), sport: field("src_port"), dport: field("dst_port"),
};

/** Deterministic 32-bit mix of a flow number. */
function mix(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Writes the packed key of IPv4 flow `i` at `b[at..]` (src_ip = i·φ mod 2^32 keeps keys unique). */
function writeKey(b: Uint8Array, at: number, i: number): void {
  b.fill(0, at, at + layout.keyBytes);
  b[at + F.sw.offset + 6] = 0x21; // oid:0x21000000000000
  const m = at + F.mac.offset;
  b[m + 1] = 0xaa; b[m + 2] = 0xbb; b[m + 3] = 0xcc; b[m + 4] = 0xdd; b[m + 5] = i & 63;
  b[at + F.vnet.offset] = i % 100;
  b[at + F.proto.offset] = i & 1 ? 6 : 17;
  const s = Math.imul(i, 0x9e3779b1) >>> 0;
  const d = mix(i);
  const put32 = (o: number, v: number) => { b[o] = v >>> 24; b[o + 1] = (v >>> 16) & 255; b[o + 2] = (v >>> 8) & 255; b[o + 3] = v & 255; };
  put32(at + F.sip.offset, s);
  put32(at + F.dip.offset, d);
  const sp = mix(i + 0x5bd1e995) & 0xffff;
  const dp = (d >>> 7) & 0x3ff;
  b[at + F.sport.offset] = sp & 255; b[at + F.sport.offset + 1] = sp >>> 8;
  b[at + F.dport.offset] = dp & 255; b[at + F.dport.offset + 1] = dp >>> 8;
}

/** Fills `buf` with the keys of flows order(0..n). */
function fill(buf: Uint8Array, n: number, order: (k: number) => number): void {
  for (let k = 0; k < n; k++) writeKey(buf, k * layout.keyBytes, order(k));
}

/** A permutation of [0, N): k·P mod N with P a prime not dividing N. */
const P = 1_000_003;
const perm = (k: number) => (k * P) % N;

/** Accumulates wall and CPU time of timed sections. */
class Timer {
  wall = 0;
  cpu = 0;
  worst = 0;
  time<T>(fn: () => T): T {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn();
    const dt = performance.now() - t0;
    const c = process.cpuUsage(c0);
    this.wall += dt;
    this.cpu += (c.user + c.system) / 1000;
    this.worst = Math.max(this.worst, dt);
    return r;
  }
}

const results: Record<string, number | string | boolean> = { flows: N, keyRow: KEY_ROW, loadAvgStart: loadavg()[0]! };
const log = (label: string, value: string) => {
  if (!JSON_OUT) console.log(`${label.padEnd(46)} ${value}`);
};
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;
const M = (x: number) => `${(x / 1e6).toFixed(2)}M`;
/** Records `name` = ops per second (wall) and `name`Cpu (CPU time); returns the printable pair. */
function rates(name: string, ops: number, t: Timer, unit = "/s"): string {
  results[name] = (ops / t.wall) * 1000;
  results[`${name}Cpu`] = (ops / t.cpu) * 1000;
  return `${M(results[name] as number)}${unit} (CPU time: ${M(results[`${name}Cpu`] as number)}${unit})`;
}
const vmHwm = () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

const keyBuf = new Uint8Array(CHUNK * layout.keyBytes);
const keyBuf2 = new Uint8Array(CHUNK * layout.keyBytes);
const out = new Int32Array(CHUNK);
keyBuf.fill(1); keyBuf2.fill(1); out.fill(1); // touch now so the memory deltas count only the store
let now = 0;
gc();
const mem0 = process.memoryUsage();
const store = new FlowStore(layout, { enabledKeys: ALL_KEYS, maskBits: dashMaskBits(), clock: () => now });
results.thp = (process.env.GLIBC_TUNABLES ?? "").includes("hugetlb");
log("layout", `key ${layout.keyBytes} B, ${layout.columns.length} columns, fixed ${layout.fixedBytesPerFlow} B/slot${KEY_ROW ? " (no key columns)" : ""}; THP ${results.thp ? "on" : "off"}`);

// ---- insert into a fresh table (first-touch page faults and index doublings included)
{
  const t = new Timer();
  const SUB = 1 << 16;
  for (let base = 0; base < N; base += CHUNK) {
    const n = Math.min(CHUNK, N - base);
    fill(keyBuf, n, (k) => base + k);
    for (let s = 0; s < n; s += SUB) {
      const m = Math.min(SUB, n - s);
      now = Math.floor(((base + s) / N) * 10) * 1000; // the d-th tenth of the flows is inserted at d seconds (for aging)
      const r = t.time(() => store.insertMany(keyBuf.subarray(s * layout.keyBytes, (s + m) * layout.keyBytes), m, out));
      if (r !== m) throw new Error(`insert: ${r} of ${m}`);
    }
  }
  results.insertWorst64kMs = t.worst;
  log("insert, fresh table (insertMany)", `${rates("insertPerSec", N, t)}; worst 64K batch ${t.worst.toFixed(0)} ms`);
  const probe = store.probeStats();
  log("  index", `${probe.buckets} buckets, load ${probe.load.toFixed(2)}, avg probe ${probe.avgProbe.toFixed(2)}, max ${probe.maxProbe}`);
}

// ---- a real create writes every attribute: touch every state column of every flow so memory counts them
{
  const it = store.internals();
  const t0 = performance.now();
  for (const col of it.columns) {
    // columns in the state block live in the slot rows the inserts already wrote (and hold the keys: no bulk fill)
    if (col.spec.origin !== "attr" || col.stride > 1) continue;
    for (const part of col.parts) {
      part.forEach((chunk, c) => {
        const per = chunk.length / it.geometry.chunkSize(c);
        const used = Math.max(0, Math.min(chunk.length, (store.highWater - it.geometry.chunkStart(c)) * per));
        if (chunk instanceof BigUint64Array || chunk instanceof BigInt64Array) chunk.fill(0n, 0, used);
        else (chunk as Uint8Array).fill(0, 0, used);
      });
    }
  }
  log("write every state column (bulk fill)", `${(performance.now() - t0).toFixed(0)} ms`);
}

// ---- memory
{
  gc();
  const mem1 = process.memoryUsage();
  const m = store.memoryUsage();
  results.rssBytes = mem1.rss;
  results.rssDeltaBytesPerFlow = (mem1.rss - mem0.rss) / N;
  results.peakRssBytes = vmHwm();
  results.arrayBufferBytesPerFlow = (mem1.arrayBuffers - mem0.arrayBuffers) / N;
  results.reservedBytesPerFlow = m.bytesPerFlowReserved;
  results.usedBytesPerFlow = m.bytesPerFlowUsed;
  log("RSS delta per flow / process RSS / peak", `${(results.rssDeltaBytesPerFlow as number).toFixed(1)} B / ${mib(mem1.rss)} / ${mib(results.peakRssBytes as number)}`);
  log("ArrayBuffer bytes per flow", `${(results.arrayBufferBytesPerFlow as number).toFixed(1)} B`);
  log("store reserved / used per flow", `${m.bytesPerFlowReserved.toFixed(1)} B / ${m.bytesPerFlowUsed.toFixed(1)} B (index ${mib(m.indexBytes)}, ${m.slotsReserved} slots reserved)`);
}

// ---- lookup, random order
{
  const t = new Timer();
  for (let base = 0; base < N; base += CHUNK) {
    const n = Math.min(CHUNK, N - base);
    fill(keyBuf, n, (k) => perm(base + k));
    const found = t.time(() => store.lookupMany(keyBuf, n, out));
    if (found !== n) throw new Error(`lookup: ${found} of ${n}`);
  }
  log("lookup, random order (lookupMany)", rates("lookupPerSec", N, t));
  const n = Math.min(CHUNK, N);
  fill(keyBuf, n, (k) => perm(k + 7));
  const t1 = new Timer();
  const found = t1.time(() => {
    let f = 0;
    for (let k = 0; k < n; k++) f += +(store.lookup(keyBuf, k * layout.keyBytes) >= 0);
    return f;
  });
  if (found !== n) throw new Error("single lookup");
  log("lookup, random order (single-key lookup)", rates("lookupSinglePerSec", n, t1));
}

// ---- mixed: remove random live flows and insert new ones, steady state at N flows. Removed slots are random,
// so every insert lands in a random slot. Without initState the store writes the key row, key columns and
// bookkeeping there (the runtime then writes the attributes); with it, it also zeroes all ~50 state arrays.
for (const initState of [false, true]) {
  const pairs = Math.min(CHUNK, N) >> 1;
  const first = initState ? pairs : 0;
  fill(keyBuf, pairs, (k) => perm(first + k)); // distinct live flows
  fill(keyBuf2, pairs, (k) => N + first + k); // new flows
  const B = 256;
  const kb = layout.keyBytes;
  now = 10_000;
  const t = new Timer();
  t.time(() => {
    for (let s = 0; s < pairs; s += B) {
      const m = Math.min(B, pairs - s);
      const r = store.removeMany(keyBuf.subarray(s * kb, (s + m) * kb), m);
      const a = store.insertMany(keyBuf2.subarray(s * kb, (s + m) * kb), m, undefined, { initState });
      if (r !== m || a !== m) throw new Error(`mixed: removed ${r} inserted ${a} of ${m}`);
    }
  });
  log(`mixed remove+insert, 256/batch${initState ? ", zero state" : ""}`, rates(initState ? "mixedInitStateOpsPerSec" : "mixedOpsPerSec", 2 * pairs, t, " ops/s"));
}

// ---- five-filter scan
{
  const f = compileFilter(store, [
    { field: "ip_proto", op: "eq", value: 6 },
    { field: "dst_port", op: ">=", value: 512 },
    { field: "src_ip", op: ">=", value: "64.0.0.0" },
    { field: "eni_mac", op: "<=", value: "00:aa:bb:cc:dd:1f" },
    { field: "version", op: "<", value: 5 },
  ]);
  if (!f.ok) throw new Error(JSON.stringify(f.errors));
  let best = new Timer();
  let matched = 0;
  for (let r = 0; r < 5; r++) {
    const t = new Timer();
    matched = t.time(() => f.filter.count());
    if (t.wall < best.wall || r === 0) best = t;
  }
  results.scanMatched = matched;
  log("five-filter scan (best of 5)", `${rates("scanFlowsPerSec", store.highWater, best, " flows/s")}, ${matched} matched, ${best.wall.toFixed(0)} ms`);
  const t = new Timer();
  const lim = t.time(() => f.filter.scan(() => undefined, { limit: 10 }));
  log("  with limit 10", `${t.wall.toFixed(3)} ms (${lim} reported)`);
}

// ---- aging
{
  store.ttlMs = 9_500;
  const sweep = (at: number, label: string, key: string) => {
    const before = store.count;
    const t = new Timer();
    const removed = t.time(() => store.age(at));
    results[key] = t.wall;
    results[`${key}Cpu`] = t.cpu;
    log(label, `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms), ${removed} of ${before} removed`);
  };
  sweep(1_000, "aging sweep, nothing expires", "ageNoneMs");
  sweep(10_000, "aging sweep, ~10 % expire", "ageTenthMs");
  sweep(100_000, "aging sweep, all expire", "ageAllMs");
}

// ---- insert again into the freed, already touched slots: the store's insert cost without page faults. Half
// with initState (reused slots get their ~50 state arrays zeroed), half without (the runtime's create path,
// which writes every attribute itself).
for (const initState of [true, false]) {
  const t = new Timer();
  const from = initState ? 0 : N >> 1;
  const to = initState ? N >> 1 : N;
  for (let base = from; base < to; base += CHUNK) {
    const n = Math.min(CHUNK, to - base);
    fill(keyBuf, n, (k) => base + k);
    const r = t.time(() => store.insertMany(keyBuf, n, out, { initState }));
    if (r !== n) throw new Error(`reinsert: ${r} of ${n}`);
  }
  log(`insert, touched memory${initState ? ", zero state" : ""}`, rates(initState ? "insertWarmInitStatePerSec" : "insertWarmPerSec", to - from, t));
}

results.loadAvgEnd = loadavg()[0]!;
log("load average start / end (2 cores)", `${(results.loadAvgStart as number).toFixed(1)} / ${(results.loadAvgEnd as number).toFixed(1)}`);
if (JSON_OUT) console.log(JSON.stringify(results, null, 2));
