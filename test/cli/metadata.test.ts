/**
 * Runs `npx saigen metadata` as a user would: real process, real exit codes, JSON on stdout, diagnostics on stderr.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/temp.js";

const saigen = (args: string[]) => spawnSync("npx", ["--no-install", "saigen", ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const UPSTREAM = "/work/upstream-sai";

describe("saigen metadata (CLI)", () => {
  it("prints --help and exits 0", () => {
    const r = saigen(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/metadata/);
  });

  it("writes the model of the bundled headers as JSON", () => {
    const r = saigen(["metadata"]);
    expect(r.stderr).not.toMatch(/error|warning/);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout);
    for (const k of ["objectTypes", "attributes", "enums", "structs", "apis", "notifications", "statusCodes"]) expect(Array.isArray(m[k])).toBe(true);
    const flowEntry = m.objectTypes.find((o: { objecttype: string }) => o.objecttype === "SAI_OBJECT_TYPE_FLOW_ENTRY");
    expect(flowEntry).toMatchObject({ isnonobjectid: true, keystruct: "sai_flow_entry_t", isexperimental: true, statenum: null });
    expect(flowEntry.attributes).toHaveLength(34);
    expect(flowEntry.structmembers.map((s: { membername: string }) => s.membername)).toEqual(["switch_id", "eni_mac", "vnet_id", "ip_proto", "src_ip", "dst_ip", "src_port", "dst_port"]);
    const attr = (n: string) => m.attributes.find((a: { attridname: string }) => a.attridname === n);
    // M24, M25, M26 of SAI-METADATA.md §8.1
    expect(attr("SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY")).toMatchObject({ attrvaluetype: "SAI_ATTR_VALUE_TYPE_INT32", isenum: true, defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_CONST", defaultvalue: { kind: "enum", value: 1 } });
    expect(m.enums.find((e: { name: string }) => e.name === "sai_dash_flow_enabled_key_t").flagstype).toBe("SAI_ENUM_FLAGS_TYPE_STRICT");
    expect(attr("SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY")).toMatchObject({ isreadonly: true, isresourcetype: true, defaultvaluetype: "SAI_DEFAULT_VALUE_TYPE_NONE" });
    expect(attr("SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY")).toMatchObject({ attrid: 0x20000005, isextensionattr: true, attrvaluetype: "SAI_ATTR_VALUE_TYPE_POINTER", defaultvalue: { kind: "pointer" } });
    expect(attr("SAI_SWITCH_ATTR_FLOW_BULK_GET_SESSION_EVENT_NOTIFY").notificationtype).toBeGreaterThanOrEqual(0);
    expect(attr("SAI_ENI_ATTR_FLOW_TABLE_ID")).toMatchObject({ allowedobjecttypes: ["SAI_OBJECT_TYPE_FLOW_TABLE"], allownullobjectid: true });
    // every attribute names its header line
    for (const a of m.attributes) expect(a.location).toMatch(/^sai-headers\/sai\w*\.h:\d+$/);
  });

  it("writes --out atomically and reports diagnostics with locations, exit 1, nothing written", () => {
    const dir = tempDir("saigen-cli-");
    const out = join(dir, "model.json");
    const ok = saigen(["metadata", "--out", out]);
    expect(ok.status).toBe(0);
    expect(JSON.parse(readFileSync(out, "utf8")).objectTypes.length).toBeGreaterThan(0);

    const bad = join(dir, "bad");
    mkdirSync(bad);
    cpSync("test/fixtures/base", bad, { recursive: true });
    cpSync("test/fixtures/headers/error-default-required/saifoo.h", join(bad, "saifoo.h"));
    const badOut = join(dir, "bad.json");
    const r = saigen(["metadata", "--headers", bad, "--out", badOut]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/saifoo\.h:\d+:\d+: error: attribute `SAI_FOO_ATTR_VALUE`: a CREATE_AND_SET attribute needs a @default \[default-required\]/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(existsSync(badOut)).toBe(false);
  });

  it("exits 2 with a clear message for a missing folder or a bad option", () => {
    const r = saigen(["metadata", "--headers", "/nonexistent/dir"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/nonexistent/);
    const u = saigen(["metadata", "--bogus"]);
    expect(u.status).toBe(2);
    expect(u.stderr).toMatch(/bogus/);
  });

  it.skipIf(!existsSync(UPSTREAM))("builds the full upstream SAI tree: 153 object types, 2207 attributes, 440 header enums", () => {
    const json = execFileSync("node", ["bin/saigen.mjs", "metadata", "--headers", `${UPSTREAM}/inc`, "--headers", `${UPSTREAM}/experimental`], { encoding: "utf8", maxBuffer: 1 << 30 });
    const m = JSON.parse(json);
    expect(m.objectTypes).toHaveLength(153);
    expect(m.attributes).toHaveLength(2207);
    expect(m.enums.filter((e: { synthesized: boolean }) => !e.synthesized)).toHaveLength(440);
    expect(m.apis).toHaveLength(75);
    expect(m.notifications).toHaveLength(24);
    expect(m.attributes.filter((a: { clonedfrom: string | null }) => a.clonedfrom)).toHaveLength(18);
  });
});
