/**
 * Reads one preprocessed header with tree-sitter-c and turns its declarations into the plain `Raw*` records
 * of `raw.ts`. tree-sitter objects stay inside this file.
 *
 * Speed: every property read on a tree-sitter node is a call into the native binding, so the walk uses one
 * TreeCursor, reads only numeric node type ids and offsets, slices the source text itself, computes lines
 * and columns from its own line table, and does not descend into subtrees whose shape it does not need
 * (enumerator initializers, preprocessor conditions, expressions). The three bulk shapes — enumerator
 * lists, parameter lists and member lists — are read from the text by small scanners once tree-sitter has
 * accepted the file without errors; anything unusual in them falls back to the node walk, which gives the
 * same records (`ExtractOptions.scan: false` forces it, and the tests compare both).
 */
import Parser from "tree-sitter";
import C from "tree-sitter-c";
import type { SourceLocation } from "../model/types.js";
import { parseDocComment } from "./doc-comment.js";
import { annotationIn, preprocess, type Preprocessed } from "./preprocess.js";
import type { RawDoc, RawEnumerator, RawField, RawHeader, RawParam, RawProblem, RawStruct } from "./raw.js";

type Cursor = Parser.TreeCursor;

let sharedParser: Parser | null = null;

// Creating a parser loads the grammar into the native side; one per process is enough because parsing is
// synchronous.
function parser(): Parser {
  if (sharedParser === null) {
    sharedParser = new Parser();
    sharedParser.setLanguage(C as unknown as Parser.Language);
  }
  return sharedParser;
}

/** Parses one header's text (as read from disk) into its raw declarations; never throws on bad C. */
export function parseHeader(path: string, dir: string, basename: string, text: string): RawHeader {
  const pp = preprocess(text, path);
  const header = extractHeader(path, dir, basename, pp);
  header.problems.unshift(...pp.problems);
  return header;
}

/** Knobs for tests; the defaults are what `parseHeader` uses. */
export interface ExtractOptions {
  /** Read enumerator, parameter and member lists from the text instead of their nodes (default true). */
  scan?: boolean;
}

/** Extracts declarations from already preprocessed text (`parseHeader` without the preprocessing step). */
export function extractHeader(path: string, dir: string, basename: string, pp: Preprocessed, options: ExtractOptions = {}): RawHeader {
  const src = pp.text;
  // The binding hands the text over in chunks of `bufferSize` characters; one chunk for the whole file
  // avoids repeated callbacks into JS.
  const tree = parser().parse(src, null, { bufferSize: src.length + 1 });
  const header: RawHeader = {
    file: path,
    basename,
    dir,
    sha256: "",
    lines: 0,
    enums: [],
    structs: [],
    functionTypedefs: [],
    typedefs: [],
    defines: [],
    functions: [],
    includes: [],
    problems: [],
  };
  const hasError = tree.rootNode.hasError;
  const x = new Extractor(src, path, pp, header, tree.walk(), !hasError && options.scan !== false);
  header.lines = x.lineCount();
  x.items();
  if (hasError) x.syntaxProblems(tree.walk());
  return header;
}

// Node kinds that only wrap other top-level items (include guards, the `_WIN32` test).
const CONTAINERS = new Set(["preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif", "preproc_elifdef"]);
const TYPE_SPECIFIERS = new Set([
  "primitive_type", "type_identifier", "sized_type_specifier", "macro_type_specifier",
  "struct_specifier", "union_specifier", "enum_specifier",
]);
const DECLARATORS = new Set([
  "identifier", "field_identifier", "type_identifier", "pointer_declarator", "array_declarator",
  "function_declarator", "parenthesized_declarator", "abstract_pointer_declarator",
  "abstract_array_declarator", "abstract_function_declarator", "abstract_parenthesized_declarator",
  "init_declarator", "primitive_type",
]);

/** The type part shared by all declarators of one declaration. */
interface Spec {
  isconst: boolean;
  basetype: string;
  /** `struct`/`union`/`enum` keyword, or null for a plain type name. */
  keyword: "struct" | "union" | "enum" | null;
  tag: string | null;
  /** Present when the specifier has a body. */
  enumerators: RawEnumerator[] | null;
  fields: RawField[] | null;
  start: number;
}

/** One declarator: a name with pointers, array sizes and (for functions) parameters. */
interface Decl {
  name: string;
  start: number;
  /** `*`s outside a function declarator: pointers of the value (or of a function's return type). */
  pointer: number;
  /** `*`s inside the parentheses of a function declarator: `(*name)` makes a function pointer. */
  fnPointer: number;
  arrays: string[];
  params: RawParam[] | null;
}

// Node type name per type id, filled on first sight: reading the numeric id is a cheaper crossing into the
// binding than reading the name string.
const typeNames: string[] = [];

class Extractor {
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly src: string,
    private readonly file: string,
    private readonly pp: Preprocessed,
    private readonly out: RawHeader,
    private readonly c: Cursor,
    /** Read regular bodies from the text; only sound when the tree has no syntax errors. */
    private readonly scan: boolean,
  ) {
    for (let i = src.indexOf("\n"); i >= 0; i = src.indexOf("\n", i + 1)) this.lineStarts.push(i + 1);
  }

  lineCount(): number {
    const n = this.lineStarts.length;
    return this.src.length === 0 ? 0 : this.lineStarts[n - 1] === this.src.length ? n - 1 : n;
  }

  /** Top-level walk: the cursor is on the translation unit. */
  items(): void {
    this.block();
  }

  // ---- cursor helpers -------------------------------------------------------------------------------------

  private type(): string {
    return this.typeOf(this.c);
  }

  private typeOf(c: Cursor): string {
    const id = c.nodeTypeId;
    let n = typeNames[id];
    if (n === undefined) {
      n = c.nodeType;
      typeNames[id] = n;
    }
    return n;
  }

  private text(): string {
    return this.src.slice(this.c.startIndex, this.c.endIndex);
  }

  private loc(offset: number): SourceLocation {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file: this.file, line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  private doc(start: number, end: number): RawDoc {
    const l = this.loc(start);
    return parseDocComment(this.src.slice(start, end), this.file, l.line, l.column);
  }

  /** True when only whitespace with at most one line break separates `end` from `start`. */
  private adjacent(end: number, start: number): boolean {
    let newlines = 0;
    for (let i = end; i < start; i++) if (this.src.charCodeAt(i) === 10 && ++newlines > 1) return false;
    return true;
  }

  private isDocAt(start: number): boolean {
    return this.src.startsWith("/**", start) && !this.src.startsWith("/**/", start);
  }

  // ---- top level ------------------------------------------------------------------------------------------

  /** Walks the children of the current node as a sequence of top-level items. */
  private block(): void {
    const c = this.c;
    if (!c.gotoFirstChild()) return;
    let docStart = -1;
    let docEnd = -1;
    do {
      const t = this.type();
      if (t === "comment") {
        const s = c.startIndex;
        if (this.isDocAt(s) && !this.src.startsWith("/**<", s)) {
          docStart = s;
          docEnd = c.endIndex;
        } else docStart = -1;
        continue;
      }
      let doc: RawDoc | null = null;
      if (docStart >= 0) {
        if (this.adjacent(docEnd, c.startIndex)) doc = this.doc(docStart, docEnd);
        docStart = -1;
      }
      if (CONTAINERS.has(t)) this.block();
      else if (t === "type_definition") this.typeDefinition(doc);
      else if (t === "declaration") this.declaration(doc);
      else if (t === "preproc_def" || t === "preproc_function_def") this.define(t === "preproc_function_def", doc);
      else if (t === "preproc_include") this.include();
      else if (t === "struct_specifier" || t === "union_specifier" || t === "enum_specifier") this.bareSpecifier(doc);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private typeDefinition(doc: RawDoc | null): void {
    const start = this.c.startIndex;
    const { spec, decls } = this.declarationParts(true);
    const loc = this.loc(start);
    let first = true;
    for (const d of decls) {
      if (d.params !== null) {
        this.out.functionTypedefs.push({
          name: d.name,
          returntype: ctypeOf(spec, d.pointer, []),
          params: d.params,
          doc,
          loc,
        });
      } else if (first && d.pointer === 0 && d.arrays.length === 0 && spec.enumerators !== null) {
        this.out.enums.push({ name: d.name, tag: spec.tag, enumerators: spec.enumerators, doc, loc });
      } else if (first && d.pointer === 0 && d.arrays.length === 0 && spec.fields !== null && spec.keyword !== "enum") {
        this.out.structs.push({ kind: spec.keyword as "struct" | "union", name: d.name, tag: spec.tag, fields: spec.fields, doc, loc });
      } else {
        // A plain alias, or a further declarator of a typedef whose first one took the body.
        const base = spec.fields !== null || spec.enumerators !== null ? (spec.tag ?? decls[0]!.name) : spec.basetype;
        this.out.typedefs.push({
          name: d.name,
          ctype: ctypeOf({ ...spec, basetype: base }, d.pointer, d.arrays),
          basetype: base,
          pointer: d.pointer,
          arraysize: d.arrays.length === 0 ? null : d.arrays.join("]["),
          doc,
          loc: first ? loc : this.loc(d.start),
        });
      }
      first = false;
    }
    if (decls.length === 0) this.specWithoutDeclarator(spec, doc, loc);
  }

  private declaration(doc: RawDoc | null): void {
    const start = this.c.startIndex;
    const { spec, decls } = this.declarationParts(false);
    for (const d of decls) {
      if (d.params === null || d.fnPointer > 0) continue; // variables and function pointer variables
      this.out.functions.push({ name: d.name, returntype: ctypeOf(spec, d.pointer, []), params: d.params, doc, loc: this.loc(d.start) });
    }
    if (decls.length === 0) this.specWithoutDeclarator(spec, doc, this.loc(start));
  }

  /** `struct _x { … };` / `enum _e { … };` at top level: tree-sitter-c reports the specifier itself. */
  private bareSpecifier(doc: RawDoc | null): void {
    const start = this.c.startIndex;
    const spec: Spec = { isconst: false, basetype: "", keyword: null, tag: null, enumerators: null, fields: null, start };
    this.specifier(spec);
    this.specWithoutDeclarator(spec, doc, this.loc(start));
  }

  private specWithoutDeclarator(spec: Spec, doc: RawDoc | null, loc: SourceLocation): void {
    if (spec.enumerators !== null) this.out.enums.push({ name: null, tag: spec.tag, enumerators: spec.enumerators, doc, loc });
    else if (spec.fields !== null && (spec.keyword === "struct" || spec.keyword === "union"))
      this.out.structs.push({ kind: spec.keyword, name: null, tag: spec.tag, fields: spec.fields, doc, loc });
  }

  private define(isFunction: boolean, doc: RawDoc | null): void {
    const c = this.c;
    const start = c.startIndex;
    let name = "";
    let params: string[] | null = null;
    let body = "";
    if (c.gotoFirstChild()) {
      do {
        const t = this.type();
        if (t === "identifier" && name === "") name = this.text();
        else if (t === "preproc_params") {
          const inner = this.text().replace(/^\(|\)$/g, "").trim();
          params = inner === "" ? [] : inner.split(",").map((p) => p.trim());
        } else if (t === "preproc_arg") {
          // A C preprocessor splices backslash-newline before anything else; do the same so bodies read as one line.
          body = this.text().replace(/\\\r?\n/g, " ").trim();
        }
      } while (c.gotoNextSibling());
      c.gotoParent();
    }
    if (isFunction && params === null) params = [];
    this.out.defines.push({ name, params: isFunction ? params : null, body, doc, loc: this.loc(start) });
  }

  private include(): void {
    const c = this.c;
    const start = c.startIndex;
    if (!c.gotoFirstChild()) return;
    do {
      const t = this.type();
      if (t === "system_lib_string" || t === "string_literal") {
        const raw = this.text();
        this.out.includes.push({ target: raw.slice(1, -1), angled: t === "system_lib_string", loc: this.loc(start) });
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  // ---- declarations ---------------------------------------------------------------------------------------

  /**
   * Reads `[qualifiers] type declarator, declarator …` of the current type_definition, declaration,
   * field_declaration or parameter_declaration. In a typedef the declarator names are type_identifiers too,
   * so the first type-like child is the type and later ones are declarators.
   */
  private declarationParts(isTypedef: boolean): { spec: Spec; decls: Decl[] } {
    const c = this.c;
    const spec: Spec = { isconst: false, basetype: "", keyword: null, tag: null, enumerators: null, fields: null, start: c.startIndex };
    const decls: Decl[] = [];
    if (!c.gotoFirstChild()) return { spec, decls };
    let haveType = false;
    do {
      const t = this.type();
      if (t === "type_qualifier") {
        if (decls.length === 0 && this.text() === "const") spec.isconst = true;
      } else if (!haveType && TYPE_SPECIFIERS.has(t)) {
        haveType = true;
        spec.start = c.startIndex;
        if (t === "struct_specifier" || t === "union_specifier" || t === "enum_specifier") this.specifier(spec);
        else spec.basetype = collapse(this.text());
      } else if (haveType && DECLARATORS.has(t) && (isTypedef || t !== "primitive_type")) {
        const d: Decl = { name: "", start: c.startIndex, pointer: 0, fnPointer: 0, arrays: [], params: null };
        this.declarator(d, false);
        decls.push(d);
      }
    } while (c.gotoNextSibling());
    c.gotoParent();
    return { spec, decls };
  }

  /** Reads a struct/union/enum specifier (cursor on it): keyword, tag and body. */
  private specifier(spec: Spec): void {
    const c = this.c;
    const t = this.type();
    spec.keyword = t === "struct_specifier" ? "struct" : t === "union_specifier" ? "union" : "enum";
    if (!c.gotoFirstChild()) return;
    do {
      const ct = this.type();
      if (ct === "type_identifier") spec.tag = this.text();
      else if (ct === "enumerator_list") spec.enumerators = this.enumerators([]);
      else if (ct === "field_declaration_list") spec.fields = this.fields([]);
    } while (c.gotoNextSibling());
    c.gotoParent();
    spec.basetype = spec.tag ?? spec.keyword;
  }

  /** Descends one declarator (cursor on it), accumulating into `d`. */
  private declarator(d: Decl, insideFunction: boolean): void {
    const c = this.c;
    const t = this.type();
    if (t === "identifier" || t === "field_identifier" || t === "type_identifier" || t === "primitive_type") {
      d.name = this.text();
      d.start = c.startIndex;
      return;
    }
    if (t === "pointer_declarator" || t === "abstract_pointer_declarator") {
      if (insideFunction) d.fnPointer++;
      else d.pointer++;
    }
    if (!c.gotoFirstChild()) return;
    const isArray = t === "array_declarator" || t === "abstract_array_declarator";
    // Pointers between a function declarator and its name make it a function *pointer*: count them apart
    // from the return type's pointers.
    const inner = insideFunction || t === "function_declarator" || t === "abstract_function_declarator";
    let inBrackets = false;
    let sized = false;
    do {
      const ct = this.type();
      if (isArray && ct === "[") {
        inBrackets = true;
        sized = false;
      } else if (isArray && ct === "]") {
        if (!sized) d.arrays.push("");
        inBrackets = false;
      } else if (inBrackets) {
        if (ct !== "comment") {
          d.arrays.push(collapse(this.text()));
          sized = true;
        }
      } else if (ct === "parameter_list") d.params = this.parameters();
      else if (ct === "=") break; // init_declarator: the initializer is not needed
      else if (DECLARATORS.has(ct)) this.declarator(d, inner);
    } while (c.gotoNextSibling());
    c.gotoParent();
  }

  private parameters(): RawParam[] {
    const c = this.c;
    if (this.scan) {
      const fast = this.scanParameters(c.startIndex, c.endIndex);
      if (fast !== null) return fast;
    }
    const params: RawParam[] = [];
    if (!c.gotoFirstChild()) return params;
    let prevEnd = c.endIndex; // end of `(` or of the last `,`
    do {
      const t = this.type();
      if (t === "parameter_declaration") {
        const start = c.startIndex;
        const { spec, decls } = this.declarationParts(false);
        const d = decls[0];
        const pointer = d ? d.pointer : 0;
        params.push({
          name: d ? d.name : "",
          direction: annotationIn(this.pp, prevEnd, start),
          ctype: ctypeOf(spec, pointer, d ? d.arrays : []),
          basetype: spec.basetype,
          isconst: spec.isconst,
          pointer,
          loc: this.loc(start),
        });
      } else if (t === "," || t === "(") prevEnd = c.endIndex;
    } while (c.gotoNextSibling());
    c.gotoParent();
    // `(void)` declares no parameters.
    if (params.length === 1 && params[0]!.name === "" && params[0]!.ctype === "void") params.length = 0;
    return params;
  }

  /**
   * Text twin of `parameters` for a list `(…)` of simple parameters (`[const] T [*…] [name]`, the only shape
   * SAI uses); null when anything else appears, so the caller walks the nodes instead.
   */
  private scanParameters(start: number, end: number): RawParam[] | null {
    const src = this.src;
    const close = src.charCodeAt(end - 1) === 41 /* ) */ ? end - 1 : end;
    const params: RawParam[] = [];
    let from = start + 1;
    while (from <= close) {
      let comma = src.indexOf(",", from);
      if (comma < 0 || comma > close) comma = close;
      let s = from;
      while (s < comma && isSpace(src.charCodeAt(s))) s++;
      let e = comma;
      while (e > s && isSpace(src.charCodeAt(e - 1))) e--;
      const d = simpleDeclaration(src.slice(s, e), false);
      if (d === null || d.arraysize !== null) return null;
      params.push({
        name: d.name,
        direction: annotationIn(this.pp, from, s),
        ctype: simpleCtype(d.isconst, d.basetype, d.pointer, null),
        basetype: d.basetype,
        isconst: d.isconst,
        pointer: d.pointer,
        loc: this.loc(s),
      });
      from = comma + 1;
    }
    if (params.length === 1 && params[0]!.name === "" && params[0]!.ctype === "void") params.length = 0;
    return params;
  }

  // ---- bodies -------------------------------------------------------------------------------------------

  /** Reads an enumerator_list (cursor on it) into `list`; preprocessor blocks inside are walked through. */
  private enumerators(list: RawEnumerator[]): RawEnumerator[] {
    const c = this.c;
    // A list without directives is read from the text: tree-sitter has already accepted its syntax, and
    // three node visits per enumerator cost far more than a character scan.
    if (this.scan && this.scanEnumerators(list, c.startIndex, c.endIndex)) return list;
    if (!c.gotoFirstChild()) return list;
    let docStart = -1;
    let docEnd = -1;
    do {
      const t = this.type();
      if (t === "comment") {
        const s = c.startIndex;
        docStart = -1;
        if (!this.isDocAt(s)) continue;
        if (this.src.startsWith("/**<", s)) {
          // `X = 1, /**< doc */`: documents the enumerator before it.
          const last = list[list.length - 1];
          if (last !== undefined && last.doc === null) last.doc = this.doc(s, c.endIndex);
        } else {
          docStart = s;
          docEnd = c.endIndex;
        }
        continue;
      }
      if (t === "enumerator") {
        const s = c.startIndex;
        const doc = docStart >= 0 && this.adjacent(docEnd, s) ? this.doc(docStart, docEnd) : null;
        list.push(this.enumerator(s, c.endIndex, doc));
      } else if (CONTAINERS.has(t)) {
        this.enumerators(list);
      }
      docStart = -1;
    } while (c.gotoNextSibling());
    c.gotoParent();
    return list;
  }

  // The enumerator's own children are never visited: its text is `NAME` or `NAME = expression`, and slicing
  // it is much cheaper than walking the expression tree.
  private enumerator(start: number, end: number, doc: RawDoc | null): RawEnumerator {
    let body = this.src.slice(start, end);
    if (body.includes("/*") || body.includes("//")) body = body.replace(COMMENT, " ");
    const m = ENUMERATOR.exec(body);
    const name = m ? m[1]! : collapse(body);
    const init = m && m[2] !== undefined ? collapse(m[2]) : null;
    return { name, init: init === "" ? null : init, doc, loc: this.loc(start) };
  }

  /**
   * The text twin of the cursor walk above, for a syntactically valid list body `[from, to)`: same comment
   * attribution (a `/**` block before an enumerator, a `/**<` block after it), same initializer text.
   */
  private scanEnumerators(list: RawEnumerator[], start: number, end: number): boolean {
    const src = this.src;
    const to = src.charCodeAt(end - 1) === 125 /* } */ ? end - 1 : end;
    const mark = list.length;
    let docStart = -1;
    let docEnd = -1;
    let i = start + 1;
    while (i < to) {
      const ch = src.charCodeAt(i);
      if (isSpace(ch)) {
        i++;
        continue;
      }
      if (ch === 35 /* # */) {
        // A directive inside the list: leave it to the node walk, which handles preprocessor blocks.
        list.length = mark;
        return false;
      }
      if (ch === 47 /* / */ && (src.charCodeAt(i + 1) === 42 || src.charCodeAt(i + 1) === 47)) {
        const cEnd = commentEnd(src, i, to);
        docStart = -1;
        if (this.isDocAt(i)) {
          if (src.startsWith("/**<", i)) {
            const last = list[list.length - 1];
            if (last !== undefined && last.doc === null) last.doc = this.doc(i, cEnd);
          } else {
            docStart = i;
            docEnd = cEnd;
          }
        }
        i = cEnd;
        continue;
      }
      if (!isIdentStart(ch)) {
        docStart = -1; // `,` between enumerators
        i++;
        continue;
      }
      const nameStart = i;
      while (i < to && isIdentChar(src.charCodeAt(i))) i++;
      const name = src.slice(nameStart, i);
      const doc = docStart >= 0 && this.adjacent(docEnd, nameStart) ? this.doc(docStart, docEnd) : null;
      docStart = -1;
      const en: RawEnumerator = { name, init: null, doc, loc: this.loc(nameStart) };
      list.push(en);
      // An optional `= expression`, up to the next top-level comma. Comments inside it are not part of the
      // initializer; a `/**<` one documents this enumerator.
      let j = i;
      while (j < to && isSpace(src.charCodeAt(j))) j++;
      if (src.charCodeAt(j) !== 61 /* = */) continue;
      j++;
      let init = "";
      let piece = j;
      let depth = 0;
      while (j < to) {
        const cj = src.charCodeAt(j);
        if (cj === 47 && (src.charCodeAt(j + 1) === 42 || src.charCodeAt(j + 1) === 47)) {
          init += src.slice(piece, j) + " ";
          const cEnd = commentEnd(src, j, to);
          if (src.startsWith("/**<", j) && en.doc === null) en.doc = this.doc(j, cEnd);
          j = piece = cEnd;
          continue;
        }
        if (cj === 39 /* ' */ || cj === 34 /* " */) {
          j = literalEnd(src, j, to);
          continue;
        }
        if (cj === 35 /* # */) {
          list.length = mark;
          return false;
        }
        if (cj === 40 || cj === 91) depth++;
        else if (cj === 41 || cj === 93) depth--;
        else if (cj === 44 /* , */ && depth <= 0) break;
        j++;
      }
      init += src.slice(piece, j);
      const text = collapse(init);
      en.init = text === "" ? null : text;
      i = j;
    }
    return true;
  }

  /** Reads a field_declaration_list (cursor on it) into `list`. */
  private fields(list: RawField[]): RawField[] {
    const c = this.c;
    if (this.scan && this.scanFields(list, c.startIndex, c.endIndex)) return list;
    if (!c.gotoFirstChild()) return list;
    let docStart = -1;
    let docEnd = -1;
    let lastDeclFields: RawField[] = [];
    do {
      const t = this.type();
      if (t === "comment") {
        const s = c.startIndex;
        docStart = -1;
        if (!this.isDocAt(s)) continue;
        if (this.src.startsWith("/**<", s)) {
          const doc = this.doc(s, c.endIndex);
          for (const f of lastDeclFields) if (f.doc === null) f.doc = doc;
        } else {
          docStart = s;
          docEnd = c.endIndex;
        }
        continue;
      }
      if (t === "field_declaration") {
        const s = c.startIndex;
        const doc = docStart >= 0 && this.adjacent(docEnd, s) ? this.doc(docStart, docEnd) : null;
        lastDeclFields = this.fieldDeclaration(doc);
        list.push(...lastDeclFields);
      } else if (CONTAINERS.has(t)) {
        this.fields(list);
        lastDeclFields = [];
      } else lastDeclFields = [];
      docStart = -1;
    } while (c.gotoNextSibling());
    c.gotoParent();
    return list;
  }

  private fieldDeclaration(doc: RawDoc | null): RawField[] {
    const start = this.c.startIndex;
    const { spec, decls } = this.declarationParts(false);
    const inline: RawStruct | null =
      spec.fields !== null && (spec.keyword === "struct" || spec.keyword === "union")
        ? { kind: spec.keyword, name: null, tag: spec.tag, fields: spec.fields, doc: null, loc: this.loc(spec.start) }
        : null;
    return decls.map((d) => ({
      name: d.name,
      ctype: ctypeOf(spec, d.pointer, d.arrays),
      basetype: spec.basetype,
      isconst: spec.isconst,
      pointer: d.pointer,
      arraysize: d.arrays.length === 0 ? null : d.arrays.join("]["),
      inline,
      doc,
      loc: decls.length === 1 ? this.loc(start) : this.loc(d.start),
    }));
  }

  /**
   * Text twin of `fields` for a body of simple one-declarator members (`[const] T [*…] name [[n]];`) with
   * comments only between members. Returns false (leaving `list` as it was) on anything else.
   */
  private scanFields(list: RawField[], start: number, end: number): boolean {
    const src = this.src;
    const to = src.charCodeAt(end - 1) === 125 /* } */ ? end - 1 : end;
    const mark = list.length;
    let docStart = -1;
    let docEnd = -1;
    let last: RawField | null = null;
    let i = start + 1;
    while (i < to) {
      const ch = src.charCodeAt(i);
      if (isSpace(ch)) {
        i++;
        continue;
      }
      if (ch === 47 /* / */ && (src.charCodeAt(i + 1) === 42 || src.charCodeAt(i + 1) === 47)) {
        const cEnd = commentEnd(src, i, to);
        docStart = -1;
        if (this.isDocAt(i)) {
          if (src.startsWith("/**<", i)) {
            if (last !== null && last.doc === null) last.doc = this.doc(i, cEnd);
          } else {
            docStart = i;
            docEnd = cEnd;
          }
        }
        i = cEnd;
        continue;
      }
      let semi = i;
      while (semi < to && !FIELD_STOP[src.charCodeAt(semi)]) semi++;
      if (semi >= to || src.charCodeAt(semi) !== 59 /* ; */) {
        list.length = mark;
        return false;
      }
      let e = semi;
      while (e > i && isSpace(src.charCodeAt(e - 1))) e--;
      const d = simpleDeclaration(src.slice(i, e), true);
      if (d === null) {
        list.length = mark;
        return false;
      }
      const doc = docStart >= 0 && this.adjacent(docEnd, i) ? this.doc(docStart, docEnd) : null;
      docStart = -1;
      last = {
        name: d.name,
        ctype: simpleCtype(d.isconst, d.basetype, d.pointer, d.arraysize),
        basetype: d.basetype,
        isconst: d.isconst,
        pointer: d.pointer,
        arraysize: d.arraysize,
        inline: null,
        doc,
        loc: this.loc(i),
      };
      list.push(last);
      i = semi + 1;
    }
    return true;
  }

  // ---- syntax errors --------------------------------------------------------------------------------------

  /** Reports every ERROR subtree (outermost only) and every MISSING token; only called when the tree has errors. */
  syntaxProblems(c: Cursor): void {
    const problems: RawProblem[] = this.out.problems;
    for (;;) {
      const t = this.typeOf(c);
      let descend = true;
      if (t === "ERROR") {
        const s = c.startIndex;
        problems.push({ severity: "error", code: "syntax", message: `cannot parse: \`${snippet(this.src.slice(s, c.endIndex))}\``, loc: this.loc(s) });
        descend = false;
      } else if (c.nodeIsMissing) {
        const s = c.startIndex;
        problems.push({ severity: "error", code: "syntax", message: `missing \`${t}\``, loc: this.loc(s) });
      }
      if (descend && c.gotoFirstChild()) continue;
      while (!c.gotoNextSibling()) if (!c.gotoParent()) return;
    }
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** End offset of the comment starting at `i` (`/*` or `//`), at most `limit`. */
function commentEnd(src: string, i: number, limit: number): number {
  if (src.charCodeAt(i + 1) === 47) {
    const nl = src.indexOf("\n", i);
    return nl < 0 || nl > limit ? limit : nl;
  }
  const close = src.indexOf("*/", i + 2);
  return close < 0 || close + 2 > limit ? limit : close + 2;
}

/** End offset of the character or string literal starting at `i`. */
function literalEnd(src: string, i: number, limit: number): number {
  const quote = src.charCodeAt(i);
  let j = i + 1;
  while (j < limit) {
    const c = src.charCodeAt(j);
    if (c === 92 /* backslash */) j += 2;
    else if (c === quote) return j + 1;
    else j++;
  }
  return limit;
}

// Characters that end the fast scan of one member: `;`, and everything that makes a member not simple
// (comments inside it, nested bodies, function pointers, several declarators, literals, directives).
const FIELD_STOP: boolean[] = [];
for (const ch of ";/{}(),#\"'=:") FIELD_STOP[ch.charCodeAt(0)] = true;

const C_KEYWORDS = new Set([
  "const", "volatile", "restrict", "struct", "union", "enum", "signed", "unsigned", "short", "long",
  "static", "extern", "register", "inline", "typedef", "auto", "_Atomic", "__attribute__",
]);

// `[const] T [const] [*…] [name] [[size]]` — the shape of every SAI parameter and struct member.
const SIMPLE_DECL =
  /^(const\s+)?([A-Za-z_]\w*)(\s+const\b)?\s*((?:\*\s*)*)([A-Za-z_]\w*)?\s*(?:\[([^[\]]*)\])?$/;

interface SimpleDecl {
  isconst: boolean;
  basetype: string;
  pointer: number;
  name: string;
  arraysize: string | null;
}

/** Reads a simple declaration's text; null when it has any other shape (the node walk handles those). */
function simpleDeclaration(text: string, needName: boolean): SimpleDecl | null {
  const m = SIMPLE_DECL.exec(text);
  if (m === null) return null;
  const basetype = m[2]!;
  const name = m[5] ?? "";
  if (C_KEYWORDS.has(basetype) || C_KEYWORDS.has(name) || (needName && name === "")) return null;
  // `unsigned int`, `long long`: two-word types end up as (type, name) in the pattern.
  if (name !== "" && m[4] === "" && PRIMITIVES.has(name)) return null;
  const stars = m[4]!;
  let pointer = 0;
  for (let k = 0; k < stars.length; k++) if (stars.charCodeAt(k) === 42) pointer++;
  return {
    isconst: m[1] !== undefined || m[3] !== undefined,
    basetype,
    pointer,
    name,
    arraysize: m[6] === undefined ? null : collapse(m[6]),
  };
}

const PRIMITIVES = new Set(["int", "char", "float", "double", "void", "bool", "_Bool", "size_t"]);

const COMMENT = /\/\*[\s\S]*?\*\/|\/\/[^\n]*/g;
const ENUMERATOR = /^\s*([A-Za-z_]\w*)\s*(?:=([\s\S]*))?$/;

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

/** C type text without the declarator name: `const sai_attribute_t **`, `char[32]`, `uint32_t`. */
function ctypeOf(spec: Spec, pointer: number, arrays: string[]): string {
  // A body-less `struct _x` keeps its keyword so the text stays valid C.
  const base =
    spec.keyword !== null && spec.tag !== null && spec.fields === null && spec.enumerators === null
      ? `${spec.keyword} ${spec.tag}`
      : spec.basetype;
  return simpleCtype(spec.isconst, base, pointer, arrays.length === 0 ? null : arrays.join("]["));
}

function simpleCtype(isconst: boolean, basetype: string, pointer: number, arraysize: string | null): string {
  let s = isconst ? `const ${basetype}` : basetype;
  if (pointer > 0) s += ` ${"*".repeat(pointer)}`;
  if (arraysize !== null) s += `[${arraysize}]`;
  return s;
}

function snippet(text: string): string {
  const one = collapse(text);
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}
