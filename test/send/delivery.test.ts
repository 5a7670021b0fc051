/**
 * `npm run send` end to end: the real CLI as a child process, delivering the fixture issue to
 * a real SMTP server on a loopback port, what the server received parsed with mailparser.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import type { ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LogRecord } from '../../src/lib/send/log.ts';
import { verifyUnsubscribeToken } from '../../src/lib/send/unsubscribe.ts';
import {
  counts,
  FIXTURE,
  NODE,
  readLog,
  runSend,
  runSendHere,
  scratch,
  SECRET,
  sendEnv,
  startSend,
  writeList,
  type SendRun,
} from './support/cli.ts';
import { SMTP_PASS, startSink, type Sink } from './support/smtp-sink.ts';

// A few seconds each on an idle machine; room for a busy one (two cores shared by a whole team).
vi.setConfig({ testTimeout: 120_000 });

let work: { dir: string; cleanup: () => Promise<void> };
let sink: Sink | undefined;
let listFile: string;
let logFile: string;
const runs: SendRun[] = [];

beforeEach(async () => {
  work = await scratch();
  listFile = path.join(work.dir, 'subscribers.csv');
  logFile = path.join(work.dir, 'send-logs', '2018-08.jsonl');
  runs.length = 0;
});

afterEach(async () => {
  await sink?.close();
  sink = undefined;
  // Whatever happened, no run printed the SMTP password or the unsubscribe secret.
  for (const r of runs) {
    expect(r.stdout + r.stderr).not.toContain(SMTP_PASS);
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  }
  if (existsSync(logFile)) {
    const log = await readFile(logFile, 'utf8');
    expect(log).not.toContain(SMTP_PASS);
    expect(log).not.toContain(SECRET);
  }
  await work.cleanup();
});

const args = (...extra: string[]) => [
  '2018-08',
  '--subscribers',
  listFile,
  '--dir',
  FIXTURE,
  '--log',
  logFile,
  ...extra,
];

/** `--send` as a child process, as an operator runs it. */
async function send(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<SendRun> {
  const run = await runSend(args('--send', ...extraArgs), sendEnv(sink?.url, env));
  runs.push(run);
  return run;
}

/** `--send` in this process: the same command without the start-up time of a process. */
async function sendHere(extraArgs: string[] = [], env: Record<string, string> = {}): Promise<SendRun> {
  const run = await runSendHere(args('--send', ...extraArgs), sendEnv(sink?.url, env));
  runs.push(run);
  return run;
}

const people = (count: number, prefix = 'reader') =>
  Array.from({ length: count }, (_, i) => [`${prefix}${i}@example.com`, `Reader ${i}`] as const);

const header = (mail: ParsedMail, name: string) => {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : undefined;
};

const ofType = <T extends LogRecord['type']>(records: LogRecord[], type: T) =>
  records.filter((r): r is Extract<LogRecord, { type: T }> => r.type === type);

describe('a full send', () => {
  it('delivers to 1,000 subscribers exactly once each, personalised, with the list headers', async () => {
    sink = await startSink();
    const valid = people(996);
    const special = [
      ['carol@example.net', 'Carol & <Co> "Ltd"'],
      ['zoe@exämple.org', 'Zoë Ørsted'],
      ['noname@example.com', ''],
      ['Mixed.Case@Example.COM', 'Mixed Case'],
    ] as const;
    const list = [...valid.slice(0, 500), ...special, ...valid.slice(500)];
    // Two bad lines and a duplicate in the middle: reported with their line, skipped.
    const rows: (readonly [string, string])[] = [
      ...list.slice(0, 10),
      ['not-an-address', 'Nobody'],
      ['reader3@EXAMPLE.com', 'Again'],
      ...list.slice(10),
    ];
    rows.splice(600, 0, ['someone@', 'Half']);
    await writeList(listFile, rows);

    const run = await send([], { NEWSLETTER_SEND_CONCURRENCY: '10' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `subscribers.csv:12: email: "not-an-address" is not an email address: skipped`,
    );
    expect(run.stdout).toContain(
      'subscribers.csv:13: email: reader3@EXAMPLE.com is a duplicate of line 5: skipped',
    );
    expect(run.stdout).toContain('subscribers.csv:602: email: "someone@" has an invalid domain: skipped');
    expect(run.stdout).toContain('1,000 accepted in this run, 0 rejected, 0 still to send');

    // Exactly the list, once each.
    expect(sink.received).toHaveLength(1000);
    const ascii = (e: string) => `${e.split('@')[0]}@${domainToASCII(e.split('@')[1]!)}`.toLowerCase();
    const expected = new Set(list.map(([e]) => ascii(e)));
    expect(new Set(sink.received.map((r) => r.rcpt))).toEqual(expected);
    expect([...counts(sink.received.map((r) => r.rcpt)).values()].every((c) => c === 1)).toBe(true);

    const mails = await sink.parsed();
    const byRcpt = new Map(mails.map((m, i) => [sink!.received[i]!.rcpt, m]));
    const ids = new Set<string>();
    for (const [rcpt, mail] of byRcpt) {
      expect(mail.subject).toBe('SEC Newsletter – August 2018');
      expect(mail.from?.value).toEqual([{ name: 'SECAS', address: 'newsletter@sec-press.example' }]);
      expect(mail.messageId).toMatch(/^<2018-08\.[0-9a-f]{32}@sec-press\.example>$/);
      ids.add(mail.messageId!);
      expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
      expect(header(mail, 'List-Id')).toBe('"SEC newsletter" <newsletter.sec-press.example>');
      // List-Unsubscribe: the subscriber's own signed https link, and mailto.
      const targets = [...(header(mail, 'List-Unsubscribe') ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1]!);
      expect(targets).toHaveLength(2);
      const https = new URL(targets[0]!);
      expect(`${https.origin}${https.pathname}`).toBe('https://sec-press.example/unsubscribe');
      expect(https.searchParams.get('email')?.toLowerCase()).toBe(rcpt);
      expect(verifyUnsubscribeToken(SECRET, rcpt, https.searchParams.get('token') ?? '')).toBe(true);
      expect(targets[1]).toBe('mailto:newsletter@sec-press.example?subject=unsubscribe');
      // The body's unsubscribe link is the same URL; no merge tag is left.
      expect(mail.html).toContain(`<a href="${targets[0]!.replace(/&/g, '&amp;')}">Unsubscribe</a>`);
      expect(mail.text).toContain(`Unsubscribe: ${targets[0]}`);
      expect(`${mail.html}${mail.text}`).not.toContain('*|');
      expect(ascii((mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : '') ?? '')).toBe(rcpt);
    }
    expect(ids.size).toBe(1000);

    const reader17 = byRcpt.get('reader17@example.com')!;
    expect(reader17.html).toContain('<p>Hi Reader 17,</p>');
    expect(reader17.text).toContain('Hi Reader 17,');
    expect(reader17.text).toContain('You receive it at reader17@example.com.');
    expect(reader17.to && !Array.isArray(reader17.to) && reader17.to.value[0]?.name).toBe('Reader 17');
    const carol = byRcpt.get('carol@example.net')!;
    expect(carol.html).toContain('<p>Hi Carol &amp; &lt;Co&gt; &quot;Ltd&quot;,</p>');
    expect(carol.text).toContain('Hi Carol & <Co> "Ltd",');
    expect(byRcpt.get(ascii('zoe@exämple.org'))!.text).toContain('Hi Zoë Ørsted,');
    expect(byRcpt.get('noname@example.com')!.text).toContain('Hi there,');

    // The log: one attempt and one acceptance per recipient, in one round.
    const log = await readLog(logFile);
    expect(ofType(log, 'run')).toHaveLength(1);
    expect(ofType(log, 'attempt')).toHaveLength(1000);
    expect(new Set(ofType(log, 'accepted').map((r) => r.email))).toEqual(expected);
    expect(ofType(log, 'accepted').every((r) => r.response.startsWith('250'))).toBe(true);

    // Running the same command again sends nothing.
    const again = await sendHere();
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to send');
    expect(sink.received).toHaveLength(1000);
  });

  it('sends an issue again only with --force, as a new round with new Message-IDs', async () => {
    sink = await startSink();
    await writeList(listFile, people(5));
    expect((await sendHere()).code).toBe(0);
    const first = (await sink.parsed()).map((m) => m.messageId);
    expect((await sendHere()).stdout).toContain('Nothing to send');
    expect(sink.received).toHaveLength(5);

    const forced = await sendHere(['--force']);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('--force: round 2');
    expect(sink.received).toHaveLength(10);
    const second = (await sink.parsed()).slice(5).map((m) => m.messageId);
    expect(second.every((id) => /^<2018-08\.r2\.[0-9a-f]{32}@sec-press\.example>$/.test(id ?? ''))).toBe(
      true,
    );
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    // The forced round is complete: resuming sends nothing more.
    expect((await sendHere()).stdout).toContain('Nothing to send');
    expect(sink.received).toHaveLength(10);
  });
});

describe('one sender per issue', () => {
  it('refuses to send while another live process holds the issue, and sends nothing', async () => {
    sink = await startSink();
    await writeList(listFile, people(3));
    const other = spawn(NODE, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await mkdir(path.dirname(logFile), { recursive: true });
      await writeFile(`${logFile}.lock`, `${other.pid}\n`);
      const refused = await sendHere();
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`✘ issue 2018-08 is being sent by another process (pid ${other.pid}`);
      expect(sink.connectionCount()).toBe(0);
      expect(existsSync(logFile)).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

describe('SMTP failures', () => {
  it('retries transient rejections, logs permanent ones, duplicates nothing', async () => {
    const list = people(200);
    const permanent = new Set(['reader7@example.com', 'reader70@example.com', 'reader140@example.com']);
    const soft1 = new Set(['reader3@example.com', 'reader50@example.com', 'reader99@example.com']);
    const soft2 = new Set(['reader11@example.com', 'reader120@example.com']);
    sink = await startSink({
      rcpt: (address, seen) => {
        if (permanent.has(address)) return { reply: 550, message: '5.1.1 No such user here' };
        if (soft1.has(address) && seen <= 1) return { reply: 451, message: '4.3.0 Try again later' };
        if (soft2.has(address) && seen <= 2) return { reply: 421, message: '4.7.0 Too busy, slow down' };
        return undefined;
      },
      // At the end of DATA: a 452 once, a dropped connection, a stall until the client times out.
      data: (index) =>
        index === 20
          ? { reply: 452, message: '4.3.1 Out of space' }
          : index === 40
            ? 'drop'
            : index === 60
              ? 'stall'
              : 'accept',
    });
    await writeList(listFile, list);

    const run = await sendHere([], { NEWSLETTER_SEND_TIMEOUT_MS: '700', NEWSLETTER_SEND_CONCURRENCY: '4' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('197 accepted in this run, 3 rejected, 0 still to send');
    for (const address of permanent) expect(run.stdout).toContain(`${address}: 550 5.1.1 No such user here`);

    const got = counts(sink.received.map((r) => r.rcpt));
    expect(got.size).toBe(197);
    expect([...got.values()].every((c) => c === 1)).toBe(true);
    for (const [address] of list) expect(got.has(address)).toBe(!permanent.has(address));
    // The transient ones arrived after one or two refusals.
    for (const address of soft1) expect(sink.rcptSeen.get(address)).toBe(2);
    for (const address of soft2) expect(sink.rcptSeen.get(address)).toBe(3);
    // Permanent ones were tried once.
    for (const address of permanent) expect(sink.rcptSeen.get(address)).toBe(1);

    const log = await readLog(logFile);
    const failed = ofType(log, 'failed');
    expect(failed.map((r) => r.email).sort()).toEqual([...permanent].sort());
    expect(failed.every((r) => r.permanent && r.responseCode === 550)).toBe(true);
    const deferred = ofType(log, 'deferred');
    // 3 soft1 + 2×2 soft2 + the 452 + the dropped connection + the timeout.
    expect(deferred).toHaveLength(3 + 4 + 3);
    expect(deferred.filter((r) => r.code === 'ETIMEDOUT')).toHaveLength(1);
    expect(deferred.filter((r) => r.responseCode === 452)).toHaveLength(1);
    expect(deferred.every((r) => r.retryInMs >= 10)).toBe(true);

    // A second run does not retry the permanent failures unless asked.
    const again = await sendHere();
    expect(again.stdout).toContain('3 rejected before (not sent again; --retry-failed to retry)');
    expect(again.stdout).toContain('Nothing to send');
    for (const address of permanent) expect(sink.rcptSeen.get(address)).toBe(1);
    const retried = await sendHere(['--retry-failed']);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain('0 accepted in this run (197 before), 3 rejected');
    for (const address of permanent) expect(sink.rcptSeen.get(address)).toBe(2);
    expect(sink.received).toHaveLength(197);
  });

  it('stops at once when the server refuses the credentials, and a corrected run delivers everything once', async () => {
    sink = await startSink();
    await writeList(listFile, people(30));
    const wrong = sink.url.replace(encodeURIComponent(SMTP_PASS), 'wrong-password');
    const refused = await runSendHere(args('--send'), sendEnv(wrong, { NEWSLETTER_SEND_CONCURRENCY: '2' }));
    runs.push(refused);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('stopped: the SMTP server refused the run');
    expect(refused.stderr).toContain('535');
    expect(refused.stdout).toContain('30 still to send');
    expect(sink.received).toHaveLength(0);

    const fixed = await sendHere();
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toContain('30 accepted in this run');
    expect([...counts(sink.received.map((r) => r.rcpt)).values()]).toEqual(Array(30).fill(1));
  });
});

describe('a crash in the middle of a send', () => {
  it('after dropped connections and a SIGKILL mid-batch, the next run delivers exactly the rest', async () => {
    const list = people(200);
    await writeList(listFile, list);
    const killAt = 100;
    let phase: 'first' | 'second' = 'first';
    sink = await startSink({
      data: (index) => {
        if (phase === 'second') return 'accept';
        if (index >= 40 && index < 43) return 'drop';
        // Once `killAt` are in, the server stops answering: the messages in flight hang there.
        return sink!.received.length >= killAt ? 'stall' : 'accept';
      },
    });

    const first = startSend(args('--send'), sendEnv(sink.url, { NEWSLETTER_SEND_CONCURRENCY: '4' }));
    // Kill once every message the server kept is logged as accepted and others are in flight.
    await sink.waitUntil(() => sink!.received.length >= killAt && sink!.dataCount() > killAt + 3);
    for (let tries = 0; ofType(await readLog(logFile), 'accepted').length < killAt; tries++) {
      if (tries > 6000) throw new Error('the accepted messages never reached the log');
      await new Promise((r) => setTimeout(r, 10));
    }
    first.child.kill('SIGKILL');
    const killed = await first.done;
    runs.push(killed);
    expect(killed.signal).toBe('SIGKILL');
    expect(sink.received).toHaveLength(killAt);

    // The log shows the run died mid-batch: attempts with no outcome, and the three drops.
    const log1 = await readLog(logFile);
    const outcome = new Set([...ofType(log1, 'accepted'), ...ofType(log1, 'failed')].map((r) => r.email));
    const inDoubt = [...new Set(ofType(log1, 'attempt').map((r) => r.email))].filter((e) => !outcome.has(e));
    expect(inDoubt.length).toBeGreaterThanOrEqual(1);
    expect(inDoubt.length).toBeLessThanOrEqual(4);
    expect(
      ofType(log1, 'deferred').filter((r) => r.code === 'ECONNECTION' || r.code === 'ESOCKET'),
    ).toHaveLength(3);
    expect(existsSync(`${logFile}.lock`)).toBe(true);

    phase = 'second';
    const second = await send();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`${inDoubt.length} in doubt (sent again with the same Message-ID)`);
    expect(second.stdout).toContain(`${200 - killAt} accepted in this run (${killAt} before)`);

    // The union of both runs is exactly the list, with no duplicates.
    const got = counts(sink.received.map((r) => r.rcpt));
    expect(new Set(got.keys())).toEqual(new Set(list.map(([e]) => e)));
    expect([...got.values()].every((c) => c === 1)).toBe(true);
    expect(sink.received).toHaveLength(200);
    expect(existsSync(`${logFile}.lock`)).toBe(false);

    // The messages in doubt went out again under the Message-ID of the attempt that died.
    const mails = await sink.parsed();
    const idOf = new Map(mails.map((m, i) => [sink!.received[i]!.rcpt, m.messageId]));
    const attempted = new Map(ofType(log1, 'attempt').map((r) => [r.email, r.messageId]));
    for (const email of inDoubt) expect(idOf.get(email)).toBe(attempted.get(email));
  });

  it('SIGTERM stops cleanly: the messages in flight finish and are logged, none is left in doubt', async () => {
    const list = people(200);
    await writeList(listFile, list);
    sink = await startSink();
    const first = startSend(args('--send'), sendEnv(sink.url, { NEWSLETTER_SEND_RATE: '400' }));
    await sink.waitUntil(() => sink!.received.length >= 30);
    first.child.kill('SIGTERM');
    const stopped = await first.done;
    runs.push(stopped);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('✘ stopped: stopped on request');
    const log = await readLog(logFile);
    const outcomes = [...ofType(log, 'accepted'), ...ofType(log, 'failed'), ...ofType(log, 'deferred')];
    expect(ofType(log, 'attempt')).toHaveLength(outcomes.length);
    expect(ofType(log, 'accepted')).toHaveLength(sink.received.length);
    expect(sink.received.length).toBeLessThan(200);
    expect(existsSync(`${logFile}.lock`)).toBe(false);

    const rest = await sendHere();
    expect(rest.code).toBe(0);
    expect(rest.stdout).not.toContain('in doubt');
    const got = counts(sink.received.map((r) => r.rcpt));
    expect(got.size).toBe(200);
    expect([...got.values()].every((c) => c === 1)).toBe(true);
  });

  it('a message the server kept but never confirmed is sent again with the same Message-ID (at least once)', async () => {
    const list = people(20);
    await writeList(listFile, list);
    let phase: 'first' | 'second' = 'first';
    sink = await startSink({
      data: (index) => (phase === 'first' && index === 5 ? 'commit-and-stall' : 'accept'),
    });

    const first = startSend(args('--send'), sendEnv(sink.url, { NEWSLETTER_SEND_CONCURRENCY: '1' }));
    await sink.waitUntil(() => sink!.received.length === 6);
    first.child.kill('SIGKILL');
    runs.push(await first.done);
    const doubtful = sink.received[5]!.rcpt;

    phase = 'second';
    const second = await sendHere();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`in doubt: ${doubtful}`);
    const got = counts(sink.received.map((r) => r.rcpt));
    expect(got.get(doubtful)).toBe(2);
    expect([...got.entries()].filter(([e]) => e !== doubtful).every(([, c]) => c === 1)).toBe(true);
    expect(got.size).toBe(20);
    // Both copies carry the same Message-ID, so a receiving system can drop the second.
    const ids = (await sink.parsed())
      .filter((_, i) => sink!.received[i]!.rcpt === doubtful)
      .map((m) => m.messageId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});

describe('a dry run', () => {
  it('validates the list, says who would get the issue, and sends nothing', async () => {
    sink = await startSink();
    await writeList(listFile, [...people(25), ['broken@@example.com', 'Broken']]);
    const run = await runSend(args(), sendEnv(sink.url));
    runs.push(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'subscribers.csv:27: email: "broken@@example.com" is not an email address: skipped',
    );
    expect(run.stdout).toContain(
      'Dry run: would send 25 messages, subject “SEC Newsletter – August 2018”, to:',
    );
    expect(run.stdout).toContain('  Reader 0 <reader0@example.com>');
    expect(run.stdout).toContain('… and 5 more (--list shows all)');
    expect(run.stdout).toContain(
      `Nothing was sent. Add --send to deliver through smtp://127.0.0.1:${sink.port}`,
    );
    expect(sink.received).toHaveLength(0);
    expect(sink.dataCount()).toBe(0);
    expect(sink.connectionCount()).toBe(0);
    expect(existsSync(logFile)).toBe(false);

    const listed = await runSendHere(args('--list'), sendEnv(sink.url));
    runs.push(listed);
    expect(listed.stdout).toContain('  Reader 24 <reader24@example.com>');
    expect(sink.received).toHaveLength(0);
  });

  it('refuses to send without SMTP_URL or the unsubscribe secret, naming what is missing', async () => {
    await writeList(listFile, people(2));
    const noUrl = await runSendHere(args('--send'), sendEnv(undefined));
    runs.push(noUrl);
    expect(noUrl.code).toBe(1);
    expect(noUrl.stderr).toContain(
      '✘ SMTP_URL is not set (e.g. SMTP_URL=smtp://user:pass@smtp.example-esp.com:587)',
    );
    const noSecret = await runSendHere(
      args('--send'),
      sendEnv('smtp://127.0.0.1:1', { NEWSLETTER_UNSUBSCRIBE_SECRET: '' }),
    );
    runs.push(noSecret);
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toContain('NEWSLETTER_UNSUBSCRIBE_SECRET must be set');
    expect(existsSync(logFile)).toBe(false);
  });
});
