/** A problem found in content, reported to editors as `file:line: field: message`. */
export interface Problem {
  /** Path from the project root, `content/modifications/SECMP0049.md`. */
  file: string;
  /** 1-based line in the file, where one can be pointed at. */
  line?: number;
  /** The field, as a path: `events[2].date`. */
  field?: string;
  /** What is wrong and, where we can tell, how to put it right. */
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

/** Field path as editors read it: `events[2].date`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    const name = String(part);
    if (typeof part === 'number') out += `[${part}]`;
    // A name that is empty, or has spaces or dots, is quoted so the path stays readable.
    else if (name === '' || /[\s.[\]"]/.test(name)) out += `[${JSON.stringify(name)}]`;
    else out += out ? `.${name}` : name;
  }
  return out;
}

/** Stable order: by file, then line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Thrown by commands when content is not valid; carries every problem found. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(sortProblems(problems).map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
