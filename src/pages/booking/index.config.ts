export default definePageConfig({
  navigationBarTitleText: '办证预约',
  enablePullDownRefresh: true,
});
