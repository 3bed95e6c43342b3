export default definePageConfig({
  navigationBarTitleText: '反诈提醒',
  // Every item is meant to be forwarded into the neighbourhood group: that is how residents arrive.
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
  // Start the next page a little before the very end, so scrolling does not stop.
  onReachBottomDistance: 200,
});
