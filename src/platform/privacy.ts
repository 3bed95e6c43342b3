import Taro from '@tarojs/taro';
import { holdPrivacyRequest } from '@/state/privacy-request';

/**
 * weapp: WeChat asks through onNeedPrivacyAuthorization before a privacy-relevant API or component
 * (getLocation, chooseMedia, scanCode, a phone-number field) first runs for a resident who has not
 * agreed yet; the app's own pop-up (PrivacyPrompt) answers it.
 */
export function listenForPrivacyRequests(): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => holdPrivacyRequest({ answer: (answer) => resolve(answer) }));
}

/** WeChat's full privacy guidelines as filled in the admin console. */
export function openPrivacyGuidelines(): void {
  Taro.openPrivacyContract({});
}
