export default definePageConfig({
  navigationBarTitleText: '本所反诈信息',
  enablePullDownRefresh: true,
});
