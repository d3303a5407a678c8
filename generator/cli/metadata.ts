/**
 * `saigen metadata [--headers DIR]... [--out FILE]`: the model as JSON (stdout without --out).
 */
import { parseArgs } from "node:util";
import { runPipeline } from "../pipeline.js";
import { reportDiagnostics, writeFileAtomic } from "./io.js";
import { modelToJson } from "../model/json.js";

const HELP = `Usage: saigen metadata [--headers DIR]... [--out FILE]

Parses every sai*.h in the header folders, builds and checks the metadata model, and writes it as JSON:
{ "objectTypes", "attributes", "enums", "structs", "apis", "notifications", "statusCodes", ... }.
Diagnostics go to stderr as file:line:col: error|warning: message; any diagnostic means exit 1 and no output.
`;

/** Runs the metadata command. */
export function metadataCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: {
      headers: { type: "string", multiple: true },
      out: { type: "string" },
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
  const result = runPipeline(dirs);
  if (reportDiagnostics(result.diagnostics)) return 1;
  const json = modelToJson(result.model);
  if (values.out) writeFileAtomic(values.out, json);
  else process.stdout.write(json);
  return 0;
}
