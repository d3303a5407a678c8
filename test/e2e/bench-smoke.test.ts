/**
 * The store and runtime benchmarks run as a user runs them (`npm run bench -- <name> --json`), on a small table:
 * they must finish and report every figure as a finite positive number. Timings are not checked here (they live in
 * the benchmarks' own output), only that the benchmarks still work after the code they measure changes.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness.js";

function bench(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "bench.mjs"), ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  // --json prints one JSON object last (pretty-printed or on one line)
  const start = r.stdout.lastIndexOf("\n{") + 1;
  return JSON.parse(r.stdout.slice(start)) as Record<string, unknown>;
}

function expectFigures(out: Record<string, unknown>, names: string[]): void {
  for (const name of names) {
    const v = out[name];
    expect(typeof v === "number" && Number.isFinite(v) && v > 0, `${name} = ${String(v)}`).toBe(true);
  }
}

describe("benchmarks (small tables)", () => {
  it("runtime: every figure, both mixed create/remove batch sizes", () => {
    const out = bench(["runtime", "--flows", "20000", "--json"]);
    expect(out.flows).toBe(20000);
    expectFigures(out, [
      "createPerSec", "rssDeltaBytesPerFlow", "getPerSec", "getSeqPerSec", "baselineLookupPerSec", "mixedOpsPerSec",
      "mixedSmallBatchOpsPerSec", "createTouchedPerSec", "scanFlowsPerSec", "encodeAllPerSec", "digestPerSec",
      "agingExpireAllMs", "createAfterExpiryPerSec",
    ]);
  }, 150_000);

  it("flowstore --key-row: every figure", () => {
    const out = bench(["flowstore", "--flows", "20000", "--key-row", "--json"]);
    expectFigures(out, ["insertPerSec", "lookupPerSec", "mixedOpsPerSec", "mixedInitStateOpsPerSec", "ageAllMs", "insertWarmPerSec"]);
  }, 150_000);
});
