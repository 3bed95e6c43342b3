/**
 * What the audit log's entries mean, for the people who review it (所领导, 分局): each recorded
 * `type` in words, grouped into the kinds of act an admin looks for. The functions write the
 * types (`audit_log`); the viewer filters by group with `type in [...]`, so a group lists its
 * types exactly. A type no group names still shows, under its own name.
 */

export const AUDIT_GROUPS = ['personalData', 'roles', 'roster', 'hall', 'checkIn', 'station', 'mediation', 'residentOwn', 'auditLog'] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export const AUDIT_GROUP_LABELS: Record<AuditGroup, string> = {
  personalData: '查看个人信息',
  roles: '人员与权限变动',
  roster: '排班与调解名册',
  hall: '大厅设置与停办',
  checkIn: '办事签到',
  station: '所务设置',
  mediation: '调解案件',
  residentOwn: '居民本人操作',
  auditLog: '查看和导出审计记录',
};

/** Every known type: its words and its group. */
export const AUDIT_TYPES: Record<string, { label: string; group: AuditGroup }> = {
  'consult.personal-data.revealed': { label: '查看问片警里居民的电话或证件号', group: 'personalData' },
  'booking.roster-viewed': { label: '查看大厅预约名单', group: 'personalData' },
  'mediation.case.read': { label: '查看调解案件', group: 'personalData' },
  'mediation.roster.read': { label: '查看调解力量名册', group: 'personalData' },
  'mediation.agreement.document': { label: '取调解协议书', group: 'personalData' },
  'mediation.pass.opened': { label: '参会人打开调解邀请', group: 'personalData' },
  'role.granted': { label: '获得民警或管理员身份', group: 'roles' },
  'role.revoked': { label: '取消民警身份', group: 'roles' },
  'officer.assigned': { label: '分配民警的警务室和社区', group: 'roles' },
  'officer.moved': { label: '民警调到其他派出所', group: 'roles' },
  'officer.deactivated': { label: '民警停用', group: 'roles' },
  'officer.profile-updated': { label: '修改民警资料', group: 'roles' },
  'partner.joined': { label: '银行网点人员加入警银联动', group: 'roles' },
  'roster.shift-added': { label: '排班：加一个班次', group: 'roster' },
  'roster.shift-removed': { label: '排班：删一个班次', group: 'roster' },
  'roster.shifts-swapped': { label: '排班：两人换班', group: 'roster' },
  'roster.week-repeated': { label: '排班：照上周排本周', group: 'roster' },
  'roster.leave-added': { label: '排班：登记请假', group: 'roster' },
  'roster.leave-removed': { label: '排班：取消请假', group: 'roster' },
  'mediation.roster.updated': { label: '修改社区调解力量名册', group: 'roster' },
  'hall.settings-saved': { label: '修改大厅窗口、业务、时间和名额', group: 'hall' },
  'booking.hall-closed': { label: '大厅停办时段或整天', group: 'hall' },
  'booking.slot-counters-repaired': { label: '系统核对并修正名额计数', group: 'hall' },
  'booking.checked-in': { label: '为预约的居民签到', group: 'checkIn' },
  'station.created': { label: '新建派出所', group: 'station' },
  'post.created': { label: '新建警务室', group: 'station' },
  'post.updated': { label: '修改警务室', group: 'station' },
  'community.created': { label: '新建社区', group: 'station' },
  'community.updated': { label: '修改社区', group: 'station' },
  'routing-rules.updated': { label: '修改问题分派规则', group: 'station' },
  'consult.response-targets.updated': { label: '修改回复时限', group: 'station' },
  'bankBranch.created': { label: '新增警银联动网点', group: 'station' },
  'bankBranch.updated': { label: '修改警银联动网点', group: 'station' },
  'group.named': { label: '登记便民群', group: 'station' },
  'mediation.case.requested': { label: '居民申请调解', group: 'mediation' },
  'mediation.case.opened': { label: '民警登记调解案件', group: 'mediation' },
  'mediation.case.accepted': { label: '受理调解案件', group: 'mediation' },
  'mediation.case.declined': { label: '不予受理调解案件', group: 'mediation' },
  'mediation.case.closed': { label: '调解案件结案', group: 'mediation' },
  'mediation.session.convened': { label: '召集圆桌调解', group: 'mediation' },
  'mediation.session.recorded': { label: '记录调解经过', group: 'mediation' },
  'mediation.agreement.proposed': { label: '拟定调解协议', group: 'mediation' },
  'mediation.agreement.confirmed': { label: '当事人确认协议', group: 'mediation' },
  'mediation.follow-up.recorded': { label: '记录回访', group: 'mediation' },
  'mediation.pass.claimed': { label: '参会人领取调解邀请', group: 'mediation' },
  'mediation.invitation.accepted': { label: '参会人答应参加', group: 'mediation' },
  'mediation.invitation.declined': { label: '参会人不能参加', group: 'mediation' },
  'home.bound': { label: '居民登记自己住的社区', group: 'residentOwn' },
  'family-member.removed': { label: '居民删除家人信息', group: 'residentOwn' },
  'personal-data.exported': { label: '居民导出自己的数据', group: 'residentOwn' },
  'account.deleted': { label: '居民注销账号', group: 'residentOwn' },
  'audit.viewed': { label: '查看审计记录', group: 'auditLog' },
  'audit.exported': { label: '导出审计记录', group: 'auditLog' },
  'dashboard.exported': { label: '导出成效看板', group: 'auditLog' },
  'officer.photo-updated': { label: '民警换上或去掉自己的照片', group: 'roles' },
  'officer.photo-removed': { label: '管理员去掉民警的照片', group: 'roles' },
  'district.created': { label: '首位分局管理员设立分局', group: 'station' },
};

export const auditTypeLabel = (type: string): string => AUDIT_TYPES[type]?.label ?? type;

/** The types of a group, for `type in [...]`. */
export const auditTypesOf = (group: AuditGroup): string[] => Object.entries(AUDIT_TYPES).flatMap(([type, known]) => (known.group === group ? [type] : []));

/**
 * Who acted and whom it concerned. Functions record the acting officer as `by`; `userId` is the
 * person the act was about (a resident whose data was read, an officer whose role changed) — or,
 * when nobody else acted (a resident's own step), the person themself.
 */
export function auditParties(entry: { by?: unknown; userId?: unknown }): { actorId?: string; subjectId?: string } {
  const by = typeof entry.by === 'string' ? entry.by : undefined;
  const userId = typeof entry.userId === 'string' ? entry.userId : undefined;
  return by !== undefined ? { actorId: by, subjectId: userId } : { actorId: userId };
}
