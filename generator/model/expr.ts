/**
 * Evaluates the constant expressions SAI headers use in enum initializers and `#define` bodies:
 * decimal/hex numbers with C suffixes, identifiers, unary minus, `+ - * | & << >>` and parentheses.
 * C semantics: decimal is decimal (parse.pl's helper misreads decimal as hex; we do not copy that).
 */

export type ExprResult = { ok: true; value: number } | { ok: false; error: string };

type Token = { t: "num"; v: number } | { t: "id"; v: string } | { t: "op"; v: string };

const TOKEN_RE = /\s*(?:(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(<<|>>|[-+*|&()~]))/y;
const SIMPLE_NUMBER = /^(?:0[xX][0-9a-fA-F]+|\d+)[uUlL]*$/;

function tokenize(text: string): Token[] | string {
  const out: Token[] = [];
  let pos = 0;
  const end = text.trimEnd().length;
  while (pos < end) {
    TOKEN_RE.lastIndex = pos;
    const m = TOKEN_RE.exec(text);
    if (!m) return `unexpected text \`${text.slice(pos).trim()}\``;
    if (m[1] !== undefined) out.push({ t: "num", v: m[1].length > 1 && (m[1][1] === "x" || m[1][1] === "X") ? parseInt(m[1], 16) : parseInt(m[1], 10) });
    else if (m[2] !== undefined) out.push({ t: "id", v: m[2] });
    else out.push({ t: "op", v: m[3]! });
    pos = TOKEN_RE.lastIndex;
  }
  return out;
}

// precedence climbing, lowest first: | < & < << >> < + - < * < unary
const LEVELS: readonly (readonly string[])[] = [["|"], ["&"], ["<<", ">>"], ["+", "-"], ["*"]];

/** One evaluation: a token cursor and the first error (methods instead of per-call closures: this runs ~10k times per model). */
class Evaluation {
  i = 0;
  error: string | null = null;
  constructor(
    private readonly toks: Token[],
    private readonly lookup: (name: string) => number | string,
  ) {}

  fail(e: string): number {
    if (!this.error) this.error = e;
    return 0;
  }

  binary(level: number): number {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const tk = this.toks[this.i];
      if (!tk || tk.t !== "op" || !LEVELS[level]!.includes(tk.v)) return left;
      this.i++;
      const right = this.binary(level + 1);
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
  }

  unary(): number {
    const tk = this.toks[this.i];
    if (!tk) return this.fail("expression ends early");
    this.i++;
    if (tk.t === "num") return tk.v;
    if (tk.t === "id") {
      // function-like status macro: SAI_STATUS_CODE(x) is -x on every non-Windows build
      if (tk.v === "SAI_STATUS_CODE" && this.toks[this.i]?.v === "(") {
        this.i++;
        const v = this.binary(0);
        if (this.toks[this.i]?.v !== ")") return this.fail("missing `)`");
        this.i++;
        return -v;
      }
      const r = this.lookup(tk.v);
      return typeof r === "string" ? this.fail(r) : r;
    }
    if (tk.v === "-") return -this.unary();
    if (tk.v === "~") return ~this.unary();
    if (tk.v === "(") {
      // a cast such as `(sai_status_t)` is skipped
      const next = this.toks[this.i];
      const after = this.toks[this.i + 1];
      if (next?.t === "id" && after?.t === "op" && after.v === ")" && /_t$/.test(next.v)) {
        this.i += 2;
        return this.unary();
      }
      const v = this.binary(0);
      if (this.toks[this.i]?.v !== ")") return this.fail("missing `)`");
      this.i++;
      return v;
    }
    return this.fail(`unexpected \`${tk.v}\``);
  }
}

/**
 * Evaluates `text`; identifiers are resolved through `lookup`, which returns a number, or a string error
 * (unknown symbol, cycle) that is passed through.
 */
export function evaluate(text: string, lookup: (name: string) => number | string): ExprResult {
  const trimmed = text.trim();
  if (SIMPLE_NUMBER.test(trimmed)) {
    const digits = trimmed.replace(/[uUlL]+$/, "");
    return { ok: true, value: /^0[xX]/.test(digits) ? parseInt(digits, 16) : parseInt(digits, 10) };
  }
  const toks = tokenize(text);
  if (typeof toks === "string") return { ok: false, error: toks };
  const ev = new Evaluation(toks, lookup);
  const value = ev.binary(0);
  if (!ev.error && ev.i < toks.length) ev.error = `unexpected \`${toks[ev.i]!.v}\``;
  if (ev.error) return { ok: false, error: ev.error };
  return { ok: true, value };
}
