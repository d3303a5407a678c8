/**
 * The slot codec's key packers: the word-wise packer (HA apply's path) writes exactly the bytes of the byte-wise one,
 * for any decoded flow key (IPv4 and IPv6 members, every width).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { FlowColumns } from "../../runtime/proto/specialized.js";
import type { FlowSchema } from "../../runtime/core/flow-schema.js";
import type { FlowTable } from "../../runtime/core/flow-tables.js";
import { entryArb } from "../proto/helpers.js";
import { standard } from "./_helpers.js";

describe("slot codec key packing", () => {
  it("packKeyWords writes the bytes packKey writes, at any word offset", () => {
    const { rt, table } = standard();
    const inner = rt as unknown as { schema: FlowSchema; cols: FlowColumns; tables: { tables: Map<bigint, FlowTable> } };
    const codec = inner.tables.tables.get(table)!.codec;
    const { cols, schema } = inner;
    const KB = schema.store.keyBytes;
    fc.assert(
      fc.property(entryArb(schema.proto), fc.integer({ min: 0, max: 3 }), (entry, at) => {
        schema.codec.writeRow(cols, 0, entry);
        const bytes = new Uint8Array((at + 1) * KB).fill(0xa5);
        codec.packKey(0, bytes, at * KB);
        const words = new Uint32Array(((at + 1) * KB) / 4).fill(0xa5a5a5a5);
        codec.packKeyWords(0, words, (at * KB) / 4);
        expect(new Uint8Array(words.buffer)).toEqual(bytes);
      }),
      { numRuns: 300 },
    );
  });
});
