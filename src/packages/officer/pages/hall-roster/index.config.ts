export default definePageConfig({
  navigationBarTitleText: '大厅预约名单',
  enablePullDownRefresh: true,
});
