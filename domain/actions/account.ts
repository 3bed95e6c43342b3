import * as v from 'valibot';
import { OFFICER_KINDS, type OfficerKind, type Role } from '../roles';
import { WORK_PHONE_RE } from '../station/officers';
import { bankBranchSpecs, type PartnerMembershipView } from './bank-partners';
import { action, defineFunction, emptyInput, id, text } from './define';

export interface StationSummary {
  id: string;
  name: string;
  districtName: string;
}

/** What the signed-in person sees about themselves. */
export interface MeView {
  userId: string;
  nickname: string;
  role: Role;
  officerKinds: OfficerKind[];
  station?: StationSummary;
  /** A district admin's district (they belong to no station). */
  districtId?: string;
  homeCommunity?: { id: string; name: string; stationName: string };
  /** A bank clerk's branch (警银联动): they raise checks for their customers. */
  partner?: PartnerMembershipView;
  createdAt: string;
}

export interface InviteView {
  code: string;
  stationId: string;
  role: 'officer' | 'stationAdmin' | 'partner';
  officerKinds: OfficerKind[];
  /** Partner invites: the bank branch the clerk will act for. */
  branchName?: string;
  note: string;
  status: 'open' | 'used' | 'revoked' | 'expired';
  expiresAt: string;
  createdAt: string;
  usedByNickname?: string;
}

export interface StaffMemberView {
  userId: string;
  nickname: string;
  role: Role;
  officerKinds: OfficerKind[];
  joinedAt: string;
}

const officerKinds = v.pipe(
  v.array(v.picklist(OFFICER_KINDS, '警种无效'), '警种无效'),
  v.minLength(1, '请至少选择一个警种'),
  v.maxLength(OFFICER_KINDS.length, '警种无效'),
  v.check((kinds) => new Set(kinds).size === kinds.length, '警种重复'),
);

/** Invite codes are 8 characters from an alphabet without look-alikes (0/O, 1/I/L). */
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Characters of a typed code that no invite code has (0, 1, O, I, L), each once. */
export const foreignInviteCharacters = (code: string): string[] => [...new Set([...code].filter((character) => !INVITE_CODE_ALPHABET.includes(character)))];

/** Each refusal says what is actually wrong with the code as typed. */
const inviteCode = v.pipe(
  v.string('请输入邀请码'),
  v.trim(),
  v.toUpperCase(),
  v.minLength(1, '请输入邀请码'),
  v.regex(/^[A-Z0-9]*$/, '邀请码只有字母和数字，请去掉空格和符号'),
  v.length(8, (issue) => `邀请码是8位，您输入了${[...String(issue.input)].length}位，请核对`),
  v.check(
    (code) => foreignInviteCharacters(code).length === 0,
    (issue) => `邀请码里不会有“${foreignInviteCharacters(String(issue.input)).join('、')}”：为免看错，邀请码不用数字0、1和字母O、I、L，请核对`,
  ),
);

export const accountActions = defineFunction('account', {
  me: action<MeView>()({
    summary: '当前用户（首次使用时自动建立居民账号）',
    input: emptyInput,
    policy: 'signedIn',
  }),
  updateProfile: action<MeView>()({
    summary: '修改昵称（经过内容安全检查）',
    input: v.strictObject({ nickname: text('昵称', 20) }),
    policy: 'signedIn',
  }),
  createInvite: action<InviteView>()({
    summary: '所管理员生成一次性民警邀请码',
    input: v.strictObject({
      stationId: id('派出所'),
      role: v.picklist(['officer', 'stationAdmin'], '角色无效'),
      officerKinds,
      validHours: v.pipe(v.number('有效期无效'), v.integer('有效期无效'), v.minValue(1, '有效期至少1小时'), v.maxValue(72, '有效期最长72小时')),
      note: v.optional(text('备注', 40, 0), ''),
    }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  listInvites: action<InviteView[]>()({
    summary: '本所的邀请码',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  revokeInvite: action<InviteView>()({
    summary: '作废一个未使用的邀请码',
    input: v.strictObject({ stationId: id('派出所'), code: inviteCode }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  redeemInvite: action<MeView>()({
    summary: '民警使用邀请码登记：建立民警资料（姓名、居民看到的称呼、工作电话）',
    input: v.strictObject({
      code: inviteCode,
      name: text('姓名', 10),
      /** How residents address the officer; empty: surname + 警官. */
      title: v.optional(text('称呼', 10, 0), ''),
      phone: v.pipe(v.string('请填写工作电话'), v.trim(), v.regex(WORK_PHONE_RE, '工作电话应为手机号或带区号的座机号')),
    }),
    policy: 'signedIn',
  }),
  listStaff: action<StaffMemberView[]>()({
    summary: '本所民警名单',
    input: v.strictObject({ stationId: id('派出所') }),
    policy: 'stationStaff',
    stationOf: (input) => input.stationId,
  }),
  revokeStaff: action<StaffMemberView>()({
    summary: '收回一名民警的角色（恢复为居民）',
    input: v.strictObject({ stationId: id('派出所'), userId: id('用户') }),
    policy: 'stationAdmin',
    stationOf: (input) => input.stationId,
  }),
  purgeExpiredInvites: action<{ removed: number }>()({
    summary: '定时清理过期30天以上的邀请码',
    input: emptyInput,
    policy: 'system',
  }),
  ...bankBranchSpecs,
});
