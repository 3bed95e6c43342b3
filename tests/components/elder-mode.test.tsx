/**
 * 长辈模式: follows WeChat's large text until the resident chooses, remembers the choice, and
 * switches every open page at once (PageRoot) from the switch.
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ElderSwitch } from '@/components/elder-switch';
import { PageRoot } from '@/components/page-root';
import { ELDER_MODE_STORAGE_KEY, getElderMode, resetElderModeForTests, setElderMode } from '@/state/elder-mode';
import { appBaseInfo, clearStorageSync } from '../support/taro-stub';

beforeEach(() => {
  clearStorageSync();
  appBaseInfo.fontSizeSetting = 17;
  appBaseInfo.fontSizeScaleFactor = 1;
  resetElderModeForTests();
});

test('standard text size in WeChat: the app starts in the standard mode', () => {
  expect(getElderMode()).toEqual({ elder: false, source: 'system' });
});

test('large text in WeChat (or 关怀模式): the app starts in elder mode by itself', () => {
  appBaseInfo.fontSizeSetting = 22;
  expect(getElderMode()).toEqual({ elder: true, source: 'system' });
  resetElderModeForTests();
  appBaseInfo.fontSizeSetting = 17;
  appBaseInfo.fontSizeScaleFactor = 1.4;
  expect(getElderMode().elder).toBe(true);
});

test("the resident's choice wins over WeChat's setting and is remembered", () => {
  appBaseInfo.fontSizeSetting = 24;
  setElderMode(false);
  expect(Taro.getStorageSync(ELDER_MODE_STORAGE_KEY)).toBe('off');
  resetElderModeForTests();
  expect(getElderMode()).toEqual({ elder: false, source: 'resident' });
});

test('the switch turns every page root to elder mode at once and says its state in words', () => {
  const { container } = render(
    <PageRoot className="feed-page">
      <ElderSwitch />
    </PageRoot>,
  );
  const root = container.firstElementChild as HTMLElement;
  expect(root.className).toBe('page feed-page');
  const toggle = screen.getByRole('switch');
  expect(toggle.getAttribute('aria-checked')).toBe('false');
  expect(screen.getByText('关')).toBeTruthy();

  act(() => void fireEvent.click(toggle));
  expect(root.className).toBe('page fq-elder feed-page');
  expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true');
  expect(screen.getByText('开')).toBeTruthy();
  expect(Taro.getStorageSync(ELDER_MODE_STORAGE_KEY)).toBe('on');
});
