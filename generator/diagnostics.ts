/**
 * Diagnostics are values: every stage appends to one collector, the CLI prints them all together.
 */
import type { Diagnostic, SourceLocation } from "./model/types.js";

/** Collects diagnostics from every stage of one run. */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  /** Records an error at `loc`. */
  error(loc: SourceLocation, code: string, message: string): void {
    this.items.push({ severity: "error", code, message, file: loc.file, line: loc.line, column: loc.column });
  }

  /** Records a warning at `loc`. Warnings are fatal for generation, like SAI's own parse.pl. */
  warning(loc: SourceLocation, code: string, message: string): void {
    this.items.push({ severity: "warning", code, message, file: loc.file, line: loc.line, column: loc.column });
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === "error").length;
  }

  get warningCount(): number {
    return this.items.filter((d) => d.severity === "warning").length;
  }

  /** Diagnostics in file/line/column order, as stable text lines. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(
      (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
    );
  }
}

/** `file:line:col: error: message [code]`, the format compilers use, so editors can jump to it. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

/** Parses a model `location` string (`file:line`) back into a SourceLocation. */
export function locFromString(location: string): SourceLocation {
  const m = /^(.*):(\d+)(?::(\d+))?$/.exec(location);
  if (!m) return { file: location, line: 0, column: 0 };
  return { file: m[1]!, line: Number(m[2]), column: m[3] ? Number(m[3]) : 1 };
}

/** The model's compact `file:line` form of a location. */
export function locToString(loc: SourceLocation): string {
  return `${loc.file}:${loc.line}`;
}
