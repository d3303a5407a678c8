/**
 * `saigen diff` as a user runs it (`node bin/saigen.mjs diff ...`): exit codes, grouped text, stable JSON.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const F = "test/fixtures/diff";

function saigen(...args: string[]) {
  const r = spawnSync(process.execPath, ["bin/saigen.mjs", ...args], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `--old base --old <case>/old --new base --new <case>/new` plus extra flags. */
const pair = (name: string, ...extra: string[]) =>
  saigen("diff", "--old", `${F}/base`, "--old", `${F}/${name}/old`, "--new", `${F}/base`, "--new", `${F}/${name}/new`, ...extra);

describe("saigen diff", () => {
  it("exits 0 for an append-only change", () => {
    const r = pair("attribute-appended");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("SAI_OBJECT_TYPE_FLOW_ENTRY\n  compatible       added SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SMAC (0x5)");
    expect(r.stdout.trimEnd().split("\n").pop()).toBe("verdict: compatible (1 change: 1 compatible, 0 source-breaking, 0 abi-breaking)");
  });

  it("exits 1 for a source-breaking rename and groups it under its enum", () => {
    const r = pair("enum-rename-invaild");
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "enum sai_dash_flow_entry_bulk_get_session_filter_key_t\n  source-breaking  renamed SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_INVAILD -> SAI_DASH_FLOW_ENTRY_BULK_GET_SESSION_FILTER_KEY_INVALID (0x0)",
    );
    expect(r.stdout).toMatch(/verdict: source-breaking \(2 changes/);
  });

  it("exits 1 for an ABI break and prints stable JSON with --json", () => {
    const r = pair("underlay-ip-type", "--json");
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe("saigen-diff/1");
    expect(doc.verdict).toBe("abi-breaking");
    expect(doc.counts).toEqual({ compatible: 0, "source-breaking": 0, "abi-breaking": 2 });
    expect(doc.old.files).toContain("saiexperimentaldashflow.h");
    expect(doc.changes[0]).toEqual({
      section: "objects",
      owner: "SAI_OBJECT_TYPE_FLOW_ENTRY",
      subject: "attribute",
      kind: "changed",
      name: "SAI_FLOW_ENTRY_ATTR_UNDERLAY0_DIP",
      oldName: null,
      field: "valuetype",
      old: "UINT32 (default 0)",
      new: "IP_ADDRESS (default 0.0.0.0)",
      verdict: "abi-breaking",
      reason: "the value type changed: old binaries read and write another member of sai_attribute_value_t",
    });
    expect(pair("underlay-ip-type", "--json").stdout).toBe(r.stdout);
  });

  it("tolerates warnings on either side and counts them", () => {
    const r = pair("warnings-only");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("saigen diff: old headers: 0 check error(s) and 1 warning(s) not blocking the comparison");
    expect(r.stderr).toContain("saigen diff: new headers: 0 check error(s) and 1 warning(s) not blocking the comparison");
    expect(r.stdout).toContain("1 warning(s) ignored");
  });

  it("exits 2 and prints the errors when a side has errors", () => {
    const r = saigen("diff", "--old", `${F}/base`, "--old", `${F}/attribute-appended/old`, "--new", `${F}/base`, "--new", `${F}/error-headers/new`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error-headers\/new\/saiexperimentaldashflow\.h:\d+:\d+: error: .*\[type-unknown\]/);
    expect(r.stderr).toContain("the new headers have 1 error(s); cannot compare");
    expect(r.stdout).toBe("");
  });

  it("exits 2 for a missing folder or missing flags", () => {
    const missing = saigen("diff", "--old", `${F}/no-such-folder`, "--new", `${F}/base`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("old header folder `test/fixtures/diff/no-such-folder` does not exist");
    const usage = saigen("diff", "--old", `${F}/base`);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("both --old DIR and --new DIR are required");
  });

  it("is listed in the top-level help", () => {
    expect(saigen("--help").stdout).toMatch(/^ {2}diff +compare two header sets/m);
  });
});
