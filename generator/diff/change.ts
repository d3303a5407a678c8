/**
 * The record every diff pass produces, and the rename-aware matcher they share.
 *
 * A change is plain data so that `saigen diff --json` can print it as is; its key order is fixed by `change()`
 * so the JSON output is byte-stable for the same pair of header sets.
 */

/** How bad one change is for existing users, from harmless to fatal (see `verdict.ts` for the rules). */
export type Verdict = "compatible" | "source-breaking" | "abi-breaking";

/** What happened to the declaration. */
export type ChangeKind = "added" | "removed" | "renamed" | "changed";

/** The kind of declaration a change is about. */
export type Subject =
  | "object-type"
  | "attribute"
  | "key-member"
  | "enum"
  | "enum-value"
  | "struct"
  | "struct-member"
  | "api"
  | "api-function"
  | "function";

/** Report sections, in output order: per object type, then enums, structs, API tables and function typedefs. */
export type Section = "objects" | "enums" | "structs" | "apis";

/** One difference between the old and the new header set. */
export interface Change {
  section: Section;
  /** The heading the change is listed under: an object type, enum, struct, API table or function typedef name. */
  owner: string;
  subject: Subject;
  kind: ChangeKind;
  /** The declaration's name in the new headers (in the old ones when removed). */
  name: string;
  /** The old name, for renames; otherwise null. */
  oldName: string | null;
  /** For `changed`: which property changed (`value`, `valuetype`, `flags`, `default`, ...); otherwise null. */
  field: string | null;
  /** Printable old and new values of `field` (or of the declaration's value for added/removed/renamed). */
  old: string | null;
  new: string | null;
  verdict: Verdict;
  /** One sentence saying why the change has this verdict. */
  reason: string;
}

/** Builds a change with the canonical key order (the JSON output relies on it). */
export function change(c: {
  section: Section;
  owner: string;
  subject: Subject;
  kind: ChangeKind;
  name: string;
  oldName?: string | null;
  field?: string | null;
  old?: string | null;
  new?: string | null;
  verdict: Verdict;
  reason: string;
}): Change {
  return {
    section: c.section,
    owner: c.owner,
    subject: c.subject,
    kind: c.kind,
    name: c.name,
    oldName: c.oldName ?? null,
    field: c.field ?? null,
    old: c.old ?? null,
    new: c.new ?? null,
    verdict: c.verdict,
    reason: c.reason,
  };
}

/** Result of pairing two named collections. */
export interface Matched<T> {
  /** Same name on both sides: [old, new]. */
  common: [T, T][];
  /** Name gone, same identity (`identity` equal) under a new name: [old, new]. */
  renamed: [T, T][];
  added: T[];
  removed: T[];
}

/**
 * Pairs old and new items by name, then pairs leftover removed and added items whose `identity` is equal as
 * renames. Identity is what makes two differently named items "the same thing": the numeric value for enum
 * values and attributes, offset and type for key members. Pairing is one-to-one, in input order, so ambiguous
 * identities (two removed items with the value of one added item) stay deterministic.
 */
export function matchByName<T>(
  olds: readonly T[],
  news: readonly T[],
  name: (t: T) => string,
  identity: ((t: T) => string) | null,
): Matched<T> {
  const newByName = new Map(news.map((n) => [name(n), n]));
  const oldNames = new Set(olds.map(name));
  const common: [T, T][] = [];
  const removedAll: T[] = [];
  for (const o of olds) {
    const n = newByName.get(name(o));
    if (n !== undefined) common.push([o, n]);
    else removedAll.push(o);
  }
  const addedAll = news.filter((n) => !oldNames.has(name(n)));
  if (!identity) return { common, renamed: [], added: addedAll, removed: removedAll };
  const addedById = new Map<string, T[]>();
  for (const a of addedAll) {
    const k = identity(a);
    addedById.set(k, [...(addedById.get(k) ?? []), a]);
  }
  const renamed: [T, T][] = [];
  const removed: T[] = [];
  const paired = new Set<T>();
  for (const r of removedAll) {
    const cands = addedById.get(identity(r));
    const a = cands?.shift();
    if (a !== undefined) {
      renamed.push([r, a]);
      paired.add(a);
    } else removed.push(r);
  }
  return { common, renamed, added: addedAll.filter((a) => !paired.has(a)), removed };
}

/** `0x…` form used for ids in messages: attribute ids and large values read better in hex. */
export function hex(n: number): string {
  return n < 0 ? `-0x${(-n).toString(16)}` : `0x${n.toString(16)}`;
}
