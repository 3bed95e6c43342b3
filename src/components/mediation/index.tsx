/** Parts the officer's and the resident's mediation pages share: fields, a session, the agreement, the history. */
import type { ReactNode } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import type { AgreementView, CaseSummaryView, CaseView, HistoryView, SessionView } from '@domain/actions/mediation';
import { roleProps } from '../a11y';
import { FieldError, inputFieldProps } from '../field-error';
import { formatDateTime } from '@/utils/format-date';
import { PhotoGallery } from './photos';
import './index.scss';

export const RESPONSE_LABELS = { pending: '未回复', accepted: '✓ 确认参加', declined: '✗ 不能参加' } as const;

export function LabeledInput({ label, value, onInput, placeholder, type = 'text', multiline = false, maxlength = 200, fieldId, error }: {
  label: string;
  value: string;
  onInput: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'number';
  multiline?: boolean;
  maxlength?: number;
  /** The box's id: its error is said under it, and a failed submit focuses it. */
  fieldId?: string;
  /** What the action's answer says is wrong with it (fieldMessage). */
  error?: string;
}) {
  const a11y = fieldId ? inputFieldProps(fieldId, label, error) : { 'aria-label': label, nativeProps: { 'aria-label': label } };
  return (
    <View className="md-field">
      <Text className="md-field__label">{label}</Text>
      {multiline ? (
        <Textarea className="md-field__textarea" value={value} maxlength={maxlength} placeholder={placeholder} {...a11y} onInput={(event) => onInput(event.detail.value)} />
      ) : (
        <Input className="md-field__input" type={type} value={value} maxlength={maxlength} placeholder={placeholder} {...a11y} onInput={(event) => onInput(event.detail.value)} />
      )}
      {fieldId && <FieldError fieldId={fieldId} message={error} />}
    </View>
  );
}

/** accessibleName, not ariaLabel: Taro's H5 build renames an `ariaLabel` prop to aria-label on the way in (see admin-kit ActionButton). */
export function Button({ label, onClick, tone = 'primary', pending = false, accessibleName }: { label: string; onClick: () => void; tone?: 'primary' | 'plain' | 'danger'; pending?: boolean; accessibleName?: string }) {
  return (
    <View className={`md-button md-button--${tone}`} {...roleProps('button')} aria-label={accessibleName ?? label} aria-disabled={pending} onClick={() => !pending && onClick()}>
      <Text>{pending ? '请稍候…' : label}</Text>
    </View>
  );
}

export function Card({ title, children, level = 2 }: { title?: string; children: ReactNode; level?: number }) {
  return (
    <View className="md-card">
      {title && (
        <Text className="md-card__title" {...roleProps('heading')} aria-level={level}>
          {title}
        </Text>
      )}
      {children}
    </View>
  );
}

export function CaseHeader({ view }: { view: Pick<CaseView, 'title' | 'statusLabel' | 'communityName' | 'place' | 'mediators'> }) {
  return (
    <View className="md-header">
      <Text className="md-header__title" {...roleProps('heading')} aria-level={1}>
        {view.title}
      </Text>
      <Text className="md-header__status">{view.statusLabel}</Text>
      <Text className="md-header__line">
        {view.communityName} · {view.place}
      </Text>
      <Text className="md-header__line">调解民警：{view.mediators.join('、')}</Text>
    </View>
  );
}

export function SessionCard({ session, index, children }: { session: SessionView; index: number; children?: ReactNode }) {
  return (
    <Card title={`第 ${index + 1} 次圆桌调解会${session.status === 'held' ? '（已召开）' : ''}`}>
      <Text className="md-line">时间：{formatDateTime(session.at)}</Text>
      <Text className="md-line">地点：{session.place}</Text>
      {session.agenda && <Text className="md-line">议题：{session.agenda}</Text>}
      <View className="md-list" {...roleProps('list')} aria-label="参加的人">
        {session.invitations.map((invitation) => (
          <View key={invitation.id} className="md-list__item" {...roleProps('listitem')}>
            <Text>
              {invitation.roleLabel} {invitation.name}
              {invitation.phone ? ` ${invitation.phone}` : ''} · {invitation.attended === undefined ? RESPONSE_LABELS[invitation.response] : invitation.attended ? '已到场' : '未到场'}
            </Text>
          </View>
        ))}
      </View>
      {session.record && (
        <View className="md-record">
          <Text className="md-line">记录（{session.record.recordedBy}）：{session.record.notes}</Text>
          <PhotoGallery photos={session.record.photos} label={`第 ${index + 1} 次圆桌调解会的照片`} />
        </View>
      )}
      {children}
    </Card>
  );
}

export function AgreementCard({ agreement, parties, children }: { agreement: AgreementView; parties: CaseView['parties']; children?: ReactNode }) {
  const confirmed = new Map(agreement.confirmations.map((confirmation) => [confirmation.partyId, confirmation]));
  return (
    <Card title={`调解协议（第 ${agreement.version} 版）`}>
      <View className="md-terms" {...roleProps('list')} aria-label="协议条款">
        {agreement.terms.map((term, index) => (
          <Text key={index} className="md-terms__item" {...roleProps('listitem')}>
            {index + 1}. {term}
          </Text>
        ))}
      </View>
      {parties.map((party) => {
        const confirmation = confirmed.get(party.id);
        return (
          <View key={party.id}>
            <Text className={`md-line ${confirmation ? 'md-line--ok' : ''}`}>
              {party.name}：{confirmation ? `✓ 已确认（${confirmation.via === 'app' ? '小程序' : '纸质签字'}，${formatDateTime(confirmation.at)}）` : '尚未确认'}
            </Text>
            {confirmation?.photo && <PhotoGallery photos={[confirmation.photo]} label={`${party.name}签字的协议照片`} />}
          </View>
        );
      })}
      {children}
    </Card>
  );
}

export function HistoryList({ history }: { history: HistoryView[] }) {
  return (
    <Card title="办理经过">
      <View {...roleProps('list')} aria-label="办理经过">
        {history.map((entry, index) => (
          <Text key={index} className="md-line" {...roleProps('listitem')}>
            {formatDateTime(entry.at)} {entry.label}（{entry.by}）
          </Text>
        ))}
      </View>
    </Card>
  );
}

export function CheckRow({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: () => void }) {
  return (
    <View className="md-check" {...roleProps('checkbox')} aria-checked={checked} aria-label={label} onClick={onToggle}>
      <Text className="md-check__box" aria-hidden>
        {checked ? '☑' : '☐'}
      </Text>
      <Text>{label}</Text>
    </View>
  );
}

/** One case in a list: what it is, where it stands, what comes next. */
export function CaseRow({ item, onOpen }: { item: CaseSummaryView; onOpen: () => void }) {
  const next = item.nextSessionAt ? `下次调解会 ${formatDateTime(item.nextSessionAt)}` : item.followUpDueAt && item.status === 'agreed' ? `回访 ${formatDateTime(item.followUpDueAt)} 起` : '';
  return (
    <View className="md-case" {...roleProps('button')} onClick={onOpen}>
      <Text className="md-case__title">{item.title}</Text>
      <Text className="md-case__line">
        {item.statusLabel} · {item.communityName} · {item.ownerLabel}
      </Text>
      {next && <Text className="md-case__line">{next}</Text>}
    </View>
  );
}
export { PhotoGallery, PhotoPicker, type PickedPhoto } from './photos';
