import { useEffect, useState } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { actions, type MeView, type RoutingPreviewView } from '@domain/actions';
import { CONSULT_CATEGORIES, CONSULT_CATEGORY_LABELS, type ConsultCategory } from '@domain/routing';
import { isStaffRole } from '@domain/roles';
import { Chip } from '@/components/chip';
import { EmergencyBar } from '@/components/emergency-bar';
import { fieldMessage, FormError } from '@/components/form-error';
import { openHomeCommunityPage, useHomeCommunityChanged } from '@/components/home-community';
import { NoticeCard } from '@/components/notice-card';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { getCurrentLocation } from '@/platform/location';
import { RoutingPreview } from './routing-preview';
import './index.scss';

const TEXT_MAX = 500;
const CHOOSE_CATEGORY = '请选择问题类别';
/** Clear of the sticky 110 bar on top. */
const SCROLL_OFFSET = -72;

function WhoAnswers({ me }: { me: MeView }) {
  if (isStaffRole(me.role)) {
    return (
      <NoticeCard title="您是民警">
        <Text>居民的提问会按社区分给负责的社区民警。处理提问的民警端正在建设中，建好后会出现在这里。</Text>
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
      <Text>登记以后，您的问题会直接交给负责您社区的片儿警。不登记也能问：可以附上您现在的位置，或者由综合受理转给负责的民警。</Text>
      <View className="consult-page__register" hoverClass="consult-page__register--pressed" onClick={openHomeCommunityPage}>
        <Text>登记我住的社区</Text>
        <Text className="consult-page__register-arrow">›</Text>
      </View>
    </NoticeCard>
  );
}

/** Category, question and (optionally) where the resident is; "先看看会交给谁" shows the routing. */
function Composer() {
  const [category, setCategory] = useState<ConsultCategory>();
  const [text, setText] = useState('');
  const [withLocation, setWithLocation] = useState(false);
  const [locationNote, setLocationNote] = useState<string>();
  const [locating, setLocating] = useState(false);
  const [missingCategory, setMissingCategory] = useState(false);
  const [preview, setPreview] = useState<RoutingPreviewView>();
  const route = useSubmit(actions.directory.routeQuestion);

  // Anything changed: the preview on screen no longer describes this question.
  const changed = () => {
    setPreview(undefined);
    route.clearError();
  };
  const toggleCategory = (key: ConsultCategory) => {
    setCategory((current) => (current === key ? undefined : key));
    setMissingCategory(false);
    changed();
  };

  async function showRouting() {
    setPreview(undefined);
    if (!category) {
      setMissingCategory(true);
      return;
    }
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
    const answer = await route.submit({ category, text, ...(location ? { location } : {}) });
    if (answer) setPreview(answer);
  }

  // The answer appears under the buttons, below the fold on a phone: bring it into view.
  useEffect(() => {
    if (!preview) return;
    Taro.nextTick(() => {
      Taro.pageScrollTo({ selector: '.consult-page__result', offsetTop: SCROLL_OFFSET, duration: 300 }).catch(() => undefined);
    });
  }, [preview]);

  const categoryError = missingCategory ? CHOOSE_CATEGORY : fieldMessage(route.error, 'category');
  const busy = locating || route.pending;

  return (
    <View>
      <Text className="section-title">1. 选一个问题类别</Text>
      <View className="consult-page__categories">
        {CONSULT_CATEGORIES.map((key) => (
          <Chip key={key} label={CONSULT_CATEGORY_LABELS[key]} selected={key === category} onClick={() => toggleCategory(key)} />
        ))}
      </View>
      {categoryError && <Text className="field-error">{categoryError}</Text>}

      <Text className="section-title">2. 写下您的问题</Text>
      <View className="consult-page__composer">
        <Textarea
          className="consult-page__input"
          value={text}
          placeholder="例如：楼上装修太吵了，能管管吗？"
          maxlength={TEXT_MAX}
          onInput={(event) => {
            setText(event.detail.value);
            changed();
          }}
        />
        <Text className="consult-page__count">
          {Array.from(text).length}/{TEXT_MAX}
        </Text>
        {route.error && !fieldMessage(route.error, 'category') && <FormError error={route.error} field="text" />}

        <View className="consult-page__location">
          <Chip
            label={withLocation ? '✓ 附上我现在的位置' : '附上我现在的位置'}
            selected={withLocation}
            onClick={() => {
              setWithLocation((value) => !value);
              setLocationNote(undefined);
              changed();
            }}
          />
          <Text className="muted">事情就发生在您身边时可以附上，方便交给当地的民警。</Text>
          {locationNote && <Text className="field-error">{locationNote}</Text>}
        </View>

        <Button type="primary" block className="consult-page__preview-button" loading={busy} onClick={() => void showRouting()}>
          先看看会交给谁
        </Button>
        <Button block className="consult-page__send-button" disabled>
          发送给片儿警（即将开放）
        </Button>
      </View>

      {preview && (
        <View className="consult-page__result">
          <RoutingPreview preview={preview} />
        </View>
      )}
    </View>
  );
}

export default function ConsultPage() {
  const me = useAction(actions.account.me, {}, { pullDownRefresh: true, isEmpty: () => false });
  useHomeCommunityChanged(me.setData);

  return (
    <View className="consult-page">
      <EmergencyBar />
      <View className="page">
        <Text className="page-title">问问您的片儿警</Text>
        <Text className="page-intro">不用知道片儿警是谁：写下您的问题，我们按您住的社区交给负责的社区民警，由他本人回复。</Text>

        <PageState status={me.status} error={me.error} onRetry={me.reload} loadingRows={2}>
          {me.data && <WhoAnswers me={me.data} />}
        </PageState>

        <Composer />

        <NoticeCard title="发送功能正在建设中" tone="building">
          <Text>现在可以先看看问题会交给谁。建好后可以发送问题、拍照片，片儿警回复时这里会实时显示。现在有事请拨打派出所电话；紧急情况请直接拨打 110。</Text>
        </NoticeCard>
      </View>
    </View>
  );
}
