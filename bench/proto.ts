/**
 * `npx tsx bench/proto.ts [--headers DIR]... [--runs N] [--json]` (or `npm run bench -- proto`): encode + decode of
 * a full SaiDashFlowEntry per second on one core, for the protobufjs reference, the specialized object codec, the
 * specialized columnar codec (encoding to a fresh view of the shared slab, and into a caller's array with no
 * allocation at all), and batch encoding. Median of N runs after warm-up; rates use process CPU time
 * (wall-clock rates are printed too, since a busy machine inflates them differently).
 * Target: specialized encode + decode >= 1M entries/s on one core (PERFORMANCE.md: protobufjs reflection ~0.5M/s).
 */
import { parseArgs } from "node:util";
import { renderProtoFiles } from "../generator/emit/proto.js";
import { runPipeline } from "../generator/pipeline.js";
import { loadFlowCodecs, loadProtoRoot, type FlowCodec, type FlowEntry } from "../runtime/proto/index.js";

const { values } = parseArgs({
  options: { headers: { type: "string", multiple: true }, runs: { type: "string", default: "5" }, json: { type: "boolean" } },
});
const dirs = values.headers?.length ? values.headers : ["sai-headers"];
const runs = Number(values.runs);
const model = runPipeline(dirs).model;
const schema = renderProtoFiles(model, "// bench\n");
const codecs = loadFlowCodecs(model, schema);
if (!codecs) {
  process.stderr.write(`bench/proto: no SAI_OBJECT_TYPE_FLOW_ENTRY in ${dirs.join(" ")}\n`);
  process.exit(1);
}

const mac = (last: number) => new Uint8Array([0x00, 0xaa, 0xbb, 0xcc, 0xdd, last]);
const v4 = (a: number, b: number, c: number, d: number) => ({ family: "ipv4" as const, bytes: new Uint8Array([a, b, c, d]) });

/** A fully populated flow: every state field of the bundled headers is non-zero (~20 state fields, like PERFORMANCE.md). */
function fullFlow(i: number): FlowEntry {
  const key = { switch_id: 0x21000000000000n, eni_mac: mac(0xee), vnet_id: 100, ip_proto: 6, src_ip: v4(10, 0, (i >> 8) & 255, i & 255), dst_ip: v4(10, 1, 0, 2), src_port: 1024 + (i & 0x7fff), dst_port: 443 };
  const state: Record<string, unknown> = {};
  // fill from the layout so the bench follows the headers; values are non-zero so every field is on the wire
  for (const f of codecs!.layout.state.fields) {
    switch (f.codec.k) {
      case "bool":
        state[f.name] = true;
        break;
      case "int":
        state[f.name] = f.usesEnum ? 1 : f.codec.bits === 8 ? 17 : 3000 + i;
        break;
      case "int64":
        state[f.name] = 0x1000000000n + BigInt(i);
        break;
      case "mac":
        state[f.name] = mac(i & 255);
        break;
      case "ipaddr":
      case "ipv4":
        state[f.name] = v4(192, 168, (i >> 8) & 255, i & 255);
        break;
      case "u8list":
        state[f.name] = [1, 2, 3, 4];
        break;
      default:
        break; // other kinds take their zero value
    }
  }
  return { flow_key: key, reverse_flow_key: { ...key, src_ip: key.dst_ip, dst_ip: key.src_ip, src_port: key.dst_port, dst_port: key.src_port }, flow_state: state as FlowEntry["flow_state"] };
}

const POOL = 1024;
const encoded = Array.from({ length: POOL }, (_, i) => Uint8Array.from(codecs.protobufjs.encodeFlowEntry(fullFlow(i))));
// entries as a decoder builds them (object literals of one shape), as a sync sender would hold them
const flows = encoded.map((b) => {
  const r = codecs.specialized.decodeFlowEntry(b);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
});
const bytesPerEntry = encoded[0]!.length;

interface Rate {
  cpu: number;
  wall: number;
}

/** Runs `body(n)` (which does n operations) and returns operations per second. */
function measure(n: number, body: (n: number) => void): Rate {
  const c0 = process.cpuUsage();
  const w0 = performance.now();
  body(n);
  const c = process.cpuUsage(c0);
  const wall = performance.now() - w0;
  return { cpu: n / ((c.user + c.system) / 1e6), wall: n / (wall / 1e3) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Row {
  path: string;
  encode: Rate;
  decode: Rate;
  both: Rate;
}

function series(path: string, n: number, enc: (i: number) => void, dec: (i: number) => void): Row {
  const e: Rate[] = [];
  const d: Rate[] = [];
  for (let r = 0; r < runs + 1; r++) {
    const er = measure(n, (k) => {
      for (let i = 0; i < k; i++) enc(i & (POOL - 1));
    });
    const dr = measure(n, (k) => {
      for (let i = 0; i < k; i++) dec(i & (POOL - 1));
    });
    if (r === 0) continue; // warm-up
    e.push(er);
    d.push(dr);
  }
  const pick = (xs: Rate[]): Rate => ({ cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) });
  const encode = pick(e);
  const decode = pick(d);
  const both = (a: number, b: number) => 1 / (1 / a + 1 / b);
  return { path, encode, decode, both: { cpu: both(encode.cpu, decode.cpu), wall: both(encode.wall, decode.wall) } };
}

function objectSeries(codec: FlowCodec, n: number): Row {
  let sink = 0;
  const row = series(
    codec.path,
    n,
    (i) => {
      sink += codec.encodeFlowEntry(flows[i]!).length;
    },
    (i) => {
      if (!codec.decodeFlowEntry(encoded[i]!).ok) sink = -1;
    },
  );
  if (sink < 0) throw new Error("decode failed");
  return row;
}

// protobufjs on its own message objects, no conversion: PERFORMANCE.md's "reflection" row, to scale this machine
const Entry = loadProtoRoot(schema).lookupType("sai.SaiDashFlowEntry");
const messages = encoded.map((b) => Entry.decode(b));
function rawSeries(n: number): Row {
  let sink = 0;
  const row = series(
    "protobufjs (raw)",
    n,
    (i) => {
      sink += Entry.encode(messages[i]!).finish().length;
    },
    (i) => {
      sink += Entry.decode(encoded[i]!) ? 1 : 0;
    },
  );
  return sink > 0 ? row : row;
}

const s = codecs.specialized;
const cols = s.createColumns(POOL);
flows.forEach((f, i) => s.writeRow(cols, i, f));
const target = new Uint8Array(4096);
const rows: Row[] = [
  rawSeries(200_000),
  objectSeries(codecs.protobufjs, 100_000),
  objectSeries(s, 400_000),
  series(
    "specialized columnar",
    1_000_000,
    (i) => void s.encodeRow(cols, i),
    (i) => {
      if (s.decodeRow(encoded[i]!, cols, i) !== null) throw new Error("decode failed");
    },
  ),
  series(
    "columnar, into array",
    1_000_000,
    (i) => {
      if (s.encodeRowInto(cols, i, target, 0) <= 0) throw new Error("encode failed");
    },
    (i) => {
      if (s.decodeRow(encoded[i]!, cols, i) !== null) throw new Error("decode failed");
    },
  ),
];
const batchRate = measure(2_000, (k) => {
  for (let b = 0; b < k; b++) s.encodeRows(cols, 0, 1000);
});
const batch = { cpu: batchRate.cpu * 1000, wall: batchRate.wall * 1000 };

const M = (x: number) => (x / 1e6).toFixed(2);
if (values.json) {
  process.stdout.write(JSON.stringify({ input: dirs.join(" "), bytesPerEntry, runs, rows, batchOf1000: batch }, null, 2) + "\n");
} else {
  process.stdout.write(`SaiDashFlowEntry: ${bytesPerEntry} bytes on the wire (${dirs.join(" ")}), median of ${runs} runs, M entries/s (CPU time | wall)\n`);
  process.stdout.write(`${"path".padEnd(22)} ${"encode".padStart(13)} ${"decode".padStart(13)} ${"encode+decode".padStart(15)}\n`);
  for (const r of rows)
    process.stdout.write(
      `${r.path.padEnd(22)} ${`${M(r.encode.cpu)} | ${M(r.encode.wall)}`.padStart(13)} ${`${M(r.decode.cpu)} | ${M(r.decode.wall)}`.padStart(13)} ${`${M(r.both.cpu)} | ${M(r.both.wall)}`.padStart(15)}\n`,
    );
  process.stdout.write(`${"columnar batch (1000)".padEnd(22)} ${`${M(batch.cpu)} | ${M(batch.wall)}`.padStart(13)}\n`);
  const best = Math.max(...rows.slice(2).map((r) => r.both.cpu));
  const raw = rows[0]!;
  process.stdout.write(
    `machine: protobufjs (raw) runs at ${M(raw.encode.cpu)}/${M(raw.decode.cpu)}M/s here vs 0.47/0.60 in PERFORMANCE.md; the specialized paths are ${(rows[2]!.both.cpu / raw.both.cpu).toFixed(1)}x (objects) and ${(rows[3]!.both.cpu / raw.both.cpu).toFixed(1)}x (columns) and ${(rows[4]!.both.cpu / raw.both.cpu).toFixed(1)}x (columns, into an array) its encode+decode rate\n`,
  );
  process.stdout.write(`target encode+decode >= 1.00M/s on one core: ${best >= 1e6 ? "met" : "NOT met"} (best specialized ${M(best)}M/s CPU time)\n`);
}
