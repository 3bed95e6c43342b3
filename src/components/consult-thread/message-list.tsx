import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { MessageView } from '@domain/actions/consult';
import { roleProps } from '@/components/a11y';
import { formatDateTime } from '@/utils/format-date';
import type { OutgoingMessage } from './use-consult-thread';

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

/** Read receipts in words, never a colour or a tick alone. */
const receipt = (message: MessageView) => (message.mine ? (message.read ? ' · 已读' : ' · 未读') : '');

function Message({ message }: { message: MessageView }) {
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
        {message.text && <Text className="consult-message__text" userSelect>{message.text}</Text>}
        <Photos urls={message.photoUrls} author={author} />
      </View>
      {message.photoNotice && <Text className="consult-message__photo-notice">{message.photoNotice}</Text>}
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
export function MessageList({ messages, hasOlder = false, loadingOlder = false, onLoadOlder, pending, onRetry, onDiscard }: MessageListProps) {
  return (
    <View className="consult-messages" role="log" aria-live="polite" aria-relevant="additions text" aria-label="对话记录">
      {hasOlder && (
        <View className="consult-messages__older" hoverClass="consult-messages__older--pressed" {...roleProps('button')} aria-disabled={loadingOlder} onClick={loadingOlder ? undefined : onLoadOlder}>
          <Text>{loadingOlder ? '正在加载更早的消息…' : '查看更早的消息'}</Text>
        </View>
      )}
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
      {pending.map((message) => (
        <Outgoing key={message.clientId} message={message} onRetry={() => onRetry(message.clientId)} onDiscard={() => onDiscard(message.clientId)} />
      ))}
    </View>
  );
}
