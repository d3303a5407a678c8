/**
 * Protobuf for the DASH flow API: the schema data shared with the `proto` emitter, and the two SaiDashFlowEntry
 * codecs (FLOW_DATA_PB, bulk-get batches): protobufjs reflection as the reference, and the specialized codec
 * compiled from the model for hot paths.
 */
import type { SaiModel } from "../../generator/model/types.js";
import type { FlowCodec } from "./codec.js";
import { loadProtoRoot, protobufjsFlowCodec, type ProtoSource } from "./reference.js";
import { flowLayout, type FlowLayout } from "./schema.js";
import { specializedFlowCodec, type SpecializedFlowCodec } from "./specialized.js";

export * from "./codec.js";
export { flowLayout, FLOW_MESSAGES, FLOW_DATA_PB_ATTR, type FlowLayout, type FlowMessageLayout, type FlowFieldLayout } from "./schema.js";
export { loadProtoRoot, protobufjsFlowCodec, type ProtoSource } from "./reference.js";
export { specializedFlowCodec, flowCodecSource, flowColumnSpecs, type SpecializedFlowCodec, type FlowColumns, type ColumnSpec, type ColumnArray } from "./specialized.js";

/** Both flow codecs for a model, the protobufjs one over the generated schema (a folder or the emitter's files). */
export interface FlowCodecs {
  readonly layout: FlowLayout;
  readonly protobufjs: FlowCodec;
  readonly specialized: SpecializedFlowCodec;
}

/** Builds both codecs; null when the model has no DASH flow entry. */
export function loadFlowCodecs(model: SaiModel, schema: string | readonly ProtoSource[]): FlowCodecs | null {
  const layout = flowLayout(model);
  if (!layout) return null;
  return { layout, protobufjs: protobufjsFlowCodec(layout, loadProtoRoot(schema)), specialized: specializedFlowCodec(layout) };
}
export { frameFlowBatch, type FlowBatchFinished } from "./batch.js";
