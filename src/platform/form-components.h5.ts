/**
 * H5: Taro's Textarea and Picker from their own modules. `@tarojs/components` is one module on
 * H5, emitted with every component any page uses; Picker and Textarea (≈ 29 KB before gzip)
 * would load with the first page of every visit, though only forms further in use them. Built
 * the way that module builds each component (createReactComponent + the element's definition).
 */
import type { Picker as TaroPicker, Textarea as TaroTextarea } from '@tarojs/components';
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js';
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js';
import { defineCustomElement as definePicker } from '@tarojs/components/dist/components/taro-picker-core.js';
import { defineCustomElement as defineTextarea } from '@tarojs/components/dist/components/taro-textarea-core.js';

export const Picker = createReactComponent('taro-picker-core', undefined, manipulatePropsFunction, definePicker) as unknown as typeof TaroPicker;
export const Textarea = createReactComponent('taro-textarea-core', undefined, manipulatePropsFunction, defineTextarea) as unknown as typeof TaroTextarea;
