export default definePageConfig({
  navigationBarTitleText: '问片警',
  enablePullDownRefresh: true,
});
