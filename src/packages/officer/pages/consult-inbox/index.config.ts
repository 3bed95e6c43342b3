export default definePageConfig({
  navigationBarTitleText: '居民提问',
  enablePullDownRefresh: true,
});
