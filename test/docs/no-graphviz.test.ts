/**
 * Without Graphviz, `generate` keeps an SVG rendered from the same DOT (so a fresh clone can regenerate), and
 * stops with a clear message when the graph changed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.js";

function pathWithoutDot(): string {
  const bin = tempDir("nodot-");
  symlinkSync(process.execPath, join(bin, "node"));
  const git = spawnSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).stdout.trim();
  if (git) symlinkSync(git, join(bin, "git"));
  return bin;
}

describe("docs without Graphviz", () => {
  const PATH = pathWithoutDot();
  const run = (out: string) =>
    spawnSync(process.execPath, ["bin/saigen.mjs", "generate", "--out", out], { encoding: "utf8", env: { ...process.env, PATH } });

  it("keeps the committed SVG when the graph is unchanged", () => {
    const out = join(tempDir("gen-"), "generated");
    cpSync("generated", out, { recursive: true });
    const r = run(out);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("keeping docs/graph.svg");
    expect(readFileSync(join(out, "docs/graph.svg"), "utf8")).toBe(readFileSync("generated/docs/graph.svg", "utf8"));
  });

  it("stops and names graphviz when the graph changed", () => {
    const out = join(tempDir("gen-"), "generated");
    mkdirSync(out, { recursive: true });
    cpSync("generated", out, { recursive: true });
    writeFileSync(join(out, "docs/graph.dot"), "digraph changed {}\n");
    const r = run(out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/`dot` was not found: install graphviz/);
    expect(readFileSync(join(out, "docs/graph.dot"), "utf8")).toBe("digraph changed {}\n"); // nothing written
  });
});
