/**
 * Header pairs that reproduce the DASH flow header's real upstream churn (test/fixtures/diff/<case>/{old,new}),
 * each built on the shared test/fixtures/diff/base. The grouped text report of every case is kept beside it in
 * expected.txt; accept intended changes with `npm run test:update` and review that diff.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../generator/diagnostics.js";
import { diffModels } from "../../generator/diff/index.js";
import { reportText, type DiffSide } from "../../generator/diff/report.js";
import { runPipeline } from "../../generator/pipeline.js";

const ROOT = "test/fixtures/diff";
const BASE = `${ROOT}/base`;

/** Case → the overall verdict and the changes (verdict, kind, name[, field]) it must contain. */
const EXPECT: Record<string, { verdict: string; changes: string[] }> = {
  "attribute-appended": { verdict: "compatible", changes: ["compatible added SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SMAC"] },
  "api-function-added": { verdict: "compatible", changes: ["compatible added set_flow_entries_attribute"] },
  "enum-rename-invaild": {
    verdict: "source-breaking",
    changes: [
      "source-breaking renamed SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_INVALID",
      "compatible changed SAI_FLOW_ENTRY_BULK_GET_SESSION_FILTER_ATTR_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY default",
    ],
  },
  "flags-tightened": {
    verdict: "source-breaking",
    changes: [
      "source-breaking changed SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT flags",
      "source-breaking changed SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS flags",
      "compatible changed SAI_FLOW_TABLE_ATTR_FLOW_TTL_IN_MILLISECONDS default",
    ],
  },
  "underlay-ip-type": {
    verdict: "abi-breaking",
    changes: ["abi-breaking changed SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP valuetype", "abi-breaking changed SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DIP valuetype"],
  },
  "flow-key-layout": {
    verdict: "abi-breaking",
    changes: [
      "abi-breaking added sai_flow_entry_t.vnet_id",
      "abi-breaking changed sai_flow_entry_t.ip_proto layout",
      "abi-breaking changed sai_flow_entry_t.src_ip layout",
      "abi-breaking changed sai_flow_entry_t.dst_ip layout",
      "abi-breaking changed sai_flow_entry_t.src_port layout",
      "abi-breaking changed sai_flow_entry_t.dst_port layout",
    ],
  },
  "event-data-layout": { verdict: "abi-breaking", changes: ["abi-breaking added flow_entry"] },
  "enum-value-changed": {
    verdict: "abi-breaking",
    changes: [
      "abi-breaking added SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_VNI",
      "abi-breaking changed SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_IP_PROTOCOL value",
      "abi-breaking changed SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_SRC_IP_ADDR value",
      "abi-breaking changed SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_DST_IP_ADDR value",
    ],
  },
  "attribute-removed": { verdict: "abi-breaking", changes: ["abi-breaking removed SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DIP"] },
};

/** Folders that are not old/new pairs of clean headers: the base, and the CLI's exit-code fixtures. */
const NOT_CASES = new Set(["base", "error-headers", "warnings-only"]);

function side(dir: string) {
  const r = runPipeline([BASE, dir]);
  const s: DiffSide = { files: r.model.headers.files.map((f) => f.split("/").pop()!), sha256: r.model.headers.sha256, warnings: r.diagnostics.warningCount };
  return { model: r.model, diagnostics: r.diagnostics.sorted().map(formatDiagnostic), side: s };
}

describe("diff fixtures (real upstream churn)", () => {
  const cases = readdirSync(ROOT, { withFileTypes: true }).filter((d) => d.isDirectory() && !NOT_CASES.has(d.name)).map((d) => d.name).sort();
  it("every case folder has an expectation", () => expect(cases).toEqual(Object.keys(EXPECT).sort()));

  for (const name of cases)
    it(name, async () => {
      const o = side(`${ROOT}/${name}/old`);
      const n = side(`${ROOT}/${name}/new`);
      // each side must be a header set that passes every check, or the case tests the wrong thing
      expect(o.diagnostics).toEqual([]);
      expect(n.diagnostics).toEqual([]);
      const r = diffModels(o.model, n.model);
      const got = r.changes.map((c) => [c.verdict, c.kind, c.name, c.field].filter((x) => x !== null).join(" "));
      const want = EXPECT[name]!;
      expect(got.sort()).toEqual([...want.changes].sort());
      expect(r.verdict).toBe(want.verdict);
      await expect(reportText(r, o.side, n.side)).toMatchFileSnapshot(`../fixtures/diff/${name}/expected.txt`);
    });

  it("a header set compared with itself has no changes", () => {
    const o = side(`${ROOT}/attribute-appended/old`);
    const r = diffModels(o.model, side(`${ROOT}/attribute-removed/old`).model);
    expect(r.changes).toEqual([]);
    expect(r.verdict).toBe("compatible");
  });
});
