/**
 * Reference docs emitter: `docs/README.md` (index), `docs/objects/<object>.md` (one page per object type),
 * `docs/enums/<header>.md` (enums grouped by the header that declares them: upstream has 440+ enums, and people
 * look for them by header), and the object graph as `docs/graph.dot` plus `docs/graph.svg`.
 *
 * Templates under `templates/docs/` are logic-free; every table cell is computed here.
 *
 * Graphviz policy, chosen so that output never depends silently on the machine: the SVG is rendered with
 * `dot -Tsvg` and `dot` is required. Without it the emitter stops with a message saying to install graphviz,
 * so `saigen generate` (and `--check`) fail loudly instead of writing or reporting a tree without the SVG.
 * `SAIGEN_DOCS_SVG=skip` opts out explicitly: only the DOT file is written and the index says so (that tree
 * then differs from the committed one, which `generate --check` reports). The SVG's layout depends on the
 * Graphviz version; CI installs Debian's `graphviz`, and the version banner is stripped from the file.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import Handlebars from "handlebars";
import { UsageError } from "../cli/io.js";
import { conditionText, defaultText, valueTypeText } from "../model/text.js";
import type { AttrMetadata, EnumMetadata, FunctionTypedef, ObjectTypeInfo, SaiModel } from "../model/types.js";
import { preamble } from "./preamble.js";
import type { EmitContext, Emitter, GeneratedFile } from "./types.js";

/** How to treat the SVG: `require` fails without Graphviz, `skip` writes the DOT file alone. */
export type SvgMode = "require" | "skip";

const TEMPLATE_DIR = new URL("../../templates/docs/", import.meta.url);
const hb = Handlebars.create();
const templates = new Map<string, HandlebarsTemplateDelegate>();

function render(name: string, view: object): string {
  let t = templates.get(name);
  if (!t) {
    // noEscape: the output is Markdown/DOT, escaped here per target syntax; strict: a missing view field is a bug
    t = hb.compile(readFileSync(new URL(name, TEMPLATE_DIR), "utf8"), { noEscape: true, strict: true });
    templates.set(name, t);
  }
  return t(view);
}

// ---------------------------------------------------------------- names and Markdown cells

/** Code-unit order, so page order never depends on the locale. */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** `SAI_OBJECT_TYPE_FLOW_ENTRY` → `flow_entry` (page file name and graph node id). */
export function objectStem(objecttype: string): string {
  return objecttype.replace(/^SAI_OBJECT_TYPE_/, "").toLowerCase();
}

function shortType(objecttype: string): string {
  return objecttype.replace(/^SAI_OBJECT_TYPE_/, "");
}

/** Header name without folder and `.h`, or `generated` for enums the generator synthesized. */
function headerStem(location: string): string {
  const file = location.replace(/:\d+(:\d+)?$/, "");
  return file.endsWith(".h") ? basename(file, ".h") : "generated";
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\s*\n\s*/g, " ");
}

function code(text: string): string {
  return text ? `\`${text.replace(/\|/g, "\\|")}\`` : "";
}

function hex(n: number): string {
  return n < 0 ? String(n) : `0x${n.toString(16)}`;
}

/** Link from a page in `docs/objects/` or `docs/enums/` to an object type page. */
function objectLink(objecttype: string, from: "objects" | "enums" | "root"): string {
  const dir = from === "objects" ? "" : from === "enums" ? "../objects/" : "objects/";
  return `[${shortType(objecttype)}](${dir}${objectStem(objecttype)}.md)`;
}

function isDocumentedEnum(e: EnumMetadata): boolean {
  // attribute enums are the object pages; their extension/custom parts are merged into them
  return e.objecttype === null && !/_attr_(extensions|custom)_t$/.test(e.name);
}

// ---------------------------------------------------------------- view-models

/** The API table that owns an object type (`o.api` is the `SAI_API_*` name; older models used the stem). */
function apiTable(model: SaiModel, o: ObjectTypeInfo) {
  return model.apis.find((a) => a.objecttypes.includes(o.objecttype)) ?? model.apis.find((a) => a.apienum === o.api || a.stem === o.api);
}

/** Human name of an object type's API group: the table's stem (`dash_flow`), else whatever the model says. */
function apiGroup(model: SaiModel, o: ObjectTypeInfo): string {
  return apiTable(model, o)?.stem ?? o.api ?? "";
}

interface Ctx {
  model: SaiModel;
  attrs: Map<string, AttrMetadata>;
  enumPage: Map<string, string>;
  fns: Map<string, FunctionTypedef>;
}

function enumLink(ctx: Ctx, name: string, fromDir: "objects" | "enums"): string {
  const page = ctx.enumPage.get(name);
  if (!page) return code(name);
  return `[${code(name)}](${fromDir === "enums" ? "" : "../enums/"}${page}.md#${name})`;
}

function typeCell(ctx: Ctx, a: AttrMetadata): string {
  if (a.enummetadata && a.isenumlist) return `${code(a.typestring.split(" ")[0]!)} of ${enumLink(ctx, a.enummetadata, "objects")}`;
  if (a.enummetadata) return a.typestring === a.enummetadata ? enumLink(ctx, a.enummetadata, "objects") : `${code(a.typestring)} (${enumLink(ctx, a.enummetadata, "objects")})`;
  return `${code(a.typestring)}<br>${valueTypeText(a.attrvaluetype)}`;
}

function conditionsCell(a: AttrMetadata): string {
  const parts: string[] = [];
  if (a.isconditional) parts.push(`condition: ${code(conditionText(a.conditiontype, a.conditions))}${a.isconditionrelaxed ? " (relaxed)" : ""}`);
  if (a.isvalidonly) parts.push(`valid only: ${code(conditionText(a.validonlytype, a.validonly))}`);
  return parts.join("<br>");
}

function signature(f: FunctionTypedef | undefined, fntype: string): string {
  if (!f) return code(fntype);
  const dir = { in: "_In_ ", out: "_Out_ ", inout: "_Inout_ " } as const;
  const params = f.params.map((p) => `${p.direction ? dir[p.direction] : ""}${p.ctype}${p.ctype.endsWith("*") ? "" : " "}${p.name}`);
  return `${code(fntype)}: ${code(`${f.returntype} (${params.join(", ")})`)}`;
}

function objectView(ctx: Ctx, o: ObjectTypeInfo) {
  const { model } = ctx;
  const attrs = o.attributes.map((n) => ctx.attrs.get(n)).filter((a): a is AttrMetadata => a !== undefined);
  const api = apiTable(model, o);
  const brief = model.enums.find((e) => e.name === "sai_object_type_t")?.values.find((v) => v.name === o.objecttype)?.brief ?? "";
  const facts = [
    { label: "Object type", value: `${code(o.objecttype)} = ${hex(o.value)}` },
    { label: "Kind", value: o.isnonobjectid ? `entry, keyed by ${code(o.keystruct ?? "")}` : "object id" },
    { label: "API", value: api ? `${code(api.name)} (${code(api.apienum ?? "")})` : o.api ? code(o.api) : "none" },
    { label: "Header", value: code(o.header ? basename(o.header) : "") },
    { label: "Attribute enum", value: code(o.attrenum) },
    ...(o.statenum ? [{ label: "Statistics", value: enumLink(ctx, o.statenum, "objects") }] : []),
    ...(o.isexperimental ? [{ label: "Family", value: "experimental" }] : o.iscustom ? [{ label: "Family", value: "custom" }] : []),
  ];
  const objects = (list: readonly string[]) => list.map((t) => objectLink(t, "objects")).join(", ");
  const key = o.isnonobjectid
    ? {
        struct: o.keystruct ?? "",
        members: o.structmembers.map((m) => ({
          offset: m.offset,
          size: m.size,
          name: m.membername,
          ctype: m.enummetadata ? enumLink(ctx, m.enummetadata, "objects") : code(m.ctype),
          valuetype: valueTypeText(m.membervaluetype) + (m.isvlan ? " (vlan)" : ""),
          objects: objects(m.allowedobjecttypes),
        })),
      }
    : null;
  const prefix = `SAI_${shortType(o.objecttype)}_ATTR_`;
  const attributes = attrs.map((a) => ({
    id: hex(a.attrid),
    anchor: a.attridname,
    name: a.attridname.startsWith(prefix) ? a.attridname.slice(prefix.length) : a.attridname,
    type: typeCell(ctx, a),
    flags: cell(a.flags.map((f) => f.replace(/^SAI_ATTR_FLAGS_/, "")).join(" | ")),
    default: code(defaultText(a)) + (a.allownullobjectid ? " (null allowed)" : ""),
    objects: objects(a.allowedobjecttypes),
    conditions: conditionsCell(a),
    brief: cell(a.brief) + (a.isdeprecated ? " **Deprecated.**" : ""),
  }));
  const functions = model.apis.flatMap((t) =>
    t.members
      .filter((m) => m.objecttype === o.objecttype)
      .map((m) => ({ api: t.name, name: m.name, kind: m.kind.replace(/_/g, " "), signature: signature(ctx.fns.get(m.fntype), m.fntype) })),
  );
  const refsOut = [
    ...o.structmembers
      .filter((m) => m.allowedobjecttypes.length > 0)
      .map((m) => ({ via: `key member ${code(m.membername)}`, targets: objects(m.allowedobjecttypes) })),
    ...attrs
      .filter((a) => a.allowedobjecttypes.length > 0)
      .map((a) => ({ via: `${code(a.attridname)}${a.isreadonly ? " (read-only)" : ""}`, targets: objects(a.allowedobjecttypes) })),
  ];
  const refsIn = [...o.revgraphmembers]
    .sort((a, b) => cmp(a.depobjecttype, b.depobjecttype) || cmp(a.attrmetadata ?? a.structmember ?? "", b.attrmetadata ?? b.structmember ?? ""))
    .map((r) => ({
      from: objectLink(r.depobjecttype, "objects"),
      via: r.attrmetadata ? `[${code(r.attrmetadata)}](${objectStem(r.depobjecttype)}.md#${r.attrmetadata})` : `key member ${code(r.structmember ?? "")}`,
    }));
  return { title: code(o.objecttype), brief: cell(brief), facts, key, attributes, functions, refsOut, refsIn };
}

function enumPageView(ctx: Ctx, header: string, enums: EnumMetadata[]) {
  const all = new Set(ctx.model.enums.map((e) => e.name));
  const users = new Map<string, string[]>();
  for (const a of ctx.model.attributes)
    if (a.enummetadata) users.set(a.enummetadata, [...(users.get(a.enummetadata) ?? []), a.attridname]);
  return {
    title: header === "generated" ? "Enums synthesized by the generator" : `Enums in ${code(`${header}.h`)}`,
    enums: enums.map((e) => {
      const notes: string[] = [];
      if (e.containsflags) notes.push(`Flags: \`${e.flagstype.replace(/^SAI_ENUM_FLAGS_TYPE_/, "").toLowerCase()}\` (values may be combined with bitwise or).`);
      if (all.has(e.name.replace(/_t$/, "_extensions_t"))) notes.push(`Includes the values of ${enumLink(ctx, e.name.replace(/_t$/, "_extensions_t"), "enums")}.`);
      if (e.synthesized) notes.push("Synthesized by the generator, as SAI's metadata build does.");
      const usedBy = (users.get(e.name) ?? []).sort(cmp).map((n) => {
        const a = ctx.attrs.get(n)!;
        return `[${code(n)}](../objects/${objectStem(a.objecttype)}.md#${n})`;
      });
      return {
        name: e.name,
        anchor: e.name,
        brief: cell(e.brief),
        notes,
        values: e.values.map((v) => ({ value: hex(v.value), name: v.name, brief: cell(v.brief) })),
        aliases: e.ignorevalues.map((v) => ({ name: v.name, aliasof: v.aliasof })),
        usedBy: usedBy.join(", "),
      };
    }),
  };
}

// ---------------------------------------------------------------- graph

/** A DOT double-quoted string. */
function dq(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/**
 * The object graph as DOT: one node per object type (boxed by API), one edge per (referrer, referenced, kind)
 * with the attribute or key member names as tooltip. `switch_id` key members are left out: every entry has one
 * and drawing them buries the graph in arrows to SWITCH. APIs with two or more object types are boxed.
 */
export function graphDot(model: SaiModel): string {
  const attrs = new Map(model.attributes.map((a) => [a.attridname, a]));
  // ids are quoted: an object type named like a DOT keyword (`node`, `graph`) must not break the file
  const node = (o: ObjectTypeInfo) => ({
    id: dq(objectStem(o.objecttype)),
    label: dq(shortType(o.objecttype)),
    tooltip: dq(`${o.objecttype} (${o.attributes.length} attributes)`),
    url: dq(`objects/${objectStem(o.objecttype)}.md`),
    style: o.isnonobjectid ? `, style="rounded,filled", fillcolor="#fff2cc"` : "",
  });
  const byApi = new Map<string, ObjectTypeInfo[]>();
  const loose: ObjectTypeInfo[] = [];
  for (const o of [...model.objectTypes].sort((a, b) => cmp(a.objecttype, b.objecttype))) {
    const g = apiGroup(model, o);
    if (g) byApi.set(g, [...(byApi.get(g) ?? []), o]);
    else loose.push(o);
  }
  // a box around a single node only costs space: APIs with one object type stay unboxed
  for (const [api, list] of byApi)
    if (list.length < 2) {
      loose.push(...list);
      byApi.delete(api);
    }
  loose.sort((a, b) => cmp(a.objecttype, b.objecttype));
  const clusters = [...byApi.keys()].sort(cmp).map((api) => ({
    id: `cluster_${api.replace(/\W/g, "_")}`,
    label: dq(api),
    nodes: byApi.get(api)!.map(node),
  }));
  const edges = new Map<string, { from: string; to: string; kind: "attr" | "ro" | "key"; via: string[] }>();
  const add = (from: string, to: string, kind: "attr" | "ro" | "key", via: string) => {
    const k = `${from} ${to} ${kind}`;
    const e = edges.get(k) ?? { from: dq(objectStem(from)), to: dq(objectStem(to)), kind, via: [] };
    e.via.push(via);
    edges.set(k, e);
  };
  const known = new Set(model.objectTypes.map((o) => o.objecttype));
  for (const o of model.objectTypes) {
    for (const m of o.structmembers)
      if (m.membername !== "switch_id") for (const t of m.allowedobjecttypes) if (known.has(t)) add(o.objecttype, t, "key", m.membername);
    for (const n of o.attributes) {
      const a = attrs.get(n);
      if (a) for (const t of a.allowedobjecttypes) if (known.has(t)) add(o.objecttype, t, a.isreadonly ? "ro" : "attr", a.attridname);
    }
  }
  // read-only attributes list what exists (a switch lists its ports): drawn light and left out of the
  // ranking, so the layout follows the references objects are created with
  const style = { attr: "", ro: `, style=dotted, color="#aaaaaa", constraint=false`, key: `, style=dashed, color="#b58900"` };
  const edgeList = [...edges.values()]
    .sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind))
    .map((e) => ({ from: e.from, to: e.to, tooltip: dq(e.via.sort(cmp).join(", ")), style: style[e.kind] }));
  return render("graph.dot.hbs", { clusters, loose: loose.map(node), edges: edgeList });
}

/** True when Graphviz's `dot` can be run. */
export function hasDot(): boolean {
  try {
    execFileSync("dot", ["-V"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The SVG in `outDir` when its sibling DOT equals `dotFile` (it was rendered from the same graph), else null. */
function keptSvg(outDir: string | undefined, dotFile: string): string | null {
  if (!outDir) return null;
  try {
    if (readFileSync(join(outDir, "docs/graph.dot"), "utf8") !== dotFile) return null;
    const svg = readFileSync(join(outDir, "docs/graph.svg"), "utf8");
    process.stderr.write("saigen: Graphviz `dot` not found; the dependency graph is unchanged, keeping docs/graph.svg\n");
    return svg;
  } catch {
    return null;
  }
}

/** Renders DOT to SVG with `dot -Tsvg`, minus the XML declaration and Graphviz's version banner. */
export function renderSvg(dot: string): string {
  const svg = execFileSync("dot", ["-Tsvg"], { input: dot, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  // the banner names the Graphviz version and would make the file differ between machines for no reason;
  // the XML declaration goes so that the preamble comment can be the first thing in the file
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, "")
    .replace(/<!-- Generated by graphviz[^>]*-->\s*/, "");
}

// ---------------------------------------------------------------- emitter


/** Every docs file for the model; `svg` decides whether Graphviz renders `graph.svg` (see the module doc). */
export function docsFiles(ctx: EmitContext, svg: SvgMode): GeneratedFile[] {
  const { model, provenance } = ctx;
  const dot = graphDot(model);
  const dotFile = preamble(provenance, "slash") + dot;
  // without Graphviz, an SVG already rendered from exactly this DOT is still right: keep it (a fresh clone can
  // regenerate and pass --check without installing graphviz as long as the graph did not change)
  const kept = svg === "require" && !hasDot() ? keptSvg(ctx.outDir, dotFile) : null;
  if (svg === "require" && !hasDot() && kept === null)
    throw new UsageError(
      "the docs emitter renders docs/graph.svg with Graphviz, but `dot` was not found: install graphviz " +
        "(Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz), or set SAIGEN_DOCS_SVG=skip " +
        "to write docs/graph.dot alone (the output then differs from the committed generated/)",
    );
  const md = preamble(provenance, "html");
  const documented = model.enums.filter(isDocumentedEnum);
  const enumPage = new Map(documented.map((e) => [e.name, headerStem(e.location)]));
  const c: Ctx = {
    model,
    attrs: new Map(model.attributes.map((a) => [a.attridname, a])),
    enumPage,
    fns: new Map(model.functions.map((f) => [f.name, f])),
  };
  const files: GeneratedFile[] = [];

  const objects = [...model.objectTypes].sort((a, b) => cmp(a.objecttype, b.objecttype));
  for (const o of objects) files.push({ path: `docs/objects/${objectStem(o.objecttype)}.md`, content: md + "\n" + render("object.md.hbs", objectView(c, o)) });

  const byHeader = new Map<string, EnumMetadata[]>();
  for (const e of documented) byHeader.set(enumPage.get(e.name)!, [...(byHeader.get(enumPage.get(e.name)!) ?? []), e]);
  const headers = [...byHeader.keys()].sort(cmp);
  for (const h of headers) {
    const list = byHeader.get(h)!.sort((a, b) => cmp(a.name, b.name));
    files.push({ path: `docs/enums/${h}.md`, content: md + "\n" + render("enums.md.hbs", enumPageView(c, h, list)) });
  }

  files.push({ path: "docs/graph.dot", content: dotFile });
  if (svg === "require") files.push({ path: "docs/graph.svg", content: kept ?? preamble(provenance, "html") + renderSvg(dot) });

  const groups = new Map<string, ObjectTypeInfo[]>();
  for (const o of objects) groups.set(apiGroup(model, o), [...(groups.get(apiGroup(model, o)) ?? []), o]);
  const apis = [...groups.keys()].sort(cmp).map((group) => {
    const table = model.apis.find((a) => a.stem === group);
    return {
      title: table ? `${code(table.name)}${table.apienum ? ` (${code(table.apienum)})` : ""}` : group ? code(group) : "Without an API table",
      objects: groups.get(group)!.map((o) => ({
        name: shortType(o.objecttype),
        link: `objects/${objectStem(o.objecttype)}.md`,
        value: hex(o.value),
        kind: o.isnonobjectid ? "entry" : "object id",
        attributes: o.attributes.length,
        header: o.header ? basename(o.header) : "",
      })),
    };
  });
  const commits = Object.entries(provenance.commits).sort(([a], [b]) => cmp(a, b)).map(([d, h]) => `${code(d)} at commit ${code(h)}`);
  const index = {
    headerCount: provenance.files.length,
    sha256: provenance.sha256,
    commits: commits.join(", "),
    counts: [
      `${model.objectTypes.length} object types (${plural(model.objectTypes.filter((o) => o.isnonobjectid).length, "entry", "entries")}), ${model.attributes.length} attributes`,
      `${documented.length} enums in ${headers.length} headers (attribute enums are listed on the object pages)`,
      `${model.apis.length} API tables, ${model.apis.reduce((n, a) => n + a.members.length, 0)} API functions`,
    ],
    apis,
    enumPages: headers.map((h) => ({ header: h === "generated" ? "(generated)" : `${h}.h`, link: `enums/${h}.md`, count: byHeader.get(h)!.length })),
    graphNote:
      svg === "require"
        ? "Rendered: [`graph.svg`](graph.svg) (Graphviz `dot -Tsvg`; object type nodes link to their pages)."
        : "`graph.svg` was **not rendered** (generated with `SAIGEN_DOCS_SVG=skip`); render it with `dot -Tsvg graph.dot -o graph.svg`.",
  };
  files.push({ path: "docs/README.md", content: md + "\n" + render("index.md.hbs", index) });
  return files;
}

/** The docs emitter; `SAIGEN_DOCS_SVG=skip` in the environment writes the graph as DOT only. */
export const docsEmitter: Emitter = {
  name: "docs",
  emit: (ctx) => docsFiles(ctx, process.env.SAIGEN_DOCS_SVG === "skip" ? "skip" : "require"),
};
