import { describe, expect, it } from 'vitest';
import { checkEmail, emailProblems, urlsIn } from '../../../src/lib/newsletter/render/check.ts';

describe('emailProblems', () => {
  it.each<[string, string, string[]]>([
    [
      'absolute links, mailto, tel and merge tags are fine',
      '<a href="https://a.example/">a</a><a href="mailto:x@y.example">m</a><a href="tel:+44">t</a><a href="*|UNSUB|*">u</a>',
      [],
    ],
    [
      'a query string with an escaped ampersand is fine',
      '<a href="https://a.example/?a=1&amp;b=2">a</a>',
      [],
    ],
    [
      'a relative link is not',
      '<a href="/modifications/">r</a>',
      ['“/modifications/” is not an absolute URL'],
    ],
    ['nor a fragment', "<a href='#top'>r</a>", ['“#top” is not an absolute URL']],
    ['nor a relative image', '<img src="logo.png" alt="Logo">', ['“logo.png” is not an absolute URL']],
    [
      'an image needs alt text',
      '<img src="https://a.example/l.png">',
      ['an image has no alt text: <img src="https://a.example/l.png">'],
    ],
    [
      'a script is never allowed',
      '<script src="https://a.example/x.js"></script>',
      ['it contains a <script>'],
    ],
  ])('%s', (_, html, expected) => {
    expect(emailProblems(html)).toEqual(expected);
  });

  it('checkEmail throws with every problem', () => {
    expect(() => checkEmail('<a href="/x">x</a><script></script>')).toThrow(
      'the email is not safe to send: it contains a <script>; “/x” is not an absolute URL',
    );
  });

  it('urlsIn reads both quote styles', () => {
    expect(urlsIn(`<a href="a">x</a><img src='b' alt="">`)).toEqual(['a', 'b']);
  });
});
