/**
 * `saigen validate-profile PROFILE [--headers DIR]...`: checks a vendor capability profile against the metadata
 * and reports every inconsistency as `file:line:col: error|warning: message [code]`.
 */
import { parseArgs } from "node:util";
import { formatDiagnostic } from "../diagnostics.js";
import { UsageError } from "./io.js";
import { loadModel } from "./validate.js";
import { loadProfileFile } from "../../runtime/validate/profile-load.js";

const HELP = `Usage: saigen validate-profile PROFILE [--headers DIR]...

Checks a capability profile (YAML or JSON, schema in docs/capability-profile.md) against the metadata of the
headers (default sai-headers/): unknown object types and attributes, create/set on READ_ONLY attributes, set on
CREATE_ONLY ones, enum values outside the attribute's enum, mandatory attributes not implemented for create,
capability values of the wrong type, and capability switch attributes that contradict the object descriptions.
Diagnostics go to stderr as file:line:col: error|warning: message [code].
Exit: 0 consistent (warnings allowed), 1 errors found, 2 unreadable profile or headers that do not build.
`;

/** Runs the validate-profile command. */
export function validateProfileCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      headers: { type: "string", multiple: true },
      help: { type: "boolean", short: "h" },
    },
    strict: true,
    allowPositionals: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one profile file; see --help");
  const model = loadModel(values.headers?.length ? values.headers : ["sai-headers"]);
  if (!model) return 2;
  const r = loadProfileFile(positionals[0]!, model);
  for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
  if (r.diagnostics.some((d) => d.code === "profile-unreadable")) return 2;
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = r.diagnostics.length - errors;
  if (errors > 0) {
    process.stderr.write(`saigen validate-profile: ${errors} error(s), ${warnings} warning(s)\n`);
    return 1;
  }
  const described = r.profile!.objects.size;
  process.stdout.write(`${positionals[0]}: consistent with the metadata (${described} object type(s) described, ${r.profile!.switchValues.size} capability value(s)${warnings ? `, ${warnings} warning(s)` : ""})\n`);
  return 0;
}
