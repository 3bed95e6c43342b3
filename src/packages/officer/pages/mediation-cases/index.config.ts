export default definePageConfig({
  navigationBarTitleText: '圆桌调解',
  enablePullDownRefresh: true,
});
