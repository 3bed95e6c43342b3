import { createHash } from 'node:crypto';
import type { directoryActions } from '@domain/actions/directory';
import { cardIdFromScene, sceneForCard } from '@domain/contact-card/scene';
import { ActionError } from '@domain/errors';
import { COLLECTIONS, type ContactCardRecord, type OfficerRecord } from '@platform/cloud/collections';
import { tempFileUrl } from '@platform/cloud/cloud-files';
import { requireUser, type Handlers } from '@platform/cloud/create-function';
import { currentDirectory, type Directory } from '@platform/cloud/directory';
import { findById } from '@platform/cloud/documents';
import { inTransaction, readInTransaction } from '@platform/cloud/transaction';
import { miniProgramCode, uploadImage } from '@platform/cloud/wechat-open';
import { beatCardOf, beatOfficerOf } from './home-community';

type CardHandlers = Pick<Handlers<typeof directoryActions>, 'contactCardCode' | 'openContactCard'>;

/** The page a scan opens (a subpackage page; WeChat passes the scene in its query). */
export const CONTACT_CARD_PAGE = 'packages/content/pages/card/index';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The same community and officer always get the same card, so a printed code never goes stale. */
export function cardIdFor(communityId: string, officerId: string | undefined): string {
  const digest = createHash('sha256').update(`${communityId}|${officerId ?? ''}`).digest();
  let id = '';
  for (let i = 0; i < 10; i++) id += BASE62[digest[i]! % 62];
  return id;
}

/** The card's officer while they still serve its community; otherwise whoever does now. */
function officerOfCard(directory: Directory, card: ContactCardRecord): OfficerRecord | undefined {
  const named = card.officerId ? directory.officers.get(card.officerId) : undefined;
  if (named && named.active !== false && named.communityIds.includes(card.communityId)) return named;
  return beatOfficerOf(directory, card.communityId);
}

export const contactCardHandlers: CardHandlers = {
  async contactCardCode({ stationId, communityId, officerId }, context) {
    const { user } = requireUser(context);
    const directory = await currentDirectory(context.now);
    const community = directory.communities.get(communityId);
    if (!community || community.stationId !== stationId) throw new ActionError('NOT_FOUND', '本所没有这个社区');
    if (officerId) {
      const officer = directory.officers.get(officerId);
      if (!officer || officer.stationId !== stationId) throw new ActionError('NOT_FOUND', '本所没有这位民警');
      if (!officer.communityIds.includes(communityId)) throw new ActionError('INVALID_INPUT', `${officer.title}不负责${community.name}，请先在民警管理里分配社区`, { officerId: '这位民警不负责这个社区' });
    }
    const cardId = cardIdFor(communityId, officerId);
    const scene = sceneForCard(cardId);
    let card = await findById<ContactCardRecord>(COLLECTIONS.contactCards, cardId);
    if (!card?.codeFileId) {
      // Drawn once per card: the code never changes, so a poster printed today keeps working.
      const image = await miniProgramCode(CONTACT_CARD_PAGE, scene);
      const codeFileId = await uploadImage(`contact-cards/${cardId}.png`, image);
      card = await inTransaction(async (transaction) => {
        const current = await readInTransaction<ContactCardRecord>(transaction, COLLECTIONS.contactCards, cardId);
        const next: ContactCardRecord = current
          ? { ...current, codeFileId }
          : { _id: cardId, stationId, communityId, ...(officerId ? { officerId } : {}), codeFileId, scans: 0, uniqueScanners: 0, createdAt: context.now, createdBy: user._id };
        const { _id, ...data } = next;
        await transaction.collection(COLLECTIONS.contactCards).doc(_id).set({ data });
        return next;
      });
    }
    const view = await beatCardOf(directory, communityId, officerOfCard(directory, card));
    const codeUrl = await tempFileUrl(card.codeFileId);
    if (!view || !codeUrl) throw new ActionError('INTERNAL', '联系卡暂时生成不了，请稍后再试');
    return { cardId, scene, codeUrl, card: view, scans: card.scans, uniqueScanners: card.uniqueScanners };
  },

  async openContactCard({ scene }, context) {
    const { user } = requireUser(context);
    const cardId = cardIdFromScene(scene);
    const card = cardId && (await findById<ContactCardRecord>(COLLECTIONS.contactCards, cardId));
    if (!cardId || !card) throw new ActionError('NOT_FOUND', '这个二维码不是警民联系卡，或者已经失效。可以在“我的”里找到您的社区民警');
    const directory = await currentDirectory(context.now);
    const view = await beatCardOf(directory, card.communityId, officerOfCard(directory, card));
    if (!view) throw new ActionError('NOT_FOUND', '这张联系卡的社区已经不在了，请在“我的”里重新选择社区');

    // Every scan counts; a person counts once towards the card's unique scanners.
    const scanId = `${cardId}:${user._id}`;
    await inTransaction(async (transaction) => {
      const current = await readInTransaction<ContactCardRecord>(transaction, COLLECTIONS.contactCards, cardId);
      if (!current) return;
      const earlier = await readInTransaction(transaction, COLLECTIONS.contactCardScans, scanId);
      const counters: Record<string, unknown> = { scans: current.scans + 1, lastScanAt: context.now };
      if (!earlier) {
        await transaction.collection(COLLECTIONS.contactCardScans).doc(scanId).set({ data: { cardId, userId: user._id, firstAt: context.now } });
        counters.uniqueScanners = current.uniqueScanners + 1;
      }
      await transaction.collection(COLLECTIONS.contactCards).doc(cardId).update({ data: counters });
    });
    return {
      ...view,
      cardId,
      isMyCommunity: user.homeCommunityId === card.communityId,
      canRegister: !user.homeCommunityId && user.role === 'resident',
    };
  },
};
