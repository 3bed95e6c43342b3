import { consultActions } from '@domain/actions/consult';
import { createCloudFunction } from '@platform/cloud/create-function';
import { bankCheckHandlers } from './bank-checks';
import { conversationHandlers } from './conversation';
import { escalationHandlers } from './escalation';
import { officerHandlers } from './officer';
import { residentHandlers } from './resident';

/** 问片警: residents' questions and fraud checks, the officer inbox, the live thread, escalation. */
export const main = createCloudFunction(consultActions, { ...residentHandlers, ...conversationHandlers, ...officerHandlers, ...escalationHandlers, ...bankCheckHandlers });
