import { useEffect, useState } from 'react';
import { Image, Text, View } from '@tarojs/components';
import { Textarea } from '@/platform/form-components';
import Taro, { useRouter } from '@tarojs/taro';
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import Input from '@nutui/nutui-react-taro/dist/es/packages/input';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { directoryActions } from '@domain/actions/directory';
import { feedActions } from '@domain/actions/feed';
import { MAX_ARTICLE_IMAGES, SUMMARY_MAX, TITLE_MAX } from '@domain/actions/feed';
import { TARGET_SCOPE_LABELS, type TargetScope } from '@domain/feed-targeting';
import { ARTICLE_KIND_LABELS, ARTICLE_KINDS, AUDIENCE_LABELS, AUDIENCES, FRAUD_TYPES } from '@domain/fraud-types';
import { roleProps } from '@/components/a11y';
import { Chip } from '@/components/chip';
import { FormCard } from '@/components/form-card';
import { FieldError, inputFieldProps, invalidProps } from '@/components/field-error';
import { FormError, fieldMessage } from '@/components/form-error';
import { LengthHint, overLimitMessage } from '@/components/length-hint';
import { PageRoot } from '@/components/page-root';
import { PageState } from '@/components/page-state';
import { useAction } from '@/hooks/use-action';
import { useSubmit } from '@/hooks/use-submit';
import { callAction } from '@/platform/cloud-call';
import { ImageUploadError, uploadImage } from '@/platform/upload-image';
import { officerArticlesPath } from '@/routes';
import { revealFirstError } from '@/utils/reveal';
import { draftFromForm, EMPTY_DRAFT, formFromDraft, toggled, type DraftFormState } from './draft-form';
import { usePublishingStation } from './use-publishing-station';
import './index.scss';

const PIN_CHOICES = [
  { hours: 24, label: '1天' },
  { hours: 72, label: '3天' },
  { hours: 168, label: '7天' },
];

/** The draft's fields the form shows a message beside; each box or group of chips has the id `publish-<field>`. */
const DRAFT_FIELDS = ['title', 'summary', 'body', 'tips', 'fraudTypes', 'audiences', 'target'] as const;
type DraftField = (typeof DRAFT_FIELDS)[number];
const fieldIdOf = (field: DraftField) => `publish-${field}`;

export default function PublishPage() {
  const { params } = useRouter();
  const editingId = params.id;
  const station = usePublishingStation();
  const [form, setForm] = useState<DraftFormState>(EMPTY_DRAFT);
  const [uploading, setUploading] = useState(false);
  const [uploadProblem, setUploadProblem] = useState<string>();
  const set = (changes: Partial<DraftFormState>) => setForm((current) => ({ ...current, ...changes }));

  const stationId = station.stationId;
  const communities = useAction(directoryActions.listCommunities, { stationId: stationId ?? '' }, { enabled: Boolean(stationId) });
  const publish = useSubmit(feedActions.publishArticle);
  const update = useSubmit(feedActions.updateArticle);
  const saving = editingId ? update : publish;
  const [loadError, setLoadError] = useState<string>();

  // Editing: load the item once the station is known.
  useEffect(() => {
    if (!editingId || !stationId) return;
    void callAction(feedActions.getDraft, { stationId, id: editingId }).then((result) => {
      if (result.ok) setForm(formFromDraft(result.data.draft));
      else setLoadError(result.error.message);
    });
  }, [editingId, stationId]);

  const scopes: TargetScope[] = station.isDistrictAdmin ? ['station', 'communities', 'district', 'city'] : ['station', 'communities'];

  const addImages = async () => {
    if (!stationId) return;
    const room = MAX_ARTICLE_IMAGES - form.images.length;
    if (room <= 0) return;
    const chosen = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] }).catch(() => undefined);
    if (!chosen) return;
    setUploading(true);
    setUploadProblem(undefined);
    try {
      const added: DraftFormState['images'] = [];
      for (const path of chosen.tempFilePaths) {
        const { fileId } = await uploadImage(path, 'article');
        added.push({ fileId, preview: path });
      }
      setForm((current) => ({ ...current, images: [...current.images, ...added].slice(0, MAX_ARTICLE_IMAGES) }));
    } catch (problem) {
      setUploadProblem(problem instanceof ImageUploadError ? problem.message : '图片上传失败，请再点一次“添加图片”。');
    } finally {
      setUploading(false);
    }
  };

  const save = async () => {
    if (!stationId) return;
    if (titleOver || summaryOver) {
      revealFirstError();
      return;
    }
    const draft = draftFromForm(form);
    if (editingId) {
      if (await update.submit({ stationId, id: editingId, draft })) void Taro.redirectTo({ url: officerArticlesPath({ saved: true }) });
      return;
    }
    const result = await publish.submit({ stationId, draft });
    if (!result) return;
    // The list says what happened, on the page (a toast would vanish during the redirect).
    void Taro.redirectTo({ url: officerArticlesPath({ notified: result.notified }) });
  };

  const error = saving.error;
  const problem = (field: DraftField) => fieldMessage(error, `draft.${field}`);
  const errorOf = (field: DraftField) => <FieldError fieldId={fieldIdOf(field)} message={problem(field)} />;
  const titleOver = overLimitMessage('标题', form.title, TITLE_MAX);
  const summaryOver = overLimitMessage('摘要', form.summary, SUMMARY_MAX);
  return (
    <PageRoot className="publish-page">
      <PageState status={station.me.status} error={station.me.error} onRetry={station.me.reload} loadingRows={6}>
        <View aria-live="polite">{loadError && <Text className="field-error">{loadError}</Text>}</View>
        {station.isDistrictAdmin && (
          <FormCard title="以哪个派出所的名义">
            <View className="form-card__options">
              {station.stations.map((candidate) => (
                <Chip key={candidate.id} label={candidate.name} selected={candidate.id === stationId} onClick={() => station.setStationId(candidate.id)} />
              ))}
            </View>
            <Text className="form-card__hint">选“全区”“全市”时，发布单位显示为分局。</Text>
          </FormCard>
        )}

        <FormCard title={editingId ? '修改信息' : '新信息'}>
          <Text className="form-card__label">类别</Text>
          <View className="form-card__options">
            {ARTICLE_KINDS.map((kind) => (
              <Chip key={kind} label={ARTICLE_KIND_LABELS[kind]} selected={form.kind === kind} onClick={() => set({ kind })} />
            ))}
          </View>

          <Text className="form-card__label">标题</Text>
          <Input className="form-card__input" value={form.title} placeholder="一句话说清楚，例如：有人冒充燃气公司上门收费" {...inputFieldProps(fieldIdOf('title'), '标题', titleOver ?? problem('title'))} onChange={(title) => set({ title })} />
          <LengthHint text={form.title} max={TITLE_MAX} label="标题" fieldId={fieldIdOf('title')} />
          {!titleOver && errorOf('title')}

          <Text className="form-card__label">摘要</Text>
          <Textarea className="publish-page__textarea publish-page__textarea--short" value={form.summary} {...inputFieldProps(fieldIdOf('summary'), '摘要', summaryOver ?? problem('summary'))} placeholder="在信息流卡片上显示，两三句话" maxlength={-1} onInput={(event) => set({ summary: event.detail.value })} />
          <LengthHint text={form.summary} max={SUMMARY_MAX} label="摘要" fieldId={fieldIdOf('summary')} />
          {!summaryOver && errorOf('summary')}

          <Text className="form-card__label">正文（每段一行）</Text>
          <Textarea className="publish-page__textarea" value={form.bodyText} {...inputFieldProps(fieldIdOf('body'), '正文（每段一行）', problem('body'))} placeholder="发生了什么、骗子怎么说、居民该怎么做" maxlength={5000} onInput={(event) => set({ bodyText: event.detail.value })} />
          <Text className="form-card__hint">一行一段。“## ”开头是小标题，“- ”开头是要点，**两个星号之间**的字加粗标红。</Text>
          {errorOf('body')}

          <Text className="form-card__label">怎样防范（每条一行）</Text>
          <Textarea className="publish-page__textarea publish-page__textarea--short" value={form.tipsText} {...inputFieldProps(fieldIdOf('tips'), '怎样防范（每条一行）', problem('tips'))} placeholder={'例如：\n公检法不会电话办案\n验证码不告诉任何人'} maxlength={1000} onInput={(event) => set({ tipsText: event.detail.value })} />
          {errorOf('tips')}

          <Text className="form-card__label" id="publish-fraud-types-label">诈骗类型（最多3个）</Text>
          <View className="form-card__options" role="group" aria-labelledby="publish-fraud-types-label" {...invalidProps(fieldIdOf('fraudTypes'), problem('fraudTypes'))}>
            {FRAUD_TYPES.map((type) => (
              <Chip key={type.key} label={type.label} selected={form.fraudTypes.includes(type.key)} onClick={() => set({ fraudTypes: toggled(form.fraudTypes, type.key) })} />
            ))}
          </View>
          {errorOf('fraudTypes')}

          <Text className="form-card__label" id="publish-audiences-label">提醒对象</Text>
          <View className="form-card__options" role="group" aria-labelledby="publish-audiences-label" {...invalidProps(fieldIdOf('audiences'), problem('audiences'))}>
            {AUDIENCES.map((audience) => (
              <Chip key={audience} label={AUDIENCE_LABELS[audience]} selected={form.audiences.includes(audience)} onClick={() => set({ audiences: toggled(form.audiences, audience) })} />
            ))}
          </View>
          {errorOf('audiences')}
        </FormCard>

        <FormCard title="发给谁看">
          <View className="form-card__options" role="group" aria-label="发给谁看" {...invalidProps(fieldIdOf('target'), problem('target'))}>
            {scopes.map((scope) => (
              <Chip key={scope} label={TARGET_SCOPE_LABELS[scope]} selected={form.scope === scope} onClick={() => set({ scope })} />
            ))}
          </View>
          {form.scope === 'communities' && (
            <View>
              <Text className="form-card__label">选择社区</Text>
              <View className="form-card__options">
                {(communities.data ?? []).map((community) => (
                  <Chip key={community.id} label={community.name} selected={form.communityIds.includes(community.id)} onClick={() => set({ communityIds: toggled(form.communityIds, community.id) })} />
                ))}
              </View>
            </View>
          )}
          {errorOf('target')}

          <Text className="form-card__label">紧急置顶</Text>
          <View className="form-card__options">
            <Chip label="不置顶" selected={!form.urgent} onClick={() => set({ urgent: false })} />
            {PIN_CHOICES.map((choice) => (
              <Chip key={choice.hours} label={`置顶${choice.label}`} selected={form.urgent && form.pinHours === choice.hours} onClick={() => set({ urgent: true, pinHours: choice.hours })} />
            ))}
          </View>
          {form.urgent && <Text className="form-card__hint">置顶期间显示在居民首页最上方；订阅了提醒的居民会收到微信消息。</Text>}
        </FormCard>

        <FormCard title={`图片（最多${MAX_ARTICLE_IMAGES}张，可不加）`}>
          <View className="publish-page__images">
            {form.images.map((image, index) => (
              <View key={image.fileId} className="publish-page__image">
                {image.preview ? (
                  <Image className="publish-page__image-preview" src={image.preview} mode="aspectFill" {...roleProps('img')} aria-label={`第${index + 1}张图片`} />
                ) : (
                  <Text className="publish-page__image-name">图片{index + 1}</Text>
                )}
                <Text
                  className="publish-page__image-remove"
                  {...roleProps('button')}
                  aria-label={`删除第${index + 1}张图片`}
                  onClick={() => set({ images: form.images.filter((other) => other !== image) })}
                >
                  删除
                </Text>
              </View>
            ))}
          </View>
          <View aria-live="polite">{uploadProblem && <Text className="field-error">{uploadProblem}</Text>}</View>
          {form.images.length < MAX_ARTICLE_IMAGES && (
            <Button block loading={uploading} onClick={() => void addImages()}>
              {uploading ? '正在上传…' : '添加图片'}
            </Button>
          )}
        </FormCard>

        <FormError error={error} shownAtFields={DRAFT_FIELDS.map((field) => `draft.${field}`)} />
        <Button block type="primary" size="large" className="publish-page__submit" loading={saving.pending} disabled={!stationId || uploading} onClick={() => void save()}>
          {editingId ? '保存修改' : '发布'}
        </Button>
        <Text className="form-card__hint">发布前会经过微信内容安全检查。</Text>
      </PageState>
    </PageRoot>
  );
}
