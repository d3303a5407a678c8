/**
 * The `runtime-copy` emitter: the generated package is self-contained, so the runtime modules its code needs are
 * copied into `src/runtime/v1/` (the versioned surface generated code imports, STYLE.md practice 10). Files are
 * copied verbatim except for their relative import specifiers, which are re-pointed at the copies; an import
 * that leaves the copied set is an error naming the table to extend, so the package can never reach outside
 * itself. The surface also gets `bindings.ts` (helpers only generated code needs) and an `index.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { ts } from "ts-morph";
import { preamble } from "./preamble.js";
import { renderTemplate, TsFile } from "./ts-file.js";
import { tsPlan } from "./ts-plan.js";
import { runtimeType } from "./ts-types.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** One copied source: a repository folder (all its `.ts` files, tests excluded) or a single file. */
export interface RuntimeCopy {
  /** Repository-relative path. */
  readonly from: string;
  /** Path under `src/runtime/v1/`. */
  readonly to: string;
  /** Skipped while it does not exist yet (a runtime concern under construction). */
  readonly optional?: boolean;
  /** Re-exported from `runtime/v1/index.ts` (folders through their `index.ts`). */
  readonly reexport: boolean;
  /**
   * Files of a folder left out (relative to it), e.g. a loader that needs `node:fs`; a copied file that imports one
   * is still an error, so only modules nothing in the package needs can be excluded.
   */
  readonly exclude?: readonly string[];
}

/** What the package copies. Adding a runtime concern is one line here. */
export const RUNTIME_COPIES: readonly RuntimeCopy[] = [
  { from: "generator/model/types.ts", to: "model-types.ts", reexport: true },
  { from: "runtime/values", to: "values", reexport: true },
  { from: "runtime/serialize", to: "serialize", reexport: true },
  { from: "runtime/validate", to: "validate", reexport: true, exclude: ["profile-load.ts"] },
];

/** Runtime root inside the package's `src/`. */
export const RUNTIME_DIR = "runtime/v1";

const REPO = fileURLToPath(new URL("../../", import.meta.url));

function repoPath(rel: string): string {
  return posix.join(REPO.split("\\").join("/"), rel);
}

function listTs(rel: string): string[] {
  const abs = repoPath(rel);
  if (statSync(abs).isFile()) return [rel];
  const out: string[] = [];
  for (const e of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const child = posix.join(rel, e.name);
    if (e.isDirectory()) out.push(...listTs(child));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.endsWith(".d.ts")) out.push(child);
  }
  return out;
}

function copiedFiles(c: RuntimeCopy): string[] {
  const excluded = new Set((c.exclude ?? []).map((f) => posix.join(c.from, f)));
  return listTs(c.from).filter((f) => !excluded.has(f));
}

/** A table entry left out of this run, and why. */
export interface SkippedCopy {
  readonly from: string;
  readonly reason: string;
}

/** The runtime surface of one run: the copies used, those left out and why, and the rewritten modules. */
export interface RuntimeSurface {
  readonly active: readonly RuntimeCopy[];
  readonly skipped: readonly SkippedCopy[];
  readonly modules: readonly CopiedModule[];
}

/**
 * The copies of this run. An optional entry joins only once it is usable: present, with an `index.ts` when it is
 * re-exported, and self-contained (every import stays inside the copies). Until then it is skipped with a reason,
 * so a runtime concern under construction never breaks generation; a required entry that fails is an error.
 */
export function resolveCopies(): RuntimeSurface {
  const active: RuntimeCopy[] = RUNTIME_COPIES.filter((c) => !c.optional);
  const skipped: SkippedCopy[] = [];
  for (const c of RUNTIME_COPIES.filter((x) => x.optional)) {
    if (!existsSync(repoPath(c.from))) skipped.push({ from: c.from, reason: "does not exist" });
    else if (c.reexport && !c.from.endsWith(".ts") && !existsSync(repoPath(posix.join(c.from, "index.ts"))))
      skipped.push({ from: c.from, reason: "has no index.ts to re-export" });
    else
      try {
        copiedModules([...active, c]);
        active.push(c);
      } catch (e) {
        skipped.push({ from: c.from, reason: (e as Error).message });
      }
  }
  const ordered = RUNTIME_COPIES.filter((c) => active.includes(c));
  return { active: ordered, skipped, modules: copiedModules(ordered) };
}

/** Where a repository `.ts` file lands under `src/` (without extension), or null when it is not copied. */
function targetOf(file: string, copies: readonly RuntimeCopy[]): string | null {
  for (const c of copies) {
    if (c.exclude?.some((f) => posix.join(c.from, f) === file)) continue;
    const dest = c.to.replace(/\.ts$/, "");
    if (file === c.from) return posix.join(RUNTIME_DIR, dest);
    if (file.startsWith(c.from + "/")) return posix.join(RUNTIME_DIR, dest, file.slice(c.from.length + 1).replace(/\.ts$/, ""));
  }
  return null;
}

/** A copied runtime module: its package path (under `src/`, no extension) and rewritten text (no preamble). */
export interface CopiedModule {
  module: string;
  from: string;
  text: string;
}

/** Reads and rewrites every copied module; throws when one imports something outside the copies. */
export function copiedModules(copies: readonly RuntimeCopy[]): CopiedModule[] {
  const out: CopiedModule[] = [];
  for (const c of copies)
    for (const file of copiedFiles(c)) {
      const module = targetOf(file, copies)!;
      const text = readFileSync(repoPath(file), "utf8");
      const edits: { pos: number; end: number; spec: string }[] = [];
      for (const imp of ts.preProcessFile(text, true, true).importedFiles) {
        const spec = imp.fileName;
        if (!spec.startsWith(".")) throw new Error(`${file}: imports "${spec}", but the generated package has no dependencies`);
        const resolved = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, ".ts");
        const target = targetOf(resolved, copies);
        if (!target)
          throw new Error(
            `${file}: imports "${spec}" (${resolved}), which the generated package does not copy; add its folder to RUNTIME_COPIES in generator/emit/runtime-copy.ts`,
          );
        let rel = posix.relative(posix.dirname(module), target);
        if (!rel.startsWith(".")) rel = "./" + rel;
        // the reported span is not exactly the literal's content across TS versions: find the text near it
        const at = text.indexOf(spec, Math.max(0, imp.pos - 1));
        edits.push({ pos: at, end: at + spec.length, spec: rel + ".js" });
      }
      let rewritten = text;
      for (const e of edits.sort((a, b) => b.pos - a.pos)) rewritten = rewritten.slice(0, e.pos) + e.spec + rewritten.slice(e.end);
      out.push({ module, from: file, text: rewritten });
    }
  return out;
}

/** The module a copy is imported through: the file itself, or a folder's `index`. */
export function entryOf(c: RuntimeCopy): string {
  return c.to.endsWith(".ts") ? posix.join(RUNTIME_DIR, c.to.slice(0, -3)) : posix.join(RUNTIME_DIR, c.to, "index");
}

/** The `runtime/v1/index.ts` text: one `export *` per re-exported copy, plus the bindings helpers. */
function runtimeIndex(copies: readonly RuntimeCopy[], ctx: EmitContext): GeneratedFile {
  const f = new TsFile(`${RUNTIME_DIR}/index`);
  for (const c of copies) if (c.reexport) f.reexport(entryOf(c));
  f.reexport(`${RUNTIME_DIR}/bindings`);
  return f.finish("", ctx.provenance, "The versioned runtime surface generated code imports: value shapes, serializers, model types, validators.");
}

/** Every runtime file of the package. */
export function runtimeFiles(ctx: EmitContext): GeneratedFile[] {
  const surface = tsPlan(ctx.model).runtime;
  const copies = surface.active;
  const files: GeneratedFile[] = surface.modules.map((m) => ({
    path: `src/${m.module}.ts`,
    content: `${preamble(ctx.provenance)}// Copied from ${m.from}; edit the original.\n${m.text}`,
  }));
  const b = new TsFile(`${RUNTIME_DIR}/bindings`);
  // the template names these two runtime types; the imports are symbols like everywhere else
  b.use(runtimeType("ObjectId"));
  b.use(runtimeType("AttrEntry"));
  files.push(
    b.finish(
      renderTemplate("runtime-bindings.ts", {}),
      ctx.provenance,
      "The helpers the generated bindings are written with: attribute `{id, value}` pairs per name, API result shapes,\nsync/async API modes and the bit helpers of `@flags strict`/`mixed` enums. Shipped with the package rather than\ncopied from the repository runtime, because only generated code needs them.",
    ),
  );
  files.push(runtimeIndex(copies, ctx));
  return files;
}

/** The emitter. */
export const runtimeCopyEmitter: Emitter = { name: "ts-runtime", emit: runtimeFiles };
