export default definePageConfig({
  navigationBarTitleText: '反诈提醒',
  // Residents arrive here from a card forwarded into their neighbourhood group.
  enableShareAppMessage: true,
});
