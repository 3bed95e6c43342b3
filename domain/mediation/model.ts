/** 圆桌调解: the words of a mediation case, shared by the function, the pages and the figures. */

export const MEDIATION_CATEGORIES = ['neighbour', 'family', 'property', 'noise', 'renovation', 'other'] as const;
export type MediationCategory = (typeof MEDIATION_CATEGORIES)[number];
export const MEDIATION_CATEGORY_LABELS: Record<MediationCategory, string> = {
  neighbour: '邻里纠纷',
  family: '家庭纠纷',
  property: '物业纠纷',
  noise: '噪音扰民',
  renovation: '施工装修',
  other: '其他',
};

/** How a case came in. */
export const CASE_SOURCES = ['thread', 'phone', 'walkIn', 'residentRequest'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  thread: '问片警转来',
  phone: '电话反映',
  walkIn: '来所反映',
  residentRequest: '居民申请调解',
};

/**
 * requested (a resident's 申请调解, not yet taken on) → accepted (受理) → mediating (约谈/圆桌)
 * → agreed (达成协议, 回访 pending) → closed (结案). A declined request is `declined`: it never
 * was a case and is not counted as closed.
 */
export const CASE_STATUSES = ['requested', 'accepted', 'mediating', 'agreed', 'closed', 'declined'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  requested: '待受理',
  accepted: '已受理',
  mediating: '调解中',
  agreed: '已达成协议，待回访',
  closed: '已结案',
  declined: '未受理',
};

export const CASE_OUTCOMES = ['resolved', 'partlyResolved', 'unresolved'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = { resolved: '化解', partlyResolved: '部分化解', unresolved: '未化解' };

/** Where a dispute goes when the round table could not settle it (上交: it leaves the community). */
export const REFERRALS = ['peoplesMediation', 'courtMediation', 'hotline12345'] as const;
export type Referral = (typeof REFERRALS)[number];
export const REFERRAL_LABELS: Record<Referral, string> = {
  peoplesMediation: '转人民调解委员会',
  courtMediation: '诉调对接',
  hotline12345: '转 12345 热线',
};

export const FOLLOW_UP_RESULTS = ['held', 'partlyHeld', 'broken'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];
export const FOLLOW_UP_RESULT_LABELS: Record<FollowUpResult, string> = { held: '协议履行良好', partlyHeld: '部分履行', broken: '协议未履行（重新调解）' };

/** The six standing forces of 西罗园's 圆桌调解, and whoever else a case needs. */
export const MEDIATION_FORCES = ['committee', 'buildingHead', 'judicialOfficer', 'residentRep', 'lawyer', 'property', 'other'] as const;
export type MediationForce = (typeof MEDIATION_FORCES)[number];
export const MEDIATION_FORCE_LABELS: Record<MediationForce, string> = {
  committee: '居委会',
  buildingHead: '楼门长',
  judicialOfficer: '司法员',
  residentRep: '居民代表',
  lawyer: '律师',
  property: '物业',
  other: '其他力量',
};

/** 回访 after this many days unless the officer sets another for the case. */
export const DEFAULT_FOLLOW_UP_DAYS = 7;
/** Participants are reminded once, this long before a session. */
export const SESSION_REMINDER_HOURS = 24;
/** Where a round table meets unless the officer says otherwise. */
export const DEFAULT_SESSION_PLACE = (communityName: string) => `${communityName}居委会会议室`;

/** Subscribe-message templates (configured in the WeChat admin console). */
export const MEDIATION_TEMPLATES = {
  /** To an invitee: a round table, and the reminder before it. */
  session: 'tmpl-mediation-session',
  /** To a party: the agreement is ready to confirm; the case moved on. */
  caseUpdate: 'tmpl-mediation-update',
  /** To the owning officer(s): a 回访 is due. */
  followUpDue: 'tmpl-mediation-followup',
} as const;
