/** A monthly snapshot of SEC Parties (`content/party-stats/2018-08.yaml`). */
import { z } from 'astro/zod';
import { isoMonth } from './primitives.ts';

const count = z.number({ error: 'expected a whole number' }).int('expected a whole number').min(0);

export function partyStatsSchema() {
  return z.strictObject({
    /** The month the snapshot describes; also the file name. */
    month: isoMonth,
    /** SEC Parties in each SEC Party Category; the total is their sum. */
    counts: z.strictObject({
      'large-suppliers': count,
      'small-suppliers': count,
      'electricity-networks': count,
      'gas-networks': count,
      'other-sec-parties': count,
    }),
    /** Accessions of new Parties since the previous snapshot. */
    accessions: count,
    /** Parties withdrawing from the SEC since the previous snapshot. */
    withdrawals: count,
    /** Parties expelled from the SEC since the previous snapshot. */
    expulsions: count,
    /** Changes to SEC Panel Members' employment status since the previous snapshot. */
    panelEmploymentChanges: count,
  });
}
