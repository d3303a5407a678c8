/**
 * The `ts-notifications` emitter: `src/notifications.ts` with one callback type per `sai_<n>_notification_fn`
 * (SAI-METADATA.md §1.7) and an interface per data struct they deliver. A `count` parameter or member that only
 * gives the length of a pointer (`@count data[count]`) is dropped, the pointer becomes a readonly array; an
 * attribute list with `@objects` is typed as that object type's `{id, value}` attributes.
 */
import type { NotificationMetadata, StructMetadata } from "../model/types.js";
import { MODULES, propertyKey, safeIdentifier } from "./names.js";
import { docText, renderTemplate, TsFile } from "./ts-file.js";
import { tsPlan, type TsPlan } from "./ts-plan.js";
import { TypeWriter } from "./ts-types.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** The view of one struct or union. */
export function structView(s: StructMetadata, name: string, types: TypeWriter) {
  const counts = new Set(s.counts.map((c) => c.count));
  return {
    name,
    isUnion: s.kind === "union",
    doc: docText(`${s.brief ? s.brief.replace(/\.?$/, ". ") : ""}\`${s.name}\`${s.kind === "union" ? " (a union: exactly one member)" : ""}.`),
    members: s.members
      .filter((m) => s.kind === "union" || !counts.has(m.name))
      .map((m) => ({
        doc: docText(`${m.brief ? m.brief.replace(/\.?$/, ". ") : ""}\`${m.ctype}\`${m.validonly ? `, valid when ${m.validonly}` : ""}.`),
        key: propertyKey(m.name),
        type: types.cType(m.basetype, m.pointer, m.arraysize, m.allowedobjecttypes),
      })),
  };
}

/** The view of one notification callback. */
export function callbackView(n: NotificationMetadata, plan: TsPlan, types: TypeWriter) {
  const counted = new Set(n.params.map((p) => p.count).filter((c): c is string => c !== null && !/^\d+$/.test(c)));
  const params = n.params
    .filter((p) => !counted.has(p.name))
    .map((p) => `${safeIdentifier(p.name)}: ${p.basetype === "void" ? "Uint8Array" : types.cType(p.basetype, p.pointer, null, p.objects)}`);
  return {
    name: plan.names.notifications.get(n.name)!.callback,
    doc: docText(`${n.brief ? n.brief.replace(/\.?$/, ". ") : ""}\`${n.fntype}\`${n.switchattr ? `, registered with \`${n.switchattr}\`` : ""}.`),
    params: params.join(", "),
  };
}

/** `src/notifications.ts`. */
export function emitNotifications(ctx: EmitContext): GeneratedFile[] {
  const plan = tsPlan(ctx.model);
  const file = new TsFile(MODULES.notifications);
  const types = new TypeWriter(ctx.model, plan.names, file);
  const structs = new Map(ctx.model.structs.map((s) => [s.name, s]));
  const view = {
    structs: [...plan.names.structs].map(([c, name]) => structView(structs.get(c)!, name, types)),
    callbacks: ctx.model.notifications.map((n) => callbackView(n, plan, types)),
  };
  return [file.finish(renderTemplate("notifications.ts", view), ctx.provenance, "Notification callbacks (`sai_*_notification_fn`) and the data they deliver.")];
}

/** The emitter. */
export const notificationsEmitter: Emitter = { name: "ts-notifications", emit: emitNotifications };
