/**
 * Who gets the issue in this run: the subscriber list minus those the send log shows as
 * accepted (or permanently rejected) in the current round. `--force` starts a new round, in
 * which everyone gets it again.
 */
import type { LogState, RecipientRecord } from './log.ts';
import type { Subscriber } from './subscribers.ts';

export interface PlanOptions {
  /** Send to everyone again, as a new round (`--force`). */
  force: boolean;
  /** Also send to those rejected permanently before (`--retry-failed`). */
  retryFailed: boolean;
}

export interface SendPlan {
  /** The round this run writes to the log. */
  round: number;
  /** In list order. */
  toSend: Subscriber[];
  /** Of `toSend`: handed to SMTP by an earlier run that stopped before logging the outcome. */
  inDoubt: Subscriber[];
  /** Of `toSend`: failed transiently in an earlier run. */
  retrying: Subscriber[];
  /** On the list and already accepted in this round. */
  alreadyAccepted: number;
  /** On the list, rejected permanently in this round, not sent again. */
  failedBefore: { subscriber: Subscriber; last: RecipientRecord }[];
}

export function planSend(
  subscribers: readonly Subscriber[],
  state: LogState,
  options: PlanOptions,
): SendPlan {
  const plan: SendPlan = {
    round: options.force ? state.round + 1 : Math.max(1, state.round),
    toSend: [],
    inDoubt: [],
    retrying: [],
    alreadyAccepted: 0,
    failedBefore: [],
  };
  for (const subscriber of subscribers) {
    const entry = options.force ? undefined : state.recipients.get(subscriber.key);
    switch (entry?.state) {
      case undefined:
        plan.toSend.push(subscriber);
        break;
      case 'accepted':
        plan.alreadyAccepted++;
        break;
      case 'failed':
        if (options.retryFailed) plan.toSend.push(subscriber);
        else plan.failedBefore.push({ subscriber, last: entry.last });
        break;
      case 'pending':
        plan.toSend.push(subscriber);
        plan.retrying.push(subscriber);
        break;
      case 'in-doubt':
        plan.toSend.push(subscriber);
        plan.inDoubt.push(subscriber);
        break;
    }
  }
  return plan;
}
