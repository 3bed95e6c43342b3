/**
 * The inbox's poll for what no change signal reaches: it asks again on a timer only while the
 * page is on screen, and once on coming back. The Taro stand-in plays the page's show and hide.
 */
import { renderHook } from '@testing-library/react';
import { useRefreshWhileShown } from '@/hooks/use-refresh-while-shown';
import { pageLifecycle } from '../support/taro-stub';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('useRefreshWhileShown', () => {
  it('refreshes on its interval while shown, not while hidden, and at once on coming back', () => {
    const refresh = jest.fn();
    const { unmount } = renderHook(() => useRefreshWhileShown(refresh, 60_000));
    pageLifecycle.show(); // the page opening: its own load is under way, no extra call
    expect(refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(1);

    pageLifecycle.hide();
    jest.advanceTimersByTime(5 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(1);

    pageLifecycle.show();
    expect(refresh).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(60_000);
    expect(refresh).toHaveBeenCalledTimes(3);

    unmount();
    jest.advanceTimersByTime(5 * 60_000);
    expect(refresh).toHaveBeenCalledTimes(3);
  });
});
