/**
 * Transport limits shared by the server and its clients, so both sides agree on what fits in one message.
 */

/** Largest gRPC message either direction; bulk work is batched far below it. */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
