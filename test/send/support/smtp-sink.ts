/**
 * A real SMTP server on a loopback port for the sending tests (smtp-server), with scriptable
 * misbehaviour: reject a recipient (4xx or 5xx), drop the connection, stall without replying,
 * or accept and then never say so. A message counts as received when the server commits it,
 * which is when it would reply 250 (or, for `commit-and-stall`, when it has decided to keep it).
 */
import type { Socket } from 'node:net';
import { domainToASCII } from 'node:url';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export const SMTP_USER = 'sender@esp.test';
export const SMTP_PASS = 'p4ss-w0rd-not-to-be-printed';

/** What the server does with a message at the end of DATA. */
export type DataAction =
  | 'accept'
  /** Reply with this code: 4xx transient, 5xx permanent. */
  | { reply: number; message: string }
  /** Close the socket without a reply; the message is not kept. */
  | 'drop'
  /** Never reply; the message is not kept. */
  | 'stall'
  /** Keep the message but never reply: the client cannot know it was accepted. */
  | 'commit-and-stall';

export interface SinkBehaviour {
  /** Per RCPT TO: undefined accepts; a reply code rejects. */
  rcpt?: (address: string, seen: number) => { reply: number; message: string } | undefined;
  /** Per message reaching the end of DATA; `index` counts them from 0, whatever the outcome. */
  data?: (index: number, rcpt: string) => DataAction;
}

export interface Received {
  rcpt: string;
  raw: Buffer;
}

export interface Sink {
  port: number;
  url: string;
  received: Received[];
  behaviour: SinkBehaviour;
  /** RCPT TO attempts per address, accepted or not. */
  rcptSeen: Map<string, number>;
  /** Messages that reached the end of DATA, whatever the outcome. */
  dataCount(): number;
  /** TCP connections accepted. */
  connectionCount(): number;
  waitUntil(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  parsed(): Promise<ParsedMail[]>;
  close(): Promise<void>;
}

/** Addresses as compared: lower case, the domain in ASCII (the server reports IDNs in Unicode). */
const normalise = (address: string) => {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1))}`.toLowerCase();
};

const smtpError = (reply: number, message: string) =>
  Object.assign(new Error(message), { responseCode: reply });

export async function startSink(behaviour: SinkBehaviour = {}): Promise<Sink> {
  const received: Received[] = [];
  const rcptSeen = new Map<string, number>();
  const sockets = new Map<number, Socket>();
  let dataIndex = 0;
  let connections = 0;

  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASS)
        return callback(null, { user: auth.username });
      callback(smtpError(535, 'Authentication failed'));
    },
    onRcptTo(address, _session, callback) {
      const key = normalise(address.address);
      const seen = (rcptSeen.get(key) ?? 0) + 1;
      rcptSeen.set(key, seen);
      const reject = sink.behaviour.rcpt?.(key, seen);
      callback(reject ? smtpError(reject.reply, reject.message) : null);
    },
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const rcpt = normalise(session.envelope.rcptTo[0]?.address ?? '');
        const action = sink.behaviour.data?.(dataIndex++, rcpt) ?? 'accept';
        if (action === 'accept') {
          received.push({ rcpt, raw: Buffer.concat(chunks) });
          return callback(null, `OK queued as ${received.length}`);
        }
        if (action === 'commit-and-stall') {
          received.push({ rcpt, raw: Buffer.concat(chunks) });
          return;
        }
        if (action === 'stall') return;
        if (action === 'drop') {
          sockets.get(session.remotePort)?.destroy();
          return;
        }
        callback(smtpError(action.reply, action.message));
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    connections++;
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.on('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  const sink: Sink = {
    port,
    url: `smtp://${encodeURIComponent(SMTP_USER)}:${encodeURIComponent(SMTP_PASS)}@127.0.0.1:${port}`,
    received,
    behaviour,
    rcptSeen,
    dataCount: () => dataIndex,
    connectionCount: () => connections,
    async waitUntil(predicate, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate()) {
        if (Date.now() > deadline) throw new Error('timed out waiting for the SMTP sink');
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    parsed: () => Promise.all(received.map((r) => simpleParser(r.raw))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets.values()) s.destroy();
        server.close(() => resolve());
      }),
  };
  return sink;
}
