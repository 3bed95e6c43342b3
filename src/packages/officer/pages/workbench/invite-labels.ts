import type { InviteView } from '@domain/actions/account';

export const INVITE_STATUS_LABELS: Record<InviteView['status'], string> = {
  open: '可使用',
  used: '已使用',
  revoked: '已作废',
  expired: '已过期',
};

/** Roles the station admin's invite form offers (bank partners are invited from 警银联动). */
export const INVITE_ROLE_LABELS: Record<Exclude<InviteView['role'], 'partner'>, string> = {
  officer: '民警',
  stationAdmin: '所管理员',
};

/** "民警 · 社区民警", "银行网点 · 工商银行康桥支行": what an invite is for, in the list. */
export function inviteForLabel(invite: Pick<InviteView, 'role' | 'officerKinds' | 'branchName'>, kindLabels: Record<string, string>): string {
  if (invite.role === 'partner') return `银行网点 · ${invite.branchName ?? ''}`;
  return `${INVITE_ROLE_LABELS[invite.role]} · ${invite.officerKinds.map((kind) => kindLabels[kind]).join('、')}`;
}

/** How long a new code stays usable; the action accepts 1–72 hours. */
export const VALID_HOURS_CHOICES = [24, 48, 72] as const;
