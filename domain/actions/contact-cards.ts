import * as v from 'valibot';
import { action, id, text } from './define';
import type { BeatCardView } from './directory';

/** What a resident sees after scanning an officer's or a community's code (警民联系卡). */
export interface ContactCardView extends BeatCardView {
  cardId: string;
  /** The scanned community is already the resident's registered one. */
  isMyCommunity: boolean;
  /** The resident has no home community yet: registering this one is one tap. */
  canRegister: boolean;
}

/** The officer's view of a card: its code and how often it was scanned. */
export interface ContactCardCodeView {
  cardId: string;
  scene: string;
  /** A temporary URL of the code image (PNG), for the poster and for saving to the album. */
  codeUrl: string;
  card: BeatCardView;
  scans: number;
  uniqueScanners: number;
}

/** Contact-card actions of the directory function (spread into its table). */
export const contactCardSpecs = {
  contactCardCode: action<ContactCardCodeView>()({
    summary: '社区或社区民警的小程序码（警民联系卡），及扫码次数',
    input: v.strictObject({ stationId: id('派出所'), communityId: id('社区'), officerId: v.optional(id('民警')) }),
    policy: 'stationStaff',
    stationOf: (input: { stationId: string }) => input.stationId,
  }),
  openContactCard: action<ContactCardView>()({
    summary: '居民扫码打开警民联系卡（计入该卡的扫码次数）',
    input: v.strictObject({ scene: text('二维码', 96) }),
    policy: 'signedIn',
  }),
};
