export default definePageConfig({
  navigationBarTitleText: '圆桌调解会邀请',
});
