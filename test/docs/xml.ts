/**
 * A small XML well-formedness check for the rendered SVG (Node has no XML parser and we add no dependency):
 * one root element, balanced tags, quoted attributes, known entity forms, comments without `--`.
 */

/** Returns null when `text` is well-formed XML, else a message naming the first problem and its offset. */
export function xmlProblem(text: string): string | null {
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  const name = /^[A-Za-z_:][\w.:-]*/;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    const chunk = lt < 0 ? text.slice(i) : text.slice(i, lt);
    const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(chunk);
    if (bad) return `bad entity at ${i + bad.index}`;
    if (stack.length === 0 && chunk.trim() !== "") return `text outside the root element at ${i}`;
    if (lt < 0) break;
    i = lt;
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) return `unterminated comment at ${i}`;
      if (text.slice(i + 4, end).includes("--")) return `"--" inside a comment at ${i}`;
      i = end + 3;
    } else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i);
      if (end < 0) return `unterminated CDATA at ${i}`;
      i = end + 3;
    } else if (text.startsWith("<?", i)) {
      if (i !== 0 && text.startsWith("<?xml ", i)) return `XML declaration not at the start (offset ${i})`;
      const end = text.indexOf("?>", i);
      if (end < 0) return `unterminated processing instruction at ${i}`;
      i = end + 2;
    } else if (text.startsWith("<!DOCTYPE", i)) {
      if (roots > 0 || stack.length > 0) return `DOCTYPE after the root element at ${i}`;
      const end = text.indexOf(">", i);
      i = end + 1;
    } else if (text.startsWith("</", i)) {
      const m = name.exec(text.slice(i + 2));
      const end = text.indexOf(">", i);
      if (!m || end < 0) return `bad end tag at ${i}`;
      const open = stack.pop();
      if (open !== m[0]) return `</${m[0]}> closes <${open ?? "nothing"}> at ${i}`;
      i = end + 1;
    } else {
      const m = name.exec(text.slice(i + 1));
      if (!m) return `bad tag at ${i}`;
      let j = i + 1 + m[0].length;
      const seen = new Set<string>();
      for (;;) {
        const rest = text.slice(j);
        const ws = /^\s*/.exec(rest)![0].length;
        j += ws;
        if (text.startsWith("/>", j) || text[j] === ">") break;
        const a = /^([A-Za-z_:][\w.:-]*)\s*=\s*("[^"<]*"|'[^'<]*')/.exec(text.slice(j));
        if (!a || ws === 0) return `bad attribute in <${m[0]}> at ${j}`;
        if (seen.has(a[1]!)) return `duplicate attribute ${a[1]} at ${j}`;
        seen.add(a[1]!);
        j += a[0].length;
      }
      const selfClosing = text.startsWith("/>", j);
      if (stack.length === 0) roots++;
      if (roots > 1) return `second root element at ${i}`;
      if (!selfClosing) stack.push(m[0]);
      i = j + (selfClosing ? 2 : 1);
    }
  }
  if (stack.length) return `unclosed <${stack.pop()}>`;
  return roots === 1 ? null : "no root element";
}
