/**
 * Header diff: compares two metadata models and rules on every difference (see `verdict.ts`). Pure functions
 * of the two models; reading headers and printing belong to `saigen diff` (`generator/cli/diff.ts`).
 */
import type { SaiModel } from "../model/types.js";
import { diffApis } from "./apis.js";
import type { Change, ChangeKind, Section, Subject, Verdict } from "./change.js";
import { diffEnums } from "./enums.js";
import { diffObjects } from "./objects.js";
import { diffStructs } from "./structs.js";
import { summarize } from "./verdict.js";

export type { Change, Verdict } from "./change.js";

/** The result of comparing two header sets. */
export interface DiffReport {
  /** Worst verdict over all changes; `compatible` when nothing changed. */
  verdict: Verdict;
  counts: Record<Verdict, number>;
  /** Every change, in report order (section, owner, subject, name, kind, field). */
  changes: Change[];
}

const SECTION_ORDER: Section[] = ["objects", "enums", "structs", "apis"];
const SUBJECT_ORDER: Subject[] = ["object-type", "key-member", "attribute", "enum", "enum-value", "struct", "struct-member", "api", "api-function", "function"];
const KIND_ORDER: ChangeKind[] = ["removed", "renamed", "changed", "added"];

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Report order; plain code-unit comparison so the order never depends on the locale. */
export function compareChanges(a: Change, b: Change): number {
  return (
    SECTION_ORDER.indexOf(a.section) - SECTION_ORDER.indexOf(b.section) ||
    cmp(a.owner, b.owner) ||
    SUBJECT_ORDER.indexOf(a.subject) - SUBJECT_ORDER.indexOf(b.subject) ||
    cmp(a.name, b.name) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    cmp(a.field ?? "", b.field ?? "")
  );
}

/** Compares two models: object types and attributes, enums, structs, API tables and function types. */
export function diffModels(oldModel: SaiModel, newModel: SaiModel): DiffReport {
  const changes = [
    ...diffObjects(oldModel, newModel),
    ...diffEnums(oldModel, newModel),
    ...diffStructs(oldModel, newModel),
    ...diffApis(oldModel, newModel),
  ].sort(compareChanges);
  return { ...summarize(changes), changes };
}
