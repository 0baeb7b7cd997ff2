/**
 * Test-data placeholders in keys, values and headers: `{{uuid}}`, `{{seq}}`, `{{int 1 100}}`,
 * `{{float 12.9 13.1}}`, `{{pick "NORTH" "SOUTH"}}`, `{{now}}`, `{{timestamp}}`, `{{name}}`,
 * `{{bool}}`. Compiled once, rendered per message (a burst of a million renders fast).
 */

export interface RenderContext {
  /** 1-based number of the message within its burst. */
  seq: number;
  /** Injectable for tests; Math.random otherwise. */
  random?: () => number;
  now?: () => Date;
}

/**
 * What a placeholder can print: `number` (a JSON number: seq, int, float, timestamp), `boolean`,
 * `word` (letters, digits and `-:.`: uuid, now), or exactly one of `choices` (pick, name).
 */
export type OutputShape = { kind: 'number' } | { kind: 'boolean' } | { kind: 'word' } | { kind: 'choices'; choices: string[] };

export interface Placeholder {
  render(ctx: RenderContext): string;
  shape: OutputShape;
}

export type TemplatePart = string | Placeholder;

export interface CompiledTemplate {
  /** False when the text has no placeholder: render() returns it as is. */
  readonly dynamic: boolean;
  /** Literal text and placeholders, in order. */
  readonly parts: readonly TemplatePart[];
  render(ctx: RenderContext): string;
}

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

const NAMES = ['Master Chief', 'Cortana', 'Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'Linus Torvalds', 'Margaret Hamilton', 'Edsger Dijkstra', 'Barbara Liskov'];

export const PLACEHOLDER_HELP: { syntax: string; means: string }[] = [
  { syntax: '{{uuid}}', means: 'a random UUID v4' },
  { syntax: '{{seq}}', means: 'the message number within the burst: 1, 2, 3 …' },
  { syntax: '{{int 1 100}}', means: 'a random whole number from 1 to 100 (inclusive)' },
  { syntax: '{{float 12.9 13.1}}', means: 'a random decimal between the bounds (optional 3rd argument: decimals, default 2)' },
  { syntax: '{{pick "NORTH" "SOUTH" "EAST"}}', means: 'one of the given values, at random' },
  { syntax: '{{now}}', means: 'the current time, ISO 8601 (2026-11-25T14:03:00.000Z)' },
  { syntax: '{{timestamp}}', means: 'the current time in epoch milliseconds' },
  { syntax: '{{name}}', means: 'a random person name' },
  { syntax: '{{bool}}', means: 'true or false, at random' },
];

/** Splits `int 1 100` or `pick "A B" "C"` into words, honouring double quotes. */
function words(source: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return out;
}

function number(arg: string | undefined, what: string): number {
  const n = Number(arg);
  if (arg === undefined || !Number.isFinite(n)) throw new TemplateError(`${what}: expected a number, got ${arg === undefined ? 'nothing' : JSON.stringify(arg)}`);
  return n;
}

function placeholder(source: string): Placeholder {
  const [fn, ...args] = words(source.trim());
  const rnd = (ctx: RenderContext) => (ctx.random ?? Math.random)();
  switch (fn) {
    case 'uuid':
      return { render: () => crypto.randomUUID(), shape: { kind: 'word' } };
    case 'seq':
      return { render: (ctx) => String(ctx.seq), shape: { kind: 'number' } };
    case 'int': {
      const lo = Math.ceil(number(args[0], '{{int min max}}'));
      const hi = Math.floor(number(args[1], '{{int min max}}'));
      if (hi < lo) throw new TemplateError(`{{int ${lo} ${hi}}}: max is below min`);
      return { render: (ctx) => String(lo + Math.floor(rnd(ctx) * (hi - lo + 1))), shape: { kind: 'number' } };
    }
    case 'float': {
      const lo = number(args[0], '{{float min max}}');
      const hi = number(args[1], '{{float min max}}');
      const decimals = args[2] === undefined ? 2 : number(args[2], '{{float min max decimals}}');
      if (hi < lo) throw new TemplateError(`{{float ${lo} ${hi}}}: max is below min`);
      return { render: (ctx) => (lo + rnd(ctx) * (hi - lo)).toFixed(decimals), shape: { kind: 'number' } };
    }
    case 'pick':
      if (args.length === 0) throw new TemplateError('{{pick}} needs at least one value, e.g. {{pick "NORTH" "SOUTH"}}');
      return { render: (ctx) => args[Math.floor(rnd(ctx) * args.length)]!, shape: { kind: 'choices', choices: args } };
    case 'now':
      return { render: (ctx) => (ctx.now ? ctx.now() : new Date()).toISOString(), shape: { kind: 'word' } };
    case 'timestamp':
      return { render: (ctx) => String((ctx.now ? ctx.now() : new Date()).getTime()), shape: { kind: 'number' } };
    case 'name':
      return { render: (ctx) => NAMES[Math.floor(rnd(ctx) * NAMES.length)]!, shape: { kind: 'choices', choices: NAMES } };
    case 'bool':
      return { render: (ctx) => String(rnd(ctx) < 0.5), shape: { kind: 'boolean' } };
    default:
      throw new TemplateError(`unknown placeholder {{${source.trim()}}}: use ${PLACEHOLDER_HELP.map((h) => h.syntax.split(' ')[0]!.replace('}}', '') + '}}').join(', ')}`);
  }
}

export function compileTemplate(text: string): CompiledTemplate {
  const parts: TemplatePart[] = [];
  let at = 0;
  const re = /\{\{([^{}]*)\}\}/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push(placeholder(m[1]!));
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  const dynamic = parts.some((p) => typeof p !== 'string');
  // A plain loop: this runs once per message of a burst of up to millions.
  const render = (ctx: RenderContext) => {
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      out += typeof p === 'string' ? p : p.render(ctx);
    }
    return out;
  };
  return { dynamic, parts, render: dynamic ? render : () => text };
}

/** The placeholder problem of a text, or null: for live validation in the form. */
export function templateProblem(text: string): string | null {
  try {
    compileTemplate(text);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
