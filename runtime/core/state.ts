/**
 * The runtime's answer to the validator's questions (`ValidationState`): what exists, KEY strings in use, and how
 * often an object is referenced — a flow table counts its flows as references, so a table that still holds flows
 * cannot be removed (OBJECT_IN_USE), in both header variants (flows that name their table in the key, and flows
 * placed by ENI MAC).
 */
import type { EntryKey } from "../api.js";
import type { ValidationState } from "../validate/types.js";
import { FLOW_TYPES } from "./flow-schema.js";
import type { FlowEngine } from "./flows.js";
import type { ObjectStore } from "./objects.js";

/** ValidationState over the object store and the flow tables. */
export class RuntimeState implements ValidationState {
  constructor(
    private readonly objects: ObjectStore,
    private readonly flows: () => FlowEngine | null,
  ) {}

  exists(oid: bigint): boolean {
    return this.objects.objects.has(oid);
  }

  objectTypeOf(oid: bigint): string | undefined {
    return this.objects.objects.get(oid)?.type;
  }

  entryExists(objectType: string, key: EntryKey): boolean {
    if (objectType === FLOW_TYPES.entry) return this.flows()?.exists(key) ?? false;
    return this.objects.entry(objectType, key) !== undefined;
  }

  keyInUse(objectType: string, key: string): boolean {
    return this.objects.keyInUse(`${objectType}|${key}`);
  }

  referenceCount(oid: bigint): number {
    const t = this.flows()?.tables.tables.get(oid);
    return this.objects.refCount(oid) + (t ? t.store.count : 0);
  }
}
