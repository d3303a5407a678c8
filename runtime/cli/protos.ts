/**
 * `dashflow protos --out DIR`: writes the schema the server speaks (the SAI services rendered from the headers and
 * the control service), for clients in other languages (`protoc`, `grpc_tools.protoc`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadSchema } from "../server/schema.js";
import { UsageError, headerDirs, loadModel } from "./common.js";

const HELP = `Usage: dashflow protos --out DIR

Writes the .proto files \`dashflow serve\` speaks into DIR: sai_*.proto (generated from the headers, as in
generated/proto/) and dashflow_control.proto.
`;

/** Runs the protos command. */
export function protosCommand(argv: string[]): number {
  const { values } = parseArgs({
    args: argv,
    options: { out: { type: "string" }, headers: { type: "string", multiple: true }, help: { type: "boolean", short: "h" } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!values.out) throw new UsageError("--out DIR is required");
  const schema = loadSchema(loadModel(headerDirs(values.headers)));
  mkdirSync(values.out, { recursive: true });
  for (const f of schema.files) writeFileSync(join(values.out, f.name), f.content);
  process.stdout.write(`wrote ${schema.files.length} files to ${values.out}\n`);
  return 0;
}
