#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>.ts through tsx; without a name, lists the benchmarks.
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const names = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => f.replace(/\.ts$/, ""));
const [name, ...rest] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <${names.join("|")}> [options]\n`);
  process.exit(name ? 2 : 0);
}
const r = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", join(root, "bench", `${name}.ts`), ...rest], {
  stdio: "inherit",
  cwd: root,
});
process.exit(r.status ?? 1);
