/**
 * What the parse stage hands to the model builder: declarations read from the C text, with their doc comments
 * split into brief + tags, and exact locations. No tree-sitter types appear here.
 */
import type { SourceLocation } from "../model/types.js";

/** One `@tag value` line of a doc comment. `value` is whitespace-collapsed and trimmed ("" when absent). */
export interface RawTag {
  name: string;
  value: string;
  loc: SourceLocation;
  /** True when non-blank text of the same paragraph followed the tag line (SAI forbids continuation lines). */
  continued: boolean;
}

/** One `@param[dir] name …` line of a doc comment. */
export interface RawDocParam {
  name: string;
  /** From `[in]`, `[out]`, `[inout]` (or `[in,out]`); null when absent or unrecognised. */
  dir: "in" | "out" | "inout" | null;
  /** Location of the parameter name. */
  loc: SourceLocation;
}

/** A `/** ... *\/` block after parsing. */
export interface RawDoc {
  brief: string;
  /** Location of the `@brief` text (or of the comment when there is none). */
  briefLoc: SourceLocation;
  tags: RawTag[];
  /** The whole comment text without `/**`, `*\/` and leading `*`. */
  text: string;
  loc: SourceLocation;
  /** `@param` lines in order (for checking them against the C parameter list); absent when there are none. */
  params?: RawDocParam[];
}

export interface RawEnumerator {
  name: string;
  /** Initializer text after `=`, whitespace collapsed; null when absent. */
  init: string | null;
  doc: RawDoc | null;
  loc: SourceLocation;
}

export interface RawEnum {
  /** typedef name, e.g. `sai_port_attr_t`; null for an untypedef'd enum. */
  name: string | null;
  /** enum tag, e.g. `_sai_port_attr_t`. */
  tag: string | null;
  enumerators: RawEnumerator[];
  doc: RawDoc | null;
  loc: SourceLocation;
}

export interface RawField {
  name: string;
  /** Type text without the declarator name, e.g. `const sai_attribute_t *`, `char[32]`. */
  ctype: string;
  /** Innermost type name, e.g. `sai_attribute_t`, `char`, `uint32_t`. */
  basetype: string;
  isconst: boolean;
  pointer: number;
  arraysize: string | null;
  /** Anonymous nested struct/union body, if the member declares one inline. */
  inline: RawStruct | null;
  doc: RawDoc | null;
  loc: SourceLocation;
}

export interface RawStruct {
  kind: "struct" | "union";
  /** typedef name (`sai_flow_entry_t`), null when not typedef'd. */
  name: string | null;
  tag: string | null;
  fields: RawField[];
  doc: RawDoc | null;
  loc: SourceLocation;
}

export interface RawParam {
  name: string;
  /** `_In_`/`_Out_`/`_Inout_` read from the original text before blanking; null when none. */
  direction: "in" | "out" | "inout" | null;
  ctype: string;
  basetype: string;
  isconst: boolean;
  pointer: number;
  loc: SourceLocation;
}

/** `typedef R (*name)(params);` */
export interface RawFunctionTypedef {
  name: string;
  returntype: string;
  params: RawParam[];
  doc: RawDoc | null;
  loc: SourceLocation;
}

/** `typedef T name;` (plain alias, e.g. `typedef uint32_t sai_uint32_t;`). */
export interface RawTypedef {
  name: string;
  ctype: string;
  basetype: string;
  pointer: number;
  arraysize: string | null;
  doc: RawDoc | null;
  loc: SourceLocation;
}

/** `#define NAME body` (object-like) or `#define NAME(args) body` (function-like, params set). */
export interface RawDefine {
  name: string;
  params: string[] | null;
  body: string;
  doc: RawDoc | null;
  loc: SourceLocation;
}

/** A non-typedef function declaration, e.g. `sai_status_t sai_api_query(...)`. */
export interface RawFunction {
  name: string;
  returntype: string;
  params: RawParam[];
  doc: RawDoc | null;
  loc: SourceLocation;
}

/** A problem the parser found in the text itself (ERROR nodes, unterminated comments, ...). */
export interface RawProblem {
  severity: "error" | "warning";
  code: string;
  message: string;
  loc: SourceLocation;
}

/** Everything one header declares, in source order per kind. */
export interface RawHeader {
  /** Path as given (folder joined with file name). */
  file: string;
  /** Base name, e.g. `saiexperimentaldashflow.h`. */
  basename: string;
  /** The folder it was found in (as given on the command line). */
  dir: string;
  /** sha256 of the file content. */
  sha256: string;
  lines: number;
  enums: RawEnum[];
  structs: RawStruct[];
  functionTypedefs: RawFunctionTypedef[];
  typedefs: RawTypedef[];
  defines: RawDefine[];
  functions: RawFunction[];
  /** `#include <x>` / `#include "x"` targets. */
  includes: { target: string; angled: boolean; loc: SourceLocation }[];
  problems: RawProblem[];
}
