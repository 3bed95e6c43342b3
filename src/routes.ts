/** Pages reached by navigateTo (tab pages are reached by switchTab or the tab bar). */
export const ROUTES = {
  feed: '/pages/feed/index',
  booking: '/pages/booking/index',
  consult: '/pages/consult/index',
  me: '/pages/me/index',
  officerWorkbench: '/packages/officer/pages/workbench/index',
  officerPublish: '/packages/officer/pages/publish/index',
  officerArticles: '/packages/officer/pages/articles/index',
  about: '/packages/content/pages/about/index',
  article: '/packages/content/pages/article/index',
  quiz: '/packages/content/pages/quiz/index',
  /** Built by the consultation feature (issue 6): an urgent check before a money transfer. */
  fraudCheck: '/packages/consult/pages/fraud-check/index',
  homeCommunity: '/packages/content/pages/home-community/index',
  bookingFlow: '/packages/booking/pages/book/index',
  myBookings: '/packages/booking/pages/mine/index',
} as const;

/** One anti-fraud item; also the path a shared group card opens, with the sharer's area as `from`. */
export const articlePath = (id: string, from?: string): string =>
  `${ROUTES.article}?id=${encodeURIComponent(id)}${from ? `&from=${encodeURIComponent(from)}` : ''}`;

/** 转账前问一问, optionally about the item the resident was reading. */
export const fraudCheckPath = (articleId?: string): string => (articleId ? `${ROUTES.fraudCheck}?articleId=${encodeURIComponent(articleId)}` : ROUTES.fraudCheck);

/** The officer's form: a new item, or editing one. */
export const officerPublishPath = (articleId?: string): string => (articleId ? `${ROUTES.officerPublish}?id=${encodeURIComponent(articleId)}` : ROUTES.officerPublish);

/** The booking flow for one station's service hall. */
export const bookingFlowPath = (stationId: string): string => `${ROUTES.bookingFlow}?stationId=${encodeURIComponent(stationId)}`;
