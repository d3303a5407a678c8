/**
 * Golden tests of the TypeScript binding emitters: one table row per case, `[name, {given, want}]` in the style of
 * openapi-typescript, where `given` is a small header snippet and `want` names the emitter and the output files to
 * compare with `test/bindings/golden/<case>/<file>.golden`. Accept intended changes with `npm run test:update` and review the
 * diff of the golden files.
 */
import { describe, expect, it } from "vitest";
import { emitApis } from "../../generator/emit/apis.js";
import { emitEnums } from "../../generator/emit/enums.js";
import { emitMetadata } from "../../generator/emit/metadata-tables.js";
import { emitNotifications } from "../../generator/emit/notifications.js";
import { emitObjects } from "../../generator/emit/objects.js";
import { emitPackage } from "../../generator/emit/package.js";
import { emitIndex } from "../../generator/emit/package-index.js";
import { runtimeFiles } from "../../generator/emit/runtime-copy.js";
import { emitStatus } from "../../generator/emit/status.js";
import type { EmitContext, GeneratedFile } from "../../generator/emit/types.js";
import { attr, caseContext, fooHeader, type FooHeader } from "./helpers.js";

type Emit = (ctx: EmitContext) => GeneratedFile[];

const KIND_ENUM = `
/**
 * @brief Kinds of FOO
 */
typedef enum _sai_foo_kind_t
{
    SAI_FOO_KIND_A,

    SAI_FOO_KIND_B,

    /** @ignore - old spelling */
    SAI_FOO_KIND_BEE = SAI_FOO_KIND_B,

} sai_foo_kind_t;
`;

const BITS_ENUM = `
/**
 * @brief What a FOO does to a packet
 *
 * @flags strict
 */
typedef enum _sai_foo_bits_t
{
    SAI_FOO_BITS_NONE = 0,

    SAI_FOO_BITS_DROP = 1 << 0,

    SAI_FOO_BITS_COUNT = 1 << 1,

    SAI_FOO_BITS_MIRROR = 1 << 2,

} sai_foo_bits_t;
`;

const KIND_ATTR = attr("SAI_FOO_ATTR_KIND = SAI_FOO_ATTR_START", ["@type sai_foo_kind_t", "@flags MANDATORY_ON_CREATE | CREATE_ONLY"], "Kind of the object");

const CASES: [string, { given: FooHeader; want: { emit: Emit; files: string[] } }][] = [
  [
    "enums-flags-and-aliases",
    {
      given: { enums: KIND_ENUM + BITS_ENUM, attrs: KIND_ATTR + attr("SAI_FOO_ATTR_BITS", ["@type sai_foo_bits_t", "@flags CREATE_AND_SET", "@default SAI_FOO_BITS_NONE"]) },
      want: { emit: emitEnums, files: ["src/enums.ts"] },
    },
  ],
  [
    "object-flags",
    {
      given: {
        enums: KIND_ENUM,
        attrs:
          KIND_ATTR +
          attr("SAI_FOO_ATTR_MODE", ["@type bool", "@flags CREATE_ONLY", "@default false"], "Mode switch") +
          attr("SAI_FOO_ATTR_TARGET", ["@type sai_uint32_t", "@flags MANDATORY_ON_CREATE | CREATE_ONLY", "@condition SAI_FOO_ATTR_MODE == true"], "Needed in mode") +
          attr("SAI_FOO_ATTR_COUNT", ["@type sai_uint64_t", "@flags READ_ONLY"], "A counter") +
          attr("SAI_FOO_ATTR_ACCEPTED_KIND_LIST", ["@type sai_s32_list_t sai_foo_kind_t", "@flags CREATE_AND_SET", "@default empty"], "Kinds accepted") +
          attr("SAI_FOO_ATTR_PEER", ["@type sai_object_id_t", "@flags CREATE_AND_SET", "@objects SAI_OBJECT_TYPE_BAR", "@allownull true", "@default SAI_NULL_OBJECT_ID"], "Peer object") +
          attr("SAI_FOO_ATTR_ADDRESS", ["@type sai_ip_address_t", "@flags CREATE_AND_SET", "@default 0.0.0.0"], "Address"),
      },
      want: { emit: emitObjects, files: ["src/objects/foo.ts"] },
    },
  ],
  [
    "entry-key-and-api",
    {
      given: {
        enums: KIND_ENUM,
        attrs: KIND_ATTR,
        entry: {
          key: `
    /**
     * @brief MAC address
     */
    sai_mac_t mac;

    /**
     * @brief Address
     */
    sai_ip_address_t address;

    /**
     * @brief VLAN
     */
    sai_vlan_id_t vlan;
`,
          attrs: attr("SAI_FOO_ENTRY_ATTR_VALUE = SAI_FOO_ENTRY_ATTR_START", ["@type sai_uint32_t", "@flags CREATE_AND_SET", "@default 0"]),
        },
      },
      want: {
        emit: (ctx) => [...emitObjects(ctx), ...emitApis(ctx)],
        files: ["src/objects/foo_entry.ts", "src/apis/foo.ts"],
      },
    },
  ],
  [
    "notifications-status-index",
    {
      given: { enums: KIND_ENUM, attrs: KIND_ATTR },
      want: {
        emit: (ctx) => [...emitNotifications(ctx), ...emitStatus(ctx), ...emitIndex(ctx)],
        files: ["src/notifications.ts", "src/status.ts", "src/index.ts"],
      },
    },
  ],
  [
    "metadata-and-package",
    {
      given: { enums: KIND_ENUM, attrs: KIND_ATTR },
      want: { emit: (ctx) => [...emitMetadata(ctx), ...emitPackage(ctx)], files: ["src/metadata.ts", "package.json", "tsconfig.json"] },
    },
  ],
];

describe("TypeScript binding emitters", () => {
  for (const [name, { given, want }] of CASES) {
    it(name, async () => {
      const files = want.emit(caseContext(name, fooHeader(given)));
      for (const path of want.files) {
        const f = files.find((x) => x.path === path);
        expect(f, `${path} not emitted (have ${files.map((x) => x.path).join(", ")})`).toBeDefined();
        // `.golden`: the files import siblings the case does not emit, so they must not be type-checked as sources
        await expect(f!.content).toMatchFileSnapshot(`golden/${name}/${path}.golden`);
      }
    });
  }

  it("is deterministic: the same model gives the same bytes", () => {
    const ctx = caseContext("determinism", fooHeader({ enums: KIND_ENUM + BITS_ENUM, attrs: KIND_ATTR }));
    const run = () => [...emitEnums(ctx), ...emitObjects(ctx), ...emitApis(ctx), ...emitMetadata(ctx)].map((f) => f.content).join("\0");
    expect(run()).toBe(run());
  });

  it("starts every TypeScript file with the preamble and never imports outside src/", () => {
    const ctx = caseContext("preamble", fooHeader({ enums: KIND_ENUM, attrs: KIND_ATTR }));
    const all = [...runtimeFiles(ctx), ...emitEnums(ctx), ...emitObjects(ctx), ...emitApis(ctx), ...emitStatus(ctx), ...emitNotifications(ctx), ...emitMetadata(ctx), ...emitIndex(ctx)];
    for (const f of all) {
      expect(f.content.startsWith("// Generated by saigen (dashflow). DO NOT EDIT"), f.path).toBe(true);
      for (const m of f.content.matchAll(/(?:from|import)\s+"([^"]+)"/g)) {
        const spec = m[1]!;
        expect(spec.startsWith("."), `${f.path} imports ${spec}`).toBe(true);
        const depth = f.path.split("/").length - 2; // folders below src/
        expect(spec.split("/").filter((s) => s === "..").length, `${f.path} imports ${spec}`).toBeLessThanOrEqual(depth);
      }
    }
    // generated (not copied) modules reach the runtime only through runtime/v1
    for (const f of all.filter((x) => !x.path.startsWith("src/runtime/")))
      for (const m of f.content.matchAll(/from\s+"([^"]+)"/g)) if (m[1]!.includes("runtime/")) expect(m[1], f.path).toMatch(/runtime\/v1\//);
  });
});
