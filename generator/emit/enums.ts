/**
 * The `ts-enums` emitter: every enum that is not an attribute id enum (those live with their object type) as a
 * value object plus a type of the same name, SAI names and values verbatim (SAI-METADATA.md §3.3):
 *
 *   export const sai_dash_direction_t = { SAI_DASH_DIRECTION_INVALID: 0, … } as const;
 *   export type sai_dash_direction_t = (typeof sai_dash_direction_t)[keyof typeof sai_dash_direction_t];
 *
 * `as const` objects rather than TypeScript `enum`s: they are plain JavaScript (no reverse-mapping member that an
 * `@ignore` alias would overwrite), and the type is the exact union of the values, so a number outside the enum
 * is a compile error. Flag enums (`@flags strict`/`mixed`) also accept the ORs their helpers build.
 */
import type { EnumMetadata } from "../model/types.js";
import { isFlagsEnum, isStatusEnum, MODULES, propertyKey } from "./names.js";
import { docText, renderTemplate, TsFile, typeSymbol, valueSymbol } from "./ts-file.js";
import { tsPlan, type TsPlan } from "./ts-plan.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** The view-model of one enum declaration (the `enum` partial). */
export interface EnumView {
  name: string;
  doc: string;
  members: { doc: string; key: string; value: string }[];
  typeDoc: string;
  type: string;
  flags: { name: string; helpersType: string; build: string } | null;
}

/** An enum value as written: decimal, or hex from the custom/extension range bases up (as the headers write them). */
export function enumValueText(v: number): string {
  return v >= 0x10000 ? `0x${v.toString(16).padStart(8, "0")}` : String(v);
}

const FLAGS_TEXT: Record<string, string> = {
  SAI_ENUM_FLAGS_TYPE_STRICT: "strict",
  SAI_ENUM_FLAGS_TYPE_MIXED: "mixed",
  SAI_ENUM_FLAGS_TYPE_RANGES: "ranges",
  SAI_ENUM_FLAGS_TYPE_FREE: "free",
};

/** The view-model of `e`, recording its imports on `file`. */
export function enumView(e: EnumMetadata, file: TsFile, plan: TsPlan): EnumView {
  const n = plan.names.enums.get(e.name)!;
  const members = e.values.map((v) => ({ doc: docText(v.brief), key: propertyKey(v.name), value: enumValueText(v.value) }));
  for (const alias of e.ignorevalues)
    members.push({
      doc: `@deprecated Old name of \`${alias.aliasof}\`, kept for compatibility (\`@ignore\` in the header).`,
      key: propertyKey(alias.name),
      value: enumValueText(alias.value),
    });
  const base = `(typeof ${n.name})[keyof typeof ${n.name}]`;
  const flags = isFlagsEnum(e) && n.flags;
  const flagsNote = e.containsflags ? ` (\`@flags ${FLAGS_TEXT[e.flagstype] ?? "none"}\`)` : "";
  return {
    name: n.name,
    doc: `${docText(e.brief || e.name)}\n *\n * \`${e.name}\`${flagsNote}, ${e.values.length} values; declared at ${e.location}.`,
    members,
    typeDoc: flags
      ? `A value of \`${e.name}\`: one member or a bitwise OR of members built with \`${n.flags}.combine\`.`
      : e.values.length
        ? `A value of \`${e.name}\`.`
        : `A value of \`${e.name}\` (no values are declared yet).`,
    type: flags ? `${base} | ${file.use(typeSymbol("FlagSet", MODULES.bindings))}<"${e.name}">` : base,
    flags: flags
      ? {
          name: n.flags!,
          helpersType: `${file.use(typeSymbol("FlagHelpers", MODULES.bindings))}<${n.name}>`,
          build: file.use(valueSymbol("flagHelpers", MODULES.bindings)),
        }
      : null,
  };
}

/** `src/enums.ts`. */
export function emitEnums(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  const file = new TsFile(MODULES.enums);
  const enums = ctx.model.enums
    .filter((e) => !isStatusEnum(e) && plan.names.enums.get(e.name)?.module === MODULES.enums)
    .map((e) => enumView(e, file, plan));
  return [
    file.finish(
      renderTemplate("enums.ts", { enums }),
      ctx.provenance,
      "Every SAI enum except attribute ids (in `objects/`) and `sai_status_t` (in `status.ts`), names and values as in the headers.",
    ),
  ];
}

/** The emitter. */
export const enumsEmitter: Emitter = { name: "ts-enums", emit: emitEnums };
