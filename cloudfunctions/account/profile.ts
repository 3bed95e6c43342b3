import type { Handlers } from '@platform/cloud/create-function';
import { requireUser } from '@platform/cloud/create-function';
import { COLLECTIONS, type UserRecord } from '@platform/cloud/collections';
import { assertTextIsSafe } from '@platform/cloud/content-security';
import { database } from '@platform/cloud/wx';
import type { accountActions } from '@domain/actions/account';
import { meView } from './views';

type ProfileHandlers = Pick<Handlers<typeof accountActions>, 'me' | 'updateProfile'>;

export const profileHandlers: ProfileHandlers = {
  async me(_input, context) {
    return meView(requireUser(context).user);
  },

  async updateProfile({ nickname }, context) {
    const { user, openid } = requireUser(context);
    await assertTextIsSafe(openid, nickname, 1);
    await database().collection(COLLECTIONS.users).doc(user._id).update({ data: { nickname, updatedAt: context.now } });
    const next: UserRecord = { ...user, nickname, updatedAt: context.now };
    return meView(next);
  },
};
