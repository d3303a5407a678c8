/**
 * Printing a diff report: grouped text for people, stable JSON for tools.
 */
import type { Change } from "./change.js";
import type { DiffReport } from "./index.js";

/** What the report says about each side besides the changes. */
export interface DiffSide {
  /** Header file names (without folders, so the output does not depend on where the headers live). */
  files: string[];
  sha256: string;
  /** Warnings the checks raised on this side (tolerated by diff: upstream history has style slips). */
  warnings: number;
}

/**
 * The `saigen diff --json` document (format `saigen-diff/1`):
 *
 * ```
 * { "format": "saigen-diff/1",
 *   "verdict": "compatible" | "source-breaking" | "abi-breaking",
 *   "counts": { "compatible": n, "source-breaking": n, "abi-breaking": n },
 *   "old": { "files": [...], "sha256": "...", "warnings": n },
 *   "new": { "files": [...], "sha256": "...", "warnings": n },
 *   "changes": [ { "section", "owner", "subject", "kind", "name", "oldName", "field", "old", "new",
 *                  "verdict", "reason" }, ... ] }
 * ```
 *
 * `section` is `objects|enums|structs|apis`; `subject` is `object-type|attribute|key-member|enum|enum-value|
 * struct|struct-member|api|api-function|function`; `kind` is `added|removed|renamed|changed`; absent values are
 * `null`. Changes are sorted by section, owner, subject, name, kind, field, and keys always come in this order,
 * so the same two header sets always give the same bytes.
 */
export function reportJson(report: DiffReport, oldSide: DiffSide, newSide: DiffSide): string {
  return (
    JSON.stringify(
      { format: "saigen-diff/1", verdict: report.verdict, counts: report.counts, old: oldSide, new: newSide, changes: report.changes },
      null,
      2,
    ) + "\n"
  );
}

function heading(c: Change): string {
  switch (c.section) {
    case "objects":
      return c.owner;
    case "enums":
      return `enum ${c.owner}`;
    case "structs":
      return `struct ${c.owner}`;
    case "apis":
      return c.subject === "function" ? `function ${c.owner}` : `api ${c.owner}`;
  }
}

function describe(c: Change): string {
  switch (c.kind) {
    case "added":
      return `added ${c.name}${c.new ? ` (${c.new})` : ""}`;
    case "removed":
      return `removed ${c.name}${c.old ? ` (${c.old})` : ""}`;
    case "renamed":
      return `renamed ${c.oldName} -> ${c.name}${c.new ? ` (${c.new})` : ""}`;
    case "changed":
      return `changed ${c.name} ${c.field}: ${c.old ?? "(none)"} -> ${c.new ?? "(none)"}`;
  }
}

/** One-line summary: the overall verdict and how many changes of each verdict. */
export function summaryLine(report: DiffReport): string {
  const n = report.changes.length;
  if (n === 0) return "verdict: compatible (no changes)";
  const parts = (["compatible", "source-breaking", "abi-breaking"] as const).map((v) => `${report.counts[v]} ${v}`);
  return `verdict: ${report.verdict} (${n} change${n === 1 ? "" : "s"}: ${parts.join(", ")})`;
}

/** Human report: changes grouped under their object type (then enums, structs, APIs), each with its reason. */
export function reportText(report: DiffReport, oldSide: DiffSide, newSide: DiffSide): string {
  const side = (label: string, s: DiffSide) =>
    `${label}: ${s.files.length} header(s), sha256 ${s.sha256.slice(0, 16)}${s.warnings ? `, ${s.warnings} warning(s) ignored` : ""}`;
  const lines = [side("old", oldSide), side("new", newSide)];
  let current = "";
  for (const c of report.changes) {
    const h = heading(c);
    if (h !== current) {
      lines.push("", h);
      current = h;
    }
    lines.push(`  ${c.verdict.padEnd(16)} ${describe(c)}`, `  ${"".padEnd(16)} ${c.reason}`);
  }
  lines.push("", summaryLine(report));
  return lines.join("\n") + "\n";
}
