export default definePageConfig({
  navigationBarTitleText: '登记我住的社区',
});
