/**
 * One newsletter, warm: in one process, load the corpus once, then assemble the issue model
 * and render it (Handlebars → MJML compile → checks → text → .eml) many times, timing each.
 * Run by `bench/run.ts` as `node newsletter-warm.ts <site> <month> <iterations> <out.json>`;
 * writes `{ ms: number[], distinctMs, assembleMs, renderMs, api }` (`ms`: the same issue again
 * and again; `distinctMs`: a different issue each time), or `{ na: reason }` when the project
 * has no newsletter module with these functions (yet).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [site, month, iterationsArg, outFile] = process.argv.slice(2);
if (!site || !month || !outFile)
  throw new Error('usage: newsletter-warm.ts <site> <month> <iterations> <out.json>');
const iterations = Number(iterationsArg ?? 30);
const WARM_UP = 3;

type Fn = (...args: unknown[]) => unknown;
const load = async (rel: string): Promise<Record<string, unknown> | undefined> => {
  const file = path.join(site, rel);
  return existsSync(file) ? ((await import(pathToFileURL(file).href)) as Record<string, unknown>) : undefined;
};
const write = (result: object) => writeFileSync(outFile, JSON.stringify(result));

const assembleModule = await load('src/lib/newsletter/assemble.ts');
const renderModule = await load('src/lib/newsletter/render/index.ts');
const templateModule = await load('src/lib/newsletter/render/template.ts');
const assembleIssue = assembleModule?.assembleIssue as Fn | undefined;
const renderIssue = renderModule?.renderIssue as Fn | undefined;
if (!assembleIssue || !renderIssue) {
  write({ na: 'the newsletter module has no assembleIssue and renderIssue yet' });
} else {
  const { loadContent } = (await load('src/lib/content/load.ts')) as {
    loadContent: (root: string) => Promise<{ corpus: unknown; problems: unknown[] }>;
  };
  const { siteConfig } = (await load('src/config.ts')) as {
    siteConfig: () => { contact: { email: string; phone: string } };
  };
  // The email's settings as the project's own build makes them from its configuration.
  const { emailSettings } = (await load('src/lib/newsletter/settings.ts')) as { emailSettings: Fn };
  const { corpus, problems } = await loadContent(site);
  if (problems.length) throw new Error(`${problems.length} content problems`);
  const config = siteConfig();
  const templatesDir = path.join(site, 'templates');
  const loadTemplates = templateModule?.loadTemplates as Fn | undefined;
  const templates = loadTemplates ? await loadTemplates(templatesDir) : templatesDir;
  const settings = emailSettings(config);
  const ms: number[] = [];
  const assembleMs: number[] = [];
  const renderMs: number[] = [];
  let htmlBytes = 0;
  for (let i = 0; i < WARM_UP + iterations; i++) {
    const t0 = performance.now();
    const issue = assembleIssue(corpus, month, { contact: config.contact });
    const t1 = performance.now();
    const rendered = (await renderIssue(issue, { templates, settings })) as { html: string };
    const t2 = performance.now();
    htmlBytes = Buffer.byteLength(rendered.html);
    if (i >= WARM_UP) {
      ms.push(t2 - t0);
      assembleMs.push(t1 - t0);
      renderMs.push(t2 - t1);
    }
  }
  // The same, each time a different issue (the latest months first): nothing an issue's
  // earlier render cached (rendered Markdown, say) can be reused.
  const months = (corpus as { newsletters: { id: string }[] }).newsletters
    .map((n) => n.id)
    .filter((m) => m !== month)
    .reverse()
    .slice(0, iterations);
  const distinctMs: number[] = [];
  for (const other of months) {
    const t0 = performance.now();
    const issue = assembleIssue(corpus, other, { contact: config.contact });
    await renderIssue(issue, { templates, settings });
    distinctMs.push(performance.now() - t0);
  }
  write({
    ms,
    distinctMs,
    assembleMs,
    renderMs,
    htmlBytes,
    api: 'assembleIssue() + renderIssue() with templates loaded once',
  });
}
