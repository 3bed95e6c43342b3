import { useEffect, useRef } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';

/**
 * Calls `refresh` every `everyMs` while the page is on screen, and once when it comes back into
 * view. For what no change signal reaches (other officers' threads in 本所): a phone in a pocket
 * or on another page makes no calls.
 */
export function useRefreshWhileShown(refresh: () => void, everyMs: number): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  const shown = useRef(true);
  const hiddenOnce = useRef(false);

  useDidShow(() => {
    shown.current = true;
    // The first show is the page opening: its data is being loaded already.
    if (hiddenOnce.current) refreshRef.current();
  });
  useDidHide(() => {
    shown.current = false;
    hiddenOnce.current = true;
  });

  useEffect(() => {
    const timer = setInterval(() => {
      if (shown.current) refreshRef.current();
    }, everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
}
