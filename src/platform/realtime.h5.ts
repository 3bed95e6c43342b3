import type { WatchFilter, WatchHandle, WatchHandlers } from './realtime';

export type { WatchFilter, WatchHandle, WatchHandlers } from './realtime';

/** H5 (local mode): the local cloud streams the same snapshots as server-sent events. */
export function watchCollection<T>(collection: string, filter: WatchFilter, handlers: WatchHandlers<T>): WatchHandle {
  const query = new URLSearchParams({ collection, where: JSON.stringify(filter) });
  const source = new EventSource(`/__cloud/watch?${query.toString()}`, { withCredentials: true });
  source.onmessage = (event: MessageEvent<string>) => {
    const snapshot = JSON.parse(event.data) as { docs: T[] };
    handlers.onChange(snapshot.docs);
  };
  // EventSource reconnects by itself after a dropped connection; report only a closed stream.
  source.onerror = (error) => {
    if (source.readyState === EventSource.CLOSED) handlers.onError(error);
  };
  return { close: () => source.close() };
}
