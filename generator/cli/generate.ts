/**
 * `saigen generate [--headers DIR]... [--out DIR] [--check]`: runs every emitter over the checked model.
 */
import { parseArgs } from "node:util";
import { runPipeline } from "../pipeline.js";
import { EMITTERS } from "../emit/index.js";
import { diffOutput, writeOutput } from "../emit/output.js";
import { provenanceOf } from "../emit/provenance.js";
import type { GeneratedFile } from "../emit/types.js";
import { reportDiagnostics } from "./io.js";

const HELP = `Usage: saigen generate [--headers DIR]... [--out DIR] [--check]

Builds the metadata model from the headers (default sai-headers/), checks it, and writes every generated
artifact to the output folder (default generated/) atomically: on any error the folder is left as it was.
--check writes nothing; it exits 1 and names the files that differ when the folder is stale.
`;

/** Runs the generate command. */
export async function generateCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      headers: { type: "string", multiple: true },
      out: { type: "string" },
      check: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const dirs = values.headers?.length ? values.headers : ["sai-headers"];
  const outDir = values.out ?? "generated";
  const result = runPipeline(dirs);
  if (reportDiagnostics(result.diagnostics)) return 1;
  const ctx = { model: result.model, headerDirs: dirs, provenance: provenanceOf(result.model, dirs), outDir };
  const files: GeneratedFile[] = [];
  for (const e of EMITTERS) files.push(...(await e.emit(ctx)));
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two emitters produced ${f.path}`);
    seen.add(f.path);
  }
  if (values.check) {
    const d = diffOutput(outDir, files);
    const stale = [...d.changed.map((p) => `changed: ${p}`), ...d.missing.map((p) => `missing: ${p}`), ...d.extra.map((p) => `extra:   ${p}`)];
    if (stale.length === 0) {
      process.stdout.write(`${outDir}/ is up to date (${files.length} files)\n`);
      return 0;
    }
    process.stderr.write(`${outDir}/ is stale; run \`npm run generate\` and commit the result:\n  ${stale.join("\n  ")}\n`);
    return 1;
  }
  writeOutput(outDir, files);
  process.stdout.write(`saigen: wrote ${files.length} files to ${outDir}/ from ${result.model.headers.files.length} headers\n`);
  return 0;
}
