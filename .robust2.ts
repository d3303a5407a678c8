import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { discoverHeaders } from "./generator/parse/discover.js";
import { parseHeaders } from "./generator/parse/index.js";
import { preprocess } from "./generator/parse/preprocess.js";
import { extractHeader } from "./generator/parse/extract.js";
const cpu = () => Number(readFileSync("/proc/thread-self/schedstat", "utf8").split(" ")[0]) / 1e6;
const dirs = ["/work/upstream-sai/inc", "/work/upstream-sai/experimental"];
const res: Record<string, number[]> = { discover: [], read: [], sha: [], pp: [], extract: [], total: [] };
for (let i = 0; i < 40; i++) {
  let t = cpu(); const { files } = discoverHeaders(dirs); res.discover!.push(cpu() - t);
  t = cpu(); const bufs = files.map((f) => readFileSync(f.path)); const texts = bufs.map((b) => b.toString("utf8")); res.read!.push(cpu() - t);
  t = cpu(); for (const b of bufs) createHash("sha256").update(b).digest("hex"); res.sha!.push(cpu() - t);
  t = cpu(); const pps = texts.map((x, k) => preprocess(x, files[k]!.path)); res.pp!.push(cpu() - t);
  t = cpu(); for (let k = 0; k < pps.length; k++) extractHeader(files[k]!.path, "", "", pps[k]!); res.extract!.push(cpu() - t);
  t = cpu(); parseHeaders(dirs); res.total!.push(cpu() - t);
}
for (const [k, x] of Object.entries(res)) { const y = [...x].sort((m, n) => m - n); console.log(k.padEnd(9), `min ${y[0]!.toFixed(1)} median ${y[20]!.toFixed(1)}`); }
