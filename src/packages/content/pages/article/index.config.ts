export default definePageConfig({
  navigationBarTitleText: '反诈提醒',
  // Residents arrive here from a card forwarded into their neighbourhood group, or from 朋友圈.
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
