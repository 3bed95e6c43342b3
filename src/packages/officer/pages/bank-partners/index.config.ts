export default definePageConfig({
  navigationBarTitleText: '警银联动',
  enablePullDownRefresh: true,
});
