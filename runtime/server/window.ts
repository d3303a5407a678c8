/**
 * A gRPC server with a wide HTTP/2 receive window.
 *
 * grpc-js advertises HTTP/2's default 64 KiB receive window on the server side and has no option to raise it
 * (its `grpc-node.flow_control_window` option is client-only). A Push stream then carries at most ~64 KiB (about
 * 800 flows) before the sender must wait for a WINDOW_UPDATE, so a standby that is busy applying leaves the
 * sender idle and then idles itself waiting for data (PERFORMANCE.md, gRPC section). This server advertises
 * {@link RECEIVE_WINDOW} per stream (the SETTINGS_INITIAL_WINDOW_SIZE of every new connection, through Node's
 * public `Http2Server.updateSettings`) and for the connection (`Http2Session.setLocalWindowSize`).
 *
 * grpc-js creates its HTTP/2 servers in `createHttp2Server`, a method its typings leave out; the hook wraps it on
 * this instance only. Should a grpc-js release rename it, the server keeps working with the default window and
 * `receiveWindowHooked` is false (a test checks the advertised window, so an upgrade that loses it fails CI).
 */
import type * as http2 from "node:http2";
import * as grpc from "@grpc/grpc-js";

/** Bytes a peer may send ahead on one stream, and on one connection, before this server has read them. */
export const RECEIVE_WINDOW = 1 << 20;

type Http2ServerFactory = (credentials: grpc.ServerCredentials) => http2.Http2Server;

/** A `grpc.Server` whose HTTP/2 servers advertise a {@link RECEIVE_WINDOW} receive window. */
export class WideWindowServer extends grpc.Server {
  /** Whether the grpc-js internals the window hook needs were found. */
  readonly receiveWindowHooked: boolean;

  constructor(options?: grpc.ServerOptions) {
    super(options);
    const self = this as unknown as { createHttp2Server?: Http2ServerFactory };
    const create = self.createHttp2Server;
    this.receiveWindowHooked = typeof create === "function";
    if (!this.receiveWindowHooked) return;
    self.createHttp2Server = (credentials) => {
      const server = create!.call(this, credentials);
      server.updateSettings({ initialWindowSize: RECEIVE_WINDOW });
      server.on("session", (session: http2.ServerHttp2Session) => session.setLocalWindowSize(RECEIVE_WINDOW));
      return server;
    };
  }
}
