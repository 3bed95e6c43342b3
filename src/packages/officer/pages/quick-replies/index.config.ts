export default definePageConfig({
  navigationBarTitleText: '快捷回复与时限',
});
