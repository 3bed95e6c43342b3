export default definePageConfig({
  navigationBarTitleText: '调解案件',
  enableShareAppMessage: true,
});
