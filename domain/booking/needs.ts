/**
 * What a person needs at the hall, chosen when booking and shown on the officers' roster so the
 * window can be ready (ramp cleared, interpreter called in, someone to guide a blind resident).
 */
import * as v from 'valibot';

export const NEED_KINDS = ['wheelchair', 'signLanguage', 'brailleGuide', 'companion', 'greenChannel'] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const NEED_LABELS: Record<NeedKind, string> = {
  wheelchair: '轮椅/无障碍通道',
  signLanguage: '手语翻译',
  brailleGuide: '盲文资料/引导服务',
  companion: '有家属陪同',
  greenChannel: '绿色通道（优先办理）',
};

/** Reasons offered as one-tap choices; a resident may also write their own. */
export const GREEN_CHANNEL_REASON_PRESETS = ['80岁以上老人', '重病或行动不便', '孕妇', '急需用证（就医、奔丧、考试等）'] as const;

export interface Needs {
  kinds: readonly NeedKind[];
  /** Required with greenChannel. Written by the resident: goes through msgSecCheck before an officer sees it. */
  greenChannelReason?: string;
}

export const NO_NEEDS: Needs = Object.freeze({ kinds: Object.freeze([]) as readonly NeedKind[] });

export const NeedsSchema = v.pipe(
  v.strictObject(
    {
      kinds: v.pipe(
        v.array(v.picklist(NEED_KINDS, '请从列表中选择需要的帮助'), '请从列表中选择需要的帮助'),
        v.transform((kinds) => NEED_KINDS.filter((kind) => kinds.includes(kind))),
      ),
      greenChannelReason: v.optional(
        v.pipe(v.string('请填写需要绿色通道的原因'), v.trim(), v.maxLength(100, '绿色通道的原因不能超过100个字')),
      ),
    },
    '需要的帮助格式不对',
  ),
  v.forward(
    v.check((needs) => !needs.kinds.includes('greenChannel') || (needs.greenChannelReason ?? '').length >= 2, '请简单说明需要绿色通道的原因'),
    ['greenChannelReason'],
  ),
  // A reason without the green channel is dropped, not stored.
  v.transform((needs): Needs => (needs.kinds.includes('greenChannel') ? needs : { kinds: needs.kinds })),
);

/** Labels for the roster, e.g. ['轮椅/无障碍通道', '绿色通道（优先办理）：80岁以上老人']. */
export function needLabels(needs: Needs | undefined): string[] {
  if (!needs) return [];
  return NEED_KINDS.filter((kind) => needs.kinds.includes(kind)).map((kind) =>
    kind === 'greenChannel' && needs.greenChannelReason ? `${NEED_LABELS[kind]}：${needs.greenChannelReason}` : NEED_LABELS[kind],
  );
}
