/**
 * The header corpus: every folder under test/fixtures/headers/ is one case (a tag form or a check), run through
 * parse → model → check on top of the shared base headers and compared with its expected.json.
 * Accept intended changes with `npm run test:update` and review the diff of expected.json.
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../generator/diagnostics.js";
import { modelToJson } from "../generator/model/json.js";
import { runPipeline } from "../generator/pipeline.js";

const BASE = "test/fixtures/base";
const CASES = "test/fixtures/headers";

/** The records a case header itself defines, plus every diagnostic of the run. */
function caseView(dir: string) {
  const r = runPipeline([BASE, dir]);
  const mine = (loc: string) => loc.startsWith(dir + "/");
  const m = r.model;
  return {
    diagnostics: r.diagnostics.sorted().map(formatDiagnostic),
    objectTypes: m.objectTypes.filter((o) => mine(o.location)),
    attributes: m.attributes.filter((a) => mine(a.location)),
    enums: m.enums.filter((e) => mine(e.location)),
    structs: m.structs.filter((s) => mine(s.location)),
    apis: m.apis.filter((a) => mine(a.location)),
    notifications: m.notifications.filter((n) => mine(n.location)),
  };
}

describe("header fixture corpus", () => {
  it("the base headers alone build a clean model", async () => {
    const r = runPipeline([BASE]);
    expect(r.diagnostics.sorted().map(formatDiagnostic)).toEqual([]);
    await expect(modelToJson(r.model)).toMatchFileSnapshot("fixtures/base.expected.json");
  });

  const cases = readdirSync(CASES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  it("has cases", () => expect(cases.length).toBeGreaterThan(30));

  for (const name of cases) {
    it(name, async () => {
      const view = caseView(`${CASES}/${name}`);
      // error-* cases must fail and every other case must be clean: the name is the contract
      if (name.startsWith("error-")) expect(view.diagnostics.length, "an error-* case must produce diagnostics").toBeGreaterThan(0);
      else expect(view.diagnostics).toEqual([]);
      await expect(JSON.stringify(view, null, 2) + "\n").toMatchFileSnapshot(`fixtures/headers/${name}/expected.json`);
    });
  }
});
