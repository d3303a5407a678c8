/**
 * The `ts-metadata` emitter: `src/metadata.ts`, the model itself as typed constant tables (object types,
 * attributes, enums, status codes, structs, APIs, notifications; SAI-METADATA.md §3), typed with the model types
 * the package ships (`runtime/v1/model-types.ts`) so validators and tools read them without the generator.
 *
 * Tables are printed one record per line by {@link literal} and bypass the formatter: with the full upstream
 * tree they are megabytes of data, which formatting would take seconds over without changing a byte. Long tables
 * are split into module-private chunks of {@link CHUNK_ROWS} rows: TypeScript reduces the element types of one
 * array literal pairwise, and 2,207 attribute records in one literal exceed its union limit (TS2590).
 */
import type { SaiModel } from "../model/types.js";
import { MODULES, propertyKey } from "./names.js";
import { renderTemplate, TsFile, typeSymbol } from "./ts-file.js";
import { tsPlan } from "./ts-plan.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** A JavaScript literal of JSON-like data, keys bare where possible, on one line. */
export function literal(v: unknown): string {
  if (v === null || typeof v !== "object") return v === undefined ? "undefined" : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(literal).join(", ")}]`;
  const entries = Object.entries(v as Record<string, unknown>);
  return entries.length ? `{ ${entries.map(([k, x]) => `${propertyKey(k)}: ${literal(x)}`).join(", ")} }` : "{}";
}

/** An array literal with one element per line. */
export function tableLiteral(rows: readonly unknown[]): string {
  return rows.length ? `[\n${rows.map((r) => `  ${literal(r)},`).join("\n")}\n]` : "[]";
}

/** Rows per array literal. */
export const CHUNK_ROWS = 100;

/** A table as chunk declarations plus the exported value (the literal itself, or a spread of the chunks). */
export function chunkedTable(file: TsFile, name: string, rows: readonly unknown[]): { chunks: { name: string; data: string }[]; value: string } {
  if (rows.length <= CHUNK_ROWS) return { chunks: [], value: file.rawText(tableLiteral(rows)) };
  const chunks: { name: string; data: string }[] = [];
  for (let i = 0; i < rows.length; i += CHUNK_ROWS)
    chunks.push({ name: `${name}_rows_${i / CHUNK_ROWS}`, data: file.rawText(tableLiteral(rows.slice(i, i + CHUNK_ROWS))) });
  return { chunks, value: `[${chunks.map((c) => `...${c.name}`).join(", ")}]` };
}

type TableKey = "objectTypes" | "attributes" | "enums" | "statusCodes" | "structs" | "apis" | "notifications";

const TABLES: { key: TableKey; type: string; doc: string }[] = [
  { key: "objectTypes", type: "ObjectTypeInfo", doc: "Every object type (`sai_object_type_info_t`), in model order." },
  { key: "attributes", type: "AttrMetadata", doc: "Every attribute (`sai_attr_metadata_t`), by object type and ascending id." },
  { key: "enums", type: "EnumMetadata", doc: "Every enum (`sai_enum_metadata_t`), values ascending." },
  { key: "statusCodes", type: "StatusCode", doc: "Every `SAI_STATUS_*` code." },
  { key: "structs", type: "StructMetadata", doc: "Every struct and union of the headers." },
  { key: "apis", type: "ApiMetadata", doc: "Every API table (`sai_*_api_t`)." },
  { key: "notifications", type: "NotificationMetadata", doc: "Every notification (`sai_*_notification_fn`)." },
];

/** `src/metadata.ts`. */
export function emitMetadata(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  const m = plan.names.metadata;
  const file = new TsFile(MODULES.metadata);
  const t = (name: string) => file.use(typeSymbol(name, MODULES.modelTypes));
  const model: SaiModel = ctx.model;
  const tables = TABLES.map((x) => ({ name: m[x.key], type: `${t(x.type)}[]`, doc: x.doc, ...chunkedTable(file, `_${x.key}`, model[x.key]) }));
  const modelChunks: { name: string; type: string; data: string }[] = [];
  const fields = (Object.keys(model) as (keyof SaiModel)[]).map((k) => {
    const table = TABLES.find((x) => x.key === k);
    if (table) return { key: propertyKey(k), value: m[table.key] };
    if (!Array.isArray(model[k])) return { key: propertyKey(k), value: file.rawText(literal(model[k])) };
    const c = chunkedTable(file, `_${k}`, model[k] as unknown[]);
    modelChunks.push(...c.chunks.map((x) => ({ ...x, type: `${t("SaiModel")}[${JSON.stringify(k)}]` })));
    return { key: propertyKey(k), value: c.value };
  });
  const view = {
    tables,
    model: { name: m.model, type: t("SaiModel"), fields, chunks: modelChunks },
    attributes: m.attributes,
    objectTypes: m.objectTypes,
    enums: m.enums,
    attribute: m.attribute,
    objectType: m.objectType,
    enumOf: m.enumOf,
    attrType: t("AttrMetadata"),
    objectTypeType: t("ObjectTypeInfo"),
    enumType: t("EnumMetadata"),
  };
  return [
    file.finish(
      renderTemplate("metadata.ts", view),
      ctx.provenance,
      "The metadata model as typed constant tables. Treat them as read-only: validators and serializers share them.",
    ),
  ];
}

/** The emitter. */
export const metadataEmitter: Emitter = { name: "ts-metadata", emit: emitMetadata };
