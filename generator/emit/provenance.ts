/**
 * Provenance of a header set: content hash and, for header folders that are git checkouts of their own
 * (e.g. an upstream SAI clone), the commit. Our own repository's commit is not recorded, since it would change
 * generated output on every commit.
 */
import { execFileSync } from "node:child_process";
import { basename, resolve } from "node:path";
import type { SaiModel } from "../model/types.js";
import type { Provenance } from "./types.js";

function gitTop(dir: string): string | null {
  try {
    return execFileSync("git", ["-C", dir, "rev-parse", "--show-toplevel"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** Provenance for the given model and header folders. */
export function provenanceOf(model: SaiModel, dirs: string[]): Provenance {
  const ownTop = gitTop(process.cwd());
  const commits: Record<string, string> = {};
  for (const d of dirs) {
    const top = gitTop(d);
    if (!top || (ownTop && resolve(top) === resolve(ownTop))) continue;
    try {
      commits[basename(resolve(d))] = execFileSync("git", ["-C", d, "rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      // a git folder without commits has no provenance to record
    }
  }
  return { sha256: model.headers.sha256, files: model.headers.files.map((f) => basename(f)), commits };
}

/** The JSON form of a provenance record, for `"saiHeaders"` in the generated package.json. */
export interface ProvenanceJson {
  sha256: string;
  files: string[];
  commits: Record<string, string>;
}

/**
 * Provenance as plain JSON data with a fixed key order and sorted commit folders, so that writing it with
 * `JSON.stringify` gives the same bytes for the same headers on every machine.
 */
export function provenanceJson(p: Provenance): ProvenanceJson {
  const commits: Record<string, string> = {};
  for (const dir of Object.keys(p.commits).sort()) commits[dir] = p.commits[dir]!;
  return { sha256: p.sha256, files: [...p.files], commits };
}
