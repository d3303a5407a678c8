/**
 * Splits a Doxygen block (`/** … *\/` or `/**< … *\/`) into the brief, the metadata tags and the `@param` list,
 * the way SAI's tooling reads it (SAI-METADATA.md §1.9): tags are line-leading `@word value` lines, the value
 * runs to the end of the line, and the brief runs to the first blank line.
 */
import type { SourceLocation } from "../model/types.js";
import type { RawDoc, RawDocParam, RawTag } from "./raw.js";

// Plain Doxygen structure commands: they carry no metadata, so they are not reported as tags. Everything else
// that starts a line with `@` is returned, so the checker can flag unknown or misspelt metadata tags.
const DOXYGEN_COMMANDS = new Set([
  "brief", "param", "return", "returns", "retval", "file", "defgroup", "addtogroup", "ingroup", "weakgroup",
  "{", "}", "def", "warning", "note", "par", "see", "sa", "details", "remark", "remarks", "attention",
  "todo", "bug", "since", "author", "version", "copyright", "code", "endcode", "verbatim", "endverbatim",
  "li", "ref", "name", "pre", "post", "invariant", "example", "cond", "endcond",
]);

// A line break with the blanks around it and the next line's `*` decoration (plus one space).
const DECORATION = /[ \t]*\r?\n[ \t]*(?:\* ?)?/g;

const PARAM_DIRS = new Map<string, "in" | "out" | "inout">([["in", "in"], ["out", "out"], ["inout", "inout"]]);

// Line table of the comment being parsed, as parallel number arrays: doc comments are the bulk of a SAI
// header, and per-line objects and regexes showed up as the largest cost of the whole parse stage.
const lineStart: number[] = []; // offset of the line's first character (after the opening delimiter on line 0)
const textStart: number[] = []; // after the ` * ` decoration (inner indentation kept)
const contentStart: number[] = []; // first non-blank character after the decoration
const contentEnd: number[] = []; // end of the line without trailing blanks

/** Parses one doc comment that starts at (`line`, `column`), both 1-based, of `file`. */
export function parseDocComment(comment: string, file: string, line: number, column: number): RawDoc {
  const n = splitLines(comment);
  const loc: SourceLocation = { file, line, column };
  // Collected in reused scratch arrays and copied out at their exact size: arrays grown by push keep spare
  // capacity, and thousands of them are a measurable share of what the garbage collector has to copy.
  let nTags = 0;
  let nParams = 0;
  let brief = "";
  let briefLoc: SourceLocation = loc;
  let briefSeen = false;

  for (let i = 0; i < n; i++) {
    const cs = contentStart[i]!;
    const ce = contentEnd[i]!;
    if (cs >= ce || comment.charCodeAt(cs) !== 64 /* @ */) continue;
    // `@word`, `@{`, `@}`, optionally followed by `[dir]` (for @param)
    let k = cs + 1;
    while (k < ce && isWordChar(comment.charCodeAt(k))) k++;
    if (k === cs + 1 && k < ce && (comment[k] === "{" || comment[k] === "}")) k++;
    if (k === cs + 1) continue;
    const name = comment.slice(cs + 1, k);
    let bracket: string | null = null;
    if (comment.charCodeAt(k) === 91 /* [ */) {
      const close = comment.indexOf("]", k);
      if (close > 0 && close < ce) {
        bracket = comment.slice(k + 1, close);
        k = close + 1;
      }
    }
    if (k < ce && !isBlank(comment.charCodeAt(k))) continue; // `@foo.bar`, `@ref(x)`: not a command line
    while (k < ce && isBlank(comment.charCodeAt(k))) k++;
    const rest = collapse(comment.slice(k, ce));

    if (name === "brief") {
      if (briefSeen) continue;
      briefSeen = true;
      let text = rest;
      briefLoc = at(file, line, column, i, rest === "" ? cs : k);
      for (let j = i + 1; j < n; j++) {
        const s = contentStart[j]!;
        const e = contentEnd[j]!;
        if (s >= e || comment.charCodeAt(s) === 64) break;
        if (text === "") briefLoc = at(file, line, column, j, s);
        const part = collapse(comment.slice(s, e));
        text = text === "" ? part : `${text} ${part}`;
      }
      brief = text;
    } else if (name === "param") {
      let e = k;
      while (e < ce && isWordChar(comment.charCodeAt(e))) e++;
      // Doxygen spells in-out both `[inout]` and `[in,out]`.
      const dir = bracket === null ? null : (PARAM_DIRS.get(bracket.replace(/[\s,]/g, "")) ?? null);
      scratchParams[nParams++] = { name: comment.slice(k, e), dir, loc: at(file, line, column, i, k) };
    } else if (!DOXYGEN_COMMANDS.has(name)) {
      const continued = i + 1 < n && contentStart[i + 1]! < contentEnd[i + 1]! && comment.charCodeAt(contentStart[i + 1]!) !== 64;
      scratchTags[nTags++] = { name: tagName(name), value: rest, loc: at(file, line, column, i, cs), continued };
    }
  }

  let first = 0;
  let last = n - 1;
  while (first <= last && contentStart[first]! >= contentEnd[first]!) first++;
  while (last >= first && contentStart[last]! >= contentEnd[last]!) last--;
  // One replace gives one flat string; joining per-line slices left tens of thousands of string fragments
  // per run for the garbage collector to copy.
  const text = first > last ? "" : comment.slice(textStart[first]!, contentEnd[last]!).replace(DECORATION, "\n");
  const doc: RawDoc = { brief, briefLoc, tags: scratchTags.slice(0, nTags), text, loc };
  if (nParams > 0) doc.params = scratchParams.slice(0, nParams);
  return doc;
}

const scratchTags: RawTag[] = [];
const scratchParams: RawDocParam[] = [];
const tagNames = new Map<string, string>();

/** One string per distinct tag name, however many tags carry it. */
function tagName(name: string): string {
  const known = tagNames.get(name);
  if (known !== undefined) return known;
  tagNames.set(name, name);
  return name;
}

/** File location of `offset` on comment line `i`, for a comment starting at (`line`, `column`). */
function at(file: string, line: number, column: number, i: number, offset: number): SourceLocation {
  return { file, line: line + i, column: i === 0 ? column + offset : offset - lineStart[i]! + 1 };
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Whitespace runs to one space, trimmed; returns `s` itself in the common case that needs no change. */
function collapse(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c === 32 && (i === 0 || i === s.length - 1 || s.charCodeAt(i + 1) === 32)))
      return s.replace(/\s+/g, " ").trim();
  }
  return s;
}

/**
 * Fills the line table for `comment` and returns the number of lines. The delimiters are excluded; on
 * every line but the first a leading `*` is decoration.
 */
function splitLines(comment: string): number {
  const open = comment.startsWith("/**<") ? 4 : comment.startsWith("/**") ? 3 : comment.startsWith("/*") ? 2 : 0;
  const close = comment.endsWith("*/") && comment.length >= open + 2 ? comment.length - 2 : comment.length;
  let n = 0;
  let start = open;
  for (;;) {
    let end = comment.indexOf("\n", start);
    if (end < 0 || end > close) end = close;
    let i = start;
    while (i < end && isBlank(comment.charCodeAt(i))) i++;
    let t = i;
    if (n > 0 && comment.charCodeAt(i) === 42 /* * */) {
      i++;
      t = i < end && comment.charCodeAt(i) === 32 ? i + 1 : i;
      while (i < end && isBlank(comment.charCodeAt(i))) i++;
    }
    let e = end;
    while (e > i && (isBlank(comment.charCodeAt(e - 1)) || comment.charCodeAt(e - 1) === 13)) e--;
    lineStart[n] = n === 0 ? 0 : start;
    textStart[n] = t;
    contentStart[n] = i;
    contentEnd[n] = e;
    n++;
    if (end >= close) break;
    start = end + 1;
  }
  return n;
}
