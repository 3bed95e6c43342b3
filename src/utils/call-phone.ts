import Taro from '@tarojs/taro';

/** Numbers are shown with spaces for reading aloud ("0571-8702 1101"); the dialler wants digits. */
export const dialable = (number: string): string => number.replace(/[^\d+]/g, '');

/** Opens the phone's dialler. Cancelling the system sheet is not an error worth showing. */
export function callPhone(number: string): void {
  Taro.makePhoneCall({ phoneNumber: dialable(number) }).catch(() => undefined);
}
