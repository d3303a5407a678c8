/**
 * The schema `dashflow serve` speaks: the SAI services rendered from the same model the runtime is built from (so
 * the wire format can never drift from the metadata), plus the hand-written control service. Both the server and
 * the CLI clients load it through here, and `dashflow protos` writes it out for clients in other languages.
 */
import { readFileSync } from "node:fs";
import protobuf from "protobufjs";
import type { SaiModel } from "../../generator/model/types.js";
import { renderProtoFiles } from "../../generator/emit/proto.js";

/** File name of the control schema, next to the SAI files when written out. */
export const CONTROL_PROTO = "dashflow_control.proto";
/** Fully qualified names of the services the server always offers. */
export const TARGET_SERVICE = "sai.SaiDashFlowBulkGetTarget";
export const CONTROL_SERVICE = "dashflow.DashflowControl";

/** One schema file: name (no folder) and text. */
export interface SchemaFile {
  readonly name: string;
  readonly content: string;
}

/** The loaded schema: the files and one protobufjs root holding all of them. */
export interface Schema {
  readonly files: readonly SchemaFile[];
  readonly root: protobuf.Root;
}

const HEAD = "// Rendered from the SAI headers by `dashflow` (same content as `npm run generate` writes to generated/proto).\n";

/** The control schema text (shipped beside this module). */
export function controlProtoText(): string {
  return readFileSync(new URL(`./${CONTROL_PROTO}`, import.meta.url), "utf8");
}

/** Renders every schema file for a model and loads them into one root (proto field names kept as written). */
export function loadSchema(model: SaiModel): Schema {
  const files: SchemaFile[] = renderProtoFiles(model, HEAD).map((f) => ({ name: f.path.replace(/^.*\//, ""), content: f.content }));
  files.push({ name: CONTROL_PROTO, content: controlProtoText() });
  const root = new protobuf.Root();
  // parsing every file into one root resolves imports by type name, so no file system lookup is needed
  for (const f of files) protobuf.parse(f.content, root, { keepCase: true });
  root.resolveAll();
  return { files, root };
}

/** A message type by full name (`sai.StatusResponse`); throws for names the schema lacks (a programming error). */
export function messageType(schema: Schema, fullName: string): protobuf.Type {
  return schema.root.lookupType(fullName);
}

/** Every service of the schema, by full name without the leading dot. */
export function services(schema: Schema): Map<string, protobuf.Service> {
  const out = new Map<string, protobuf.Service>();
  const walk = (ns: protobuf.NamespaceBase): void => {
    for (const o of ns.nestedArray) {
      if (o instanceof protobuf.Service) out.set(o.fullName.replace(/^\./, ""), o);
      else if (o instanceof protobuf.Namespace || o instanceof protobuf.Type) walk(o);
    }
  };
  walk(schema.root);
  return out;
}
