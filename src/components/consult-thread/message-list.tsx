import { useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REVEAL_PURPOSES, REVEAL_PURPOSE_LABELS, consultActions, type MessageView } from '@domain/actions/consult';
import { callAction } from '@/platform/cloud-call';
import { roleProps } from '@/components/a11y';
import { formatDateTime } from '@/utils/format-date';
import type { OutgoingMessage } from './use-consult-thread';
// Imported here, not only by the barrel: with package.json's sideEffects webpack may skip index.ts.
import './index.scss';

const preview = (urls: string[], current: string) => void Taro.previewImage({ urls, current }).catch(() => undefined);

/** Photos in a message; each opens full screen, and says whose photo it is and which one. */
function Photos({ urls, author }: { urls: string[]; author: string }) {
  if (urls.length === 0) return null;
  return (
    <View className="consult-message__photos">
      {urls.map((url, index) => (
        <View key={url} className="consult-message__photo-button" {...roleProps('button')} aria-label={`${author}发的第 ${index + 1} 张照片，点开看大图`} onClick={() => preview(urls, url)}>
          <Image className="consult-message__photo" src={url} mode="aspectFill" aria-hidden="true" nativeProps={{ alt: '' }} />
        </View>
      ))}
    </View>
  );
}

/**
 * The officer handling a thread sees numbers masked until they say why they need one; the reveal
 * is audited with that purpose, and the full text replaces the masked one on this screen only.
 */
function RevealNumbers({ threadId, messageId, onRevealed }: { threadId: string; messageId: string; onRevealed: (text: string) => void }) {
  const [problem, setProblem] = useState('');
  async function reveal() {
    const choice = await Taro.showActionSheet({ itemList: REVEAL_PURPOSES.map((purpose) => REVEAL_PURPOSE_LABELS[purpose]) }).catch(() => undefined);
    const purpose = choice ? REVEAL_PURPOSES[choice.tapIndex] : undefined;
    if (!purpose) return;
    const result = await callAction(consultActions.revealPersonalNumbers, { threadId, messageId, purpose });
    if (result.ok) onRevealed(result.data.text);
    else setProblem(result.error.message);
  }
  return (
    <View>
      <View className="consult-message__reveal" hoverClass="consult-message__reveal--pressed" {...roleProps('button')} aria-label="查看完整号码（需选择用途，会被记录）" onClick={() => void reveal()}>
        <Text>查看完整号码（会记录用途）</Text>
      </View>
      {problem && <Text className="field-error">{problem}</Text>}
    </View>
  );
}

/** Read receipts in words, never a colour or a tick alone. */
const receipt = (message: MessageView) => (message.mine ? (message.read ? ' · 已读' : ' · 未读') : '');

function Message({ message, threadId }: { message: MessageView; threadId?: string }) {
  const [revealed, setRevealed] = useState<string>();
  if (message.from === 'system') {
    return (
      <View className="consult-message consult-message--system">
        <Text className="consult-message__system-text">{message.text}</Text>
        <Text className="consult-message__time">{formatDateTime(message.at)}</Text>
      </View>
    );
  }
  const author = message.mine ? '我' : message.authorLabel;
  return (
    <View className={`consult-message ${message.mine ? 'consult-message--mine' : 'consult-message--theirs'}`} data-message-id={message.id}>
      <Text className="consult-message__author">{author}</Text>
      <View className="consult-message__bubble">
        {message.text && <Text className="consult-message__text" userSelect>{revealed ?? message.text}</Text>}
        <Photos urls={message.photoUrls} author={author} />
      </View>
      {message.photoNotice && <Text className="consult-message__photo-notice">{message.photoNotice}</Text>}
      {message.revealable && threadId && revealed === undefined && <RevealNumbers threadId={threadId} messageId={message.id} onRevealed={setRevealed} />}
      <Text className="consult-message__time">
        {formatDateTime(message.at)}
        {receipt(message)}
      </Text>
    </View>
  );
}

function Outgoing({ message, onRetry, onDiscard }: { message: OutgoingMessage; onRetry: () => void; onDiscard: () => void }) {
  return (
    <View className={`consult-message consult-message--mine consult-message--${message.state}`}>
      <Text className="consult-message__author">我</Text>
      <View className="consult-message__bubble">
        {message.text && <Text className="consult-message__text">{message.text}</Text>}
        <Photos urls={message.photoPaths} author="我" />
      </View>
      {message.state === 'sending' && <Text className="consult-message__time">发送中…</Text>}
      {message.state === 'failed' && (
        <View className="consult-message__retry" hoverClass="consult-message__retry--pressed" {...roleProps('button')} onClick={onRetry}>
          <Text>{message.error ?? '没有发出去'}，点这里重发</Text>
        </View>
      )}
      {message.state === 'rejected' && (
        <View className="consult-message__rejected" {...roleProps('button')} onClick={onDiscard}>
          <Text>{message.error}（别人看不到这条，点这里删掉）</Text>
        </View>
      )}
    </View>
  );
}

export interface MessageListProps {
  messages: MessageView[];
  /** On the officer's page: lets the officer handling it reveal a masked number (audited). */
  threadId?: string;
  /** Earlier messages exist: a button above the first one loads them. */
  hasOlder?: boolean;
  loadingOlder?: boolean;
  onLoadOlder?: () => void;
  pending: OutgoingMessage[];
  onRetry: (clientId: string) => void;
  onDiscard: (clientId: string) => void;
}

/**
 * The conversation as a live log: a screen reader reads each new message (a reply arriving,
 * "发送中…", a failed send) when it is added, without moving the resident's focus.
 */
export function MessageList({ messages, threadId, hasOlder = false, loadingOlder = false, onLoadOlder, pending, onRetry, onDiscard }: MessageListProps) {
  return (
    <View className="consult-messages" role="log" aria-live="polite" aria-relevant="additions text" aria-label="对话记录">
      {hasOlder && (
        <View className="consult-messages__older" hoverClass="consult-messages__older--pressed" {...roleProps('button')} aria-disabled={loadingOlder} onClick={loadingOlder ? undefined : onLoadOlder}>
          <Text>{loadingOlder ? '正在加载更早的消息…' : '查看更早的消息'}</Text>
        </View>
      )}
      {messages.map((message) => (
        <Message key={message.id} message={message} threadId={threadId} />
      ))}
      {pending.map((message) => (
        <Outgoing key={message.clientId} message={message} onRetry={() => onRetry(message.clientId)} onDiscard={() => onDiscard(message.clientId)} />
      ))}
    </View>
  );
}
