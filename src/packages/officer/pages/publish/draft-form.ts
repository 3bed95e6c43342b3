import type { ArticleDraft } from '@domain/actions/feed';

/** What the form holds: long texts as typed (one paragraph / point per line), pictures with a preview. */
export interface DraftFormState {
  kind: ArticleDraft['kind'];
  title: string;
  summary: string;
  bodyText: string;
  tipsText: string;
  fraudTypes: ArticleDraft['fraudTypes'];
  audiences: ArticleDraft['audiences'];
  scope: ArticleDraft['target']['scope'];
  communityIds: string[];
  urgent: boolean;
  pinHours: number;
  images: { fileId: string; preview?: string }[];
}

export const EMPTY_DRAFT: DraftFormState = {
  kind: 'alert',
  title: '',
  summary: '',
  bodyText: '',
  tipsText: '',
  fraudTypes: [],
  // Nothing pre-ticked: a tap meant to choose 老年人 must not take it away.
  audiences: [],
  scope: 'station',
  communityIds: [],
  urgent: false,
  pinHours: 72,
  images: [],
};

const lines = (text: string) =>
  text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean);

export function draftFromForm(form: DraftFormState): ArticleDraft {
  return {
    kind: form.kind,
    title: form.title,
    summary: form.summary,
    body: lines(form.bodyText),
    tips: lines(form.tipsText),
    fraudTypes: form.fraudTypes,
    audiences: form.audiences,
    target: form.scope === 'communities' ? { scope: 'communities', communityIds: form.communityIds } : { scope: form.scope },
    urgent: form.urgent,
    ...(form.urgent ? { pinHours: form.pinHours } : {}),
    images: form.images.map((image) => image.fileId),
  };
}

export function formFromDraft(draft: ArticleDraft): DraftFormState {
  return {
    kind: draft.kind,
    title: draft.title,
    summary: draft.summary,
    bodyText: draft.body.join('\n'),
    tipsText: draft.tips.join('\n'),
    fraudTypes: [...draft.fraudTypes],
    audiences: [...draft.audiences],
    scope: draft.target.scope,
    communityIds: draft.target.scope === 'communities' ? [...draft.target.communityIds] : [],
    urgent: draft.urgent,
    pinHours: draft.pinHours ?? 72,
    images: draft.images.map((fileId) => ({ fileId })),
  };
}

export const toggled = <T>(list: readonly T[], item: T): T[] => (list.includes(item) ? list.filter((value) => value !== item) : [...list, item]);
