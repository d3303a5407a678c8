/**
 * `npm run bench -- generator [--headers DIR]... [--runs N]`: parse, model and check times (median of N runs)
 * and the input size. Without --headers it benchmarks a synthetic tree of about the upstream size.
 * Target: parse + model + check of the full upstream tree (84 headers, 54.5k lines) in <= 0.25 s.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { runPipeline } from "../generator/pipeline.js";
import { writeSyntheticTree } from "./_synthetic-headers.js";

const { values } = parseArgs({
  options: { headers: { type: "string", multiple: true }, runs: { type: "string", default: "9" }, json: { type: "boolean" } },
});
let dirs = values.headers ?? [];
let cleanup: string | null = null;
if (dirs.length === 0) {
  cleanup = mkdtempSync(join(tmpdir(), "saigen-bench-"));
  writeSyntheticTree(cleanup);
  dirs = [cleanup];
}
const runs = Number(values.runs);
const samples: { parseMs: number; modelMs: number; checkMs: number }[] = [];
let files = 0;
let lines = 0;
let bytes = 0;
let diagnostics = 0;
for (let i = 0; i < runs + 2; i++) {
  const r = runPipeline(dirs);
  if (i < 2) {
    files = r.model.headers.files.length;
    lines = 0;
    bytes = 0;
    for (const f of r.model.headers.files) {
      const t = readFileSync(f, "utf8");
      lines += t.split("\n").length - 1;
      bytes += t.length;
    }
    diagnostics = r.diagnostics.items.length;
    continue; // warm-up
  }
  samples.push(r.timings);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const parse = median(samples.map((s) => s.parseMs));
const model = median(samples.map((s) => s.modelMs));
const check = median(samples.map((s) => s.checkMs));
const total = median(samples.map((s) => s.parseMs + s.modelMs + s.checkMs));
const result = {
  input: cleanup ? "synthetic" : dirs.join(" "),
  files,
  lines,
  bytes,
  diagnostics,
  runs,
  parseMs: +parse.toFixed(1),
  modelMs: +model.toFixed(1),
  checkMs: +check.toFixed(1),
  totalMs: +total.toFixed(1),
  targetMs: 250,
};
if (values.json) process.stdout.write(JSON.stringify(result) + "\n");
else {
  process.stdout.write(`generator benchmark: ${result.input}\n`);
  process.stdout.write(`  input     ${files} headers, ${lines} lines, ${(bytes / 1024).toFixed(0)} KiB (${diagnostics} diagnostics)\n`);
  process.stdout.write(`  parse     ${result.parseMs} ms (median of ${runs})\n`);
  process.stdout.write(`  model     ${result.modelMs} ms\n`);
  process.stdout.write(`  check     ${result.checkMs} ms\n`);
  process.stdout.write(`  total     ${result.totalMs} ms (target <= 250 ms)\n`);
}
if (cleanup) rmSync(cleanup, { recursive: true, force: true });
