export default definePageConfig({
  navigationBarTitleText: '调解力量名单',
});
