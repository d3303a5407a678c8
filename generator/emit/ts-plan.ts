/**
 * The plan every TypeScript emitter shares for one model: the package's names (decided once, after the runtime
 * surface's own exports are known, so no generated name can shadow a runtime one). Computed on first use and
 * kept per model object, so the emitters of one `generate` run agree without passing state around.
 */
import { ts } from "ts-morph";
import type { SaiModel } from "../model/types.js";
import { packageNames, type PackageNames } from "./names.js";
import { entryOf, resolveCopies, RUNTIME_DIR, type RuntimeSurface } from "./runtime-copy.js";
import { renderTemplate } from "./ts-file.js";

/** The shared plan of the TypeScript package. */
export interface TsPlan {
  names: PackageNames;
  /** Every name `runtime/v1/index.ts` exports. */
  runtimeExports: string[];
  /** True when the validator engine is part of the runtime surface. */
  hasValidate: boolean;
  /** The copied runtime of this run. */
  runtime: RuntimeSurface;
}

const plans = new WeakMap<SaiModel, TsPlan>();

/** The names the runtime surface exports, read from the copied sources by the TypeScript checker. */
export function runtimeExportNames(surface: RuntimeSurface = resolveCopies()): string[] {
  const copies = surface.active;
  const files = new Map<string, string>();
  for (const m of surface.modules) files.set(`/src/${m.module}.ts`, m.text);
  files.set(`/src/${RUNTIME_DIR}/bindings.ts`, renderTemplate("runtime-bindings.ts", {}));
  const indexPath = `/src/${RUNTIME_DIR}/index.ts`;
  const entries = [...copies.filter((c) => c.reexport).map(entryOf), `${RUNTIME_DIR}/bindings`];
  files.set(indexPath, entries.map((m) => `export * from "./${m.slice(RUNTIME_DIR.length + 1)}.js";`).join("\n"));
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noLib: true, types: [] };
  const host: ts.CompilerHost = {
    getSourceFile: (name, lang) => (files.has(name) ? ts.createSourceFile(name, files.get(name)!, lang) : undefined),
    getDefaultLibFileName: () => "/lib.d.ts",
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) => files.has(f),
    readFile: (f) => files.get(f),
    directoryExists: () => true,
    getDirectories: () => [],
  };
  const program = ts.createProgram({ rootNames: [indexPath], options, host });
  const checker = program.getTypeChecker();
  // `export *` silently drops a name two modules export differently: find such names before they vanish
  const owner = new Map<string, { module: string; symbol: ts.Symbol }>();
  const clashes: string[] = [];
  for (const m of entries) {
    const sf = program.getSourceFile(`/src/${m}.ts`);
    const ms = sf && checker.getSymbolAtLocation(sf);
    if (!ms) throw new Error(`runtime surface: cannot read the exports of ${m}`);
    for (const e of checker.getExportsOfModule(ms)) {
      const symbol = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
      const first = owner.get(e.getName());
      if (!first) owner.set(e.getName(), { module: m, symbol });
      else if (first.symbol !== symbol) clashes.push(`${e.getName()} (${first.module}, ${m})`);
    }
  }
  if (clashes.length)
    throw new Error(`runtime surface: modules export the same names differently, so runtime/v1/index.ts would lose them: ${clashes.join("; ")}`);
  return [...owner.keys()].sort();
}

/** The plan for `model` (memoized). */
export function tsPlan(model: SaiModel): TsPlan {
  let plan = plans.get(model);
  if (!plan) {
    const runtime = resolveCopies();
    const runtimeExports = runtimeExportNames(runtime);
    plan = {
      names: packageNames(model, runtimeExports),
      runtimeExports,
      hasValidate: runtime.active.some((c) => c.to === "validate"),
      runtime,
    };
    plans.set(model, plan);
  }
  return plan;
}
