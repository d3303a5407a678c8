/**
 * The emitter contract: an emitter turns the model into files under `generated/`. The generate command runs
 * every registered emitter, builds the whole output aside, and swaps it in only when all succeeded.
 */
import type { SaiModel } from "../model/types.js";

/** One output file, path relative to the output folder (POSIX separators). */
export interface GeneratedFile {
  path: string;
  content: string;
}

/** What every emitter receives: the checked model and resolved options. */
export interface EmitContext {
  model: SaiModel;
  /** Header folders as given (for preambles). */
  headerDirs: string[];
  /** Provenance: combined content hash of the headers and the git commit of each header folder, if any. */
  provenance: Provenance;
  /** The output folder being (re)generated, when there is one: emitters may reuse unchanged artifacts they cannot rebuild here. */
  outDir?: string;
}

export interface Provenance {
  sha256: string;
  /** Header file names relative to their folder, in read order. */
  files: string[];
  /** `git rev-parse HEAD` of the header folders that are git checkouts (folder → commit). */
  commits: Record<string, string>;
}

export interface Emitter {
  /** Short name, e.g. `bindings`, `proto`, `docs`. */
  name: string;
  /** Produces this emitter's files; throw only for internal bugs (user errors are caught by checks earlier). */
  emit(ctx: EmitContext): GeneratedFile[] | Promise<GeneratedFile[]>;
}
