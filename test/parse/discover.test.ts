import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { discoverHeaders } from "../../generator/parse/discover.js";
import { parseHeaders } from "../../generator/parse/index.js";
import { tempDir } from "../support/temp.js";

let root: string;
let inc: string;
let exp: string;

beforeAll(() => {
  root = tempDir("saigen-discover-");
  inc = join(root, "inc");
  exp = join(root, "experimental");
  mkdirSync(inc);
  mkdirSync(exp);
  writeFileSync(join(inc, "saiswitch.h"), "typedef uint32_t sai_b_t;\n");
  writeFileSync(join(inc, "sai.h"), "typedef uint32_t sai_a_t;\n");
  writeFileSync(join(inc, "saitypes.h"), "typedef uint32_t sai_c_t;\n");
  writeFileSync(join(inc, "other.h"), "");
  writeFileSync(join(inc, "sai-dash.h"), "");
  writeFileSync(join(inc, "saiswitch.h.orig"), "");
  mkdirSync(join(inc, "saidir.h"));
  mkdirSync(join(inc, "nested"));
  writeFileSync(join(inc, "nested", "sainested.h"), "");
  writeFileSync(join(exp, "saiexperimentalx.h"), "typedef uint32_t sai_x_t;\n");
  writeFileSync(join(exp, "saitypes.h"), "typedef uint32_t sai_dup_t;\n");
});

describe("discoverHeaders", () => {
  it("lists sai*.h files directly in each folder, sorted per folder, folders in order", () => {
    const { files } = discoverHeaders([inc, exp]);
    expect(files.map((f) => f.basename)).toEqual(["sai.h", "saiswitch.h", "saitypes.h", "saiexperimentalx.h"]);
    expect(files[0]).toEqual({ dir: inc, basename: "sai.h", path: join(inc, "sai.h") });
  });

  it("reports a second header with the same name and keeps the first", () => {
    const { files, problems } = discoverHeaders([inc, exp]);
    expect(files.filter((f) => f.basename === "saitypes.h").map((f) => f.dir)).toEqual([inc]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "error", code: "header-duplicate", loc: { file: join(exp, "saitypes.h") } });
  });

  it("reports a missing folder as a problem, not an exception", () => {
    const missing = join(root, "nope");
    const { files, problems } = discoverHeaders([missing, exp]);
    expect(files.map((f) => f.basename)).toEqual(["saiexperimentalx.h", "saitypes.h"]);
    expect(problems).toEqual([
      { severity: "error", code: "header-dir", message: `cannot read header folder \`${missing}\`: ENOENT`, loc: { file: missing, line: 0, column: 0 } },
    ]);
  });

  it("keeps the folder spelling of the command line in paths", () => {
    const { files } = discoverHeaders([`${exp}/`]);
    expect(files[0]!.path).toBe(`${exp}/saiexperimentalx.h`);
  });
});

describe("parseHeaders", () => {
  it("parses every discovered header with its sha256 and collects all problems", () => {
    const { headers, problems } = parseHeaders([inc, exp, join(root, "nope")]);
    expect(headers.map((h) => h.basename)).toEqual(["sai.h", "saiswitch.h", "saitypes.h", "saiexperimentalx.h"]);
    const sai = headers[0]!;
    expect(sai.file).toBe(join(inc, "sai.h"));
    expect(sai.dir).toBe(inc);
    expect(sai.sha256).toBe(createHash("sha256").update("typedef uint32_t sai_a_t;\n").digest("hex"));
    expect(sai.typedefs.map((t) => t.name)).toEqual(["sai_a_t"]);
    expect(problems.map((p) => p.code).sort()).toEqual(["header-dir", "header-duplicate"]);
  });
});
