/** Pages reached by navigateTo (tab pages are reached by switchTab or the tab bar). */
export const ROUTES = {
  feed: '/pages/feed/index',
  booking: '/pages/booking/index',
  consult: '/pages/consult/index',
  me: '/pages/me/index',
  officerWorkbench: '/packages/officer/pages/workbench/index',
  about: '/packages/content/pages/about/index',
} as const;
