/**
 * Commits provisioned flow-store memory in the background: a slice of at most STEP_BYTES per event-loop turn, so a
 * server provisioning a table for tens of millions of flows (gigabytes of pages to commit, seconds of work) keeps
 * answering calls and keepalive pings meanwhile. `idle()` resolves once everything queued is committed.
 */
import type { FlowStore } from "../flowstore/index.js";

/** Bytes committed per turn (~2,000 pages: a few ms). */
const STEP_BYTES = 8 << 20;

export class Provisioner {
  private readonly queue: FlowStore[] = [];
  private waiters: (() => void)[] = [];
  private running = false;
  private closed = false;

  /** Queues the pending commit of `store` (after `store.reserve(n, false)`). */
  add(store: FlowStore): void {
    if (this.closed) return;
    if (!this.queue.includes(store)) this.queue.push(store);
    if (!this.running) {
      this.running = true;
      setImmediate(this.step);
    }
  }

  /** Resolves when nothing queued is left to commit. */
  idle(): Promise<void> {
    return this.queue.length === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops (a closing runtime): what is left stays uncommitted, to be faulted in on use. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.settle();
  }

  private readonly step = (): void => {
    const store = this.queue[0];
    if (store && store.commitPending(STEP_BYTES)) this.queue.shift();
    if (this.queue.length > 0) setImmediate(this.step);
    else {
      this.running = false;
      this.settle();
    }
  };

  private settle(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const resolve of w) resolve();
  }
}
