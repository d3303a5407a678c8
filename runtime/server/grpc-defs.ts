/**
 * gRPC method definitions built from the protobufjs schema. Requests reach handlers as raw bytes (identity
 * deserializer), so a handler decodes them itself and answers malformed input with INVALID_ARGUMENT instead of the
 * generic INTERNAL grpc-js sends when a deserializer throws; responses are either message objects (encoded here)
 * or bytes that are already encoded (sent as they are: the bulk paths never re-encode flow data).
 */
import * as grpc from "@grpc/grpc-js";
import type protobuf from "protobufjs";

/** Bytes → Buffer without copying. */
export function asBuffer(b: Uint8Array): Buffer {
  return Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

/** Serializer of one message type that passes pre-encoded bytes through untouched. */
export function serializerOf(type: protobuf.Type): (v: unknown) => Buffer {
  return (v) => (v instanceof Uint8Array ? asBuffer(v) : asBuffer(type.encode(v as Record<string, unknown>).finish()));
}

/** The server-side definition of every method of `svc` (requests arrive as Buffers). */
export function serverDefinition(svc: protobuf.Service): grpc.ServiceDefinition {
  const def: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  const full = svc.fullName.replace(/^\./, "");
  for (const m of svc.methodsArray) {
    m.resolve();
    const res = m.resolvedResponseType!;
    def[m.name] = {
      path: `/${full}/${m.name}`,
      requestStream: !!m.requestStream,
      responseStream: !!m.responseStream,
      requestSerialize: serializerOf(m.resolvedRequestType!),
      requestDeserialize: (b: Buffer) => b,
      responseSerialize: serializerOf(res),
      responseDeserialize: (b: Buffer) => b,
      originalName: m.name,
    };
  }
  return def;
}

/** Decodes request bytes, or returns the gRPC error to answer with. */
export function decodeRequest(type: protobuf.Type, buf: Buffer): { ok: true; msg: Record<string, unknown> } | { ok: false; error: grpc.ServiceError } {
  try {
    return { ok: true, msg: type.decode(buf) as unknown as Record<string, unknown> };
  } catch (e) {
    return { ok: false, error: grpcError(grpc.status.INVALID_ARGUMENT, `malformed ${type.name}: ${(e as Error).message}`) };
  }
}

/** A gRPC error value with a status code and a message for people. */
export function grpcError(code: grpc.status, details: string): grpc.ServiceError {
  const e = new Error(details) as grpc.ServiceError;
  e.code = code;
  e.details = details;
  e.metadata = new grpc.Metadata();
  return e;
}
