import { describe, expect, it } from 'vitest';
import { checkAddress, parseSubscribers } from '../../src/lib/send/subscribers.ts';

describe('checkAddress', () => {
  it.each([
    ['ann@example.com', 'ann@example.com', 'ann@example.com'],
    ['  ann@example.com ', 'ann@example.com', 'ann@example.com'],
    ['Ann.Lee+sec@Example.CO.UK', 'Ann.Lee+sec@example.co.uk', 'ann.lee+sec@example.co.uk'],
    ["o'brien@example.ie", "o'brien@example.ie", "o'brien@example.ie"],
    ['zoe@exämple.org', 'zoe@xn--exmple-cua.org', 'zoe@xn--exmple-cua.org'],
  ])('accepts %j as %j (key %j)', (raw, email, key) => {
    expect(checkAddress(raw)).toEqual({ ok: true, email, key });
  });

  it.each([
    ['', 'no email address'],
    ['ann', '"ann" is not an email address'],
    ['ann@@example.com', '"ann@@example.com" is not an email address'],
    ['@example.com', '"@example.com" is not an email address'],
    [
      'Ann <ann@example.com>',
      '"Ann <ann@example.com>" is not a bare email address (no names, spaces or brackets)',
    ],
    [
      'ann lee@example.com',
      '"ann lee@example.com" is not a bare email address (no names, spaces or brackets)',
    ],
    [
      'ann,bob@example.com',
      '"ann,bob@example.com" is not a bare email address (no names, spaces or brackets)',
    ],
    ['.ann@example.com', '".ann@example.com" has an invalid part before the @'],
    ['ann..lee@example.com', '"ann..lee@example.com" has an invalid part before the @'],
    [`${'a'.repeat(65)}@example.com`, `"${'a'.repeat(65)}@example.com" has an invalid part before the @`],
    ['ann@localhost', '"ann@localhost" has an invalid domain'],
    ['ann@example', '"ann@example" has an invalid domain'],
    ['ann@-example.com', '"ann@-example.com" has an invalid domain'],
    ['ann@example.123', '"ann@example.123" has an invalid domain'],
    ['ann@', '"ann@" has an invalid domain'],
  ])('rejects %j: %s', (raw, reason) => {
    expect(checkAddress(raw)).toEqual({ ok: false, reason });
  });
});

describe('parseSubscribers', () => {
  it('reads email and name by header, whatever the case, order, BOM or line ends', () => {
    const list = parseSubscribers(
      '\uFEFFName,EMAIL,Company\r\nAnn Lee,ann@example.com,SECAS\r\n,bob@example.org,\r\n',
      'l.csv',
    );
    expect(list.problems).toEqual([]);
    expect(list.rows).toBe(2);
    expect(list.subscribers).toEqual([
      { email: 'ann@example.com', key: 'ann@example.com', name: 'Ann Lee', line: 2 },
      { email: 'bob@example.org', key: 'bob@example.org', line: 3 },
    ]);
  });

  it('works without a name column', () => {
    expect(parseSubscribers('email\nann@example.com\n', 'l.csv').subscribers).toEqual([
      { email: 'ann@example.com', key: 'ann@example.com', line: 2 },
    ]);
  });

  it('reports each bad line with its number and keeps every other line', () => {
    const csv = [
      'email,name',
      'ann@example.com,Ann',
      '',
      'not-an-address,Nobody',
      'ANN@Example.com,Ann again',
      '"broken@example.com,Unclosed',
      'carol@example.net,"Carol, of Counsel"',
      'dan@example.com,"Dan ""the man"""',
      ',No address',
      'erin@example.com,Erin,extra,cells',
    ].join('\n');
    const list = parseSubscribers(csv, 'subscribers.csv');
    expect(list.subscribers.map((s) => [s.line, s.email, s.name])).toEqual([
      [2, 'ann@example.com', 'Ann'],
      [7, 'carol@example.net', 'Carol, of Counsel'],
      [8, 'dan@example.com', 'Dan "the man"'],
      [10, 'erin@example.com', 'Erin'],
    ]);
    expect(list.rows).toBe(8);
    expect(list.problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [4, 'email', '"not-an-address" is not an email address: skipped'],
      [5, 'email', 'ANN@Example.com is a duplicate of line 2: skipped'],
      [6, undefined, expect.stringMatching(/^not readable as CSV \(Quote Not Closed.*\): skipped$/)],
      [9, 'email', 'no email address: skipped'],
    ]);
    expect(list.problems.every((p) => p.file === 'subscribers.csv')).toBe(true);
  });

  it('cleans names for headers and greetings', () => {
    const [s] = parseSubscribers('email,name\nann@example.com,"  Ann \t\u0007 Lee  "\n', 'l.csv').subscribers;
    expect(s?.name).toBe('Ann Lee');
    const [blank] = parseSubscribers('email,name\nann@example.com,"   "\n', 'l.csv').subscribers;
    expect(blank && 'name' in blank).toBe(false);
  });

  it.each([
    ['', 'the list is empty', undefined],
    ['\n\n', 'the list is empty', undefined],
    [
      'name,address\nAnn,ann@example.com\n',
      'the first line must be a header naming an "email" column (email,name)',
      1,
    ],
    ['ann@example.com,Ann\n', 'the first line must be a header naming an "email" column (email,name)', 1],
  ])('a list without an email column has no subscribers: %j', (csv, message, line) => {
    const list = parseSubscribers(csv, 'l.csv');
    expect(list.subscribers).toEqual([]);
    expect(list.problems).toEqual([{ file: 'l.csv', message, ...(line ? { line } : {}) }]);
  });
});
