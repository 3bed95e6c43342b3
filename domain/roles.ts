/** Who a signed-in person is, as far as permissions go. */
export const ROLES = ['resident', 'officer', 'stationAdmin', 'districtAdmin'] as const;
export type Role = (typeof ROLES)[number];

/** What an officer does at the station; one officer may have several. */
export const OFFICER_KINDS = ['beat', 'hall', 'duty', 'antiFraud'] as const;
export type OfficerKind = (typeof OFFICER_KINDS)[number];

export const ROLE_LABELS: Record<Role, string> = {
  resident: '居民',
  officer: '民警',
  stationAdmin: '派出所管理员',
  districtAdmin: '分局管理员',
};

export const OFFICER_KIND_LABELS: Record<OfficerKind, string> = {
  beat: '社区民警',
  hall: '窗口民警',
  duty: '值班民警',
  antiFraud: '反诈民警',
};

/** The caller of an action, resolved from the WeChat context — never from the request body. */
export type Actor =
  | {
      type: 'user';
      userId: string;
      role: Role;
      officerKinds: readonly OfficerKind[];
      /** Station an officer or station admin belongs to. */
      stationId?: string;
      /** District a district admin (or a station's staff) belongs to. */
      districtId?: string;
      /** A bank clerk's branch (警银联动); their role stays resident. */
      partner?: { branchId: string; stationId: string };
    }
  | { type: 'system'; trigger: string }
  /** A reader without a WeChat identity: a card opened in 朋友圈's single-page mode (scene 1154). */
  | { type: 'visitor' };

export const isStaffRole = (role: Role): boolean => role !== 'resident';
