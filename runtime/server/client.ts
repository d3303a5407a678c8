/**
 * A client of `dashflow serve`, over the same schema: unary calls with message objects, and the bulk paths with
 * raw bytes (identity serializers), so flow data is never turned into message objects on the way. gRPC failures
 * become {@link RpcError}s whose message says what happened in words (unreachable, timed out, refused).
 */
import * as grpc from "@grpc/grpc-js";
import type protobuf from "protobufjs";
import type { Msg } from "./convert.js";
import { asBuffer } from "./grpc-defs.js";
import { MAX_MESSAGE_BYTES } from "./limits.js";
import { services, type Schema } from "./schema.js";

/** A failed call: gRPC status code and a one-line explanation. */
export class RpcError extends Error {
  constructor(
    message: string,
    readonly code: grpc.status,
  ) {
    super(message);
  }
}

/** One line for a gRPC error, naming the server. */
export function describeGrpcError(address: string, e: unknown): RpcError {
  const ge = e as Partial<grpc.ServiceError>;
  const code = typeof ge.code === "number" ? ge.code : grpc.status.UNKNOWN;
  // grpc-js appends an empty "Resolution note:" to connection errors; it says nothing to a user
  const details = (ge.details || (e as Error).message || String(e)).replace(/\s*Resolution note:\s*$/, "").replace(/\.$/, "");
  switch (code) {
    case grpc.status.UNAVAILABLE:
      return new RpcError(`cannot reach ${address} (${details}); is \`dashflow serve\` running there?`, code);
    case grpc.status.DEADLINE_EXCEEDED:
      return new RpcError(`${address} did not answer in time (${details})`, code);
    case grpc.status.CANCELLED:
      return new RpcError(`call to ${address} was cancelled (${details})`, code);
    default:
      return new RpcError(`${address}: ${grpc.status[code] ?? code}: ${details}`, code);
  }
}

/** Channel options: message caps as on the server; keepalive so a dead peer is noticed within seconds. */
export const CLIENT_OPTIONS: grpc.ChannelOptions = {
  "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
  "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
  "grpc.keepalive_time_ms": 5_000,
  "grpc.keepalive_timeout_ms": 3_000,
  "grpc.keepalive_permit_without_calls": 1,
  // a larger receive window lets streamed dumps run without waiting for window updates
  "grpc-node.flow_control_window": 8 * 1024 * 1024,
};

interface MethodInfo {
  readonly path: string;
  readonly req: protobuf.Type;
  readonly res: protobuf.Type;
}

/** A connection to one server. */
export class DashClient {
  private readonly client: grpc.Client;
  private readonly methods = new Map<string, MethodInfo>();

  constructor(
    readonly address: string,
    schema: Schema,
  ) {
    this.client = new grpc.Client(address, grpc.credentials.createInsecure(), CLIENT_OPTIONS);
    for (const [name, svc] of services(schema))
      for (const m of svc.methodsArray) {
        m.resolve();
        this.methods.set(`${name}/${m.name}`, { path: `/${name}/${m.name}`, req: m.resolvedRequestType!, res: m.resolvedResponseType! });
      }
  }

  private method(service: string, name: string): MethodInfo {
    const m = this.methods.get(`${service}/${name}`);
    if (!m) throw new Error(`internal: no rpc ${service}/${name} in the schema`);
    return m;
  }

  /**
   * Waits until the channel is connected. Fails at the first failed connection attempt (a refused connection is
   * an answer: nobody listens there) or after `timeoutMs` without an answer.
   */
  ready(timeoutMs = 5000): Promise<void> {
    const channel = this.client.getChannel();
    const deadline = Date.now() + timeoutMs;
    const unreachable = (why: string) => new RpcError(`cannot reach ${this.address} (${why}); is \`dashflow serve\` running there?`, grpc.status.UNAVAILABLE);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const s = channel.getConnectivityState(true);
        if (s === grpc.connectivityState.READY) return resolve();
        if (s === grpc.connectivityState.TRANSIENT_FAILURE) return reject(unreachable("connection failed"));
        if (s === grpc.connectivityState.SHUTDOWN) return reject(unreachable("channel closed"));
        channel.watchConnectivityState(s, deadline, (e) => (e ? reject(unreachable(`no answer within ${timeoutMs} ms`)) : check()));
      };
      check();
    });
  }

  /** A unary call with a message object (or pre-encoded bytes); resolves to the decoded response. */
  unary(service: string, name: string, req: Msg | Uint8Array, deadlineMs?: number): Promise<Msg> {
    const m = this.method(service, name);
    return new Promise((resolve, reject) => {
      const opts: grpc.CallOptions = deadlineMs ? { deadline: Date.now() + deadlineMs } : {};
      this.client.makeUnaryRequest<Msg | Uint8Array, Msg>(
        m.path,
        (v) => (v instanceof Uint8Array ? asBuffer(v) : asBuffer(m.req.encode(v).finish())),
        (b: Buffer) => m.res.toObject(m.res.decode(b), { longs: String, bytes: Buffer, defaults: false }) as Msg,
        req,
        new grpc.Metadata(),
        opts,
        (e, res) => (e ? reject(describeGrpcError(this.address, e)) : resolve(res!)),
      );
    });
  }

  /** A server-streaming call whose responses stay raw bytes. */
  serverStreamRaw(service: string, name: string, req: Msg): grpc.ClientReadableStream<Buffer> {
    const m = this.method(service, name);
    return this.client.makeServerStreamRequest<Msg, Buffer>(
      m.path,
      (v) => asBuffer(m.req.encode(v).finish()),
      (b: Buffer) => b,
      req,
      new grpc.Metadata(),
      {},
    );
  }

  /** A client-streaming call sending raw bytes; `done` gets the decoded response. */
  clientStreamRaw(service: string, name: string, done: (e: RpcError | null, res?: Msg) => void): grpc.ClientWritableStream<Uint8Array> {
    const m = this.method(service, name);
    return this.client.makeClientStreamRequest<Uint8Array, Msg>(
      m.path,
      (v) => asBuffer(v),
      (b: Buffer) => m.res.toObject(m.res.decode(b), { longs: String, bytes: Buffer, defaults: false }) as Msg,
      new grpc.Metadata(),
      {},
      (e, res) => (e ? done(describeGrpcError(this.address, e)) : done(null, res)),
    );
  }

  /** Closes the channel. */
  close(): void {
    this.client.close();
  }
}
