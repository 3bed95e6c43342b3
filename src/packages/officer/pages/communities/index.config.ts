export default definePageConfig({
  navigationBarTitleText: '社区与警务区',
});
