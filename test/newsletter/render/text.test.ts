import { describe, expect, it } from 'vitest';
import { emailText } from '../../../src/lib/newsletter/render/text.ts';

const wrap = (body: string) =>
  `<html><body><div style="display:none">The hidden preheader</div><div role="article">${body}</div></body></html>`;

describe('emailText', () => {
  it('keeps the email body only: no preheader', () => {
    expect(emailText(wrap('<p>Hello</p>'))).toBe('Hello\n');
  });

  it('underlines headings: = for the title and sections, - below', () => {
    expect(emailText(wrap('<h1>Title</h1><h2>Section</h2><h3>Block</h3><p>Text</p>'))).toBe(
      'Title\n=====\n\n\nSection\n=======\n\nBlock\n-----\n\nText\n',
    );
  });

  it('prints links as their URLs, once when the text is the URL', () => {
    expect(
      emailText(
        wrap(
          '<p><a href="https://a.example/x">Read it</a> or <a href="https://b.example/">https://b.example/</a></p>',
        ),
      ),
    ).toBe('Read it <https://a.example/x> or https://b.example/\n');
  });

  it('keeps lists as bulleted lines', () => {
    expect(emailText(wrap('<ul><li>one</li><li>two</li></ul>'))).toBe(' • one\n • two\n');
  });

  it('aligns data tables in columns and unwraps layout tables', () => {
    const html = wrap(
      '<table role="presentation"><tr><td><table class="data"><thead><tr><th>Category</th><th>Count</th></tr></thead>' +
        '<tbody><tr><th>Large Suppliers</th><td>24</td></tr><tr><th>Gas Networks</th><td>20</td></tr></tbody></table></td></tr></table>',
    );
    expect(emailText(html)).toBe('Category          Count\nLarge Suppliers   24\nGas Networks      20\n');
  });

  it('leaves images out', () => {
    expect(emailText(wrap('<p><img src="https://a.example/x.png" alt="Logo">Text</p>'))).toBe('Text\n');
  });
});
