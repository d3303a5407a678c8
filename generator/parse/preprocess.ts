/**
 * Text rewrites that make SAI headers digestible for tree-sitter-c without moving a single character: every
 * removed token is replaced by spaces of the same length and newlines are kept, so offsets, lines and columns
 * in the rewritten text are those of the file on disk.
 */
import type { RawProblem } from "./raw.js";

export type ParamDirection = "in" | "out" | "inout";

/** The rewritten text plus where the blanked parameter annotations were (ascending offsets). */
export interface Preprocessed {
  text: string;
  /** Start offsets of blanked `_In_`/`_Out_`/`_Inout_` tokens, ascending. */
  annotationStarts: number[];
  /** Direction of the annotation at the same index of `annotationStarts`. */
  annotationDirs: ParamDirection[];
  problems: RawProblem[];
}

const DIRECTION: Record<string, ParamDirection> = { _In_: "in", _Out_: "out", _Inout_: "inout" };

const ANNOTATION = /_(?:In|Out|Inout)_/g;

/** Blanks `_WIN32` branches and `_In_`/`_Out_`/`_Inout_` annotations, keeping every offset; see the module doc. */
export function preprocess(text: string, file: string): Preprocessed {
  const problems: RawProblem[] = [];
  // A byte order mark is not C; a space in its place keeps the columns of line 1.
  let out = blankWin32(text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text, file, problems);
  const annotationStarts: number[] = [];
  const annotationDirs: ParamDirection[] = [];
  const pieces: string[] = [];
  let copied = 0;
  // Searching for the tokens and then checking their surroundings is several times faster than a lexer
  // pass over the whole text, which is mostly comments.
  ANNOTATION.lastIndex = 0;
  for (let m = ANNOTATION.exec(out); m !== null; m = ANNOTATION.exec(out)) {
    const at = m.index;
    const len = m[0].length;
    if (isIdentChar(out.charCodeAt(at - 1)) || isIdentChar(out.charCodeAt(at + len))) continue;
    if (!isCode(out, at)) continue;
    annotationStarts.push(at);
    annotationDirs.push(DIRECTION[m[0]]!);
    pieces.push(out.slice(copied, at), " ".repeat(len));
    copied = at + len;
  }
  if (copied > 0) {
    pieces.push(out.slice(copied));
    out = pieces.join("");
  }
  return { text: out, annotationStarts, annotationDirs, problems };
}

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * True when offset `at` is in plain code: not in a block or line comment, not in a string literal and not
 * on a `#define` line (`#define _In_` in saitypes.h must survive, and doc text must keep its words).
 */
function isCode(text: string, at: number): boolean {
  const open = text.lastIndexOf("/*", at);
  if (open >= 0 && text.lastIndexOf("*/", at) < open + 2) return false;
  let lineStart = text.lastIndexOf("\n", at - 1) + 1;
  let quotes = 0;
  for (let i = lineStart; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* backslash */) i++;
    else if (c === 34 /* " */) quotes++;
    else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47 && quotes % 2 === 0) return false;
  }
  if (quotes % 2 === 1) return false;
  // A directive may continue over several lines ending in a backslash: check the line that starts it.
  for (;;) {
    let e = lineStart - 2; // the character before the previous line's '\n'
    if (e >= 0 && text.charCodeAt(e) === 13) e--;
    if (e < 0 || text.charCodeAt(e) !== 92) break;
    lineStart = text.lastIndexOf("\n", e) + 1;
  }
  return !DEFINE_LINE.test(text.slice(lineStart, Math.min(text.length, lineStart + 40)));
}

const DEFINE_LINE = /^[ \t]*#[ \t]*define\b/;

/** The direction of the first annotation that starts in `[from, to)`, or null. */
export function annotationIn(pp: Preprocessed, from: number, to: number): ParamDirection | null {
  const starts = pp.annotationStarts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length && starts[lo]! < to ? pp.annotationDirs[lo]! : null;
}

const DIRECTIVE = /^[ \t]*#[ \t]*(\w+)(.*)$/;
const WIN32_IF = /^(?:if[ \t]+defined[ \t]*\([ \t]*_WIN32[ \t]*\)|ifdef[ \t]+_WIN32)[ \t]*(?:\/[*/].*)?$/;
const NOT_WIN32_IF = /^(?:if[ \t]+!(?:[ \t]*)defined[ \t]*\([ \t]*_WIN32[ \t]*\)|ifndef[ \t]+_WIN32)[ \t]*(?:\/[*/].*)?$/;

interface Line {
  start: number;
  end: number; // offset of the '\n' (or text length)
  directive: string | null;
}

/**
 * Emulates "`_WIN32` undefined", as SAI's Doxygen run sees the headers: the `_WIN32` branch of
 * `#if defined(_WIN32)` / `#ifdef _WIN32` (or the `#else` branch of the negated forms) is blanked together with
 * the directive lines that frame it, so tree-sitter sees only the branch a non-Windows compiler would.
 */
function blankWin32(text: string, file: string, problems: RawProblem[]): string {
  if (!text.includes("_WIN32")) return text;
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const m = DIRECTIVE.exec(text.slice(start, end));
    lines.push({ start, end, directive: m ? `${m[1]}${m[2]}`.trim() : null });
    start = end + 1;
  }
  const blank: [number, number][] = []; // line index ranges [from, to] inclusive
  const edits: { from: number; to: number; with: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const d = lines[i]!.directive;
    if (d === null) continue;
    const positive = WIN32_IF.test(d);
    if (!positive && !NOT_WIN32_IF.test(d)) continue;
    // Find this block's #else/#elif/#endif at nesting depth 0.
    let depth = 0;
    let alt = -1;
    let end = -1;
    let altIsElif = false;
    for (let j = i + 1; j < lines.length && end < 0; j++) {
      const dj = lines[j]!.directive;
      if (dj === null) continue;
      const word = /^\w+/.exec(dj)?.[0] ?? "";
      if (word === "if" || word === "ifdef" || word === "ifndef") depth++;
      else if (word === "endif") {
        if (depth === 0) end = j;
        else depth--;
      } else if (depth === 0 && alt < 0 && (word === "else" || word === "elif")) {
        alt = j;
        altIsElif = word === "elif";
      }
    }
    if (end < 0) {
      problems.push({
        severity: "error",
        code: "syntax",
        message: `\`#${d}\` has no matching #endif`,
        loc: { file, line: i + 1, column: 1 },
      });
      continue;
    }
    if (positive) {
      if (alt < 0) blank.push([i, end]);
      else if (altIsElif) {
        // `#elif X` becomes `#if   X`: the rest of the chain (its #else/#endif) stays valid as it is.
        blank.push([i, alt - 1]);
        const at = text.indexOf("elif", lines[alt]!.start);
        edits.push({ from: at, to: at + 4, with: "if  " });
      } else {
        blank.push([i, alt]);
        blank.push([end, end]);
      }
    } else {
      // The negated branch is the live one; whatever follows it up to #endif is dead.
      blank.push([i, i]);
      blank.push(alt < 0 ? [end, end] : [alt, end]);
    }
    i = end;
  }
  if (blank.length === 0 && edits.length === 0) return text;
  for (const [from, to] of blank) {
    const a = lines[from]!.start;
    const b = lines[to]!.end;
    edits.push({ from: a, to: b, with: text.slice(a, b).replace(/[^\r\n]/g, " ") });
  }
  edits.sort((x, y) => x.from - y.from);
  const pieces: string[] = [];
  let copied = 0;
  for (const e of edits) {
    pieces.push(text.slice(copied, e.from), e.with);
    copied = e.to;
  }
  pieces.push(text.slice(copied));
  return pieces.join("");
}
