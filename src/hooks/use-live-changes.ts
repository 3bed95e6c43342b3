import { useEffect, useRef } from 'react';
import { watchCollection, type WatchFilter } from '@/platform/realtime';

/**
 * Calls `onChange` whenever documents matching `filter` change on the server — not for the
 * first snapshot, which the page already loaded through its action. Realtime is a bonus: if
 * the watch fails the page still works, it just needs a pull-down to refresh.
 */
export function useLiveChanges(collection: string, filter: WatchFilter, onChange: () => void, enabled = true): void {
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    if (!enabled) return undefined;
    let initial = true;
    const handle = watchCollection(collection, JSON.parse(filterKey) as WatchFilter, {
      onChange: () => {
        if (initial) initial = false;
        else onChangeRef.current();
      },
      onError: (error) => console.warn(`[realtime] watch on ${collection} stopped`, error),
    });
    return () => handle.close();
  }, [collection, filterKey, enabled]);
}
