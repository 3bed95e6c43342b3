import type { InviteView } from '@domain/actions/account';

export const INVITE_STATUS_LABELS: Record<InviteView['status'], string> = {
  open: '可使用',
  used: '已使用',
  revoked: '已作废',
  expired: '已过期',
};

export const INVITE_ROLE_LABELS: Record<InviteView['role'], string> = {
  officer: '民警',
  stationAdmin: '所管理员',
};

/** How long a new code stays usable; the action accepts 1–72 hours. */
export const VALID_HOURS_CHOICES = [24, 48, 72] as const;
