import { feedActions } from '@domain/actions/feed';
import { createCloudFunction } from '@platform/cloud/create-function';
import { FANOUT_RUN_BUDGET_MS, sendQueuedAlerts } from './alert-fanout';
import { groupReachHandlers } from './group-reach';
import { publishingHandlers } from './publishing';
import { quizHandlers } from './quiz';
import { residentHandlers } from './residents';

/** The anti-fraud feed: alerts, cases and knowledge for the reader's area; officers publish; the quiz. */
export const main = createCloudFunction(feedActions, {
  ...residentHandlers,
  ...publishingHandlers,
  ...quizHandlers,
  ...groupReachHandlers,
  sendAlertMessages: () => sendQueuedAlerts({ budgetMs: FANOUT_RUN_BUDGET_MS }),
});
