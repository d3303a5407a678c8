/**
 * `saigen generate` as a command: the committed `generated/` is what the headers produce (drift check), output is
 * byte-for-byte deterministic, and a failed run leaves an existing output folder exactly as it was (atomicity).
 * The CLI runs as a child process, as CI and users run it; independent runs go in parallel to keep the test short.
 */
import { execFile } from "node:child_process";
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { EMITTERS } from "../generator/emit/index.js";
import { generateCommand } from "../generator/cli/generate.js";
import { tempDir } from "./support/temp.js";

const run = promisify(execFile);
const tmp = tempDir("saigen-generate-");

/** Runs `node bin/saigen.mjs generate …`; never rejects, so the exit code and output can be asserted. */
async function saigen(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, ["bin/saigen.mjs", "generate", ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === "number" ? x.code : -1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
  }
}

/** Every file under `dir` with its bytes, by relative path. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "latin1"));
    }
  };
  walk(dir);
  return out;
}

/** A folder with known content that a failed generate must leave alone. */
function knownFolder(name: string): string {
  const dir = join(tmp, name);
  cpSync("test/fixtures/base", join(dir, "kept"), { recursive: true });
  writeFileSync(join(dir, "marker.txt"), "written by the test, not by saigen\n");
  return dir;
}

describe("saigen generate", () => {
  // the three CLI runs are independent: start them together
  const check = saigen("--check");
  const first = saigen("--out", join(tmp, "a"));
  const second = saigen("--out", join(tmp, "b"));

  it("--check finds generated/ up to date (else run `npm run generate` and commit)", async () => {
    const r = await check;
    expect(r.stderr, "generated/ is stale: run `npm run generate` and commit the result").toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/up to date/);
  });

  it("writes the same bytes on every run", async () => {
    const [a, b] = await Promise.all([first, second]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const sa = snapshot(join(tmp, "a"));
    const sb = snapshot(join(tmp, "b"));
    expect([...sb.keys()]).toEqual([...sa.keys()]);
    for (const [path, content] of sa) expect(sb.get(path), path).toBe(content);
    expect(sa.has("package.json") && sa.has("src/index.ts")).toBe(true);
  });

  it("--check fails on drift and names the command to run", async () => {
    await first;
    const stale = join(tmp, "stale");
    cpSync(join(tmp, "a"), stale, { recursive: true });
    writeFileSync(join(stale, "src/index.ts"), "// edited by hand\n");
    writeFileSync(join(stale, "src/extra.ts"), "export {};\n");
    const r = await saigen("--check", "--out", stale);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("npm run generate");
    expect(r.stderr).toContain("changed: src/index.ts");
    expect(r.stderr).toContain("extra:   src/extra.ts");
  });

  it("leaves the output folder untouched when a header is bad", async () => {
    const headers = join(tmp, "bad-headers");
    cpSync("sai-headers", headers, { recursive: true });
    writeFileSync(join(headers, "saibroken.h"), "typedef enum _sai_broken_t {\n    SAI_BROKEN_A = ,\n} sai_broken_t;\n");
    const out = knownFolder("kept-bad-header");
    const before = snapshot(out);
    const r = await saigen("--headers", headers, "--out", out);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/saibroken\.h/);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(tmp).filter((e) => e.startsWith("kept-bad-header."))).toEqual([]);
  });

  it("leaves the output folder untouched when an emitter fails", async () => {
    const out = knownFolder("kept-emitter-error");
    const before = snapshot(out);
    const failing = { name: "failing", emit: () => Promise.reject(new Error("emitter failed on purpose")) };
    EMITTERS.push(failing);
    try {
      await expect(generateCommand(["--out", out])).rejects.toThrow("emitter failed on purpose");
    } finally {
      EMITTERS.splice(EMITTERS.indexOf(failing), 1);
    }
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(tmp).filter((e) => e.startsWith("kept-emitter-error."))).toEqual([]);
  });
});
