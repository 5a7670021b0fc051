/**
 * `npm run send -- 2018-08 --subscribers subscribers.csv [--send]`: delivers a built issue to
 * a subscriber list through SMTP (`SMTP_URL`). A dry run unless `--send`. Every attempt and
 * outcome goes to the issue's send log first, so running the same command again after a
 * crash sends only to those not yet accepted. Guarantees: docs/sending.md.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { siteConfig } from '../config.ts';
import { formatProblem } from '../lib/content/problems.ts';
import { deliver, type Progress } from '../lib/send/deliver.ts';
import { checkIssue, IssueError, loadBuiltIssue, type BuiltIssue } from '../lib/send/issue.ts';
import { acquireLock, LockedError, lockHolder } from '../lib/send/lock.ts';
import { readSendLog, reconcile, SendLogWriter } from '../lib/send/log.ts';
import { buildMessage, type MessageSettings } from '../lib/send/message.ts';
import { planSend, type SendPlan } from '../lib/send/plan.ts';
import { resolveSettings, SettingsError, type SendSettings } from '../lib/send/settings.ts';
import { createSmtpMailer, describeSmtpUrl, parseSmtpUrl, SmtpUrlError } from '../lib/send/smtp.ts';
import { parseSubscribers, type Subscriber } from '../lib/send/subscribers.ts';
import { MIN_SECRET_LENGTH } from '../lib/send/unsubscribe.ts';
import { runCli, UsageError, type CliContext } from './run.ts';

const USAGE = `usage: npm run send -- YYYY-MM --subscribers FILE [--send] [options]

  --subscribers FILE  CSV with a header row: email,name
  --send              deliver through SMTP_URL (without it: a dry run, nothing is sent)
  --dir DIR           the built issue (default dist/newsletters/YYYY-MM)
  --log FILE          the send log (default send-logs/YYYY-MM.jsonl)
  --resume            send to those not yet accepted (the default)
  --force             send the issue again to everyone on the list (a new round)
  --retry-failed      also send to those rejected permanently before
  --rate N            messages per second at most (NEWSLETTER_SEND_RATE, default 10)
  --concurrency N     SMTP connections (NEWSLETTER_SEND_CONCURRENCY, default 5)
  --list              in a dry run, list every recipient`;

const n = (value: number) => value.toLocaleString('en-GB');
const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;
const who = (s: Subscriber) => (s.name ? `${s.name} <${s.email}>` : s.email);

export interface SendContext extends CliContext {
  /** Where settings and secrets come from (`process.env` when run as a command). */
  env: NodeJS.ProcessEnv;
  /** Draw a progress bar (stdout is a terminal). */
  tty: boolean;
  /** Aborted to stop: messages in flight finish and are logged, no new one starts. */
  signal?: AbortSignal;
}

/** The command, callable in-process (tests); returns the exit code. */
export async function sendCommand({ root, args, out, env, tty, signal }: SendContext): Promise<number> {
  const config = siteConfig(env);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        subscribers: { type: 'string' },
        send: { type: 'boolean', default: false },
        dir: { type: 'string' },
        log: { type: 'string' },
        resume: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'retry-failed': { type: 'boolean', default: false },
        rate: { type: 'string' },
        concurrency: { type: 'string' },
        list: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const { values: flags, positionals } = parsed;
  if (flags.help) {
    out.log(USAGE);
    return 0;
  }
  const month = positionals[0];
  if (!month || positionals.length > 1 || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new UsageError(`give one issue as YYYY-MM, e.g. 2018-08\n${USAGE}`);
  }
  if (!flags.subscribers) throw new UsageError(`--subscribers FILE is required\n${USAGE}`);
  if (flags.force && flags.resume)
    throw new UsageError('--force and --resume contradict each other: choose one');

  // npm runs scripts from the project root; paths on the command line are the caller's.
  const cwd = env.INIT_CWD ?? process.cwd();
  const rel = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative || '.';
  };
  const issueDir = flags.dir ? path.resolve(cwd, flags.dir) : path.join(root, 'dist', 'newsletters', month);
  const logFile = flags.log
    ? path.resolve(cwd, flags.log)
    : path.resolve(root, config.newsletter.send.logDir, `${month}.jsonl`);
  const listFile = path.resolve(cwd, flags.subscribers);

  let settings;
  try {
    settings = resolveSettings(config.newsletter.send, { rate: flags.rate, concurrency: flags.concurrency });
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }

  // The issue.
  let issue;
  try {
    issue = await loadBuiltIssue(issueDir, month);
  } catch (error) {
    if (error instanceof IssueError) throw new UsageError(error.message);
    throw error;
  }
  const from = config.newsletter.from;
  out.log(`Issue ${month}: “${issue.subject}” (${rel(issueDir)})`);
  out.log(`From: ${from.name} <${from.address}>`);
  const checks = checkIssue(issue);
  for (const w of checks.warnings) out.warn(`⚠ ${w}`);
  if (issue.from && !issue.from.includes(from.address)) {
    out.warn(`⚠ issue.json names the sender ${issue.from}; sending uses the configured ${from.address}`);
  }
  if (checks.errors.length) {
    for (const e of checks.errors) out.error(`✘ ${e}`);
    throw new UsageError('the issue cannot be sent as built: fix the template and build it again');
  }

  // The list.
  let csv: string;
  try {
    csv = await readFile(listFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UsageError(`${rel(listFile)}: not found`);
    throw error;
  }
  const list = parseSubscribers(csv, rel(listFile));
  out.log(
    `Subscribers: ${rel(listFile)}: ${plural(list.rows, 'line')}, ${n(list.subscribers.length)} valid` +
      (list.problems.length ? `, ${n(list.problems.length)} skipped:` : ''),
  );
  for (const p of list.problems) out.log(`  ${formatProblem(p)}`);
  if (list.subscribers.length === 0) throw new UsageError(`${rel(listFile)}: no valid subscriber to send to`);

  const secret = env.NEWSLETTER_UNSUBSCRIBE_SECRET ?? '';
  const smtp = ((): { ok: true; url: URL } | { ok: false; error: string } => {
    try {
      return { ok: true, url: parseSmtpUrl(env.SMTP_URL) };
    } catch (error) {
      if (error instanceof SmtpUrlError) return { ok: false, error: error.message };
      throw error;
    }
  })();
  const secretProblem =
    secret.length >= MIN_SECRET_LENGTH
      ? undefined
      : `NEWSLETTER_UNSUBSCRIBE_SECRET must be set, at least ${MIN_SECRET_LENGTH} characters: it signs each subscriber's unsubscribe link`;

  /** Reads the send log and prints what it says about this list. */
  const planFromLog = async () => {
    const read = await readSendLog(logFile);
    for (const u of read.unreadable) out.warn(`⚠ ${rel(logFile)}:${u.line}: ignored: ${u.reason}`);
    const state = reconcile(read.records);
    const plan = planSend(list.subscribers, state, {
      force: flags.force,
      retryFailed: flags['retry-failed'],
    });
    const summary = [
      `${n(plan.alreadyAccepted)} already accepted`,
      ...(plan.failedBefore.length
        ? [`${n(plan.failedBefore.length)} rejected before (not sent again; --retry-failed to retry)`]
        : []),
      ...(plan.retrying.length ? [`${n(plan.retrying.length)} to retry`] : []),
      ...(plan.inDoubt.length
        ? [`${n(plan.inDoubt.length)} in doubt (sent again with the same Message-ID)`]
        : []),
    ];
    if (flags.force && state.round > 0) {
      out.log(
        `Send log: ${rel(logFile)}: --force: round ${plan.round}, everyone on the list gets the issue again`,
      );
    } else {
      out.log(
        `Send log: ${rel(logFile)}${state.round ? ` (round ${plan.round}): ${summary.join(', ')}` : ' (new)'}`,
      );
    }
    for (const s of plan.inDoubt) out.log(`  in doubt: ${s.email}`);
    if (plan.toSend.length === 0) {
      out.log(
        `Nothing to send: every valid subscriber on the list has issue ${month} or was rejected before. --force sends it again to everyone.`,
      );
    }
    return plan;
  };

  if (!flags.send) {
    const plan = await planFromLog();
    if (plan.toSend.length === 0) return 0;
    const shown = flags.list ? plan.toSend : plan.toSend.slice(0, 20);
    out.log(`Dry run: would send ${plural(plan.toSend.length, 'message')}, subject “${issue.subject}”, to:`);
    for (const s of shown) out.log(`  ${who(s)}`);
    if (shown.length < plan.toSend.length)
      out.log(`  … and ${n(plan.toSend.length - shown.length)} more (--list shows all)`);
    const holder = await lockHolder(`${logFile}.lock`);
    if (holder) out.warn(`⚠ a send of ${month} is running now (pid ${holder})`);
    if (!smtp.ok) out.warn(`⚠ ${smtp.error}`);
    if (secretProblem) out.warn(`⚠ ${secretProblem}`);
    out.log(
      `Nothing was sent. Add --send to deliver${smtp.ok ? ` through ${describeSmtpUrl(smtp.url)}` : ''}.`,
    );
    return 0;
  }

  if (!smtp.ok) throw new UsageError(smtp.error);
  if (secretProblem) throw new UsageError(secretProblem);

  // The lock before the log: no other run can append between our reading it and sending.
  const release = await acquireLock(`${logFile}.lock`, `issue ${month}`).catch((error: unknown) => {
    throw error instanceof LockedError ? new UsageError(error.message) : error;
  });
  try {
    const plan = await planFromLog();
    if (plan.toSend.length === 0) return 0;
    return await sendPlanned({
      out,
      tty,
      signal,
      month,
      issue,
      plan,
      smtpUrl: smtp.url,
      settings,
      logFile,
      rel,
      force: flags.force,
      messageSettings: {
        from,
        unsubscribeBase: settings.unsubscribeBase,
        unsubscribeSecret: secret,
        unsubscribeMailto: settings.unsubscribeMailto,
        siteUrl: config.url,
      },
    });
  } finally {
    await release();
  }
}

interface Planned {
  out: CliContext['out'];
  tty: boolean;
  signal: AbortSignal | undefined;
  month: string;
  issue: BuiltIssue;
  plan: SendPlan;
  smtpUrl: URL;
  settings: SendSettings;
  logFile: string;
  rel: (file: string) => string;
  force: boolean;
  messageSettings: MessageSettings;
}

/** Delivers to the planned recipients (the lock is held), then prints the summary. */
async function sendPlanned(p: Planned): Promise<number> {
  const { out, plan, settings } = p;
  const writer = await SendLogWriter.open(p.logFile);
  const mailer = createSmtpMailer(p.smtpUrl, settings);
  const run = randomUUID();
  const started = performance.now();
  out.log(
    `Sending ${plural(plan.toSend.length, 'message')} through ${describeSmtpUrl(p.smtpUrl)}, ` +
      `${n(settings.concurrency)} connections, at most ${n(settings.rate)}/s…`,
  );

  const bar = p.tty
    ? new cliProgress.SingleBar(
        {
          format:
            ' {bar} {percentage}% | {accepted} sent | {failed} failed | {remaining} remaining | ETA {eta_formatted}',
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  let lastTenth = 0;
  const onProgress = (progress: Progress) => {
    const done = progress.accepted + progress.failed;
    if (bar) {
      bar.update(done, {
        accepted: n(progress.accepted),
        failed: n(progress.failed),
        remaining: n(progress.remaining),
      });
      return;
    }
    // Without a terminal, a line every tenth of the way.
    const tenth = Math.floor((done * 10) / progress.total);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      out.log(
        `  ${n(done)}/${n(progress.total)}: ${n(progress.accepted)} sent, ${n(progress.failed)} failed`,
      );
    }
  };
  bar?.start(plan.toSend.length, 0, { accepted: '0', failed: '0', remaining: n(plan.toSend.length) });

  let result;
  try {
    await writer.append({
      type: 'run',
      at: new Date().toISOString(),
      run,
      round: plan.round,
      issue: p.month,
      pid: process.pid,
      subject: p.issue.subject,
      recipients: plan.toSend.length,
      force: p.force,
    });
    result = await deliver({
      recipients: plan.toSend,
      build: (s) => buildMessage(p.issue, s, p.messageSettings, plan.round),
      mailer,
      log: writer,
      run,
      round: plan.round,
      concurrency: settings.concurrency,
      rate: settings.rate,
      maxAttempts: settings.maxAttempts,
      retryBaseMs: settings.retryBaseMs,
      onProgress,
      ...(p.signal ? { signal: p.signal } : {}),
    });
  } finally {
    bar?.stop();
    mailer.close();
    await writer.close();
  }

  const seconds = (performance.now() - started) / 1000;
  const attempted = result.accepted + result.failed.length;
  const pendingNotes = result.pending.filter((f) => !f.error.startsWith('not sent'));
  out.log(
    `${result.stoppedBecause || result.pending.length ? '✘' : '✔'} ${p.month}: ${n(result.accepted)} accepted in this run` +
      (plan.alreadyAccepted ? ` (${n(plan.alreadyAccepted)} before)` : '') +
      `, ${n(result.failed.length)} rejected, ${n(result.pending.length)} still to send`,
  );
  if (result.failed.length) {
    out.log(`  Rejected permanently (logged in ${p.rel(p.logFile)}; --retry-failed sends to them again):`);
    for (const f of result.failed.slice(0, 20)) out.log(`    ${f.email}: ${f.error}`);
    if (result.failed.length > 20) out.log(`    … and ${n(result.failed.length - 20)} more`);
  }
  for (const f of pendingNotes.slice(0, 20)) out.log(`  not delivered yet: ${f.email}: ${f.error}`);
  out.log(
    `  ${plural(attempted, 'message')} in ${seconds.toFixed(1)} s (${(attempted / Math.max(seconds, 0.001)).toFixed(0)}/s), ${plural(result.retries, 'retry', 'retries')}`,
  );
  if (result.stoppedBecause) out.error(`✘ stopped: ${result.stoppedBecause}`);
  if (result.pending.length) {
    out.log(
      `  ${plural(result.pending.length, 'subscriber')} not delivered yet: run the same command again to send to them.`,
    );
    return 1;
  }
  return 0;
}

if (import.meta.main) {
  await runCli((ctx) => {
    // Ctrl-C or SIGTERM: finish the messages in flight, log them, stop. A second one quits at once.
    const stop = new AbortController();
    const onSignal = () => {
      if (stop.signal.aborted) process.exit(130);
      console.error(
        '\nStopping: letting the messages in flight finish (press Ctrl-C again to quit at once)…',
      );
      stop.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return sendCommand({ ...ctx, env: process.env, tty: Boolean(process.stdout.isTTY), signal: stop.signal });
  });
}
