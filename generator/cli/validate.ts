/**
 * `saigen validate`: validates one operation (attributes as sairedis strings) or a JSON-lines batch of them
 * against the metadata, and prints one JSON result line per operation.
 */
import { createReadStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { AttrMetadata, EnumMetadata, SaiModel } from "../model/types.js";
import { runPipeline } from "../pipeline.js";
import { formatDiagnostic } from "../diagnostics.js";
import { UsageError } from "./io.js";
import { entryKeyRenames, parseEntryKey, parseValue, valueMetaOf, type ValueMeta } from "../../runtime/serialize/index.js";
import { isJsonObject, jsonKind, parseJson, JsonNumber, type JsonValue } from "../../runtime/serialize/json.js";
import { parseOid } from "../../runtime/serialize/scalars.js";
import { loadProfileFile } from "../../runtime/validate/profile-load.js";
import {
  createValidator,
  UnparsedValue,
  type AttrInput,
  type CapabilityProfile,
  type OpContext,
  type Operation,
  type ValidationMode,
  type ValidationResult,
  type Validator,
} from "../../runtime/validate/index.js";

const HELP = `Usage: saigen validate --object-type SAI_OBJECT_TYPE_X --op create|set|get|remove [FILE.json] [options]
       saigen validate --batch FILE.jsonl|- [options]

Validates operations against the SAI metadata of the headers and prints one JSON line per operation:
  {"status":"SAI_STATUS_…","code":N,"index":i,"attr":"SAI_…","message":"…"}
(index/attr only when an attribute is at fault; batch lines start with "line":N).

FILE.json   the attributes in list order, values as sairedis strings:
              {"SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT": "1000", …}
            or as pairs, which may repeat an attribute: [["SAI_…", "1000"], …]
            get: values are ignored (a list of names is fine); remove: no FILE.
--key K     entries: the sairedis entry key JSON ({"switch_id":"oid:0x…", …});
            set/get/remove of OID objects: the object id (oid:0x…)
--switch ID create of OID objects: the switch (default oid:0x21000000000000, switch #0)
--batch F   JSON lines, "-" for stdin: {"objectType":…, "op":…, "key"?:…, "switch"?:…, "attrs":…}
--mode M    sai (default: SAI's indexed codes, flag enums accept ORs) or sairedis (sairedis Meta's codes)
--profile P a vendor capability profile (docs/capability-profile.md)
--headers D a folder of sai*.h headers; repeat for several (default: sai-headers/)

No state table is consulted: existence, duplicates across operations and references are not checked.
Warnings (a valid-only attribute whose condition is false, a relaxed condition) go to stderr.
A value whose text does not parse is a validation failure (INVALID_ATTR_VALUE_0+i; sairedis: INVALID_PARAMETER),
as is an entry key member that does not parse (INVALID_PARAMETER).
Exit: 0 every operation valid, 1 some validation failed, 2 unusable input (unreadable file, bad JSON, unknown
object type or operation, a malformed object id, headers that do not build); batch: 2 if any record was unusable.
`;

const OPS: readonly Operation[] = ["create", "set", "get", "remove"];
const DEFAULT_SWITCH = 0x21000000000000n;

/** Builds the model from header folders; prints diagnostics and returns null when the headers do not build. */
export function loadModel(dirs: string[]): SaiModel | null {
  const r = runPipeline(dirs);
  if (r.diagnostics.errorCount > 0) {
    for (const d of r.diagnostics.sorted()) if (d.severity === "error") process.stderr.write(formatDiagnostic(d) + "\n");
    process.stderr.write(`saigen: the headers in ${dirs.join(", ")} do not build (${r.diagnostics.errorCount} error(s))\n`);
    return null;
  }
  return r.model;
}

/** An input problem that makes an operation unusable (exit 2), as a value. */
class InputError {
  constructor(readonly message: string) {}
}

/** Per-attribute parsing context, cached per attribute so batch records do not rebuild it. */
class Parsers {
  private readonly metas = new Map<AttrMetadata, ValueMeta>();
  private readonly enums: (n: string) => EnumMetadata | undefined;

  constructor(
    private readonly model: SaiModel,
    private readonly validator: Validator,
  ) {
    const byName = new Map(model.enums.map((e) => [e.name, e]));
    this.enums = (n) => byName.get(n);
  }

  private readonly keyMembers = new Map<string, { json: string; name: string; meta: ValueMeta }[]>();

  /**
   * An entry key whose members are all JSON strings, parsed member by member (the batch hot path); null when the
   * key has another shape, so the caller falls back to the serializer's entry-key reader.
   */
  private keyFromObject(objectType: string, obj: unknown): OpContext | ValidationResult | null {
    if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return null;
    let members = this.keyMembers.get(objectType);
    if (!members) {
      const info = this.model.objectTypes.find((o) => o.objecttype === objectType)!;
      const renames = entryKeyRenames(objectType);
      members = info.structmembers.map((m) => ({
        json: renames[m.membername] ?? m.membername,
        name: m.membername,
        meta: {
          attrvaluetype: m.membervaluetype,
          isenum: m.isenum,
          isenumlist: false,
          ...(m.isenum && m.enummetadata && this.enums(m.enummetadata) ? { enum: this.enums(m.enummetadata)! } : {}),
          enums: this.enums,
        },
      }));
      this.keyMembers.set(objectType, members);
    }
    const o = obj as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const m of members) {
      const text = o[m.json];
      if (typeof text !== "string") return null;
      const r = parseValue(m.meta, text);
      if (!r.ok) return { status: "SAI_STATUS_INVALID_PARAMETER", code: -5, message: `entry key "${m.json}": ${r.error}` };
      out[m.name] = r.value;
    }
    if (Object.keys(o).length !== members.length) return null; // an unexpected member: let the full reader name it
    return { key: out };
  }

  /** Turns `(name, text)` pairs into validator input; unknown names pass through, bad text becomes UnparsedValue. */
  attrs(objectType: string, op: Operation, pairs: readonly (readonly [string, unknown])[]): AttrInput[] {
    const out: AttrInput[] = [];
    for (const [id, text] of pairs) {
      const meta = this.validator.attribute(objectType, id);
      if (!meta || op === "get") {
        out.push({ id });
        continue;
      }
      if (typeof text !== "string") {
        const what = text instanceof JsonNumber ? `number ${text.text}` : text === null ? "null" : typeof text === "object" ? "a JSON value" : `${typeof text} ${String(text)}`;
        out.push({ id, value: new UnparsedValue(String(text), `expected the value as a sairedis string, got ${what}`) });
        continue;
      }
      let vm = this.metas.get(meta);
      if (!vm) this.metas.set(meta, (vm = valueMetaOf(meta, this.enums)));
      const r = parseValue(vm, text);
      out.push({ id, value: r.ok ? r.value : new UnparsedValue(text, `cannot parse ${JSON.stringify(text)}: ${r.error}`) });
    }
    return out;
  }

  /**
   * The operation context from the key/switch inputs: an InputError when unusable, a result when the entry key
   * does not parse (a validation failure, as the validator reports bad key members).
   */
  context(objectType: string, op: Operation, key: unknown, sw: unknown): OpContext | InputError | ValidationResult {
    const isEntry = this.validator.isEntry(objectType)!;
    if (isEntry) {
      if (key === undefined || key === null) return new InputError(`${objectType} is an entry: give its key (--key / "key")`);
      let obj: unknown = key;
      if (typeof key === "string") {
        try {
          obj = JSON.parse(key);
        } catch (e) {
          return new InputError(`the entry key is not valid JSON: ${(e as Error).message}`);
        }
      }
      const fast = this.keyFromObject(objectType, obj);
      if (fast !== null) return fast;
      // Nested members (NAT entry data) and odd shapes: the serializer's own reader says what is wrong.
      const info = this.model.objectTypes.find((o) => o.objecttype === objectType)!;
      const r = parseEntryKey(info.structmembers, typeof key === "string" ? key : JSON.stringify(key), entryKeyRenames(objectType), this.enums);
      return r.ok ? { key: r.value } : { status: "SAI_STATUS_INVALID_PARAMETER", code: -5, message: `entry key: ${r.error}` };
    }
    if (op === "create") {
      if (objectType === "SAI_OBJECT_TYPE_SWITCH") return {};
      if (sw === undefined || sw === null) return { switchId: DEFAULT_SWITCH };
      const r = typeof sw === "string" ? parseOid(sw) : null;
      return r && r.ok ? { switchId: r.value } : new InputError(`the switch must be an object id (oid:0x…), got ${JSON.stringify(sw)}`);
    }
    if (typeof key !== "string") return new InputError(`${op} on ${objectType} needs the object id (--key / "key": "oid:0x…")`);
    const r = parseOid(key);
    return r.ok ? { objectId: r.value } : new InputError(r.error);
  }
}

/** `(name, value)` pairs from a parsed attribute list: an ordered object, pairs, or (get) names. */
function pairsOf(v: unknown): (readonly [string, unknown])[] | string {
  if (v instanceof Map) return [...(v as Map<string, unknown>)];
  if (Array.isArray(v)) {
    const out: [string, unknown][] = [];
    for (const item of v) {
      if (typeof item === "string") out.push([item, undefined]);
      else if (Array.isArray(item) && item.length === 2 && typeof item[0] === "string") out.push([item[0], item[1]]);
      else return `attribute list items must be ["SAI_…_ATTR_…", "value"] pairs or names`;
    }
    return out;
  }
  if (typeof v === "object" && v !== null) return Object.entries(v as Record<string, unknown>);
  return "the attributes must be a JSON object (name → value text) or a list of pairs";
}

/** The result line (batch lines lead with the line number). */
function resultLine(r: ValidationResult, line?: number): string {
  const o: Record<string, unknown> = {};
  if (line !== undefined) o.line = line;
  o.status = r.status;
  o.code = r.code;
  if (r.index !== undefined) o.index = r.index;
  if (r.attr !== undefined) o.attr = r.attr;
  o.message = r.message;
  return JSON.stringify(o);
}

function writeWarnings(r: ValidationResult, where: string): void {
  for (const w of r.warnings ?? []) process.stderr.write(`saigen validate: ${where}warning: ${w}\n`);
}

/** Runs the validate command. */
export async function validateCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      "object-type": { type: "string" },
      op: { type: "string" },
      key: { type: "string" },
      switch: { type: "string" },
      batch: { type: "string" },
      mode: { type: "string" },
      profile: { type: "string" },
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
  const mode = (values.mode ?? "sai") as ValidationMode;
  if (mode !== "sai" && mode !== "sairedis") throw new UsageError(`--mode must be sai or sairedis, got ${JSON.stringify(values.mode)}`);
  if (values.batch === undefined) {
    if (!values["object-type"] || !values.op) throw new UsageError("give --object-type and --op (or --batch); see --help");
    if (!OPS.includes(values.op as Operation)) throw new UsageError(`--op must be one of ${OPS.join(", ")}, got ${JSON.stringify(values.op)}`);
    if (positionals.length > 1) throw new UsageError(`one attribute file at most, got ${positionals.length}`);
    if (positionals.length === 0 && values.op !== "remove") throw new UsageError(`${values.op} needs an attribute file`);
  } else if (positionals.length > 0 || values["object-type"] || values.op) {
    throw new UsageError("--batch takes the object type, operation and attributes from its records");
  }

  const fail = (message: string): number => {
    process.stderr.write(`saigen validate: ${message}\n`);
    return 2;
  };
  // Read and parse the single-operation file before the ~0.3 s model build, so bad input fails fast.
  let pairs: (readonly [string, unknown])[] = [];
  if (values.batch === undefined && positionals[0] !== undefined && values.op !== "remove") {
    let fileText: string;
    try {
      fileText = readFileSync(positionals[0], "utf8");
    } catch (e) {
      return fail(`cannot read ${positionals[0]}: ${(e as Error).message}`);
    }
    const j = parseJson(fileText);
    if (!j.ok) return fail(`${positionals[0]} is not valid JSON: ${j.error}`);
    const p = pairsOf(j.value);
    if (typeof p === "string") return fail(`${positionals[0]}: ${p} (got ${jsonKind(j.value as JsonValue)})`);
    // sairedis's placeholder for an empty attribute list.
    if (!(isJsonObject(j.value) && j.value.size === 1 && j.value.get("NULL") === "NULL")) pairs = p;
  }

  const model = loadModel(values.headers?.length ? values.headers : ["sai-headers"]);
  if (!model) return 2;
  let profile: CapabilityProfile | undefined;
  if (values.profile !== undefined) {
    const p = loadProfileFile(values.profile, model);
    for (const d of p.diagnostics) process.stderr.write(formatDiagnostic(d) + "\n");
    if (!p.profile) {
      process.stderr.write(`saigen validate: the profile ${values.profile} is not usable\n`);
      return 2;
    }
    profile = p.profile;
  }
  const validator = createValidator(model, { mode, profile });
  const parsers = new Parsers(model, validator);

  if (values.batch !== undefined) return runBatch(values.batch, validator, parsers);

  const objectType = values["object-type"]!;
  const op = values.op as Operation;
  if (validator.isEntry(objectType) === undefined) return fail(`unknown object type ${JSON.stringify(objectType)} (not described by the headers)`);
  const ctx = parsers.context(objectType, op, values.key, values.switch);
  if (ctx instanceof InputError) return fail(ctx.message);
  let r: ValidationResult;
  if ("code" in ctx) r = ctx as ValidationResult;
  else r = validator.validate(op, objectType, parsers.attrs(objectType, op, pairs), ctx as OpContext);
  writeWarnings(r, "");
  process.stdout.write(resultLine(r) + "\n");
  return r.code === 0 ? 0 : 1;
}

const FLUSH_BYTES = 1 << 16;
// An attribute name used as a JSON object key: counting them tells whether JSON.parse merged duplicate keys.
const ATTR_KEY = /(?<!\\)"SAI_[A-Z0-9_]*_ATTR_[A-Z0-9_]*"\s*:/g;

async function runBatch(path: string, validator: Validator, parsers: Parsers): Promise<number> {
  const input = path === "-" ? process.stdin : createReadStream(path);
  let openError: Error | null = null;
  input.on("error", (e: Error) => {
    openError = e;
  });
  const rl = createInterface({ input, crlfDelay: Infinity });
  let buf = "";
  const flush = async (): Promise<void> => {
    if (buf.length === 0) return;
    const ok = process.stdout.write(buf);
    buf = "";
    if (!ok) await once(process.stdout, "drain");
  };
  let lineNo = 0;
  let failed = false;
  let unusable = false;
  try {
    for await (const raw of rl) {
      lineNo++;
      if (raw.trim() === "") continue;
      const r = batchRecord(raw, lineNo, validator, parsers);
      if (r instanceof InputError) {
        unusable = true;
        buf += JSON.stringify({ line: lineNo, error: r.message }) + "\n";
      } else {
        if (r.code !== 0) failed = true;
        if (r.warnings) writeWarnings(r, `line ${lineNo}: `);
        buf += resultLine(r, lineNo) + "\n";
      }
      if (buf.length >= FLUSH_BYTES) await flush();
    }
  } catch (e) {
    openError ??= e as Error;
  }
  await flush();
  if (openError) {
    process.stderr.write(`saigen validate: cannot read ${path}: ${(openError as Error).message}\n`);
    return 2;
  }
  return unusable ? 2 : failed ? 1 : 0;
}

function batchRecord(raw: string, lineNo: number, validator: Validator, parsers: Parsers): ValidationResult | InputError {
  let rec: unknown;
  try {
    rec = JSON.parse(raw);
  } catch (e) {
    return new InputError(`line ${lineNo} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof rec !== "object" || rec === null || Array.isArray(rec)) return new InputError(`a record is a JSON object with objectType, op and attrs`);
  const { objectType, op, key, attrs } = rec as Record<string, unknown>;
  const sw = (rec as Record<string, unknown>).switch;
  if (typeof objectType !== "string") return new InputError(`"objectType" must be a SAI_OBJECT_TYPE_* name`);
  if (typeof op !== "string" || !OPS.includes(op as Operation)) return new InputError(`"op" must be one of ${OPS.join(", ")}`);
  if (validator.isEntry(objectType) === undefined) return new InputError(`unknown object type ${JSON.stringify(objectType)}`);
  let pairs: (readonly [string, unknown])[] = [];
  if (op !== "remove") {
    if (attrs === undefined) return new InputError(`"attrs" is missing`);
    let source: unknown = attrs;
    if (typeof attrs === "object" && attrs !== null && !Array.isArray(attrs)) {
      // JSON.parse keeps the last of repeated keys; when names went missing, re-read strictly to say which.
      const seen = raw.match(ATTR_KEY)?.length ?? 0;
      if (seen > Object.keys(attrs).length) {
        const strict = parseJson(raw);
        if (!strict.ok) return new InputError(`line ${lineNo}: ${strict.error} (use the pairs form [["NAME","value"],…] to repeat an attribute)`);
        source = (strict.value as Map<string, JsonValue>).get("attrs");
      }
    }
    const p = pairsOf(source);
    if (typeof p === "string") return new InputError(p);
    pairs = p;
  }
  const ctx = parsers.context(objectType, op as Operation, key, sw);
  if (ctx instanceof InputError) return ctx;
  if ("code" in ctx) return ctx as ValidationResult;
  return validator.validate(op as Operation, objectType, parsers.attrs(objectType, op as Operation, pairs), ctx as OpContext);
}
