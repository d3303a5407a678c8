/**
 * The `proto` emitter: proto3 schemas and gRPC service definitions for every API, plus the DASH flow messages that
 * FLOW_DATA_PB and the bulk-get target service carry. Type mapping, naming and the flow layout live in
 * `runtime/proto/schema.ts`, shared with the flow codecs; this module only arranges files and renders them.
 */
import { readFileSync } from "node:fs";
import Handlebars from "handlebars";
import type { ApiMetadata, EnumMetadata, ObjectTypeInfo, SaiModel } from "../model/types.js";
import {
  EXTENSION_ATTR_BASE,
  EXTENSIONS_FIELD_NUMBER,
  FLOW_MESSAGES,
  FLOW_OBJECT_TYPE,
  FieldNamer,
  PROTO_PACKAGE,
  SHARED_MESSAGES,
  attrField,
  attributesMessageName,
  enumIndex,
  enumTypeName,
  extensionsMessageName,
  flowLayout,
  isProtoEnumCandidate,
  keyField,
  keyMessageName,
  objectAttributes,
  objectStem,
  pascal,
  protoEnum,
  type FieldSpec,
  type FlowLayout,
  type ProtoEnumDef,
} from "../../runtime/proto/schema.js";
import { preamble } from "./preamble.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** A field as the emitter arranges it (schema FieldSpecs and hand-declared protocol fields alike). */
interface FieldDef {
  name: string;
  number: number;
  type: string;
  repeated: boolean;
  oneof: string | null;
  comment: string | null;
  deprecated?: boolean;
}

interface MessageDef {
  name: string;
  comments: string[];
  fields: FieldDef[];
  /** Trailing comment lines inside the body (attributes that have no field). */
  notes: string[];
}

interface RpcDef {
  name: string;
  request: string;
  response: string;
  clientStreaming?: boolean;
  comments: string[];
}

interface ServiceDef {
  name: string;
  comments: string[];
  rpcs: RpcDef[];
  notes: string[];
}

interface FileDef {
  path: string;
  comments: string[];
  enums: ProtoEnumDef[];
  messages: MessageDef[];
  services: ServiceDef[];
}

/** Folder of every emitted schema, relative to the output folder; imports name files relative to it. */
export const PROTO_DIR = "proto";
/** The shared types file. */
export const TYPES_FILE = "sai_types.proto";
/** The bulk-get target service file. */
export const BULK_GET_TARGET_FILE = "sai_bulk_get_target.proto";
/** C enum of the bulk `mode` parameter. */
const BULK_MODE_ENUM = "sai_bulk_op_error_mode_t";

/** The schema file of an API: `sai_<stem>.proto`. */
export function apiFileName(api: ApiMetadata): string {
  return `sai_${api.stem}.proto`;
}

const msg = (name: string, comments: string[], fields: FieldDef[], notes: string[] = []): MessageDef => ({ name, comments, fields, notes });
const fld = (name: string, number: number, type: string, comment: string | null = null, repeated = false): FieldDef => ({
  name,
  number,
  type,
  repeated,
  oneof: null,
  comment,
});

/** Picks the API file that owns an object type (by `SAI_API_<X>`, else by the API's object list). */
function ownerOf(ot: ObjectTypeInfo, apis: ApiMetadata[]): ApiMetadata | null {
  return apis.find((a) => a.apienum !== null && a.apienum === ot.api) ?? apis.find((a) => a.objecttypes.includes(ot.objecttype)) ?? null;
}

/** Enum names referenced by fields: proto enum types, and flags enums (emitted so their bits have names). */
class EnumUse {
  readonly used = new Set<string>();
  note(fs: FieldSpec): void {
    if (fs.usesEnum) this.used.add(fs.usesEnum);
    if (fs.flagsEnum) this.used.add(fs.flagsEnum);
  }
}

/** Messages of one object type: attributes (+ extensions), and the key for entries. */
function objectMessages(model: SaiModel, ot: ObjectTypeInfo, enums: ReadonlyMap<string, EnumMetadata>, use: EnumUse, flow: FlowLayout | null): MessageDef[] {
  const out: MessageDef[] = [];
  const namer = new FieldNamer();
  const extNamer = new FieldNamer();
  const fields: FieldDef[] = [];
  const extFields: FieldDef[] = [];
  const notes: string[] = [];
  for (const a of objectAttributes(model, ot)) {
    const ext = a.attrid >= EXTENSION_ATTR_BASE;
    const fs = attrField(a, ext ? extNamer : namer, enums);
    if (!fs) {
      notes.push(`not carried: ${a.attridname} (id ${a.attrid} has no valid field number)`);
      continue;
    }
    use.note(fs);
    (ext ? extFields : fields).push(withPresence(fs));
  }
  const name = attributesMessageName(ot.objecttype);
  if (extFields.length > 0) {
    fields.push(fld(namer.name("extensions"), EXTENSIONS_FIELD_NUMBER, extensionsMessageName(ot.objecttype), "extension attributes (ids from 0x20000000)"));
    out.push(
      msg(name, attributesComment(ot), fields, notes),
      msg(extensionsMessageName(ot.objecttype), [`Extension attributes of ${ot.objecttype}: field number = id − 0x20000000 + 1.`], extFields),
    );
  } else out.push(msg(name, attributesComment(ot), fields, notes));
  if (ot.isnonobjectid) {
    if (ot.objecttype === FLOW_OBJECT_TYPE && flow) {
      out.push(msg(flow.key.name, [`${ot.keystruct}: the DASH flow key; field number = C member position + 1.`], flow.key.fields));
      for (const fs of flow.key.fields) use.note(fs);
    } else {
      const keyNamer = new FieldNamer();
      const keyFields = ot.structmembers.map((m, i) => keyField(m, i, keyNamer, enums));
      for (const fs of keyFields) use.note(fs);
      out.push(msg(keyMessageName(ot.objecttype), [`${ot.keystruct ?? "key"}: field number = C member position + 1.`], keyFields));
    }
  }
  return out;
}

function attributesComment(ot: ObjectTypeInfo): string[] {
  return [
    `Attributes of ${ot.objecttype} (${ot.attrenum}); field number = attribute id + 1.`,
    "A set request carries exactly one field; a get response the requested ones. Each scalar field sits in a oneof",
    "of its own (explicit presence, as proto3 `optional` gives, for every protoc), so a zero value is carried.",
  ];
}

const PROTO_SCALARS = new Set(["double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64", "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes"]);

/**
 * An attribute field with explicit presence where proto3 would drop its zero value (scalars and enums): a oneof of
 * its own, which is what proto3 `optional` compiles to, but accepted by protoc versions before 3.15 too.
 */
function withPresence(fs: FieldSpec): FieldDef {
  const scalar = !fs.repeated && fs.oneof === null && (PROTO_SCALARS.has(fs.type) || fs.usesEnum !== null);
  return scalar ? { ...fs, oneof: `_${fs.name}` } : fs;
}

/** Requests, responses and rpcs of one API. */
function apiService(api: ApiMetadata, objects: ObjectTypeInfo[], bulkMode: string, use: EnumUse): { messages: MessageDef[]; service: ServiceDef } {
  const messages: MessageDef[] = [];
  const rpcs: RpcDef[] = [];
  const notes: string[] = [];
  const byType = new Map(objects.map((o) => [o.objecttype, o]));
  const made = new Set<string>();
  const once = (m: MessageDef) => {
    if (made.has(m.name)) return;
    made.add(m.name);
    messages.push(m);
  };
  const single = (ot: ObjectTypeInfo, kind: "create" | "remove" | "set" | "get"): { request: string; response: string } => {
    const p = pascal(objectStem(ot.objecttype));
    const attrs = attributesMessageName(ot.objecttype);
    const id: FieldDef = ot.isnonobjectid ? fld("key", 1, keyMessageName(ot.objecttype)) : fld("object_id", 1, "uint64", ot.objecttype);
    switch (kind) {
      case "create": {
        const request = `Create${p}Request`;
        if (ot.isnonobjectid) {
          once(msg(request, [], [id, fld("attributes", 2, attrs)]));
          return { request, response: "StatusResponse" };
        }
        const response = `Create${p}Response`;
        once(msg(request, [], [fld("switch_id", 1, "uint64", "SAI_OBJECT_TYPE_SWITCH; unused when creating the switch itself"), fld("attributes", 2, attrs)]));
        once(msg(response, [], [fld("status", 1, "sint32", "sai_status_t"), fld("object_id", 2, "uint64", `the new ${ot.objecttype}`)]));
        return { request, response };
      }
      case "remove": {
        const request = `Remove${p}Request`;
        once(msg(request, [], [id]));
        return { request, response: "StatusResponse" };
      }
      case "set": {
        const request = `Set${p}AttributeRequest`;
        once(msg(request, [], [id, fld("attribute", 2, attrs, "exactly one field present")]));
        return { request, response: "StatusResponse" };
      }
      case "get": {
        const request = `Get${p}AttributeRequest`;
        const response = `Get${p}AttributeResponse`;
        once(msg(request, [], [id, fld("attr_ids", 2, "uint32", `${ot.attrenum} values`, true)]));
        once(msg(response, [], [fld("status", 1, "sint32", "sai_status_t"), fld("attributes", 2, attrs)]));
        return { request, response };
      }
    }
  };
  for (const m of api.members) {
    const ot = m.objecttype ? byType.get(m.objecttype) : undefined;
    const rpc = pascal(m.name);
    if (!ot) {
      notes.push(`not generated: ${m.name} (${m.kind})`);
      continue;
    }
    switch (m.kind) {
      case "create":
      case "remove":
      case "set":
      case "get": {
        const s = single(ot, m.kind);
        rpcs.push({ name: rpc, request: s.request, response: s.response, comments: [] });
        break;
      }
      case "bulk_create":
      case "bulk_remove":
      case "bulk_set":
      case "bulk_get": {
        const s = single(ot, m.kind.slice(5) as "create" | "remove" | "set" | "get");
        const request = `${rpc}Request`;
        once(msg(request, [], [fld("items", 1, s.request, null, true), fld("mode", 2, bulkMode, BULK_MODE_ENUM)]));
        let response = "BulkStatusResponse";
        if (s.response !== "StatusResponse") {
          response = `${rpc}Response`;
          once(msg(response, [], [fld("status", 1, "sint32", "sai_status_t of the call"), fld("items", 2, s.response, "one per request item, in order", true)]));
        }
        rpcs.push({ name: rpc, request, response, comments: [] });
        break;
      }
      default:
        notes.push(`not generated: ${m.name} (${m.kind})`);
    }
  }
  if (bulkMode !== "uint32") use.used.add(BULK_MODE_ENUM);
  const service: ServiceDef = {
    name: `Sai${pascal(api.stem)}Api`,
    comments: [`${api.name}${api.apienum ? ` (${api.apienum})` : ""}: one rpc per function of the API table.`],
    rpcs,
    notes,
  };
  return { messages, service };
}

/** SaiDashFlowState (+ extensions) and SaiDashFlowEntry. */
function flowMessages(flow: FlowLayout, use: EnumUse): MessageDef[] {
  const out: MessageDef[] = [];
  const excluded = flow.excluded.map((e) => `not in the state: ${e.attr} (${e.reason})`);
  out.push(
    msg(
      flow.state.name,
      [
        "The state of one DASH flow: the FLOW_ENTRY attributes that program it. Field numbers are the attribute",
        "numbers of SaiFlowEntryAttributes (id + 1), so these bytes also parse as that message.",
      ],
      flow.state.fields,
      excluded,
    ),
  );
  for (const f of flow.state.fields) {
    use.note(f);
    if (f.message) {
      out.push(msg(f.message.name, ["FLOW_ENTRY extension attributes: field number = id − 0x20000000 + 1."], f.message.fields));
      for (const g of f.message.fields) use.note(g);
    }
  }
  out.push(
    msg(
      flow.entry.name,
      [
        "One DASH flow: the bytes of SAI_FLOW_ENTRY_ATTR_FLOW_DATA_PB and the unit of the bulk-get target stream.",
      ],
      flow.entry.fields,
    ),
  );
  return out;
}

/** The bulk-get target service: a standby or collector implements it to receive a GRPC-mode bulk get session. */
function bulkGetTargetFile(): FileDef {
  const M = FLOW_MESSAGES;
  return {
    path: BULK_GET_TARGET_FILE,
    comments: [
      "The receiving side of a flow entry bulk get session in GRPC mode: the device connects to the session's",
      "BULK_GET_SESSION_SERVER_IP:PORT and streams the selected flows in batches.",
    ],
    enums: [],
    messages: [
      msg(
        M.batch,
        ["A batch of flows. Batches of hundreds to thousands of entries keep the stream near the transport ceiling."],
        [
          fld("session_id", 1, "uint64", "SAI_OBJECT_TYPE_FLOW_ENTRY_BULK_GET_SESSION object id"),
          fld("sequence", 2, "uint64", "0, 1, 2… within the session: a gap or repeat means lost or doubled batches"),
          fld("entries", 3, M.entry, null, true),
          fld("finished", 4, M.finished, "set on the last batch of the session only"),
        ],
      ),
      msg(
        M.finished,
        ["End of a session (SAI_FLOW_BULK_GET_SESSION_FINISHED): what the sender sent in total."],
        [
          fld("total_entries", 1, "uint64"),
          fld("total_batches", 2, "uint64", "including this one"),
          fld("status", 3, "sint32", "sai_status_t: 0 = every selected flow was sent; negative = stopped early"),
        ],
      ),
      msg(
        M.summary,
        ["The target's answer when the stream ends."],
        [
          fld("session_id", 1, "uint64"),
          fld("received_entries", 2, "uint64"),
          fld("received_batches", 3, "uint64"),
          fld("complete", 4, "bool", "a finished batch arrived, no sequence gap, and its totals match what was received"),
          fld("rejected_entries", 5, "uint64", "entries the target could not apply"),
          fld("errors", 6, M.error, "the first errors, capped by the target", true),
        ],
      ),
      msg(
        M.error,
        ["One entry the target could not take."],
        [
          fld("sequence", 1, "uint64", "batch sequence"),
          fld("index", 2, "uint32", "entry position in the batch"),
          fld("status", 3, "sint32", "sai_status_t, e.g. of create_flow_entry on the standby"),
          fld("message", 4, "string"),
        ],
      ),
    ],
    services: [
      {
        name: M.service,
        comments: ["Implemented by a standby DPU or a flow collector."],
        rpcs: [
          {
            name: "Push",
            request: M.batch,
            response: M.summary,
            clientStreaming: true,
            comments: ["One stream per session; batches in sequence order; the target answers once the sender half-closes."],
          },
        ],
        notes: [],
      },
    ],
  };
}

/** Every schema file as data, before rendering (file paths relative to the proto folder). */
export function protoFileDefs(model: SaiModel): FileDef[] {
  const enums = enumIndex(model);
  const use = new EnumUse();
  const flow = flowLayout(model);
  const bulkModeEnum = enums.get(BULK_MODE_ENUM);
  const bulkMode = bulkModeEnum && isProtoEnumCandidate(bulkModeEnum) ? enumTypeName(BULK_MODE_ENUM) : "uint32";
  const files: FileDef[] = [];
  const claimed = new Set<string>();
  let flowFile: string | null = null;
  for (const api of model.apis) {
    const objects = model.objectTypes.filter((o) => ownerOf(o, model.apis) === api);
    const messages: MessageDef[] = [];
    for (const ot of objects) {
      claimed.add(ot.objecttype);
      messages.push(...objectMessages(model, ot, enums, use, flow));
    }
    if (flow && objects.some((o) => o.objecttype === FLOW_OBJECT_TYPE)) {
      messages.push(...flowMessages(flow, use));
      flowFile = apiFileName(api);
    }
    const { messages: rpcMessages, service } = apiService(api, objects, bulkMode, use);
    files.push({
      path: apiFileName(api),
      comments: [`${api.name} from ${basename(api.header)}.`],
      enums: [],
      messages: [...messages, ...rpcMessages],
      services: [service],
    });
  }
  const orphans = model.objectTypes.filter((o) => !claimed.has(o.objecttype));
  if (orphans.length > 0) {
    const messages = orphans.flatMap((ot) => objectMessages(model, ot, enums, use, flow));
    if (flow && orphans.some((o) => o.objecttype === FLOW_OBJECT_TYPE)) {
      messages.push(...flowMessages(flow, use));
      flowFile = "sai_objects.proto";
    }
    files.push({ path: "sai_objects.proto", comments: ["Object types that no API table owns."], enums: [], messages, services: [] });
  }
  if (flow && flowFile) files.push(bulkGetTargetFile());
  const types: FileDef = {
    path: TYPES_FILE,
    comments: [
      "Shared types. Conventions of every sai_*.proto: MAC = bytes (6); object id = uint64 (0 = SAI_NULL_OBJECT_ID);",
      "8/16-bit integers widen to uint32/int32; sai_status_t = sint32; flags enums are uint32 fields.",
    ],
    enums: model.enums.filter((e) => use.used.has(e.name)).map(protoEnum),
    messages: SHARED_MESSAGES.map((m) => msg(m.name, m.comment, m.fields)),
    services: [],
  };
  return [types, ...files];
}

function basename(p: string): string {
  return p.split("/").pop() ?? p;
}

const SCALARS = new Set([
  "double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
  "fixed32", "fixed64", "sfixed32", "sfixed64", "bool", "string", "bytes",
]);

/** Adds imports by where each referenced type is defined; fails on a name defined twice in the package. */
function resolveImports(files: FileDef[]): Map<string, string[]> {
  const home = new Map<string, string>();
  for (const file of files)
    for (const name of [...file.enums.map((e) => e.name), ...file.messages.map((m) => m.name), ...file.services.map((s) => s.name)]) {
      const prev = home.get(name);
      if (prev) throw new Error(`internal: proto name ${name} defined in both ${prev} and ${file.path}`);
      home.set(name, file.path);
    }
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const refs = new Set<string>();
    for (const m of file.messages) for (const f of m.fields) refs.add(f.type);
    for (const s of file.services) for (const r of s.rpcs) refs.add(r.request).add(r.response);
    const deps = new Set<string>();
    for (const r of refs) {
      if (SCALARS.has(r)) continue;
      const where = home.get(r);
      if (!where) throw new Error(`internal: proto type ${r} used in ${file.path} is defined nowhere`);
      if (where !== file.path) deps.add(where);
    }
    imports.set(file.path, [...deps].sort());
  }
  return imports;
}

let compiled: HandlebarsTemplateDelegate | null = null;

function template(): HandlebarsTemplateDelegate {
  if (compiled) return compiled;
  const dir = new URL("../../templates/proto/", import.meta.url);
  const hb = Handlebars.create();
  for (const p of ["enum", "message", "service"]) hb.registerPartial(p, readFileSync(new URL(`${p}.hbs`, dir), "utf8"));
  compiled = hb.compile(readFileSync(new URL("file.hbs", dir), "utf8"), { noEscape: true, strict: true });
  return compiled;
}

const trailing = (c: string | null) => (c ? ` // ${c}` : "");

function fieldView(f: FieldDef) {
  return {
    label: f.repeated ? "repeated " : "",
    type: f.type,
    name: f.name,
    number: f.number,
    options: f.deprecated ? " [deprecated = true]" : "",
    trailing: trailing(f.comment),
  };
}

function messageView(m: MessageDef) {
  // fields and oneof groups in the order of their first field, so a presence oneof stays where its field was
  const items: ({ field: ReturnType<typeof fieldView> } | { oneof: string; fields: ReturnType<typeof fieldView>[] })[] = [];
  const groups = new Map<string, ReturnType<typeof fieldView>[]>();
  for (const f of m.fields) {
    if (!f.oneof) {
      items.push({ field: fieldView(f) });
      continue;
    }
    let g = groups.get(f.oneof);
    if (!g) {
      groups.set(f.oneof, (g = []));
      items.push({ oneof: f.oneof, fields: g });
    }
    g.push(fieldView(f));
  }
  return { name: m.name, comments: m.comments, items, notes: m.notes };
}

/** One formatter pass: the templates' section breaks collapse to single blank lines. */
function format(text: string): string {
  return text.replace(/\n{3,}/g, "\n\n").replace(/\n+$/, "\n");
}

/** Renders the schema files for a model; `head` is the preamble comment block. */
export function renderProtoFiles(model: SaiModel, head: string): GeneratedFile[] {
  const files = protoFileDefs(model);
  const imports = resolveImports(files);
  const render = template();
  return files.map((file) => ({
    path: `${PROTO_DIR}/${file.path}`,
    content: format(
      render({
        preamble: head.trimEnd(),
        comments: file.comments,
        package: PROTO_PACKAGE,
        imports: imports.get(file.path) ?? [],
        enums: file.enums.map((e) => ({
          name: e.name,
          comments: e.comment,
          values: e.values.map((v) => ({ name: v.name, number: v.number, trailing: trailing(v.comment) })),
        })),
        messages: file.messages.map(messageView),
        services: file.services.map((s) => ({
          name: s.name,
          comments: s.comments,
          notes: s.notes,
          rpcs: s.rpcs.map((r) => ({
            name: r.name,
            request: r.request,
            response: r.response,
            requestStream: r.clientStreaming ? "stream " : "",
            responseStream: "",
            comments: r.comments,
          })),
        })),
      }),
    ),
  }));
}

/** The emitter registered in `index.ts`. */
export const protoEmitter: Emitter = {
  name: "proto",
  emit: (ctx: EmitContext) => renderProtoFiles(ctx.model, preamble(ctx.provenance, "slash")),
};
