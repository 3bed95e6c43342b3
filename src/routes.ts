/** Pages reached by navigateTo (tab pages are reached by switchTab or the tab bar). */
export const ROUTES = {
  feed: '/pages/feed/index',
  booking: '/pages/booking/index',
  consult: '/pages/consult/index',
  me: '/pages/me/index',
  officerWorkbench: '/packages/officer/pages/workbench/index',
  officerPublish: '/packages/officer/pages/publish/index',
  officerArticles: '/packages/officer/pages/articles/index',
  hallRoster: '/packages/officer/pages/hall-roster/index',
  about: '/packages/content/pages/about/index',
  article: '/packages/content/pages/article/index',
  quiz: '/packages/content/pages/quiz/index',
  homeCommunity: '/packages/content/pages/home-community/index',
  bookingFlow: '/packages/booking/pages/book/index',
  myBookings: '/packages/booking/pages/mine/index',
  consultThread: '/packages/consult/pages/thread/index',
  fraudCheck: '/packages/consult/pages/fraud-check/index',
  officerInbox: '/packages/officer/pages/consult-inbox/index',
  officerThread: '/packages/officer/pages/consult-thread/index',
  quickReplies: '/packages/officer/pages/quick-replies/index',
  newStation: '/packages/officer/pages/new-station/index',
  stationCommunities: '/packages/officer/pages/communities/index',
  hallSettings: '/packages/officer/pages/hall-settings/index',
  stationOfficers: '/packages/officer/pages/officers/index',
  dutyRoster: '/packages/officer/pages/roster/index',
  routingRules: '/packages/officer/pages/routing-rules/index',
  myData: '/packages/content/pages/my-data/index',
  contactCard: '/packages/content/pages/card/index',
  bankCheck: '/packages/consult/pages/bank-check/index',
  officerMediationCases: '/packages/officer/pages/mediation-cases/index',
  officerMediationOpen: '/packages/officer/pages/mediation-open/index',
  officerMediationCase: '/packages/officer/pages/mediation-case/index',
  officerMediationRoster: '/packages/officer/pages/mediation-roster/index',
  mediationApply: '/packages/mediation/pages/apply/index',
  mediationMine: '/packages/mediation/pages/mine/index',
  mediationCase: '/packages/mediation/pages/case/index',
  mediationPass: '/packages/mediation/pages/pass/index',
  bankPartners: '/packages/officer/pages/bank-partners/index',
  stationDashboard: '/packages/figures/pages/dashboard/index',
  auditLog: '/packages/officer/pages/audit-log/index',
  contactCards: '/packages/officer/pages/contact-cards/index',
  officerJoin: '/packages/officer/pages/join/index',
} as const;

/** 圆桌调解: a case as the officer works it, or as a party sees it. */
export const officerMediationCasePath = (caseId: string): string => `${ROUTES.officerMediationCase}?id=${encodeURIComponent(caseId)}`;
export const mediationCasePath = (caseId: string): string => `${ROUTES.mediationCase}?id=${encodeURIComponent(caseId)}`;
/** A new case, from a 问片警 thread when given. */
export const officerMediationOpenPath = (threadId?: string): string => (threadId ? `${ROUTES.officerMediationOpen}?threadId=${encodeURIComponent(threadId)}` : ROUTES.officerMediationOpen);

/** One anti-fraud item; also the path a shared group card opens, with the sharer's area as `from`. */
export const articlePath = (id: string, from?: string): string =>
  `${ROUTES.article}?id=${encodeURIComponent(id)}${from ? `&from=${encodeURIComponent(from)}` : ''}`;

/** 转账前问一问, optionally about the item the resident was reading. */
export const fraudCheckPath = (articleId?: string): string => (articleId ? `${ROUTES.fraudCheck}?articleId=${encodeURIComponent(articleId)}` : ROUTES.fraudCheck);

/** The officer's form: a new item, or editing one. */
export const officerPublishPath = (articleId?: string): string => (articleId ? `${ROUTES.officerPublish}?id=${encodeURIComponent(articleId)}` : ROUTES.officerPublish);
/** The station's list after publishing or saving: it says on the page what happened (no toast). */
export const officerArticlesPath = (outcome: { notified: number } | { saved: true }): string =>
  'saved' in outcome ? `${ROUTES.officerArticles}?saved=1` : `${ROUTES.officerArticles}?notified=${outcome.notified}`;

/** The booking flow for one station's service hall. */
export const bookingFlowPath = (stationId: string): string => `${ROUTES.bookingFlow}?stationId=${encodeURIComponent(stationId)}`;

/** A resident's 问片警 thread. */
export const consultThreadPath = (id: string): string => `${ROUTES.consultThread}?id=${encodeURIComponent(id)}`;

/** A thread in the officer's inbox. */
export const officerThreadPath = (id: string): string => `${ROUTES.officerThread}?id=${encodeURIComponent(id)}`;
