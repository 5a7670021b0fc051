import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assembleIssue } from '../../../src/lib/newsletter/assemble.ts';
import { emailSettings } from '../../../src/lib/newsletter/build.ts';
import { compileMjml } from '../../../src/lib/newsletter/render/mjml.ts';
import { loadTemplates, templateAtLine } from '../../../src/lib/newsletter/render/template.ts';
import { emailView } from '../../../src/lib/newsletter/render/view.ts';
import { BODIES, CONTACT, corpusOf, meeting, news, nl } from '../support/corpus.ts';
import { CONFIG, TEMPLATES } from '../support/example.ts';

/** An issue whose editor-written text is hostile HTML. */
const issue = assembleIssue(
  corpusOf(
    ...BODIES,
    nl({ title: 'News & <views>' }, 'Intro with <script>alert(1)</script> and <b onclick="x()">bold</b>.'),
    meeting('2030-03-05-tag', { body: 'tag', date: '2030-03-05' }),
    news('2030-03-n', {
      title: 'Tom & Jerry <img src=x onerror=alert(1)>',
      date: '2030-03-10',
      category: 'governance',
    }),
  ),
  '2030-03',
  { contact: CONTACT },
);
const view = emailView(issue, emailSettings(CONFIG));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'nl-templates-'));
  await cp(TEMPLATES, dir, { recursive: true });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const edit = async (file: string, change: (s: string) => string) =>
  writeFile(path.join(dir, file), change(await readFile(path.join(dir, file), 'utf8')));

describe('filling the templates', () => {
  it('escapes every value and sanitises every Markdown body', async () => {
    const mjml = (await loadTemplates(dir)).render(view);
    expect(mjml).toContain('<mj-title>News &amp; &lt;views&gt;</mj-title>');
    expect(mjml).toContain('Tom &amp; Jerry &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;');
    expect(mjml).not.toMatch(/<script|onclick|<img/i);
  });

  it('registers every .mjml file but the layout as a partial named by its path', async () => {
    const templates = await loadTemplates(dir);
    expect(templates.partials).toEqual(
      expect.arrayContaining(['sections/governance', 'blocks/body', 'blocks/reports/imrs', 'partials/note']),
    );
    expect(templates.partials).not.toContain('layout');
  });

  it('a designer’s edit shows in the email without touching code', async () => {
    await edit('blocks/body.mjml', (s) => s.replace('<h3>{{title}}</h3>', '<h3>{{title}} (edited)</h3>'));
    const html = await compileMjml((await loadTemplates(dir)).render(view));
    expect(html).toContain('Testing Advisory Group (TAG) (edited)');
  });
});

describe('template errors name the template', () => {
  it('a Handlebars syntax error', async () => {
    await edit('blocks/body.mjml', (s) => s.replace('{{/each}}', '{{/if}}'));
    await expect(loadTemplates(dir)).rejects.toThrow(/^templates\/blocks\/body\.mjml: /);
  });

  it('a block without its partial', async () => {
    await rm(path.join(dir, 'blocks/body.mjml'));
    const templates = await loadTemplates(dir);
    expect(() => templates.render(view)).toThrow(
      'templates/blocks/body.mjml is missing: the issue has an item that renders through it',
    );
  });

  it('an MJML error in a partial names that partial', async () => {
    await edit('blocks/body.mjml', (s) => `</mj-text><mj-column unknown-attr="1"></mj-column><mj-text>${s}`);
    const mjml = (await loadTemplates(dir)).render(view);
    await expect(compileMjml(mjml)).rejects.toThrow(/^templates\/blocks\/body\.mjml: <mj-column>: /m);
  });

  it('an MJML error in the layout names the layout', async () => {
    await edit('layout.mjml', (s) =>
      s.replace('<mj-breakpoint width="480px" />', '<mj-breakpoint width="480px" colour="red" />'),
    );
    const mjml = (await loadTemplates(dir)).render(view);
    await expect(compileMjml(mjml)).rejects.toThrow(
      /templates\/layout\.mjml: <mj-breakpoint>: Attribute colour is illegal/,
    );
  });

  it('a missing layout is said so', async () => {
    await rm(path.join(dir, 'layout.mjml'));
    await expect(loadTemplates(dir)).rejects.toThrow(/layout\.mjml is missing/);
  });
});

describe('templateAtLine', () => {
  const source = [
    '<mjml>',
    '<!--tpl:a-->',
    'a1',
    '<!--tpl:b-->',
    'b1',
    '<!--/tpl:b-->',
    'a2',
    '<!--/tpl:a-->',
    'x',
  ].join('\n');
  it.each<[number, string]>([
    [1, 'layout'],
    [3, 'a'],
    [5, 'b'],
    [7, 'a'],
    [9, 'layout'],
  ])('line %i is from %s', (line, expected) => {
    expect(templateAtLine(source, line)).toBe(expected);
  });
});
