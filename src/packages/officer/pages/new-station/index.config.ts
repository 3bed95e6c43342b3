export default definePageConfig({
  navigationBarTitleText: '新建派出所',
});
