/**
 * How the TypeScript emitters build a file: a logic-free handlebars template renders the body from a view-model,
 * imports are collected as symbols while the view-model is computed (`file.use(symbol)`) and printed from syntax
 * nodes, and one formatting pass (TypeScript's formatter, through ts-morph) runs before the preamble is added.
 * No template ever writes an import line (STYLE.md practice 8, after protobuf-es `GeneratedFile`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { posix } from "node:path";
import Handlebars from "handlebars";
import { IndentationText, printNode, Project, QuoteKind, ts } from "ts-morph";
import { preamble } from "./preamble.js";
import type { GeneratedFile, Provenance } from "./types.js";

/** A named export of a module of the generated package; `module` is the path inside `src/` without extension. */
export interface TsSymbol {
  readonly name: string;
  readonly module: string;
  /** True when only the type is exported (an interface or type alias): imported with `import type`. */
  readonly typeOnly: boolean;
}

/** A value export (a const, function or enum object, usable as a type too when it declares one). */
export function valueSymbol(name: string, module: string): TsSymbol {
  return { name, module, typeOnly: false };
}

/** A type-only export. */
export function typeSymbol(name: string, module: string): TsSymbol {
  return { name, module, typeOnly: true };
}

/** Doc-comment text that cannot end the comment early and stays on one line. */
export function docText(text: string): string {
  return text.replace(/\*\//g, "*\\/").replace(/\s+/g, " ").trim();
}

/** The relative import specifier from module `from` to module `to` (both `src/`-relative, no extension). */
export function moduleSpecifier(from: string, to: string): string {
  let rel = posix.relative(posix.dirname(from), to);
  if (!rel.startsWith(".")) rel = "./" + rel;
  return rel + ".js";
}

const templateDir = new URL("../../templates/ts/", import.meta.url);
const hb = Handlebars.create();
const compiled = new Map<string, ReturnType<typeof hb.compile>>();
let partialsLoaded = false;

/**
 * Renders `templates/ts/<name>.hbs` with `view`. Templates are logic-free (`each`, and `if` on fields the
 * view-model computed), fail on a missing field, and may use the partials in `templates/ts/partials/`.
 */
export function renderTemplate(name: string, view: object): string {
  if (!partialsLoaded) {
    const dir = new URL("partials/", templateDir);
    for (const f of readdirSync(dir).filter((n) => n.endsWith(".hbs")).sort())
      hb.registerPartial(f.slice(0, -4), readFileSync(new URL(f, dir), "utf8"));
    partialsLoaded = true;
  }
  let t = compiled.get(name);
  if (!t) {
    t = hb.compile(readFileSync(new URL(`${name}.hbs`, templateDir), "utf8"), { noEscape: true, strict: true });
    compiled.set(name, t);
  }
  return t(view);
}

let project: Project | null = null;

function formatter(): Project {
  project ??= new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext },
  });
  return project;
}

// every setting spelled out (over TypeScript's defaults), so no host or editor configuration can change the output
const FORMAT: ts.FormatCodeSettings = {
  ...ts.getDefaultFormatCodeSettings("\n"),
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  newLineCharacter: "\n",
  semicolons: ts.SemicolonPreference.Insert,
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
};

/** One TypeScript file of the generated package under construction. */
export class TsFile {
  private readonly imports = new Map<string, Map<string, boolean>>();
  private readonly raw = new Map<string, string>();
  private readonly reexports: { module: string; typeOnly: boolean }[] = [];

  /** `module` is the file's path inside `src/` without extension, e.g. `objects/flow_table`. */
  constructor(readonly module: string) {}

  /** Records an import of `s` (unless it is this module's own export) and returns the name to write. */
  use(s: TsSymbol): string {
    if (s.module === this.module) return s.name;
    let names = this.imports.get(s.module);
    if (!names) this.imports.set(s.module, (names = new Map()));
    // a name used once as a value needs a value import even when other uses are type-only
    names.set(s.name, (names.get(s.name) ?? true) && s.typeOnly);
    return s.name;
  }

  /** Re-exports everything `module` exports (`export * from`), in call order. */
  reexport(module: string, typeOnly = false): void {
    this.reexports.push({ module, typeOnly });
  }

  /**
   * A placeholder identifier for text that must bypass the formatter (large data literals printed canonically
   * by the emitter: formatting them would cost seconds and change nothing).
   */
  rawText(text: string): string {
    const key = `__saigen_raw_${this.raw.size}__`;
    this.raw.set(key, text);
    return key;
  }

  /** The import and re-export declarations, built as syntax nodes and printed (never written as template text). */
  private declarations(): string {
    const f = ts.factory;
    const nodes: ts.Statement[] = [];
    for (const mod of [...this.imports.keys()].sort()) {
      const names = this.imports.get(mod)!;
      const sorted = [...names.keys()].sort();
      const allTypes = sorted.every((n) => names.get(n));
      const specifiers = sorted.map((n) => f.createImportSpecifier(!allTypes && names.get(n)!, undefined, f.createIdentifier(n)));
      nodes.push(
        f.createImportDeclaration(
          undefined,
          f.createImportClause(allTypes, undefined, f.createNamedImports(specifiers)),
          f.createStringLiteral(moduleSpecifier(this.module, mod)),
        ),
      );
    }
    for (const r of this.reexports)
      nodes.push(f.createExportDeclaration(undefined, r.typeOnly, undefined, f.createStringLiteral(moduleSpecifier(this.module, r.module))));
    return nodes.map((n) => printNode(n, { newLineKind: ts.NewLineKind.LineFeed }) + "\n").join("");
  }

  /** Adds the imports, formats once, substitutes raw text and prepends the preamble. */
  finish(body: string, provenance: Provenance, doc?: string): GeneratedFile {
    const decls = this.declarations();
    let text = formatTypeScript(`/${this.module}.ts`, (decls && body ? decls + "\n" : decls) + body);
    if (this.raw.size) text = text.replace(/__saigen_raw_\d+__/g, (key) => this.raw.get(key) ?? key);
    const head = doc ? `/**\n * ${doc.split("\n").map(docText).join("\n * ")}\n */\n` : "";
    return { path: `src/${this.module}.ts`, content: preamble(provenance) + head + text };
  }
}

/**
 * The formatting pass: the TypeScript formatter's edits applied to the text. Edits are applied directly instead of
 * through ts-morph's tree manipulation, which re-parses after every change and would triple the generate time.
 */
export function formatTypeScript(path: string, text: string): string {
  const sf = formatter().createSourceFile(path, text, { overwrite: true });
  const edits = formatter().getLanguageService().compilerObject.getFormattingEditsForDocument(path, FORMAT);
  formatter().removeSourceFile(sf);
  const parts: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.span.start - b.span.start)) {
    parts.push(text.slice(at, e.span.start), e.newText);
    at = e.span.start + e.span.length;
  }
  parts.push(text.slice(at));
  return parts.join("").replace(/\s*$/, "\n");
}
