/**
 * Generates a large, valid content corpus from the example content: many modifications,
 * meetings, news items and consultations that refer to one another, for measuring how
 * `npm run check` scales.
 */
import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A day in 2019–2021 from a number, always a real date. */
function dayOf(n: number, plus = 0): string {
  const d = new Date(Date.UTC(2019, 0, 1 + (n % 1000) + plus));
  return d.toISOString().slice(0, 10);
}

/**
 * Copies the example content into `<root>/content` and adds generated entries until the
 * corpus holds `total` files. Returns how many files it holds.
 */
export async function generateCorpus(exampleContent: string, root: string, total: number): Promise<number> {
  const content = path.join(root, 'content');
  await cp(exampleContent, content, { recursive: true });
  const existing = (await readdir(content, { recursive: true, withFileTypes: true })).filter((e) =>
    e.isFile(),
  ).length;
  const extra = Math.max(0, total - existing);
  const mods = Math.floor(extra * 0.4);
  const meetings = Math.floor(extra * 0.3);
  const consultations = Math.floor(extra * 0.1);
  // One a month while the generated meetings last (1,000 days from January 2019).
  const newsletters = Math.min(33, Math.floor(extra * 0.01));
  const news = extra - mods - meetings - consultations - newsletters;
  const modId = (i: number) => `SECMP${pad(1000 + i, 4)}`;
  const meetingId = (i: number) => `${dayOf(i)}-sec-panel-${pad(i, 5)}`;
  const writes: [string, string][] = [];

  for (let i = 0; i < meetings; i++) {
    writes.push([
      `meetings/${meetingId(i)}.md`,
      `---\nbody: sec-panel\nnumber: ${100 + i}\ndate: ${dayOf(i)}T10:00\nlocation: Teleconference\nmodifications:\n  - ${modId(i % Math.max(1, mods))}\n---\n\n- The Panel discussed item ${i}.\n- It agreed the next steps.\n`,
    ]);
  }
  for (let i = 0; i < mods; i++) {
    const m = i % Math.max(1, meetings);
    writes.push([
      `modifications/${modId(i)}.md`,
      [
        '---',
        `id: ${modId(i)}`,
        `title: Generated modification number ${i}`,
        'path: self-governance',
        'parties:',
        '  - large-suppliers',
        '  - dcc',
        'dccImpact: false',
        'secSections:',
        '  - D',
        i > 0 ? `related:\n  - ${modId(i - 1)}` : '',
        'events:',
        '  - type: raised',
        `    date: ${dayOf(0)}`,
        '  - type: imr-presented',
        `    date: ${dayOf(m)}`,
        `    meeting: ${meetingId(m)}`,
        '    outcome: refinement',
        '  - type: note',
        `    date: ${dayOf(m).slice(0, 7)}`,
        '    summary: >-',
        '      A generated note, long enough to be folded over more than one line when',
        '      it is written out by an editor.',
        '---',
        '',
        '## What is the issue?',
        '',
        `Generated issue ${i}.`,
        '',
        '## What is the solution?',
        '',
        `Generated solution ${i}.`,
        '',
      ]
        .filter((l) => l !== '')
        .join('\n'),
    ]);
  }
  for (let i = 0; i < consultations; i++) {
    writes.push([
      `consultations/generated-${pad(i, 5)}.md`,
      `---\ntitle: Generated consultation ${i}\nissuer: secas\nkind: modification-report\nopens: ${dayOf(i)}\ncloses: ${dayOf(i, 10)}T17:00\nmodifications:\n  - ${modId(i % Math.max(1, mods))}\nsummary: Views on generated modification ${i}.\nurl: https://sec-press.example/c/${i}\n---\n\nSend your views by email.\n`,
    ]);
  }
  for (let i = 0; i < news; i++) {
    writes.push([
      `news/generated-${pad(i, 5)}.md`,
      `---\ntitle: Generated news ${i}\ndate: ${dayOf(i)}\ncategory: general\nsummary: One sentence.\nbodies:\n  - sec-panel\nmodifications:\n  - ${modId(i % Math.max(1, mods))}\n---\n\nSome text for item ${i}.\n`,
    ]);
  }
  for (let i = 0; i < newsletters; i++) {
    const month = `${2019 + Math.floor(i / 12)}-${pad((i % 12) + 1, 2)}`;
    writes.push([
      `newsletters/${month}.md`,
      `---\ntitle: SEC Newsletter ${month}\nissueDate: ${month}-21\npreheader: The month's news\nsignedBy:\n  name: A Name\n  role: A Role\n---\n\nAn editorial.\n`,
    ]);
  }
  await mkdir(content, { recursive: true });
  for (let i = 0; i < writes.length; i += 256) {
    await Promise.all(
      writes.slice(i, i + 256).map(([rel, text]) => writeFile(path.join(content, rel), text)),
    );
  }
  return existing + writes.length;
}
