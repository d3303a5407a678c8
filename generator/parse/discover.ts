/**
 * Finds the header files of a SAI tree: `sai*.h` directly inside each given folder, as SAI's own tooling
 * selects them (SAI-METADATA.md §1.1).
 */
import { readdirSync, statSync } from "node:fs";
import { sep } from "node:path";
import type { RawProblem } from "./raw.js";

/** One header to read: the folder as given, the file name, and both joined. */
export interface HeaderFile {
  dir: string;
  basename: string;
  path: string;
}

const HEADER_NAME = /^sai\w*\.h$/;

/** Lists `sai*.h` files per folder (sorted by name, folders in the given order); problems instead of throws. */
export function discoverHeaders(dirs: string[]): { files: HeaderFile[]; problems: RawProblem[] } {
  const files: HeaderFile[] = [];
  const problems: RawProblem[] = [];
  const seen = new Map<string, string>(); // basename → path of its first occurrence
  for (const dir of dirs) {
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => HEADER_NAME.test(n));
    } catch (e) {
      problems.push({
        severity: "error",
        code: "header-dir",
        message: `cannot read header folder \`${dir}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        loc: { file: dir, line: 0, column: 0 },
      });
      continue;
    }
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const basename of names) {
      // Keep the folder spelled as given: locations in diagnostics should read like the command line.
      const path = dir.endsWith("/") || dir.endsWith(sep) ? dir + basename : dir + sep + basename;
      if (!isFile(path)) continue;
      const first = seen.get(basename);
      if (first !== undefined) {
        // Two headers with one name would both own the same guard macro and declarations; keep the first.
        problems.push({
          severity: "error",
          code: "header-duplicate",
          message: `header \`${basename}\` exists in two folders; \`${path}\` is ignored in favour of \`${first}\``,
          loc: { file: path, line: 1, column: 1 },
        });
        continue;
      }
      seen.set(basename, path);
      files.push({ dir, basename, path });
    }
  }
  return { files, problems };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
