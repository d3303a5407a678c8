/**
 * Notification fan-out: listeners registered with `subscribe` receive every runtime notification synchronously,
 * in order; a throwing listener is isolated from the others and from the runtime.
 */
import type { NotificationListener, RuntimeNotification } from "../api.js";

/** A set of listeners. */
export class Notifier {
  private readonly listeners = new Set<NotificationListener>();

  /** Adds a listener; returns its unsubscribe function. */
  subscribe(l: NotificationListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Delivers one notification to every listener. */
  emit(n: RuntimeNotification): void {
    for (const l of this.listeners) {
      try {
        l(n);
      } catch {
        // a listener's failure is its own; the runtime and the other listeners carry on
      }
    }
  }
}
