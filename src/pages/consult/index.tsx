import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import Taro from '@tarojs/taro';
import { actionRefs } from '@domain/actions/ref';
import type { accountActions, MeView } from '@domain/actions/account';
import type { consultActions } from '@domain/actions/consult';
import type { directoryActions, RoutingPreviewView } from '@domain/actions/directory';
import { CONSULT_TEMPLATES } from '@domain/consult';
import { CONSULT_CATEGORIES, CONSULT_CATEGORY_LABELS, type ConsultCategory } from '@domain/routing';
import { isStaffRole } from '@domain/roles';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { PhotoPicker, type PickedPhoto } from '@/components/consult-thread/photo-picker';
import { EmergencyAlert } from '@/components/emergency-alert';
import { EntryRow } from '@/components/entry-row';
import { EmergencyBar } from '@/components/emergency-bar';
import { LengthHint, overLimitMessage } from '@/components/length-hint';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { fieldMessage, FormError } from '@/components/form-error';
import { useHomeCommunityChanged } from '@/components/home-community';
import { NoticeCard } from '@/components/notice-card';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { getCurrentLocation } from '@/platform/location';
import { requestSubscription } from '@/platform/subscribe';
import { consultThreadPath, fraudCheckPath } from '@/routes';
import { reveal, revealFirstError } from '@/utils/reveal';
import { MyThreads } from './my-threads';
import { RegisterCommunityButton } from './register-community';
import { RoutingPreview } from './routing-preview';
import './index.scss';
import { Button } from '@/components/button';

const accountAction = actionRefs<typeof accountActions>('account');
const consultAction = actionRefs<typeof consultActions>('consult');
const directoryAction = actionRefs<typeof directoryActions>('directory');

const TEXT_MAX = 500;
const CHOOSE_CATEGORY = '请选择问题类别';

function WhoAnswers({ me }: { me: MeView }) {
  if (isStaffRole(me.role)) {
    return (
      <NoticeCard title="您是民警">
        <Text>居民的提问会按社区分给负责的社区民警。请在“我的 → 民警工作台 → 居民提问”里查看和回复。</Text>
      </NoticeCard>
    );
  }
  if (me.homeCommunity) {
    return (
      <View className="consult-page__community">
        <Text className="muted">您登记的社区</Text>
        <Text className="consult-page__community-name">{me.homeCommunity.name}</Text>
        <Text className="muted">{me.homeCommunity.stationName} · 问题会交给负责这个社区的片儿警</Text>
      </View>
    );
  }
  return (
    <NoticeCard title="还没有登记您住在哪个社区">
      <Text>登记以后，您的问题会直接交给负责您社区的片儿警。不登记也能问：发送时勾选“附上我现在的位置”，我们按位置交给当地的民警。</Text>
      <RegisterCommunityButton />
    </NoticeCard>
  );
}

/**
 * Category, question, photos and (optionally) where the resident is. "先看看会交给谁" is a dry
 * run; "发送" sends — unless the function reads the text as an emergency: then it stores
 * nothing and answers with the 110 prompt, and the question is sent only if the resident then
 * says so. The 110 bar stays on top of the page whatever the network does.
 */
function Composer({ onSent, placeKnown }: { onSent: () => void; placeKnown: boolean }) {
  const [category, setCategory] = useState<ConsultCategory>();
  const [text, setText] = useState('');
  const [withLocation, setWithLocation] = useState(false);
  const [locationNote, setLocationNote] = useState<string>();
  const [locating, setLocating] = useState(false);
  const [missingCategory, setMissingCategory] = useState(false);
  const [preview, setPreview] = useState<RoutingPreviewView>();
  const [photos, setPhotos] = useState<PickedPhoto[]>([]);
  const [emergencyPrompt, setEmergencyPrompt] = useState<string>();
  const route = useSubmit(directoryAction('routeQuestion'));
  const start = useSubmit(consultAction('startThread'));

  // Anything changed: the preview on screen no longer describes this question.
  const changed = () => {
    setPreview(undefined);
    setEmergencyPrompt(undefined);
    route.clearError();
    start.clearError();
  };
  const toggleCategory = (key: ConsultCategory) => {
    setCategory((current) => (current === key ? undefined : key));
    setMissingCategory(false);
    changed();
  };

  async function whereFrom(): Promise<{ latitude: number; longitude: number } | undefined> {
    let location: { latitude: number; longitude: number } | undefined;
    if (withLocation) {
      setLocating(true);
      const position = await getCurrentLocation();
      setLocating(false);
      if (position.ok) {
        location = { latitude: position.latitude, longitude: position.longitude };
        setLocationNote(undefined);
      } else {
        // Routing still works without it: by the registered community, or the district's desk.
        setWithLocation(false);
        setLocationNote(position.message);
      }
    }
    return location;
  }

  /** What the phone can check itself, before asking anything of the resident or the cloud. */
  function checkForm(): boolean {
    if (!category) setMissingCategory(true);
    const fits = overLimitMessage('问题', text, TEXT_MAX) === undefined;
    if (!category || !fits) {
      revealFirstError();
      return false;
    }
    return true;
  }

  async function showRouting() {
    setPreview(undefined);
    if (!checkForm() || !category) return;
    const location = await whereFrom();
    const answer = await route.submit({ category, text, ...(location ? { location } : {}) });
    if (answer) setPreview(answer);
  }

  async function send(afterEmergencyPrompt = false) {
    if (!checkForm() || !category) return;
    // Inside the tap (WeChat asks only from a user gesture), and only when the question will go:
    // it has text, and a place to go to (a registered community or the location asked for).
    if (text.trim() !== '' && (placeKnown || withLocation)) void requestSubscription([CONSULT_TEMPLATES.reply]).catch(() => undefined);
    const location = await whereFrom();
    const answer = await start.submit({
      category,
      text,
      ...(photos.length ? { photoFileIds: photos.map((photo) => photo.fileId), photoReceipts: photos.map((photo) => photo.receipt) } : {}),
      ...(location ? { location } : {}),
      ...(afterEmergencyPrompt ? { afterEmergencyPrompt: true } : {}),
    });
    if (!answer) return;
    // The function reads the question for an emergency before it stores anything: it answers
    // with the 110 prompt, and keeps nothing, unless the resident has already seen it. The
    // detection rules (≈10 KB) live there, not in the main package every resident downloads.
    if (answer.kind === 'emergency') {
      setPreview(undefined);
      setEmergencyPrompt(answer.prompt);
      return;
    }
    setText('');
    setPhotos([]);
    setCategory(undefined);
    setEmergencyPrompt(undefined);
    setPreview(undefined);
    onSent();
    void Taro.navigateTo({ url: consultThreadPath(answer.threadId) });
  }

  // The answer appears under the buttons, below the fold on a phone: bring it into view — for an
  // emergency, its 拨打 110 button, in the middle of the screen and clear of the tab bar.
  useEffect(() => {
    if (preview) reveal('.consult-page__result');
  }, [preview]);
  useEffect(() => {
    if (emergencyPrompt) reveal('.consult-page__result .emergency-alert__call');
  }, [emergencyPrompt]);
  const categoryError = missingCategory ? CHOOSE_CATEGORY : fieldMessage(route.error ?? start.error, 'category');
  const busy = locating || route.pending || start.pending;
  const error = start.error ?? route.error;
  const textProblem = fieldMessage(error, 'text');
  const overLimit = overLimitMessage('问题', text, TEXT_MAX);

  return (
    <View>
      <Text className="section-title" id="consult-category-title">1. 选一个问题类别</Text>
      <View className="consult-page__categories" role="group" aria-labelledby="consult-category-title" {...invalidProps('consult-category', categoryError)}>
        {CONSULT_CATEGORIES.map((key) => (
          <Chip key={key} label={CONSULT_CATEGORY_LABELS[key]} selected={key === category} onClick={() => toggleCategory(key)} />
        ))}
      </View>
      <FieldError fieldId="consult-category" message={categoryError} />

      <Text className="section-title">2. 写下您的问题</Text>
      <View className="consult-page__composer">
        <Textarea
          className="consult-page__input"
          value={text}
          placeholder="例如：楼上装修太吵了，能管管吗？"
          {...inputFieldProps('consult-text', '您的问题', overLimit ?? textProblem)}
          maxlength={-1}
          onInput={(event) => {
            setText(event.detail.value);
            changed();
          }}
        />
        <LengthHint text={text} max={TEXT_MAX} label="问题" fieldId="consult-text" />
        {!overLimit && <FieldError fieldId="consult-text" message={textProblem} />}
        <FormError error={error} shownAtFields={['category', 'text']} />

        <Text className="consult-page__photos-label">照片（可以不拍，最多 3 张）</Text>
        <PhotoPicker photos={photos} onChange={setPhotos} />

        <View className="consult-page__location">
          <Chip
            label="附上我现在的位置"
            selected={withLocation}
            onClick={() => {
              setWithLocation((value) => !value);
              setLocationNote(undefined);
              changed();
            }}
          />
          <Text className="muted">事情就发生在您身边时可以附上，方便交给当地的民警。</Text>
          <View aria-live="polite">{locationNote && <Text className="field-error">{locationNote}</Text>}</View>
        </View>

        <Button type="primary" block className="consult-page__preview-button" loading={start.pending} disabled={busy} onClick={() => void send()}>
          发送给片儿警
        </Button>
        <Button block className="consult-page__send-button" loading={route.pending} disabled={busy} onClick={() => void showRouting()}>
          先看看会交给谁
        </Button>
      </View>

      {/* The answer to either button, read out when it appears. */}
      <View aria-live="polite">
        {emergencyPrompt && (
          <View className="consult-page__result">
            <EmergencyAlert prompt={emergencyPrompt} />
            <View className="consult-page__send-anyway" hoverClass="consult-page__send-anyway--pressed" {...roleProps('button')} onClick={() => void send(true)}>
              <Text>不是正在发生的危险，仍然发给派出所</Text>
            </View>
          </View>
        )}
        {preview && (
          <View className="consult-page__result">
            <RoutingPreview preview={preview} />
          </View>
        )}
      </View>
    </View>
  );
}

export default function ConsultPage() {
  const me = useAction(accountAction('me'), {}, { pullDownRefresh: true, isEmpty: () => false });
  useHomeCommunityChanged(me.setData);
  const [sentCount, setSentCount] = useState(0);
  const resident = me.data !== undefined && !isStaffRole(me.data.role);

  return (
    <PageRoot className="consult-page">
      <EmergencyBar />
      <View className="page">
        <Text className="page-title">问问您的片儿警</Text>
        <Text className="page-intro">不用知道片儿警是谁：写下您的问题，我们按您住的社区交给负责的社区民警，由他本人回复。</Text>

        <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={2}>
          {me.data && <WhoAnswers me={me.data} />}
        </PageState>

        {resident && <MyThreads refreshKey={sentCount} />}

        <EntryRow title="转账前问一问" description="有人让您转账？先让反诈民警帮您看看" onClick={() => void Taro.navigateTo({ url: fraudCheckPath() })} />

        <Text className="section-title">问一个新问题</Text>
        <Composer onSent={() => setSentCount((count) => count + 1)} placeKnown={Boolean(me.data?.homeCommunity)} />

        <NoticeCard title="这里不是 110">
          <Text>民警会在工作时间内回复，不能马上赶到。正在发生的危险、违法犯罪，请直接拨打 110。</Text>
        </NoticeCard>
      </View>
    </PageRoot>
  );
}
