/**
 * A small, safe expression language for filtering messages by their JSON content, e.g.
 * `value.loc == "SOUTH" && value.amount > 100`. Parsed by hand into a tree and evaluated
 * by walking it: no eval, no Function, no access to anything but the message's fields.
 *
 *   expr    := or
 *   or      := and ('||' and)*
 *   and     := unary ('&&' unary)*
 *   unary   := '!' unary | compare
 *   compare := operand (('=='|'!='|'<'|'<='|'>'|'>='|'contains'|'matches') operand)?
 *   operand := path | string | number | true | false | null | '(' expr ')'
 *   path    := root ('.' name | '[' (string|number) ']')*     root: key, value, headers,
 *              partition, offset, timestamp
 */

import { compileSafeRegex, type SafeRegex } from './safe-regex';

export type Literal = string | number | boolean | null;
export type Root = 'key' | 'value' | 'headers' | 'partition' | 'offset' | 'timestamp';
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'matches';

export type Expr =
  | { kind: 'literal'; value: Literal }
  | { kind: 'path'; root: Root; steps: (string | number)[] }
  | { kind: 'not'; operand: Expr }
  | { kind: 'and' | 'or'; left: Expr; right: Expr }
  | { kind: 'compare'; op: CompareOp; left: Expr; right: Expr; regex?: SafeRegex };

export const ROOTS: readonly Root[] = ['key', 'value', 'headers', 'partition', 'offset', 'timestamp'];

/** A parse error with the (1-based) column where it happened. */
export class ExpressionError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(`${message} (at column ${column})`);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { t: 'op'; v: string; at: number }
  | { t: 'str'; v: string; at: number }
  | { t: 'num'; v: number; at: number }
  | { t: 'name'; v: string; at: number }
  | { t: 'end'; at: number };

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      let text = '';
      i++;
      while (i < source.length && source[i] !== c) {
        if (source[i] === '\\') {
          const next = source[i + 1];
          if (next === undefined) break;
          text += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else text += source[i++];
      }
      if (i >= source.length) throw new ExpressionError('Unclosed string', start + 1);
      i++;
      tokens.push({ t: 'str', v: text, at: start });
      continue;
    }
    // No leading-dot numbers: `value.items.0` is a path step, not the number .0.
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ t: 'num', v: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$-]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ t: 'name', v: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op) {
      tokens.push({ t: 'op', v: op, at: i });
      i += op.length;
      continue;
    }
    if (c === '=') throw new ExpressionError('Use == to compare', i + 1);
    throw new ExpressionError(`Unexpected character ${JSON.stringify(c)}`, i + 1);
  }
  tokens.push({ t: 'end', at: source.length });
  return tokens;
}

/** Parses an expression; throws ExpressionError with a column on anything it does not understand. */
export function parseExpression(source: string): Expr {
  if (source.length > 10_000) throw new ExpressionError('Expression too long', 1);
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const isOp = (v: string) => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const isWord = (v: string) => {
    const t = peek();
    return t.t === 'name' && t.v === v;
  };
  const fail = (what: string): never => {
    const t = peek();
    const found = t.t === 'end' ? 'the end' : JSON.stringify(String(t.v));
    throw new ExpressionError(`${what}, found ${found}`, t.at + 1);
  };
  let depth = 0;

  const or = (): Expr => {
    let left = and();
    while (isOp('||')) {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const and = (): Expr => {
    let left = unary();
    while (isOp('&&')) {
      pos++;
      left = { kind: 'and', left, right: unary() };
    }
    return left;
  };
  const unary = (): Expr => {
    // A run of "!" folds to its parity: no recursion per "!", so no stack to overflow.
    let negations = 0;
    while (isOp('!')) {
      pos++;
      negations++;
    }
    const operand = compare();
    return negations % 2 === 1 ? { kind: 'not', operand } : operand;
  };
  const compare = (): Expr => {
    const left = operand();
    const t = peek();
    const op =
      t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v) ? (t.v as CompareOp) : t.t === 'name' && (t.v === 'contains' || t.v === 'matches') ? (t.v as CompareOp) : null;
    if (!op) return left;
    pos++;
    const right = operand();
    if (op !== 'matches') return { kind: 'compare', op, left, right };
    if (right.kind !== 'literal' || typeof right.value !== 'string') throw new ExpressionError('matches needs a regular expression in quotes', t.at + 1);
    let regex: SafeRegex;
    try {
      regex = compileSafeRegex(right.value);
    } catch (error) {
      throw new ExpressionError(`Bad regular expression: ${(error as Error).message}`, t.at + 1);
    }
    return { kind: 'compare', op, left, right, regex };
  };
  const operand = (): Expr => {
    const t = peek();
    if (t.t === 'op' && t.v === '(') {
      if (++depth > 50) throw new ExpressionError('Too deeply nested', t.at + 1);
      pos++;
      const inner = or();
      if (!isOp(')')) fail('Expected )');
      pos++;
      depth--;
      return inner;
    }
    if (t.t === 'str' || t.t === 'num') {
      pos++;
      return { kind: 'literal', value: t.v };
    }
    if (t.t === 'name') {
      pos++;
      if (t.v === 'true' || t.v === 'false') return { kind: 'literal', value: t.v === 'true' };
      if (t.v === 'null') return { kind: 'literal', value: null };
      if (!(ROOTS as readonly string[]).includes(t.v)) throw new ExpressionError(`Unknown name ${JSON.stringify(t.v)}: paths start with ${ROOTS.join(', ')}`, t.at + 1);
      const steps: (string | number)[] = [];
      for (;;) {
        if (isOp('.')) {
          pos++;
          const name = peek();
          if (name.t !== 'name' && name.t !== 'num') fail('Expected a field name after .');
          // `value.items.0` reads like an index; names are kept as written otherwise.
          steps.push(name.t === 'num' ? name.v : (name as { v: string }).v);
          pos++;
        } else if (isOp('[')) {
          pos++;
          const index = peek();
          if (index.t !== 'str' && index.t !== 'num') fail('Expected a string or number in [ ]');
          steps.push((index as { v: string | number }).v);
          pos++;
          if (!isOp(']')) fail('Expected ]');
          pos++;
        } else break;
      }
      return { kind: 'path', root: t.v as Root, steps };
    }
    return fail('Expected a value, a path like value.field, or (');
  };

  if (peek().t === 'end') throw new ExpressionError('Empty expression', 1);
  const tree = or();
  if (peek().t !== 'end') fail(isWord('and') || isWord('or') ? 'Use && and || to combine' : 'Expected && or || or the end');
  return tree;
}

/** What an expression can see of a message; key and value are parsed JSON (or text) on demand. */
export interface ExpressionInput {
  key(): unknown;
  value(): unknown;
  /** Header values as text; one holding a JSON object or array, parsed (`headers.ctx.tenant`). */
  headers(): Record<string, unknown>;
  partition: number;
  offset: string;
  timestamp: string;
}

/** The roots an expression reads, so the reader parses only those (JSON parsing is the cost). */
export function rootsOf(expr: Expr, into = new Set<Root>()): Set<Root> {
  if (expr.kind === 'path') into.add(expr.root);
  else if (expr.kind === 'not') rootsOf(expr.operand, into);
  else if (expr.kind === 'and' || expr.kind === 'or' || expr.kind === 'compare') {
    rootsOf(expr.left, into);
    rootsOf(expr.right, into);
  }
  return into;
}

/** Evaluates to a boolean; missing fields are `undefined`, which equals nothing and compares false. */
export function matches(expr: Expr, input: ExpressionInput): boolean {
  return truthy(evaluate(expr, input));
}

function evaluate(expr: Expr, input: ExpressionInput): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'path':
      return resolve(expr, input);
    case 'not':
      return !truthy(evaluate(expr.operand, input));
    case 'and':
      return truthy(evaluate(expr.left, input)) && truthy(evaluate(expr.right, input));
    case 'or':
      return truthy(evaluate(expr.left, input)) || truthy(evaluate(expr.right, input));
    case 'compare':
      return compare(expr, evaluate(expr.left, input), evaluate(expr.right, input));
  }
}

function resolve(expr: Extract<Expr, { kind: 'path' }>, input: ExpressionInput): unknown {
  let at: unknown;
  switch (expr.root) {
    case 'key':
      at = input.key();
      break;
    case 'value':
      at = input.value();
      break;
    case 'headers':
      at = input.headers();
      break;
    case 'partition':
      at = input.partition;
      break;
    case 'offset':
      at = Number(input.offset);
      break;
    case 'timestamp':
      at = Number(input.timestamp);
      break;
  }
  for (const step of expr.steps) {
    if (at === null || typeof at !== 'object') return undefined;
    // Own properties only: `value.__proto__` or `value.constructor` never reach the prototype.
    if (!Object.hasOwn(at, step)) return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}

function compare(expr: Extract<Expr, { kind: 'compare' }>, a: unknown, b: unknown): boolean {
  switch (expr.op) {
    case '==':
      return equal(a, b);
    case '!=':
      return a !== undefined && !equal(a, b);
    case 'contains':
      if (typeof a === 'string') return typeof b === 'string' || typeof b === 'number' ? a.includes(String(b)) : false;
      if (Array.isArray(a)) return a.some((item) => equal(item, b));
      return false;
    case 'matches':
      return typeof a === 'string' && expr.regex!.test(a);
    default: {
      // Order only between two numbers or two strings (a numeric string counts as a number).
      const x = typeof a === 'string' && typeof b === 'number' ? numeric(a) : a;
      const y = typeof b === 'string' && typeof a === 'number' ? numeric(b) : b;
      if (!((typeof x === 'number' && typeof y === 'number') || (typeof x === 'string' && typeof y === 'string'))) return false;
      if (expr.op === '<') return x < y;
      if (expr.op === '<=') return x <= y;
      if (expr.op === '>') return x > y;
      return x >= y;
    }
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // "42" == 42: JSON producers are not always consistent about numbers in strings.
  if (typeof a === 'number' && typeof b === 'string') return a === numeric(b);
  if (typeof a === 'string' && typeof b === 'number') return numeric(a) === b;
  return false;
}

function numeric(s: string): number | undefined {
  return s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : undefined;
}

function truthy(v: unknown): boolean {
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '';
}
