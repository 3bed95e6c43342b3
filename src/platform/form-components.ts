/**
 * Taro's Textarea and Picker, for the pages that use them. weapp: WeChat's own components, as
 * `@tarojs/components` gives them (see ./form-components.h5.ts for why H5 differs). Imported,
 * then exported, so Taro's scan of component imports still puts them in base.wxml.
 */
import { Picker, Textarea } from '@tarojs/components';

export { Picker, Textarea };
