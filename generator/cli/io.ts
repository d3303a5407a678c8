/**
 * CLI plumbing shared by the commands: usage errors as values, atomic file writes, diagnostics printing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, basename, join } from "node:path";
import { formatDiagnostic, type Diagnostics } from "../diagnostics.js";

/** Thrown only inside the CLI layer for bad command lines; `main` turns it into exit code 2. */
export class UsageError extends Error {}

/** Writes a file by writing a sibling temporary file and renaming it, so readers never see half a file. */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** Prints all diagnostics to stderr with a summary line; returns true when generation must stop. */
export function reportDiagnostics(diags: Diagnostics, stream: NodeJS.WritableStream = process.stderr): boolean {
  for (const d of diags.sorted()) stream.write(formatDiagnostic(d) + "\n");
  const errors = diags.errorCount;
  const warnings = diags.warningCount;
  if (errors + warnings > 0)
    stream.write(`saigen: ${errors} error(s), ${warnings} warning(s); nothing written (warnings are fatal, as in SAI's own metadata build)\n`);
  return errors + warnings > 0;
}
