/**
 * Shared context of the binding emitter tests (after openapi-typescript's test-helpers): a small header snippet is
 * wrapped into a complete `saifoo.h` (object FOO with its API, optionally the entry FOO_ENTRY), built on the fixture
 * base headers, and turned into the context every emitter takes.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { provenanceOf } from "../../generator/emit/provenance.js";
import type { EmitContext } from "../../generator/emit/types.js";
import { runPipeline } from "../../generator/pipeline.js";

const BASE = "test/fixtures/base";

/** The parts of a FOO header a case varies. */
export interface FooHeader {
  /** Enums (and anything else) declared before the attribute enum. */
  enums?: string;
  /** Documented enumerators of `sai_foo_attr_t`; the first one must be `= SAI_FOO_ATTR_START`. */
  attrs: string;
  /** An entry object FOO_ENTRY: key struct members and documented attribute enumerators. */
  entry?: { key: string; attrs: string };
}

const fn = (name: string, params: [dir: string, decl: string, doc: string][], brief: string) => `
/**
 * @brief ${brief}
 *
${params.map(([d, decl, doc]) => ` * @param[${d}] ${decl.split(/[ *]+/).pop()} ${doc}`).join("\n")}
 *
 * @return Status
 */
typedef sai_status_t (*${name})(
${params.map(([d, decl]) => `        _${d === "in" ? "In" : d === "out" ? "Out" : "Inout"}_ ${decl}`).join(",\n")});
`;

const attrEnum = (stem: string, body: string) => `
/**
 * @brief Attributes of ${stem}
 */
typedef enum _sai_${stem}_attr_t
{
    /**
     * @brief Start of attributes
     */
    SAI_${stem.toUpperCase()}_ATTR_START,
${body}
    /**
     * @brief End of attributes
     */
    SAI_${stem.toUpperCase()}_ATTR_END,

    /** Custom range base value */
    SAI_${stem.toUpperCase()}_ATTR_CUSTOM_RANGE_START = 0x10000000,

    /** End of custom range base */
    SAI_${stem.toUpperCase()}_ATTR_CUSTOM_RANGE_END

} sai_${stem}_attr_t;
`;

/** A complete `saifoo.h` around the case's parts. */
export function fooHeader(h: FooHeader): string {
  const entry = h.entry;
  const entryDecls = entry
    ? `
/**
 * @brief Key of a FOO entry
 */
typedef struct _sai_foo_entry_t
{
    /**
     * @brief Switch
     *
     * @objects SAI_OBJECT_TYPE_SWITCH
     */
    sai_object_id_t switch_id;
${entry.key}
} sai_foo_entry_t;
${attrEnum("foo_entry", entry.attrs)}
${fn("sai_create_foo_entry_fn", [["in", "const sai_foo_entry_t *foo_entry", "Entry"], ["in", "uint32_t attr_count", "Count"], ["in", "const sai_attribute_t *attr_list", "Attributes"]], "Create foo entry")}
${fn("sai_remove_foo_entry_fn", [["in", "const sai_foo_entry_t *foo_entry", "Entry"]], "Remove foo entry")}
${fn("sai_set_foo_entry_attribute_fn", [["in", "const sai_foo_entry_t *foo_entry", "Entry"], ["in", "const sai_attribute_t *attr", "Attribute"]], "Set foo entry attribute")}
${fn("sai_get_foo_entry_attribute_fn", [["in", "const sai_foo_entry_t *foo_entry", "Entry"], ["in", "uint32_t attr_count", "Count"], ["inout", "sai_attribute_t *attr_list", "Attributes"]], "Get foo entry attributes")}
${fn("sai_bulk_create_foo_entry_fn", [["in", "uint32_t object_count", "Count"], ["in", "const sai_foo_entry_t *foo_entry", "Entries"], ["in", "const uint32_t *attr_count", "Counts"], ["in", "const sai_attribute_t **attr_list", "Attributes"], ["in", "sai_bulk_op_error_mode_t mode", "Mode"], ["out", "sai_status_t *object_statuses", "Statuses"]], "Create foo entries")}`
    : "";
  const entryMembers = entry
    ? `    sai_create_foo_entry_fn create_foo_entry;
    sai_remove_foo_entry_fn remove_foo_entry;
    sai_set_foo_entry_attribute_fn set_foo_entry_attribute;
    sai_get_foo_entry_attribute_fn get_foo_entry_attribute;
    sai_bulk_create_foo_entry_fn create_foo_entries;
`
    : "";
  return `/**
 * @file    saifoo.h
 *
 * @brief   Binding emitter case
 */

#if !defined (__SAIFOO_H_)
#define __SAIFOO_H_

#include <saitypes.h>
${h.enums ?? ""}
${attrEnum("foo", h.attrs)}
${fn("sai_create_foo_fn", [["out", "sai_object_id_t *foo_id", "Object id"], ["in", "sai_object_id_t switch_id", "Switch id"], ["in", "uint32_t attr_count", "Count"], ["in", "const sai_attribute_t *attr_list", "Attributes"]], "Create foo")}
${fn("sai_remove_foo_fn", [["in", "sai_object_id_t foo_id", "Object id"]], "Remove foo")}
${fn("sai_set_foo_attribute_fn", [["in", "sai_object_id_t foo_id", "Object id"], ["in", "const sai_attribute_t *attr", "Attribute"]], "Set foo attribute")}
${fn("sai_get_foo_attribute_fn", [["in", "sai_object_id_t foo_id", "Object id"], ["in", "uint32_t attr_count", "Count"], ["inout", "sai_attribute_t *attr_list", "Attributes"]], "Get foo attributes")}
${entryDecls}
/**
 * @brief FOO methods
 */
typedef struct _sai_foo_api_t
{
    sai_create_foo_fn create_foo;
    sai_remove_foo_fn remove_foo;
    sai_set_foo_attribute_fn set_foo_attribute;
    sai_get_foo_attribute_fn get_foo_attribute;
    sai_bulk_object_create_fn create_foos;
${entryMembers}
} sai_foo_api_t;

#endif /** __SAIFOO_H_ */
`;
}

/**
 * The emit context of base + the case header. The header is written under `.tmp/` at a path named after the case,
 * so locations in the output are stable; diagnostics fail the test with their text.
 */
export function caseContext(name: string, header: string): EmitContext {
  const dir = `.tmp/bindings/${name}`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/saifoo.h`, header);
  const dirs = [BASE, dir];
  const r = runPipeline(dirs);
  const diags = r.diagnostics.sorted().map(formatDiagnostic);
  if (diags.length) throw new Error(`case ${name} does not build:\n${diags.join("\n")}`);
  return { model: r.model, headerDirs: dirs, provenance: provenanceOf(r.model, dirs) };
}

/** A documented attribute enumerator. */
export function attr(name: string, tags: string[], brief = "An attribute"): string {
  return `
    /**
     * @brief ${brief}
     *
${tags.map((t) => `     * ${t}`).join("\n")}
     */
    ${name},
`;
}
