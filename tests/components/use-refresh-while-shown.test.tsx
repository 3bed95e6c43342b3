/**
 * The inbox's poll for what no change signal reaches: it asks again on a timer only while the
 * page is on screen, and once on coming back. Taro's page hooks are captured so the test can
 * show and hide the page.
 */
import { renderHook } from '@testing-library/react';
import { useRefreshWhileShown } from '@/hooks/use-refresh-while-shown';

const mockPage = { show: (): void => undefined, hide: (): void => undefined };
jest.mock('@tarojs/taro', () => ({
  ...jest.requireActual<object>('@tarojs/taro'),
  useDidShow: (callback: () => void) => void (mockPage.show = callback),
  useDidHide: (callback: () => void) => void (mockPage.hide = callback),
}));
const show = () => mockPage.show();
const hide = () => mockPage.hide();

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('useRefreshWhileShown', () => {
  it('refreshes on its interval while shown, not while hidden, and at once on coming back', () => {
    const refresh = jest.fn();
    const { unmount } = renderHook(() => useRefreshWhileShown(refresh, 60_000));
    show(); // the page opening: its own load is under way, no extra call
    expect(refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(1);

    hide();
    jest.advanceTimersByTime(5 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(1);

    show();
    expect(refresh).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(3);

    unmount();
    jest.advanceTimersByTime(5 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
