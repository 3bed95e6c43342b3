/**
 * Every page of the app, as a resident or officer reaches it, for the accessibility and elder
 * mode checks. A page added to src/app.config.ts without an entry here fails the catalogue test.
 */
export interface CataloguedPage {
  /** File-friendly name, used for screenshots. */
  name: string;
  /** The route in src/app.config.ts (without a leading slash). */
  route: string;
  /** Query string the page needs to show content (demo data ids). */
  query?: string;
  persona: string;
  /** Text that is on screen once the page has loaded its data. */
  ready: string;
}

export const PAGE_CATALOGUE: CataloguedPage[] = [
  { name: 'feed', route: 'pages/feed/index', persona: 'resident-xly2', ready: '守好钱袋子' },
  { name: 'booking', route: 'pages/booking/index', persona: 'resident-xly2', ready: '西罗园派出所' },
  { name: 'consult', route: 'pages/consult/index', persona: 'resident-xly2', ready: '紧急情况请拨打 110' },
  { name: 'me', route: 'pages/me/index', persona: 'resident-xly2', ready: '西罗园第二社区' },
  { name: 'officer-workbench', route: 'packages/officer/pages/workbench/index', persona: 'admin-xly', ready: '新建邀请码' },
  { name: 'about', route: 'packages/content/pages/about/index', persona: 'resident-xly2', ready: '隐私' },
  { name: 'article', route: 'packages/content/pages/article/index', query: 'id=alert-xly-fake-police', persona: 'resident-xly2', ready: '冒充' },
  { name: 'home-community', route: 'packages/content/pages/home-community/index', persona: 'resident-xly2', ready: '西罗园第二社区' },
  { name: 'booking-flow', route: 'packages/booking/pages/book/index', query: 'stationId=xiluoyuan', persona: 'resident-xly2', ready: '身份证' },
  { name: 'my-bookings', route: 'packages/booking/pages/mine/index', persona: 'resident-xly2', ready: '我的预约' },
];
