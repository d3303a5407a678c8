/**
 * `saigen validate` and `saigen validate-profile` run as a user runs them (`node bin/saigen.mjs …`): result lines,
 * exit codes, batch streaming, and clear messages instead of stack traces.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_UPSTREAM, UPSTREAM_DIRS } from "./_helpers.js";
import { tempDir } from "../support/temp.js";

const ROOT = join(import.meta.dirname, "..", "..");
const dir = tempDir("saigen-validate-");
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

interface Run {
  code: number;
  out: string;
  err: string;
  lines: Record<string, unknown>[];
}

/** Runs `node bin/saigen.mjs ARGS` (async, so independent runs of one test overlap). */
function saigen(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "bin", "saigen.mjs"), ...args], { cwd: ROOT });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (out += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const lines = out.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(err).not.toMatch(/\n\s+at .*:\d+:\d+/); // never a stack trace
      resolve({ code: code ?? -1, out, err, lines });
    });
    child.stdin.end(input ?? "");
  });
}

const FT = ["--object-type", "SAI_OBJECT_TYPE_FLOW_TABLE"];
const FE = ["--object-type", "SAI_OBJECT_TYPE_FLOW_ENTRY"];
const KEY = '{"dst_ip":"10.1.0.2","dst_port":"80","eni_mac":"00:AA:BB:CC:DD:EE","ip_proto":"6","src_ip":"10.0.0.1","src_port":"12345","switch_id":"oid:0x21000000000000","vnet_id":"100"}';
// Each run loads the headers (~0.3 s idle, several seconds on a busy machine).
const SLOW = { timeout: 240_000 };

describe("saigen validate", SLOW, () => {
  it("success: one JSON line, exit 0; sairedis mode answers Meta's code", async () => {
    const f = file("ft.json", '{"SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT": "1000", "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY": "SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC|SAI_DASH_FLOW_ENABLED_KEY_VNI"}');
    const [r, redis] = await Promise.all([saigen(["validate", ...FT, "--op", "create", f]), saigen(["validate", ...FT, "--op", "create", f, "--mode", "sairedis"])]);
    expect(r.code).toBe(0);
    expect(r.lines).toEqual([{ status: "SAI_STATUS_SUCCESS", code: 0, message: "ok" }]);
    expect(redis).toMatchObject({ code: 1, lines: [{ status: "SAI_STATUS_INVALID_PARAMETER", code: -5, index: 1, attr: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY" }] });
  });

  it("failure with the index of the attribute; unparsable text and repeats are validation failures", async () => {
    const bad = file("bad.json", '{"SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT": "1000", "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY": "128"}');
    const text = file("text.json", '[["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", "many"]]');
    const dup = file("dup.json", '[["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", "1"], ["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", "2"]]');
    const [r1, r2, r3] = await Promise.all([
      saigen(["validate", ...FT, "--op", "create", bad]),
      saigen(["validate", ...FT, "--op", "create", text]),
      saigen(["validate", ...FT, "--op", "create", dup]),
    ]);
    expect(r1).toMatchObject({ code: 1, lines: [{ status: "SAI_STATUS_INVALID_ATTR_VALUE_1", code: -131073, index: 1, attr: "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY" }] });
    expect(r2).toMatchObject({ code: 1, lines: [{ status: "SAI_STATUS_INVALID_ATTR_VALUE_0", index: 0 }] });
    expect(r2.lines[0]!.message).toMatch(/cannot parse "many"/);
    expect(r3).toMatchObject({ code: 1, lines: [{ status: "SAI_STATUS_INVALID_ATTRIBUTE_1", index: 1 }] });
  });

  it("entries take --key; OID objects take an object id for set/get/remove", async () => {
    const f = file("fe.json", '{"SAI_FLOW_ENTRY_ATTR_VERSION": "3", "SAI_FLOW_ENTRY_ATTR_REVERSE_FLOW_SRC_IP": "10.1.0.2"}');
    const badKey = KEY.replace('"vnet_id":"100"', '"vnet_id":"70000"');
    const [ok, bad, noKey, remove, wrongType] = await Promise.all([
      saigen(["validate", ...FE, "--op", "create", f, "--key", KEY]),
      saigen(["validate", ...FE, "--op", "create", f, "--key", badKey]),
      saigen(["validate", ...FE, "--op", "create", f]),
      saigen(["validate", ...FT, "--op", "remove", "--key", "oid:0x15008000000001"]),
      saigen(["validate", ...FT, "--op", "remove", "--key", "oid:0x3000000000001"]),
    ]);
    expect(ok.code).toBe(0);
    expect(bad).toMatchObject({ code: 1, lines: [{ code: -5 }] });
    expect(noKey.code).toBe(2);
    expect(noKey.err).toMatch(/is an entry: give its key/);
    expect(remove.code).toBe(0);
    expect(wrongType).toMatchObject({ code: 1, lines: [{ code: -5 }] });
  });

  it("exit 2 with a clear message: bad JSON, unknown object type, unreadable file, bad usage", async () => {
    const [bad, dupKeys, ot, missing, op, mode] = await Promise.all([
      saigen(["validate", ...FT, "--op", "create", file("broken.json", '{"SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT": ')]),
      saigen(["validate", ...FT, "--op", "create", file("dupkeys.json", '{"SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT": "1", "SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT": "2"}')]),
      saigen(["validate", "--object-type", "SAI_OBJECT_TYPE_NOPE", "--op", "create", file("x.json", "{}")]),
      saigen(["validate", ...FT, "--op", "create", join(dir, "absent.json")]),
      saigen(["validate", ...FT, "--op", "destroy", "x.json"]),
      saigen(["validate", ...FT, "--op", "create", "x.json", "--mode", "strict"]),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/is not valid JSON/);
    expect(dupKeys.code).toBe(2);
    expect(dupKeys.err).toMatch(/duplicate key/);
    expect(ot.code).toBe(2);
    expect(ot.err).toMatch(/unknown object type "SAI_OBJECT_TYPE_NOPE"/);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot read/);
    expect(op.code).toBe(2);
    expect(op.err).toMatch(/--op must be one of/);
    expect(mode.code).toBe(2);
  });

  it("batch: one line per record with its line number, from a file or stdin", async () => {
    const records = [
      { objectType: "SAI_OBJECT_TYPE_FLOW_TABLE", op: "create", attrs: { SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT: "10" } },
      { objectType: "SAI_OBJECT_TYPE_FLOW_TABLE", op: "create", attrs: { SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT: "10", SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY: "256" } },
      { objectType: "SAI_OBJECT_TYPE_FLOW_ENTRY", op: "create", key: JSON.parse(KEY), attrs: [["SAI_FLOW_ENTRY_ATTR_VERSION", "1"]] },
      { objectType: "SAI_OBJECT_TYPE_FLOW_ENTRY", op: "get", key: KEY, attrs: ["SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY"] },
      { objectType: "SAI_OBJECT_TYPE_FLOW_TABLE", op: "remove", key: "oid:0x15008000000001" },
      { objectType: "SAI_OBJECT_TYPE_FLOW_TABLE", op: "set", key: "oid:0x15008000000001", attrs: { SAI_FLOW_TABLE_ATTR_NOPE: "1" } },
    ];
    const text = records.map((r) => JSON.stringify(r)).join("\n") + "\n\n";
    const [r, stdin] = await Promise.all([saigen(["validate", "--batch", file("batch.jsonl", text)]), saigen(["validate", "--batch", "-", "--mode", "sairedis"], text)]);
    expect(r.code).toBe(1);
    expect(r.lines.map((l) => [l.line, l.status])).toEqual([
      [1, "SAI_STATUS_SUCCESS"],
      [2, "SAI_STATUS_INVALID_ATTR_VALUE_1"],
      [3, "SAI_STATUS_SUCCESS"],
      [4, "SAI_STATUS_SUCCESS"],
      [5, "SAI_STATUS_SUCCESS"],
      [6, "SAI_STATUS_UNKNOWN_ATTRIBUTE_0"],
    ]);
    expect(stdin.code).toBe(1);
    expect(stdin.lines.map((l) => l.code)).toEqual([0, -5, 0, 0, 0, -1]);
  });

  it("batch: unusable records get an error line and exit 2; the rest still run", async () => {
    const text = [
      '{"objectType":"SAI_OBJECT_TYPE_FLOW_TABLE","op":"create","attrs":{}}',
      "{not json",
      '{"objectType":"SAI_OBJECT_TYPE_NOPE","op":"create","attrs":{}}',
      '{"objectType":"SAI_OBJECT_TYPE_FLOW_TABLE","op":"create","attrs":{"SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT":"1","SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT":"2"}}',
      '{"objectType":"SAI_OBJECT_TYPE_FLOW_TABLE","op":"create","attrs":[["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT","1"],["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT","2"]]}',
    ].join("\n");
    const [r, absent] = await Promise.all([saigen(["validate", "--batch", file("mixed.jsonl", text)]), saigen(["validate", "--batch", join(dir, "absent.jsonl")])]);
    expect(r.code).toBe(2);
    expect(r.lines.map((l) => (l.error ? `${l.line} error` : `${l.line} ${l.status}`))).toEqual([
      "1 SAI_STATUS_SUCCESS",
      "2 error",
      "3 error",
      "4 error",
      "5 SAI_STATUS_INVALID_ATTRIBUTE_1",
    ]);
    expect(String(r.lines[3]!.error)).toMatch(/duplicate key/);
    expect(absent.code).toBe(2);
    expect(absent.err).toMatch(/cannot read/);
  });

  it("--profile: what the vendor does not implement → ATTR_NOT_SUPPORTED_0+i", async () => {
    const f = file("fe2.json", '{"SAI_FLOW_ENTRY_ATTR_UNDERLAY1_VNET_ID": "3"}');
    const r = await saigen(["validate", ...FE, "--op", "create", f, "--key", KEY, "--profile", "profiles/example-vendor.yaml"]);
    expect(r).toMatchObject({ code: 1, lines: [{ status: "SAI_STATUS_ATTR_NOT_SUPPORTED_0", code: -327680 }] });
  });

  it.runIf(HAVE_UPSTREAM)("warnings go to stderr (upstream tree: a relaxed condition)", async () => {
    const f = file("ttte.json", JSON.stringify({
      SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_VR_ID: "oid:0x3000000000001",
      SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_TYPE: "SAI_TUNNEL_TERM_TABLE_ENTRY_TYPE_P2MP",
      SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_DST_IP: "10.1.1.1",
      SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_SRC_IP: "10.2.2.2",
      SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_TUNNEL_TYPE: "SAI_TUNNEL_TYPE_VXLAN",
      SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_ACTION_TUNNEL_ID: "oid:0x2a000000000007",
    }));
    const r = await saigen(["validate", "--object-type", "SAI_OBJECT_TYPE_TUNNEL_TERM_TABLE_ENTRY", "--op", "create", f, ...UPSTREAM_DIRS.flatMap((d) => ["--headers", d])]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: SAI_TUNNEL_TERM_TABLE_ENTRY_ATTR_SRC_IP/);
  });
});

describe("saigen validate-profile", SLOW, () => {
  it("the example passes; a bad profile reports file:line:col and exits 1; unreadable or bad usage exits 2", async () => {
    const p = file("bad.yaml", [
      "objects:",
      "  SAI_OBJECT_TYPE_FLOW_ENTRY:",
      "    attributes:",
      "      SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY: [create]",
      "      SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: {capability: [create], enumValues: [SAI_DASH_DIRECTION_UP]}",
      "switch:",
      "  SAI_SWITCH_ATTR_DASH_CAPS_FLOW_GET: maybe",
    ].join("\n"));
    const [good, bad, absent, usage] = await Promise.all([
      saigen(["validate-profile", "profiles/example-vendor.yaml"]),
      saigen(["validate-profile", p]),
      saigen(["validate-profile", join(dir, "absent.yaml")]),
      saigen(["validate-profile"]),
    ]);
    expect(good.code).toBe(0);
    expect(good.out).toMatch(/consistent with the metadata/);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${p}:4:43: error: SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY is READ_ONLY`);
    expect(bad.err).toContain(`${p}:5:79: error: "SAI_DASH_DIRECTION_UP" is not a value of sai_dash_direction_t`);
    expect(bad.err).toContain(`${p}:7:39: error: SAI_SWITCH_ATTR_DASH_CAPS_FLOW_GET (BOOL): expected true or false`);
    expect(absent.code).toBe(2);
    expect(usage.code).toBe(2);
  });
});
