/**
 * Provenance of generated files: the header set's content hash is a function of file names and contents only,
 * and a header folder that is a git checkout of its own has its commit recorded.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { preamble } from "../../generator/emit/preamble.js";
import { provenanceJson, provenanceOf } from "../../generator/emit/provenance.js";
import { runPipeline } from "../../generator/pipeline.js";

const BASE = "test/fixtures/diff/base";
const CASE = "test/fixtures/diff/attribute-appended/new";
const temps: string[] = [];

/** A fresh temporary copy of the case headers. */
function copyOfCase(): string {
  const dir = mkdtempSync(join(tmpdir(), "saigen-prov-"));
  temps.push(dir);
  cpSync(CASE, dir, { recursive: true });
  return dir;
}

function provenance(dirs: string[]) {
  const r = runPipeline(dirs);
  expect(r.diagnostics.errorCount).toBe(0);
  return provenanceOf(r.model, dirs);
}

afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe("provenance", () => {
  it("gives the same hash for the same headers, wherever they live", () => {
    const a = provenance([BASE, CASE]);
    const b = provenance([BASE, CASE]);
    const c = provenance([BASE, copyOfCase()]);
    expect(b).toEqual(a);
    expect(c.sha256).toBe(a.sha256);
    expect(c.files).toEqual(a.files);
    expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    // folders inside our own repository record no commit: it would change output on every commit
    expect(a.commits).toEqual({});
  });

  it("gives a different hash when a header changes", () => {
    const dir = copyOfCase();
    const file = join(dir, "saiexperimentaldashflow.h");
    const before = provenance([BASE, dir]).sha256;
    writeFileSync(file, readFileSync(file, "utf8").replace("Diff fixture", "Diff  fixture"));
    expect(provenance([BASE, dir]).sha256).not.toBe(before);
  });

  it("records the commit of a header folder that is a git checkout", () => {
    const dir = copyOfCase();
    const git = (...args: string[]) =>
      execFileSync("git", ["-C", dir, "-c", "user.name=saigen test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args], { encoding: "utf8" }).trim();
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "headers");
    const head = git("rev-parse", "HEAD");
    const p = provenance([BASE, dir]);
    expect(p.commits).toEqual({ [basename(dir)]: head });
    expect(preamble(p)).toContain(`// Source commits: ${basename(dir)}@${head}\n`);
  });

  it("has a stable JSON form for package.json", () => {
    const p = { sha256: "ab".repeat(32), files: ["sai.h", "saitypes.h"], commits: { z: "2", a: "1" } };
    const j = provenanceJson(p);
    expect(JSON.stringify(j)).toBe(`{"sha256":"${"ab".repeat(32)}","files":["sai.h","saitypes.h"],"commits":{"a":"1","z":"2"}}`);
    expect(j.files).not.toBe(p.files);
  });
});
