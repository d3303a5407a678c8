/**
 * The generated npm package works for a consumer: a copy of `generated/` builds with the repository's `tsc`, packs
 * with `npm pack`, installs offline into a fresh project (it has no dependencies), and a small TypeScript consumer
 * that builds typed flow table / flow entry attributes (and validates them when the package ships the validator)
 * type-checks against the installed declarations and runs under node.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "./support/temp.js";

const run = promisify(execFile);
const TSC = resolve("node_modules/.bin/tsc");
const tmp = tempDir("saigen-package-");

/** npm quietly, without touching the user's audit/funding/update checks. */
function npm(args: string[], cwd: string) {
  return run("npm", [...args, "--no-audit", "--no-fund", "--no-update-notifier", "--loglevel=error"], { cwd, maxBuffer: 16 << 20 });
}

const CONSUMER = `import {
  attrList,
  DashFlowEnabledKeyFlags,
  ipAddress,
  mac,
  oid,
  sai_dash_direction_t,
  sai_dash_flow_enabled_key_t as K,
  SAI_METADATA,
  type CreateFlowEntryAttrs,
  type CreateFlowTableAttrs,
  type FlowEntryKey,
  type SetFlowEntryAttr,
} from "@dashflow/sai";
/*VALIDATE_IMPORT*/
// the consumer compiles with lib ES2022 only, to prove the package's declarations need neither DOM nor @types/node
declare const console: { log(text: string): void };

const table: CreateFlowTableAttrs = {
  SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT: 1000,
  SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY: DashFlowEnabledKeyFlags.combine(K.SAI_DASH_FLOW_ENABLED_KEY_ENI_MAC, K.SAI_DASH_FLOW_ENABLED_KEY_VNI),
};
const key: FlowEntryKey = {
  switch_id: oid("oid:0x21000000000000"),
  eni_mac: mac("00:11:22:33:44:55"),
  vnet_id: 100,
  ip_proto: 6,
  src_ip: ipAddress("10.0.0.1"),
  dst_ip: ipAddress("10.0.0.2"),
  src_port: 1234,
  dst_port: 80,
};
const entry: CreateFlowEntryAttrs = {
  SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION: sai_dash_direction_t.SAI_DASH_DIRECTION_OUTBOUND,
  SAI_FLOW_ENTRY_ATTR_UNDERLAY0_SIP: ipAddress("192.168.0.1"),
  // @ts-expect-error READ_ONLY attributes are rejected by the installed declarations too
  SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY: 0,
};
// @ts-expect-error CREATE_AND_SET values keep their types: a direction is no string
const bad: SetFlowEntryAttr = { id: "SAI_FLOW_ENTRY_ATTR_DASH_DIRECTION", value: "OUTBOUND" };
void bad;
delete (entry as Record<string, unknown>).SAI_FLOW_ENTRY_ATTR_IP_ADDR_FAMILY;

const out: Record<string, unknown> = {
  table: attrList(table).map((a) => a.id),
  enabledKey: table.SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY,
  entry: attrList(entry).length,
  keyMembers: Object.keys(key).length,
  objectTypes: SAI_METADATA.objectTypes.length,
};
/*VALIDATE*/
console.log(JSON.stringify(out));
`;

const VALIDATE_IMPORT = `import { createValidator } from "@dashflow/sai";`;
const VALIDATE = `const v = createValidator(SAI_METADATA);
out.tableStatus = v.validateCreate("SAI_OBJECT_TYPE_FLOW_TABLE", attrList(table), { switchId: key.switch_id }).status;
out.entryStatus = v.validateCreate("SAI_OBJECT_TYPE_FLOW_ENTRY", attrList(entry), { key }).status;`;

describe("the generated package", () => {
  it("builds, packs, installs offline and serves a typed consumer", async () => {
    const pkg = join(tmp, "pkg");
    mkdirSync(pkg);
    for (const f of ["package.json", "tsconfig.json", "README.md", "src"]) cpSync(join("generated", f), join(pkg, f), { recursive: true });
    // the package carries the validator engine: the consumer below must be able to validate
    expect(existsSync(join(pkg, "src/runtime/v1/validate/index.ts"))).toBe(true);

    // build with the repository's compiler (the package's own `build` script runs the same tsc)
    await run(TSC, ["-p", join(pkg, "tsconfig.json")]);
    expect(existsSync(join(pkg, "dist/index.js")) && existsSync(join(pkg, "dist/index.d.ts"))).toBe(true);

    await npm(["pack", "--pack-destination", tmp, "--ignore-scripts"], pkg);
    const tarball = readdirSync(tmp).find((f) => f.endsWith(".tgz"));
    expect(tarball).toBe(`dashflow-sai-${JSON.parse(readFileSync("package.json", "utf8")).version}.tgz`);

    const app = join(tmp, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await npm(["install", join(tmp, tarball!), "--offline", "--ignore-scripts"], app);
    const installed = JSON.parse(readFileSync(join(app, "node_modules/@dashflow/sai/package.json"), "utf8"));
    expect(installed.saiHeaders.sha256).toMatch(/^[0-9a-f]{64}$/);

    writeFileSync(
      join(app, "consumer.ts"),
      CONSUMER.replace("/*VALIDATE_IMPORT*/", VALIDATE_IMPORT).replace("/*VALIDATE*/", VALIDATE),
    );
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, types: [], lib: ["ES2022"], outDir: "out", skipLibCheck: false },
        files: ["consumer.ts"],
      }),
    );
    // type-check against the installed .d.ts files and emit the JavaScript node runs
    await run(TSC, ["-p", join(app, "tsconfig.json")]).catch((e: { stdout?: string }) => {
      throw new Error(`consumer does not type-check:\n${e.stdout ?? e}`);
    });
    const { stdout } = await run(process.execPath, [join(app, "out/consumer.js")], { cwd: app });
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      table: ["SAI_FLOW_TABLE_ATTR_MAX_FLOW_COUNT", "SAI_FLOW_TABLE_ATTR_DASH_FLOW_ENABLED_KEY"],
      enabledKey: 3,
      entry: 2,
      keyMembers: 8,
    });
    expect(result.objectTypes).toBeGreaterThan(0);
    expect([result.tableStatus, result.entryStatus]).toEqual(["SAI_STATUS_SUCCESS", "SAI_STATUS_SUCCESS"]);
  });
});
