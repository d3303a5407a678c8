/**
 * Writing the generated tree: all files are produced in memory, written to a sibling temporary folder and
 * swapped in with renames, so `generated/` is never half-written. `--check` compares instead of writing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { GeneratedFile } from "./types.js";

/** Paths inside the output folder that are build products or installs, never compared or replaced. */
const UNMANAGED = [/^node_modules(\/|$)/, /^dist(\/|$)/, /\.tgz$/];

function isManaged(rel: string): boolean {
  return !UNMANAGED.some((re) => re.test(rel));
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const rel = relative(root, p).split(sep).join("/");
      if (!isManaged(rel)) continue;
      if (e.isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  if (existsSync(root)) walk(root);
  return out.sort();
}

/** Files that differ between `files` and what is on disk under `outDir`: changed, missing and extra. */
export function diffOutput(outDir: string, files: GeneratedFile[]): { changed: string[]; missing: string[]; extra: string[] } {
  const want = new Map(files.map((f) => [f.path, f.content]));
  const have = new Set(listFiles(outDir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of want) {
    if (!have.has(path)) missing.push(path);
    else if (readFileSync(join(outDir, path), "utf8") !== content) changed.push(path);
  }
  const extra = [...have].filter((p) => !want.has(p));
  return { changed: changed.sort(), missing: missing.sort(), extra: extra.sort() };
}

/** Replaces the managed content of `outDir` with `files` atomically (unmanaged paths such as dist/ are kept). */
export function writeOutput(outDir: string, files: GeneratedFile[]): void {
  const parent = dirname(outDir);
  mkdirSync(parent, { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    for (const f of files) {
      const p = join(tmp, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    // carry over unmanaged entries (installed node_modules, built dist/) so a regenerate does not wipe them
    if (existsSync(outDir))
      for (const e of readdirSync(outDir)) if (!isManaged(e)) renameSync(join(outDir, e), join(tmp, e));
    if (existsSync(outDir)) renameSync(outDir, old);
    renameSync(tmp, outDir);
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
    throw e;
  }
}
