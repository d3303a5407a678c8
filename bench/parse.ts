/**
 * `npx tsx bench/parse.ts [dir...]`: median time of the parse stage (`parseHeaders`) over 7 runs after two
 * warm-up runs, plus where the time goes. Default input: the upstream SAI tree (`inc/` + `experimental/`).
 * Budget: well under 150 ms for the 84 upstream headers (parse + model + check must stay within 250 ms).
 */
import { readFileSync } from "node:fs";
import Parser from "tree-sitter";
import C from "tree-sitter-c";
import { discoverHeaders } from "../generator/parse/discover.js";
import { extractHeader } from "../generator/parse/extract.js";
import { parseHeaders } from "../generator/parse/index.js";
import { preprocess } from "../generator/parse/preprocess.js";

const RUNS = 7;
const dirs = process.argv.slice(2);
if (dirs.length === 0) dirs.push("/work/upstream-sai/inc", "/work/upstream-sai/experimental");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

function time(fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const t0 = performance.now();
    fn();
    if (i >= 2) samples.push(performance.now() - t0);
  }
  return samples;
}

const first = parseHeaders(dirs);
const lines = first.headers.reduce((n, h) => n + h.lines, 0);
const syntax = first.problems.filter((p) => p.code === "syntax").length;
const total = time(() => parseHeaders(dirs));
// CPU time of the process (all threads, so GC helpers count): less disturbed than wall time when other
// work shares the machine.
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const c0 = process.cpuUsage();
  parseHeaders(dirs);
  const c = process.cpuUsage(c0);
  cpu.push((c.user + c.system) / 1000);
}

// Stage breakdown on the same files.
const { files } = discoverHeaders(dirs);
const texts = files.map((f) => readFileSync(f.path, "utf8"));
const pps = texts.map((t, i) => preprocess(t, files[i]!.path));
const read = time(() => {
  for (const f of files) readFileSync(f.path, "utf8");
});
const pre = time(() => {
  for (let i = 0; i < texts.length; i++) preprocess(texts[i]!, files[i]!.path);
});
const parser = new Parser();
parser.setLanguage(C as unknown as Parser.Language);
const treeSitter = time(() => {
  for (const pp of pps) parser.parse(pp.text, null, { bufferSize: pp.text.length + 1 });
});
const extract = time(() => {
  for (let i = 0; i < pps.length; i++) extractHeader(files[i]!.path, files[i]!.dir, files[i]!.basename, pps[i]!);
});

const fmt = (xs: number[]) => `${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)})`;
console.log(`parse stage: ${first.headers.length} headers, ${lines} lines, ${first.problems.length} problems (${syntax} syntax)`);
console.log(`parseHeaders total      median ${fmt(total)} over ${RUNS} runs; CPU ${fmt(cpu)}`);
console.log(`  read files            ${fmt(read)}`);
console.log(`  preprocess            ${fmt(pre)}`);
console.log(`  tree-sitter parse     ${fmt(treeSitter)}`);
console.log(`  parse + extract       ${fmt(extract)}  (extract alone ≈ ${(median(extract) - median(treeSitter)).toFixed(1)} ms)`);
