import { useRef } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { consultActions } from '@domain/actions/consult';
import { EntryRow } from '@/components/entry-row';
import { useAction } from '@/hooks/use-action';
import { ROUTES } from '@/routes';

/** 居民提问: the way into the officer's inbox, with how many questions wait and how many messages are unread. */
export function ConsultEntry({ stationId }: { stationId: string }) {
  const inbox = useAction(consultActions.officerInbox, { stationId, view: 'mine' }, { isEmpty: () => false });
  // Back from the inbox: the counts changed. The first show is the initial load.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void inbox.reload();
    shown.current = true;
  });
  const waiting = inbox.data?.threads.filter((thread) => thread.awaiting === 'officer').length ?? 0;
  const unread = inbox.data?.unread ?? 0;
  // The red badge shows the unread count; the words say it too (colour and a bare number are not enough).
  const waitingText = waiting ? `${waiting} 个提问等您回复` : '暂时没有等您回复的提问';
  const description = inbox.data ? `${waitingText}${unread ? `，${unread} 条新消息` : ''}` : '查看居民的提问并回复';
  return <EntryRow title="居民提问" description={description} badge={unread} onClick={() => void Taro.navigateTo({ url: ROUTES.officerInbox })} />;
}
