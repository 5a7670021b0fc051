/** Colours of the tags that show a stage or a status (GOV.UK Frontend tag modifiers). */
import type { MeetingStatus } from '../meetings.ts';
import type { Stage } from '../stage.ts';

export const STAGE_TAG: Record<Stage | 'unknown', string> = {
  development: 'govuk-tag--turquoise',
  refinement: 'govuk-tag--teal',
  'report-phase': 'govuk-tag--purple',
  'change-board': 'govuk-tag--magenta',
  'with-authority': 'govuk-tag--yellow',
  approved: 'govuk-tag--green',
  implemented: 'govuk-tag--green',
  rejected: 'govuk-tag--red',
  withdrawn: 'govuk-tag--grey',
  unknown: 'govuk-tag--grey',
};

export const MEETING_STATUS_TAG: Record<MeetingStatus, { text: string; className: string }> = {
  scheduled: { text: 'Scheduled', className: 'govuk-tag--teal' },
  held: { text: 'Held', className: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', className: 'govuk-tag--red' },
};
