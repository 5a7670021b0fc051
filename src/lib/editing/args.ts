/**
 * Command-line options of the editors' commands, described once: the parser and the
 * `--help` text both come from the same table.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../content/suggest.ts';
import { EditError } from './errors.ts';

export interface OptionSpec {
  /** `title` for `--title`. */
  name: string;
  /** What the value looks like, `YYYY-MM-DD`; absent for a flag that takes no value. */
  value?: string;
  /** May be given more than once. */
  multiple?: boolean;
  /** Must be given. */
  required?: boolean;
  /** One line (or a few) of help. */
  help: string;
}

export interface CommandSpec {
  /** How to call it: `npm run new -- meeting`. */
  usage: string;
  /** Positional arguments, in order, shown in the usage line. */
  positionals?: { name: string; help: string }[];
  /** What it does, a few lines. */
  description: string[];
  options: OptionSpec[];
  examples: string[];
}

export type ParsedOptions = Record<string, string | string[] | boolean | undefined>;

/** Parses arguments against a spec; `--help`/`-h` gives `{ help: true }`. */
export function parseOptions(
  spec: CommandSpec,
  args: string[],
): { values: ParsedOptions; positionals: string[]; help: boolean } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }> = {
    help: { type: 'boolean' },
  };
  for (const o of spec.options) {
    options[o.name] = { type: o.value ? 'string' : 'boolean', ...(o.multiple ? { multiple: true } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { ...options, h: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = (error as Error).message;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const given = /'(-{1,2}[^'=]+)/.exec(message)?.[1] ?? '';
      const name = given.replace(/^-+/, '');
      throw new EditError(
        `unknown option ${given}${didYouMean(
          name,
          spec.options.map((o) => o.name),
        ).replace(/“/, '“--')} (see ${spec.usage} --help)`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /'--([^' ]+)/.exec(message)?.[1];
      const o = spec.options.find((x) => x.name === name);
      throw new EditError(o?.value ? `--${name} needs a value: --${name} <${o.value}>` : message);
    }
    throw new EditError(message);
  }
  const values = parsed.values as ParsedOptions;
  const help = Boolean(values.help || values.h);
  if (!help) {
    const missing = spec.options.filter((o) => o.required && values[o.name] === undefined);
    if (missing.length) {
      throw new EditError(
        `missing ${missing.map((o) => (o.value ? `--${o.name} <${o.value}>` : `--${o.name}`)).join(', ')} (see ${spec.usage} --help)`,
      );
    }
    for (const o of spec.options) {
      const v = values[o.name];
      for (const s of Array.isArray(v) ? v : typeof v === 'string' ? [v] : []) {
        if (s.trim() === '') throw new EditError(`--${o.name} is empty: give ${o.value ?? 'a value'}`);
      }
    }
  }
  return { values, positionals: parsed.positionals, help };
}

/** The `--help` text of a command. */
export function formatHelp(spec: CommandSpec): string {
  const required = spec.options.filter((o) => o.required);
  const optional = spec.options.filter((o) => !o.required);
  const flag = (o: OptionSpec) => `--${o.name}${o.value ? ` <${o.value}>` : ''}`;
  const usage = [
    spec.usage,
    ...(spec.positionals ?? []).map((p) => `<${p.name}>`),
    ...required.map(flag),
    ...(optional.length ? ['[options]'] : []),
  ].join(' ');
  const width = Math.min(
    34,
    Math.max(
      0,
      ...[...spec.options.map(flag), ...(spec.positionals ?? []).map((p) => `<${p.name}>`)].map(
        (f) => f.length,
      ),
    ) + 2,
  );
  const row = (left: string, help: string, multiple = false) => {
    const lines = (help + (multiple ? ' (may be repeated)' : '')).split('\n');
    const head =
      left.length + 2 > width
        ? [`  ${left}`, `  ${' '.repeat(width)}${lines[0]}`]
        : [`  ${left.padEnd(width)}${lines[0]}`];
    return [...head, ...lines.slice(1).map((l) => `  ${' '.repeat(width)}${l}`)].join('\n');
  };
  const out = [`Usage: ${usage}`, '', ...spec.description];
  if (spec.positionals?.length)
    out.push('', 'Arguments:', ...spec.positionals.map((p) => row(`<${p.name}>`, p.help)));
  if (required.length) out.push('', 'Required:', ...required.map((o) => row(flag(o), o.help, o.multiple)));
  if (optional.length) out.push('', 'Options:', ...optional.map((o) => row(flag(o), o.help, o.multiple)));
  out.push('', spec.examples.length > 1 ? 'Examples:' : 'Example:', ...spec.examples.map((e) => `  ${e}`));
  return out.join('\n');
}

/** A string option, or undefined. */
export function str(values: ParsedOptions, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v.trim() : undefined;
}

/** A repeated option's values (never undefined). */
export function list(values: ParsedOptions, name: string): string[] {
  const v = values[name];
  return (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).flatMap((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  );
}

/** A whole number option (≥ 0), or undefined. */
export function wholeNumber(values: ParsedOptions, name: string): number | undefined {
  const v = str(values, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new EditError(`--${name} must be a whole number, not “${v}”`);
  return Number(v);
}

/** One of a fixed list of values, with a did-you-mean. */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim().toLowerCase().replace(/\s+/g, '-');
  if ((allowed as readonly string[]).includes(v)) return v as T;
  const starting = allowed.filter((a) => v && a.startsWith(v));
  const hint = starting.length === 1 ? `; did you mean “${starting[0]}”?` : didYouMean(v, allowed);
  throw new EditError(`--${name} “${value}” is not one of ${allowed.join(', ')}${hint}`);
}
