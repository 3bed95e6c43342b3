export default definePageConfig({
  navigationBarTitleText: '转账前问一问',
});
