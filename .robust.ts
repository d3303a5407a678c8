import { readFileSync } from "node:fs";
import Parser from "tree-sitter";
import C from "tree-sitter-c";
import { discoverHeaders } from "./generator/parse/discover.js";
import { parseHeaders } from "./generator/parse/index.js";
import { preprocess } from "./generator/parse/preprocess.js";
import { extractHeader } from "./generator/parse/extract.js";
const cpu = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
const dirs = ["/work/upstream-sai/inc", "/work/upstream-sai/experimental"];
const { files } = discoverHeaders(dirs);
const pps = files.map((f) => preprocess(readFileSync(f.path, "utf8"), f.path));
const p = new Parser(); p.setLanguage(C as any);
const a: number[] = [], b: number[] = [], c: number[] = [], w: number[] = [];
for (let i = 0; i < 40; i++) {
  let t0 = cpu(); const w0 = performance.now(); parseHeaders(dirs); a.push(cpu() - t0); w.push(performance.now() - w0);
  t0 = cpu(); for (const pp of pps) p.parse(pp.text, null, { bufferSize: pp.text.length + 1 }); b.push(cpu() - t0);
  t0 = cpu(); for (let k = 0; k < pps.length; k++) extractHeader(files[k]!.path, "", "", pps[k]!); c.push(cpu() - t0);
}
const s = (x: number[]) => { const y = [...x].sort((m, n) => m - n); return `min ${y[0]!.toFixed(1)} median ${y[20]!.toFixed(1)}`; };
console.log("main-thread CPU: parseHeaders", s(a), "| tree-sitter only", s(b), "| parse+extract", s(c), "| wall parseHeaders", s(w));
