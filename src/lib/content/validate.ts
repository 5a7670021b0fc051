/** Turns schema issues into problems an editor can act on. */
import type { z } from 'astro/zod';
import { isoFromBritish } from './hints.ts';
import { fieldPath, type Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';
import type { ParsedFile } from './read.ts';

type AnyDef = { type: string; [k: string]: unknown };
const defOf = (s: unknown): AnyDef | undefined => (s as { _zod?: { def: AnyDef } })?._zod?.def;

/** The schemas that may sit at a path of an object schema (unions give several). */
function schemasAt(schema: unknown, path: readonly PropertyKey[]): unknown[] {
  let current: unknown[] = [schema];
  const unwrap = (s: unknown): unknown[] => {
    const def = defOf(s);
    if (!def) return [];
    switch (def.type) {
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
      case 'catch':
        return unwrap(def.innerType);
      case 'pipe':
        return unwrap(def.in);
      case 'union':
        return (def.options as unknown[]).flatMap(unwrap);
      default:
        return [s];
    }
  };
  current = current.flatMap(unwrap);
  for (const key of path) {
    current = current
      .flatMap((s) => {
        const def = defOf(s)!;
        if (def.type === 'object' && typeof key === 'string')
          return [(def.shape as Record<string, unknown>)[key]];
        if (def.type === 'array' && typeof key === 'number') return [def.element];
        if (def.type === 'record') return [def.valueType];
        return [];
      })
      .filter(Boolean)
      .flatMap(unwrap);
  }
  return current;
}

/** Field names an object schema at `path` accepts. */
export function knownKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  return schemasAt(schema, path).flatMap((s) => {
    const def = defOf(s)!;
    return def.type === 'object' ? Object.keys(def.shape as object) : [];
  });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return 'nothing (null)';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object') return 'a group of fields';
  if (typeof value === 'string') return `the text “${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
};

/**
 * Validates parsed data against a schema; returns its output or the problems found.
 * `derived` explains top-level fields that do not exist because they are worked out.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  parsed: ParsedFile,
  file: string,
  derived: Readonly<Record<string, string>> = {},
): { ok: true; data: z.output<S> } | { ok: false; problems: Problem[] } {
  const result = schema.safeParse(parsed.data);
  if (result.success) return { ok: true, data: result.data };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    const path = issue.path as PropertyKey[];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        const explained = path.length === 0 && Object.hasOwn(derived, key) ? derived[key] : undefined;
        const suggestion = didYouMean(key, known);
        problems.push({
          file,
          line: parsed.lineOf([...path, key]),
          field: fieldPath([...path, key]),
          message: explained
            ? `unknown field: ${explained}`
            : `unknown field${suggestion || ` (known fields: ${known.join(', ')})`}`,
        });
      }
      continue;
    }
    const value = valueAt(parsed.data, path);
    let message = issue.message;
    if (issue.code === 'invalid_value' && value === undefined) {
      message = `is required but missing: one of ${issue.values.map(String).join(', ')}`;
    } else if (issue.code === 'invalid_value') {
      const values = issue.values.map(String);
      message = `${describe(value)} is not one of ${values.join(', ')}${didYouMean(String(value), values)}`;
    } else if (issue.code === 'invalid_type') {
      // A schema's own words (`expected a version in quotes…`) say more than the type's name.
      const own = issue.message && !issue.message.startsWith('Invalid input') ? issue.message : undefined;
      message =
        value === undefined
          ? 'is required but missing'
          : `${own ?? `expected ${TYPE_WORDS[issue.expected] ?? issue.expected}`}, got ${describe(value)}`;
    } else if (issue.code === 'invalid_union' && value === undefined) {
      message = 'is required but missing';
    } else if (issue.code === 'too_small' && issue.origin === 'string') {
      message = 'must not be empty';
    } else if (issue.code === 'invalid_format' && issue.format === 'regex') {
      message = `${describe(value)}: ${issue.message}`;
    }
    const british = isoFromBritish(value);
    if (british) message += `; did you mean ${british}?`;
    problems.push({ file, line: parsed.lineOf(path), field: fieldPath(path) || undefined, message });
  }
  return { ok: false, problems };
}

/** Strips the wrappers (optional, default, pipe…) around a schema to the one that checks. */
function unwrapped(schema: unknown): AnyDef | undefined {
  let def = defOf(schema);
  while (def) {
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch'].includes(def.type)) {
      def = defOf(def.innerType);
    } else if (def.type === 'pipe') def = defOf(def.in);
    else return def;
  }
  return undefined;
}

/**
 * The parts of data that are valid on their own, from data that fails its schema as a whole:
 * each field of an object and each item of a list that passes, in place. Lets references in a
 * file with other problems still be checked, so every problem is reported at once.
 */
export function salvage(schema: unknown, value: unknown): unknown {
  const result = (schema as z.ZodType).safeParse(value);
  if (result.success) return result.data;
  const def = unwrapped(schema);
  if (def?.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const shape = def.shape as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (!Object.hasOwn(shape, key)) continue;
      const part = salvage(shape[key], v);
      if (part !== undefined) out[key] = part;
    }
    return out;
  }
  if (def?.type === 'array' && Array.isArray(value)) return value.map((v) => salvage(def.element, v));
  return undefined;
}
