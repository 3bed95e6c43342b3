export default definePageConfig({
  navigationBarTitleText: '反诈提醒',
  // Every item is meant to be forwarded into the neighbourhood group: that is how residents arrive.
  enableShareAppMessage: true,
  enablePullDownRefresh: true,
});
