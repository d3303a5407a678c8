/**
 * The global constant symbol table: every enumerator of every header and every `#define` with a constant body,
 * evaluated lazily so that cross-file references (`SAI_OBJECT_TYPE_EXTENSIONS_RANGE_BASE` used from another
 * header) and forward references resolve regardless of file order.
 */
import type { RawDefine, RawEnum, RawEnumerator, RawHeader } from "../parse/raw.js";
import { evaluate } from "./expr.js";

export interface EnumeratorSymbol {
  kind: "enumerator";
  name: string;
  enumRaw: RawEnum;
  index: number;
  enumerator: RawEnumerator;
  header: RawHeader;
}
export interface DefineSymbol {
  kind: "define";
  name: string;
  define: RawDefine;
  header: RawHeader;
}
export type Symbol = EnumeratorSymbol | DefineSymbol;

/** Lazily evaluated symbol table over all headers. */
export class SymbolTable {
  readonly symbols = new Map<string, Symbol>();
  private readonly values = new Map<string, number | { error: string }>();
  private readonly inProgress = new Set<string>();
  /** Symbols declared twice: [first, second]. */
  readonly duplicates: [Symbol, Symbol][] = [];

  constructor(headers: RawHeader[]) {
    for (const header of headers) {
      for (const e of header.enums) {
        e.enumerators.forEach((enumerator, index) =>
          this.add({ kind: "enumerator", name: enumerator.name, enumRaw: e, index, enumerator, header }),
        );
      }
      for (const d of header.defines) {
        if (d.params === null) this.add({ kind: "define", name: d.name, define: d, header });
      }
    }
  }

  private add(s: Symbol): void {
    const prev = this.symbols.get(s.name);
    if (prev) this.duplicates.push([prev, s]);
    else this.symbols.set(s.name, s);
  }

  /** The numeric value of a symbol, or an error message (unknown, cyclic, unparsable). */
  value(name: string): number | { error: string } {
    const cached = this.values.get(name);
    if (cached !== undefined) return cached;
    const sym = this.symbols.get(name);
    if (!sym) return { error: `unknown symbol \`${name}\`` };
    if (this.inProgress.has(name)) return { error: `\`${name}\` is defined in terms of itself` };
    this.inProgress.add(name);
    const v = this.compute(sym);
    this.inProgress.delete(name);
    this.values.set(name, v);
    return v;
  }

  private compute(sym: Symbol): number | { error: string } {
    const lookup = (n: string): number | string => {
      const v = this.value(n);
      return typeof v === "number" ? v : v.error;
    };
    if (sym.kind === "define") {
      const body = sym.define.body.trim();
      if (body === "") return { error: `\`${sym.name}\` has an empty body` };
      if (/^"/.test(body)) return { error: `\`${sym.name}\` is a string` };
      const r = evaluate(body, lookup);
      return r.ok ? r.value : { error: r.error };
    }
    const { enumerator, index, enumRaw } = sym;
    if (enumerator.init === null) {
      if (index === 0) return 0;
      const prev = enumRaw.enumerators[index - 1]!;
      const pv = this.value(prev.name);
      return typeof pv === "number" ? pv + 1 : pv;
    }
    const r = evaluate(enumerator.init, lookup);
    return r.ok ? r.value : { error: r.error };
  }

  /** A `#define` body that is a quoted string, unquoted; null otherwise. */
  stringValue(name: string): string | null {
    const sym = this.symbols.get(name);
    if (sym?.kind !== "define") return null;
    const m = /^"((?:[^"\\]|\\.)*)"$/.exec(sym.define.body.trim());
    return m ? m[1]! : null;
  }
}
