/**
 * The registry of emitters `saigen generate` runs, in order. Each artifact has one emitter module.
 */
import type { Emitter } from "./types.js";

/** Every emitter, in output order. */
export const EMITTERS: Emitter[] = [];
import { protoEmitter } from "./proto.js"; EMITTERS.push(protoEmitter); // proto/: schemas, gRPC services, flow messages
import { docsEmitter } from "./docs.js"; EMITTERS.push(docsEmitter); // docs/: reference pages per object type and header, object graph (DOT + SVG)
import { packageEmitter } from "./package.js"; EMITTERS.push(packageEmitter); // package.json, tsconfig.json, README.md of @dashflow/sai
import { runtimeCopyEmitter } from "./runtime-copy.js"; EMITTERS.push(runtimeCopyEmitter); // src/runtime/v1/: copied runtime + bindings helpers
import { enumsEmitter } from "./enums.js"; EMITTERS.push(enumsEmitter); // src/enums.ts
import { statusEmitter } from "./status.js"; EMITTERS.push(statusEmitter); // src/status.ts
import { objectsEmitter } from "./objects.js"; EMITTERS.push(objectsEmitter); // src/objects/<object>.ts
import { apisEmitter } from "./apis.js"; EMITTERS.push(apisEmitter); // src/apis/<api>.ts
import { notificationsEmitter } from "./notifications.js"; EMITTERS.push(notificationsEmitter); // src/notifications.ts
import { metadataEmitter } from "./metadata-tables.js"; EMITTERS.push(metadataEmitter); // src/metadata.ts
import { indexEmitter } from "./package-index.js"; EMITTERS.push(indexEmitter); // src/index.ts
