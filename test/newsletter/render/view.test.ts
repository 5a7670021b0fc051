import { describe, expect, it } from 'vitest';
import { emailView, withHrefs } from '../../../src/lib/newsletter/render/view.ts';
import type { Issue } from '../../../src/lib/newsletter/model.ts';

describe('withHrefs', () => {
  it('gives every object with a site path its absolute URL, at any depth, without changing the input', () => {
    const input = {
      path: '/a/',
      items: [{ path: '/b/c/', url: 'https://x.example' }, { other: 1 }],
      nested: { deep: { path: '/d/' } },
    };
    const out = withHrefs(input, 'https://sec.example');
    expect(out).toEqual({
      path: '/a/',
      href: 'https://sec.example/a/',
      items: [{ path: '/b/c/', url: 'https://x.example', href: 'https://sec.example/b/c/' }, { other: 1 }],
      nested: { deep: { path: '/d/', href: 'https://sec.example/d/' } },
    });
    expect(input).not.toHaveProperty('href');
  });
});

describe('emailView', () => {
  it('adds the web version and home page as absolute URLs', () => {
    const issue = { month: '2030-03', path: '/newsletters/2030-03/', sections: [] } as unknown as Issue;
    const view = emailView(issue, {
      siteUrl: 'https://sec.example',
      siteName: 'SEC',
      lang: 'en-GB',
      contact: { email: 'a@b.example', phone: '1' },
      from: { name: 'SECAS', address: 'n@b.example' },
      unsubscribeUrl: '*|UNSUB|*',
      unsubscribeMailto: 'n@b.example',
    });
    expect(view.webUrl).toBe('https://sec.example/newsletters/2030-03/');
    expect(view.homeUrl).toBe('https://sec.example/');
    expect(view.mergeTags.name).toBe('*|NAME|*');
  });
});
