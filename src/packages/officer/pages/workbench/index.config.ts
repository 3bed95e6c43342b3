export default definePageConfig({
  navigationBarTitleText: '民警工作台',
  enablePullDownRefresh: true,
});
