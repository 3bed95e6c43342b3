import type { BookingTemplate } from '@domain/booking';
import { MY_BOOKINGS_PAGE } from '@domain/booking';
import { COLLECTIONS, type UserRecord } from '@platform/cloud/collections';
import { findById } from '@platform/cloud/documents';
import { cloud } from '@platform/cloud/wx';
import { templateIdFor } from '@platform/cloud/settings';
import { messageData } from '@domain/notifications/message-fields';

/** The four fields every booking template has (thing.* values are at most 20 characters on WeChat). */
export interface BookingMessage {
  service: string;
  /** 'YYYY-MM-DD HH:mm', Beijing. */
  time: string;
  detail: string;
  hint: string;
}


/**
 * Sends one subscribe message to an account, opening 我的预约. True when sent; 43101 (the
 * resident has no subscription left) is expected and quiet — the page still shows everything.
 */
export async function sendBookingMessage(accountId: string, templateId: BookingTemplate, message: BookingMessage, about: string): Promise<boolean> {
  const account = await findById<UserRecord>(COLLECTIONS.users, accountId);
  if (!account) return false;
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: account.openid,
      templateId: templateIdFor(templateId),
      page: MY_BOOKINGS_PAGE,
      data: messageData({ thing1: message.service, time2: message.time, thing3: message.detail, thing4: message.hint }),
    });
    return true;
  } catch (error) {
    const code = (error as { errCode?: number }).errCode;
    if (code !== 43101) console.warn(`[booking] ${templateId} not sent`, about, code);
    return false;
  }
}
