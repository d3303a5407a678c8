/**
 * `saigen diff --old DIR... --new DIR... [--json]`: compares two header sets and rules on compatibility.
 */
import { existsSync, statSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../diagnostics.js";
import { diffModels } from "../diff/index.js";
import { reportJson, reportText, type DiffSide } from "../diff/report.js";
import type { SaiModel } from "../model/types.js";
import { runPipeline } from "../pipeline.js";
import { checkModel } from "../check/index.js";
import { UsageError } from "./io.js";

const HELP = `Usage: saigen diff --old DIR... --new DIR... [--json]

Builds the metadata model of two header sets (each side one or more folders: repeat --old / --new) and lists
what changed: object types, attributes, entry key members, enum values, structs, API functions and function
types, each added / removed / renamed (same value, new name) / changed, with a verdict:

  compatible       append-only: old source and old binaries keep working
  source-breaking  same numbers and layouts, but old source must change (renames, tightened flags,
                   fewer accepted object types, changed defaults or conditions)
  abi-breaking     old binaries break: changed or reused numeric values, removals, attribute value type
                   changes, struct or entry key layout changes, API table slots moved

--json prints a stable document (format "saigen-diff/1") instead of the grouped text.
Exit codes: 0 compatible, 1 source- or ABI-breaking, 2 unusable input (missing folder, no headers, headers
with errors; warnings are tolerated and counted).
`;

interface Loaded {
  model: SaiModel;
  side: DiffSide;
}

/** Builds one side's model; prints its errors and returns null when the side is unusable. */
function load(label: string, dirs: string[]): Loaded | null {
  for (const d of dirs)
    if (!existsSync(d) || !statSync(d).isDirectory()) {
      process.stderr.write(`saigen diff: ${label} header folder \`${d}\` does not exist\n`);
      return null;
    }
  // parse and model errors make a side unusable; findings of the check stage only describe it (older upstream
  // revisions predate some of today's checks, e.g. strict flag enums starting at 0)
  const { model, sources, diagnostics } = runPipeline(dirs, { check: false });
  if (diagnostics.errorCount > 0) {
    for (const d of diagnostics.sorted()) if (d.severity === "error") process.stderr.write(formatDiagnostic(d) + "\n");
    process.stderr.write(`saigen diff: the ${label} headers have ${diagnostics.errorCount} error(s); cannot compare\n`);
    return null;
  }
  if (model.headers.files.length === 0) {
    process.stderr.write(`saigen diff: no sai*.h headers in the ${label} folder(s) ${dirs.join(", ")}\n`);
    return null;
  }
  checkModel(model, sources, diagnostics);
  if (diagnostics.items.length > 0)
    process.stderr.write(`saigen diff: ${label} headers: ${diagnostics.errorCount} check error(s) and ${diagnostics.warningCount} warning(s) not blocking the comparison (see \`saigen metadata ${dirs.map((d) => `--headers ${d}`).join(" ")}\`)\n`);
  return {
    model,
    side: { files: model.headers.files.map((f) => basename(f)), sha256: model.headers.sha256, warnings: diagnostics.items.length },
  };
}

/** Runs the diff command. */
export function diffCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      old: { type: "string", multiple: true },
      new: { type: "string", multiple: true },
      json: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.old?.length || !values.new?.length) throw new UsageError("both --old DIR and --new DIR are required (see --help)");
  const oldSide = load("old", values.old);
  const newSide = load("new", values.new);
  if (!oldSide || !newSide) return 2;
  const report = diffModels(oldSide.model, newSide.model);
  process.stdout.write(values.json ? reportJson(report, oldSide.side, newSide.side) : reportText(report, oldSide.side, newSide.side));
  return report.verdict === "compatible" ? 0 : 1;
}
