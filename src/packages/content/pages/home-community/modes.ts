/** The three ways to say where one lives; the same words the cloud records as `via`. */
export const BIND_MODES = ['list', 'address', 'location'] as const;
export type BindMode = (typeof BIND_MODES)[number];

export const BIND_MODE_LABELS: Record<BindMode, { title: string; hint: string }> = {
  list: { title: '从列表选', hint: '按名字找' },
  address: { title: '输入地址', hint: '写楼号' },
  location: { title: '发送位置', hint: '在家时用' },
};
