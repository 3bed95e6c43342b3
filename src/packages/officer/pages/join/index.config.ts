export default definePageConfig({
  navigationBarTitleText: '我是民警',
});
