/** Pages reached by navigateTo (tab pages are reached by switchTab or the tab bar). */
export const ROUTES = {
  feed: '/pages/feed/index',
  booking: '/pages/booking/index',
  consult: '/pages/consult/index',
  me: '/pages/me/index',
  officerWorkbench: '/packages/officer/pages/workbench/index',
  hallRoster: '/packages/officer/pages/hall-roster/index',
  about: '/packages/content/pages/about/index',
  article: '/packages/content/pages/article/index',
  homeCommunity: '/packages/content/pages/home-community/index',
  bookingFlow: '/packages/booking/pages/book/index',
  myBookings: '/packages/booking/pages/mine/index',
} as const;

/** One anti-fraud item; also the path a shared group card opens. */
export const articlePath = (id: string): string => `${ROUTES.article}?id=${encodeURIComponent(id)}`;

/** The booking flow for one station's service hall. */
export const bookingFlowPath = (stationId: string): string => `${ROUTES.bookingFlow}?stationId=${encodeURIComponent(stationId)}`;
