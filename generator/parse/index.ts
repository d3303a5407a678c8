/**
 * The parse stage: header folders in, plain `RawHeader` records out (discover → read → preprocess → extract).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { discoverHeaders } from "./discover.js";
import { parseHeader } from "./extract.js";
import type { RawHeader, RawProblem } from "./raw.js";

export { discoverHeaders, type HeaderFile } from "./discover.js";
export { parseHeader } from "./extract.js";
export { parseDocComment } from "./doc-comment.js";
export { preprocess, annotationIn, type Preprocessed } from "./preprocess.js";

/** Parses every `sai*.h` of `dirs`; all problems (folders, files, syntax) are returned, never thrown. */
export function parseHeaders(dirs: string[]): { headers: RawHeader[]; problems: RawProblem[] } {
  const { files, problems } = discoverHeaders(dirs);
  const headers: RawHeader[] = [];
  for (const f of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(f.path);
    } catch (e) {
      problems.push({
        severity: "error",
        code: "header-read",
        message: `cannot read \`${f.path}\`: ${(e as NodeJS.ErrnoException).code ?? String(e)}`,
        loc: { file: f.path, line: 0, column: 0 },
      });
      continue;
    }
    const header = parseHeader(f.path, f.dir, f.basename, bytes.toString("utf8"));
    header.sha256 = createHash("sha256").update(bytes).digest("hex");
    headers.push(header);
    problems.push(...header.problems);
  }
  return { headers, problems };
}
