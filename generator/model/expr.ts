/**
 * Evaluates the constant expressions SAI headers use in enum initializers and `#define` bodies:
 * decimal/hex numbers with C suffixes, identifiers, unary minus, `+ - * | & << >>` and parentheses.
 * C semantics: decimal is decimal (parse.pl's helper misreads decimal as hex; we do not copy that).
 */

export type ExprResult = { ok: true; value: number } | { ok: false; error: string };

type Token = { t: "num"; v: number } | { t: "id"; v: string } | { t: "op"; v: string };

const TOKEN_RE = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(<<|>>|[-+*|&()~]))/y;

function tokenize(text: string): Token[] | string {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m) return `unexpected text \`${text.slice(pos).trim()}\``;
    if (m[1] !== undefined) out.push({ t: "num", v: Number(m[1].toLowerCase().startsWith("0x") ? parseInt(m[1], 16) : parseInt(m[1], 10)) });
    else if (m[2] !== undefined) out.push({ t: "id", v: m[2] });
    else out.push({ t: "op", v: m[3]! });
    pos = TOKEN_RE.lastIndex;
  }
  return out;
}

/**
 * Evaluates `text`; identifiers are resolved through `lookup`, which returns a number, or a string error
 * (unknown symbol, cycle) that is passed through.
 */
export function evaluate(text: string, lookup: (name: string) => number | string): ExprResult {
  const toks = tokenize(text);
  if (typeof toks === "string") return { ok: false, error: toks };
  let i = 0;
  let err: string | null = null;
  const peek = () => toks[i];
  const fail = (e: string): number => {
    if (!err) err = e;
    return 0;
  };
  // precedence climbing: | < & < << >> < + - < * < unary
  const levels: string[][] = [["|"], ["&"], ["<<", ">>"], ["+", "-"], ["*"]];
  const binary = (level: number): number => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const tk = peek();
      if (!tk || tk.t !== "op" || !levels[level]!.includes(tk.v)) return left;
      i++;
      const right = binary(level + 1);
      switch (tk.v) {
        case "|": left = Number(BigInt(left) | BigInt(right)); break;
        case "&": left = Number(BigInt(left) & BigInt(right)); break;
        case "<<": left = left * 2 ** right; break;
        case ">>": left = Math.floor(left / 2 ** right); break;
        case "+": left = left + right; break;
        case "-": left = left - right; break;
        case "*": left = left * right; break;
      }
    }
  };
  const unary = (): number => {
    const tk = peek();
    if (!tk) return fail("expression ends early");
    i++;
    if (tk.t === "num") return tk.v;
    if (tk.t === "id") {
      // function-like status macro: SAI_STATUS_CODE(x) is -x on every non-Windows build
      if (tk.v === "SAI_STATUS_CODE" && peek()?.v === "(") {
        i++;
        const v = binary(0);
        if (peek()?.v !== ")") return fail("missing `)`");
        i++;
        return -v;
      }
      const r = lookup(tk.v);
      return typeof r === "string" ? fail(r) : r;
    }
    if (tk.v === "-") return -unary();
    if (tk.v === "~") return ~unary();
    if (tk.v === "(") {
      // a cast such as `(sai_status_t)` is skipped
      const next = peek();
      const after = toks[i + 1];
      if (next?.t === "id" && after?.t === "op" && after.v === ")" && /_t$/.test(next.v)) {
        i += 2;
        return unary();
      }
      const v = binary(0);
      if (peek()?.v !== ")") return fail("missing `)`");
      i++;
      return v;
    }
    return fail(`unexpected \`${tk.v}\``);
  };
  const value = binary(0);
  if (!err && i < toks.length) err = `unexpected \`${toks[i]!.v}\``;
  if (err) return { ok: false, error: err };
  return { ok: true, value };
}
