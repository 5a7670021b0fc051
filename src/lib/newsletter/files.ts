/**
 * An issue's files as they are written: `email.html`, `email.txt`, `email.eml` and
 * `issue.json`, each under a temporary name first and renamed, so that a failure never
 * leaves a half-written file. Used where issues are written: the rendering workers and the
 * build (cheap to import: no renderer).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ISSUE_FILES, type IssueMeta } from './render/meta.ts';

/** The files of an issue, by name, in the order they are written. */
export const FILE_NAMES = [ISSUE_FILES.html, ISSUE_FILES.text, ISSUE_FILES.eml, ISSUE_FILES.meta] as const;
export type FileName = (typeof FILE_NAMES)[number];
export type IssueFileData = Record<FileName, string | Uint8Array>;

/** A rendered issue's files, by name. */
export function issueFiles(r: {
  html: string;
  text: string;
  eml: Uint8Array;
  meta: IssueMeta;
}): IssueFileData {
  return {
    [ISSUE_FILES.html]: r.html,
    [ISSUE_FILES.text]: r.text,
    [ISSUE_FILES.eml]: r.eml,
    [ISSUE_FILES.meta]: `${JSON.stringify(r.meta, null, 2)}\n`,
  };
}

const byteLength = (data: string | Uint8Array) =>
  typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.byteLength;

/** The size in bytes of each of an issue's files. */
export function fileSizes(files: IssueFileData): Record<FileName, number> {
  return Object.fromEntries(FILE_NAMES.map((name) => [name, byteLength(files[name])])) as Record<
    FileName,
    number
  >;
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

/** Writes an issue's files into its folder; returns their sizes in bytes. */
export async function writeIssueFiles(dir: string, files: IssueFileData): Promise<Record<FileName, number>> {
  await mkdir(dir, { recursive: true });
  for (const name of FILE_NAMES) await writeFileAtomic(path.join(dir, name), files[name]);
  return fileSizes(files);
}
