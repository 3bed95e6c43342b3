export default definePageConfig({
  navigationBarTitleText: '防骗小测试',
  enableShareAppMessage: true,
});
