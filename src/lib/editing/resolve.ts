/**
 * Finds the entries an editor names on the command line: a modification by its id or an
 * alias in any case, a body by its id, short name or name, a meeting by its id or as
 * “sec-panel 60” / “SEC Panel 60” / “tag 2018-09-06”.
 */
import type { Body, Meeting, Modification } from '../../schemas/index.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { closest, didYouMean } from '../content/suggest.ts';
import { meetingTitle } from '../meetings.ts';
import { EditError } from './errors.ts';

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[‘’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export function resolveModification(
  corpus: Pick<Corpus, 'modifications'>,
  given: string,
): Entry<Modification> {
  const wanted = given.trim().toUpperCase();
  const found =
    corpus.modifications.find((m) => m.id.toUpperCase() === wanted) ??
    corpus.modifications.find((m) => m.data.aliases.some((a) => a.toUpperCase() === wanted));
  if (found) return found;
  const ids = corpus.modifications.map((m) => m.id);
  throw new EditError(
    `no modification “${given}” in content/modifications/${didYouMean(wanted, ids)} (add one with: npm run new -- modification --title "…")`,
  );
}

export function resolveBody(corpus: Pick<Corpus, 'bodies'>, given: string): Entry<Body> {
  const wanted = norm(given);
  const matches = corpus.bodies.filter(
    (b) => norm(b.id) === wanted || norm(b.data.shortName) === wanted || norm(b.data.name) === wanted,
  );
  if (matches.length === 1) return matches[0]!;
  const names = corpus.bodies.map((b) => b.id);
  if (matches.length > 1) {
    throw new EditError(`“${given}” could be ${matches.map((b) => b.id).join(' or ')}: use the body's id`);
  }
  // A slip in an id or short name, or a part of exactly one body's name.
  const containing = corpus.bodies.filter((b) =>
    [b.id, b.data.shortName, b.data.name].some(
      (n) =>
        wanted.length >= 3 &&
        norm(n)
          .split(' ')
          .some((w) => w.startsWith(wanted) || closest(wanted, [w])),
    ),
  );
  const suggestion =
    closest(
      wanted,
      corpus.bodies.flatMap((b) => [b.id, norm(b.data.shortName)]),
    ) ?? (containing.length === 1 ? containing[0]!.id : undefined);
  const hint = suggestion
    ? `; did you mean “${corpus.bodies.find((b) => b.id === suggestion || norm(b.data.shortName) === suggestion)!.id}”?`
    : '';
  throw new EditError(`no body “${given}”${hint} (bodies: ${names.join(', ')})`);
}

/** “SEC Panel meeting 60”: a meeting's name for messages. */
export function describeMeeting(corpus: Pick<Corpus, 'bodies'>, m: Entry<Meeting>): string {
  const body = corpus.bodies.find((b) => b.id === m.data.body.id);
  if (!body) return m.id;
  // “SEC Panel meeting 60”, “Modifications Question Hour”, “the TABASC meeting”.
  return m.data.title || m.data.number !== undefined
    ? meetingTitle(m.data, body.data)
    : `the ${meetingTitle(m.data, body.data)}`;
}

/**
 * A meeting by its id (`2018-08-10-sec-panel`), or a body and a number (`sec-panel 60`,
 * `"SEC Panel 60"`, `"SEC Panel meeting 60"`) or a body and a day (`tag 2018-09-06`).
 */
export function resolveMeeting(corpus: Pick<Corpus, 'bodies' | 'meetings'>, given: string): Entry<Meeting> {
  const byId = corpus.meetings.find((m) => m.id === given.trim());
  if (byId) return byId;
  const m = /^(.*?)\s+(?:meeting\s+|no\.?\s*|number\s+|#)?(\d{4}-\d{2}-\d{2}|\d+)$/i.exec(given.trim());
  if (!m) {
    throw new EditError(
      `no meeting “${given}”${didYouMean(
        given,
        corpus.meetings.map((x) => x.id),
      )}: give a meeting's id (its file name, e.g. 2018-08-10-sec-panel) or a body and a number, e.g. "sec-panel 60"`,
    );
  }
  const body = resolveBody(corpus, m[1]!);
  const key = m[2]!;
  const ofBody = corpus.meetings.filter((x) => x.data.body.id === body.id);
  const matches = key.includes('-')
    ? ofBody.filter((x) => x.data.date.slice(0, 10) === key)
    : ofBody.filter((x) => x.data.number === Number(key));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new EditError(
      `“${given}” matches ${matches.length} meetings (${matches.map((x) => x.id).join(', ')}): give the meeting's id`,
    );
  }
  const numbered = ofBody.filter((x) => x.data.number !== undefined).map((x) => `${x.data.number} (${x.id})`);
  throw new EditError(
    `no ${body.data.shortName} meeting ${key.includes('-') ? `on ${key}` : key} in content/meetings/` +
      (numbered.length ? `; its numbered meetings: ${numbered.join(', ')}` : '') +
      ` (add it with: npm run new -- meeting --body ${body.id} --date YYYY-MM-DD${key.includes('-') ? '' : ` --number ${key}`})`,
  );
}
