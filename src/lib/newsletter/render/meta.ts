/**
 * Step 8 of the pipeline: `issue.json`, what the sender needs to know about the issue
 * without parsing the email: subject, sender, the files and their sizes, the merge tags to
 * personalise and the headers to send.
 */
import { MERGE_TAGS } from '../merge-tags.ts';
import { listUnsubscribe, londonInstant, SEND_TIME } from './eml.ts';

/** The files written for each issue, beside `issue.json`. Their names are stable: `npm run send` reads them. */
export const ISSUE_FILES = {
  html: 'email.html',
  text: 'email.txt',
  eml: 'email.eml',
  meta: 'issue.json',
} as const;

export interface IssueMeta {
  month: string;
  subject: string;
  preheader: string;
  issueDate: string;
  /** The Date header, as an ISO instant. */
  date: string;
  from: { name: string; address: string };
  /** The web version. */
  webUrl: string;
  messageId: string;
  headers: { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': string };
  /** Placeholders in the HTML and text to replace per subscriber. */
  mergeTags: typeof MERGE_TAGS;
  files: { html: string; text: string; eml: string };
  /** Sizes in bytes. */
  sizes: { html: number; text: number; eml: number };
}

export interface MetaInput {
  month: string;
  subject: string;
  preheader: string;
  issueDate: string;
  from: { name: string; address: string };
  webUrl: string;
  host: string;
  unsubscribeUrl: string;
  unsubscribeMailto: string;
  html: string;
  text: string;
  eml: Buffer;
}

export function issueMeta(input: MetaInput): IssueMeta {
  return {
    month: input.month,
    subject: input.subject,
    preheader: input.preheader,
    issueDate: input.issueDate,
    date: londonInstant(input.issueDate, SEND_TIME).toISOString(),
    from: input.from,
    webUrl: input.webUrl,
    messageId: `<newsletter-${input.month}@${input.host}>`,
    headers: {
      'List-Unsubscribe': listUnsubscribe(input.unsubscribeMailto, input.unsubscribeUrl),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    mergeTags: MERGE_TAGS,
    files: { html: ISSUE_FILES.html, text: ISSUE_FILES.text, eml: ISSUE_FILES.eml },
    sizes: {
      html: Buffer.byteLength(input.html, 'utf8'),
      text: Buffer.byteLength(input.text, 'utf8'),
      eml: input.eml.length,
    },
  };
}
