import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { consultActions, type MessageView } from '@domain/actions/consult';
import { CONSULT_WATCH_COLLECTION } from '@domain/consult';
import { useAction } from '@/hooks/use-action';
import { useLiveChanges } from '@/hooks/use-live-changes';
import { callAction } from '@/platform/cloud-call';

/** A message typed on this phone that the cloud has not confirmed yet. */
export interface OutgoingMessage {
  clientId: string;
  text: string;
  photoFileIds: string[];
  photoReceipts: string[];
  photoPaths: string[];
  at: string;
  state: 'sending' | 'failed' | 'rejected';
  /** Why it failed, in the resident's words. */
  error?: string;
}

const newClientId = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;

/**
 * One thread, live: loaded through getThread, refreshed whenever its change signal moves
 * (watch() on weapp, the local cloud's feed on H5), marked read while on screen. Sending is
 * optimistic: the message shows at once, and a failed send stays with a retry instead of
 * disappearing. Each message keeps its clientId, so a retry never posts it twice.
 */
export function useConsultThread(threadId: string) {
  const thread = useAction(consultActions.getThread, { threadId }, { isEmpty: () => false, pullDownRefresh: true });
  const [outgoing, setOutgoing] = useState<OutgoingMessage[]>([]);
  const { reload, data, setData } = thread;
  // Pages older than getThread's newest page, loaded on request; kept while the newest page refreshes.
  const [older, setOlder] = useState<{ messages: MessageView[]; hasOlder: boolean } | undefined>(undefined);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const dataRef = useRef(data);
  dataRef.current = data;

  useLiveChanges(CONSULT_WATCH_COLLECTION, { threadId, openid: '{openid}' }, () => void reload(), data !== undefined);

  const unread = data?.unread ?? 0;
  const markedFor = useRef('');
  useEffect(() => {
    // Marks once per state of the thread: marking wakes the other phone (read receipts).
    const key = `${threadId}:${data?.updatedAt ?? ''}`;
    if (unread > 0 && markedFor.current !== key) {
      markedFor.current = key;
      void callAction(consultActions.markRead, { threadId });
    }
  }, [threadId, unread, data?.updatedAt]);

  const deliver = useCallback(
    async (message: OutgoingMessage) => {
      setOutgoing((list) => list.map((item) => (item.clientId === message.clientId ? { ...item, state: 'sending', error: undefined } : item)));
      const result = await callAction(consultActions.sendMessage, { threadId, clientId: message.clientId, text: message.text, photoFileIds: message.photoFileIds, photoReceipts: message.photoReceipts });
      if (result.ok) {
        // The stored message replaces the pending one at once; the change signal refreshes the rest.
        const shown = dataRef.current;
        if (shown && !shown.messages.some((item) => item.id === result.data.id)) setData({ ...shown, messages: [...shown.messages, result.data] });
        setOutgoing((list) => list.filter((item) => item.clientId !== message.clientId));
        return;
      }
      // Content rejected: it reaches nobody and must be changed, not retried as it is.
      const state = result.error.code === 'CONTENT_REJECTED' || result.error.code === 'INVALID_INPUT' || result.error.code === 'CONFLICT' ? 'rejected' : 'failed';
      setOutgoing((list) => list.map((item) => (item.clientId === message.clientId ? { ...item, state, error: result.error.message } : item)));
    },
    [threadId, setData],
  );

  const send = useCallback(
    (text: string, photos: { fileId: string; receipt: string; path: string }[] = []) => {
      const message: OutgoingMessage = {
        clientId: newClientId(),
        text,
        photoFileIds: photos.map((photo) => photo.fileId),
        photoReceipts: photos.map((photo) => photo.receipt),
        photoPaths: photos.map((photo) => photo.path),
        at: new Date().toISOString(),
        state: 'sending',
      };
      setOutgoing((list) => [...list, message]);
      void deliver(message);
    },
    [deliver],
  );

  const retry = useCallback((clientId: string) => {
    const message = outgoing.find((item) => item.clientId === clientId);
    if (message) void deliver(message);
  }, [outgoing, deliver]);

  const discard = useCallback((clientId: string) => setOutgoing((list) => list.filter((item) => item.clientId !== clientId)), []);

  const messages = useMemo(() => {
    const newest = data?.messages ?? [];
    if (!older) return newest;
    const shown = new Set(newest.map((message) => message.id));
    return [...older.messages.filter((message) => !shown.has(message.id)), ...newest];
  }, [data, older]);
  const hasOlder = older ? older.hasOlder : data?.hasOlderMessages ?? false;

  const loadOlder = useCallback(async () => {
    const first = messages[0];
    if (!first || loadingOlder) return;
    setLoadingOlder(true);
    const result = await callAction(consultActions.olderMessages, { threadId, before: first.id });
    setLoadingOlder(false);
    if (result.ok) setOlder((earlier) => ({ messages: [...result.data.messages, ...(earlier?.messages ?? [])], hasOlder: result.data.hasOlder }));
  }, [messages, loadingOlder, threadId]);

  // A confirmed message may arrive through the live feed before the send's own answer.
  const confirmed = useMemo(() => new Set((data?.messages ?? []).flatMap((message: MessageView) => (message.clientId ? [message.clientId] : []))), [data]);
  const pending = outgoing.filter((message) => !confirmed.has(message.clientId));

  return { thread, messages, hasOlder, loadingOlder, loadOlder, pending, send, retry, discard };
}
