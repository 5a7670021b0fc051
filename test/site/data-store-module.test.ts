/**
 * The content store module split into short string literals: the same value, and only for
 * the shape Astro generates (checked against the installed Astro, so an upgrade that changes
 * it fails here rather than silently slowing the build).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DATA_STORE_MODULE_ID,
  dataStoreModule,
  splitStoreLiteral,
} from '../../src/lib/site/data-store-module.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Evaluates an ES module's source and returns its default export. */
async function evaluate(code: string): Promise<unknown> {
  const mod = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { default: unknown };
  return mod.default;
}

const astroModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

describe('splitStoreLiteral', () => {
  const store = {
    entries: Array.from({ length: 40 }, (_, i) => ({
      id: `SECMP${String(i).padStart(4, '0')}`,
      body: `He said "it's fine" \\ then left.\nThe Board’s view — £10 😀 \u2028 end ${i}`,
    })),
  };

  it('gives the same value from short pieces', async () => {
    const code = astroModule(store);
    const split = splitStoreLiteral(code, 100);
    expect(split).toBeDefined();
    expect(split!.split('\n').length).toBeGreaterThan(20);
    // No piece longer than the limit plus its quotes and escapes.
    for (const line of split!.split('\n').slice(1, -2)) expect(line.length).toBeLessThan(400);
    expect(await evaluate(split!)).toEqual(store);
  });

  it('keeps a surrogate pair in one piece whatever the piece length', async () => {
    const text = JSON.stringify({ s: '😀'.repeat(50) });
    for (const length of [7, 8, 9, 10]) {
      const split = splitStoreLiteral(`export default JSON.parse(${JSON.stringify(text)})`, length)!;
      expect(split).not.toMatch(/\\ud83d"/i);
      expect(await evaluate(split)).toEqual({ s: '😀'.repeat(50) });
    }
  });

  it.each([
    ['an empty store', 'export default new Map()'],
    ['a short literal', astroModule({ a: 1 })],
    ['an expression, not a literal', 'export default JSON.parse(text + "x")'],
    ['other code', 'const x = JSON.parse("[]"); export default x;'],
  ])('leaves %s alone', (_name, code) => {
    expect(splitStoreLiteral(code, 100)).toBeUndefined();
  });
});

describe('the plugin', () => {
  it("matches the module id and code shape of the installed Astro's content store", () => {
    const astro = path.join(ROOT, 'node_modules/astro/dist/content');
    const consts = readFileSync(path.join(astro, 'consts.js'), 'utf8');
    expect(consts).toContain(`const DATA_STORE_VIRTUAL_ID = "${DATA_STORE_MODULE_ID.slice(1)}"`);
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID');
    const plugin = readFileSync(path.join(astro, 'vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(plugin).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });

  it('rewrites only the store module', () => {
    const p = dataStoreModule();
    const transform = p.transform as { handler: (code: string, id: string) => unknown };
    const code = astroModule({ text: 'x'.repeat(3_000_000) });
    expect(transform.handler(code, DATA_STORE_MODULE_ID)).toMatchObject({
      code: expect.stringContaining('].join') as unknown,
    });
    expect(transform.handler(code, '/src/pages/index.astro')).toBeNull();
  });
});
