/**
 * Tab pages live in the main package (WeChat requires it); everything else goes into a
 * subpackage so residents arriving from a group card download as little as possible.
 * Colours repeat src/theme/tokens.scss: this file is read by the compiler, not the runtime.
 */
export default defineAppConfig({
  pages: ['pages/feed/index', 'pages/booking/index', 'pages/consult/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/officer', name: 'officer', pages: ['pages/workbench/index', 'pages/hall-roster/index', 'pages/publish/index', 'pages/articles/index', 'pages/consult-inbox/index', 'pages/consult-thread/index', 'pages/quick-replies/index', 'pages/new-station/index', 'pages/communities/index', 'pages/hall-settings/index', 'pages/officers/index', 'pages/roster/index', 'pages/routing-rules/index', 'pages/mediation-cases/index', 'pages/mediation-open/index', 'pages/mediation-case/index', 'pages/mediation-roster/index', 'pages/bank-partners/index', 'pages/contact-cards/index', 'pages/audit-log/index', 'pages/join/index'] },
    { root: 'packages/content', name: 'content', pages: ['pages/card/index', 'pages/about/index', 'pages/article/index', 'pages/home-community/index', 'pages/quiz/index', 'pages/my-data/index'] },
    { root: 'packages/booking', name: 'booking', pages: ['pages/book/index', 'pages/mine/index'] },
    { root: 'packages/consult', name: 'consult', pages: ['pages/thread/index', 'pages/fraud-check/index', 'pages/bank-check/index'] },
    { root: 'packages/mediation', name: 'mediation', pages: ['pages/apply/index', 'pages/mine/index', 'pages/case/index', 'pages/pass/index'] },
    // The station dashboard alone draws charts (Chart.js): its own subpackage keeps the chart library out of the officer one.
    { root: 'packages/figures', name: 'figures', pages: ['pages/dashboard/index'] },
  ],
  window: {
    navigationBarBackgroundColor: '#1a4fa3',
    navigationBarTextStyle: 'white',
    navigationBarTitleText: '枫桥邻警',
    backgroundColor: '#f4f6fa',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#4e5969',
    selectedColor: '#1a4fa3',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/feed/index', text: '反诈', iconPath: 'assets/tabbar/feed.png', selectedIconPath: 'assets/tabbar/feed-active.png' },
      { pagePath: 'pages/booking/index', text: '预约', iconPath: 'assets/tabbar/booking.png', selectedIconPath: 'assets/tabbar/booking-active.png' },
      { pagePath: 'pages/consult/index', text: '问片警', iconPath: 'assets/tabbar/consult.png', selectedIconPath: 'assets/tabbar/consult-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // 发送位置 (registering the home community, and routing a question by where the resident is).
  requiredPrivateInfos: ['getLocation'],
  permission: { 'scope.userLocation': { desc: '用于找到您所在的社区和负责的社区民警' } },
  // WeChat's privacy check: calls that need consent wait for the app's own pop-up (src/components/privacy-prompt).
  __usePrivacyCheck__: true,
});
