/**
 * The service-hall catalogue: what a resident can book, how long it usually takes, and what to
 * bring. Keys are stable (they are part of slot ids and stored with each booking); labels and
 * checklists are for residents and may be reworded freely.
 */

export const SERVICE_KINDS = [
  'idFirst',
  'idRenewal',
  'idReplacement',
  'hukouTransfer',
  'birthRegistration',
  'passport',
  'hkMacauPermit',
  'taiwanPermit',
  'residencePermit',
  'noCriminalRecord',
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const isServiceKind = (value: unknown): value is ServiceKind => typeof value === 'string' && (SERVICE_KINDS as readonly string[]).includes(value);

/** Which kind of window handles it: 户籍 (household registration) or 出入境 (exit-entry). */
export const SERVICE_DESKS = ['household', 'exitEntry'] as const;
export type ServiceDesk = (typeof SERVICE_DESKS)[number];
export const SERVICE_DESK_LABELS: Record<ServiceDesk, string> = { household: '户籍业务', exitEntry: '出入境业务' };

export interface MaterialItem {
  item: string;
  /** A short explanation shown under the item. */
  note?: string;
  /** Only needed in some cases (the note says which). */
  conditional?: true;
}

export interface ServiceInfo {
  kind: ServiceKind;
  label: string;
  /** One line under the label. */
  summary: string;
  desk: ServiceDesk;
  /** Usual time at the window, minutes; a hall may override it. */
  defaultMinutes: number;
  /** The photo is taken at the window: nothing to bring, and the window needs its camera. */
  onSitePhoto: boolean;
  materials: readonly MaterialItem[];
}

const PHOTO_RECEIPT: MaterialItem = {
  item: '照片回执',
  note: '在有资质的照相馆拍摄后取得的数码照片回执，拍摄后6个月内有效；白色背景、不戴帽子和有色眼镜',
};
const ID_CARD: MaterialItem = { item: '本人居民身份证原件' };
const HUKOU_BOOK: MaterialItem = { item: '居民户口簿原件' };
const GUARDIAN: MaterialItem = {
  item: '监护人居民身份证原件',
  note: '未满16周岁的须由监护人陪同，并带能证明监护关系的户口簿或出生医学证明',
  conditional: true,
};
const EXIT_ENTRY_PHOTO_NOTE: MaterialItem = { item: '无需自备照片', note: '出入境窗口现场免费拍照，请勿化浓妆、勿穿白色上衣' };
const STATE_EMPLOYEE: MaterialItem = {
  item: '单位出具的同意出境意见',
  note: '登记备案的国家工作人员须提供',
  conditional: true,
};

const catalogue: readonly Omit<ServiceInfo, 'label'>[] = [
  {
    kind: 'idFirst',
    summary: '第一次办理居民身份证（含未成年人）',
    desk: 'household',
    defaultMinutes: 15,
    onSitePhoto: false,
    materials: [HUKOU_BOOK, PHOTO_RECEIPT, GUARDIAN],
  },
  {
    kind: 'idRenewal',
    summary: '身份证有效期将满或已过期，换领新证',
    desk: 'household',
    defaultMinutes: 10,
    onSitePhoto: false,
    materials: [{ item: '原居民身份证', note: '到期前3个月内即可申请换领' }, HUKOU_BOOK, PHOTO_RECEIPT],
  },
  {
    kind: 'idReplacement',
    summary: '身份证丢失或损坏，补领新证（现场拍照）',
    desk: 'household',
    defaultMinutes: 15,
    onSitePhoto: true,
    materials: [
      HUKOU_BOOK,
      { item: '无需自备照片', note: '窗口现场拍照，请穿深色有领上衣' },
      { item: '损坏的原身份证', note: '证件损坏换领的请带上原证', conditional: true },
      GUARDIAN,
    ],
  },
  {
    kind: 'hukouTransfer',
    summary: '户口迁入、迁出、市内移居',
    desk: 'household',
    defaultMinutes: 30,
    onSitePhoto: false,
    materials: [
      HUKOU_BOOK,
      ID_CARD,
      { item: '迁入地合法稳定住所证明', note: '房屋不动产权证书、购房合同或单位接收证明等，以落户类型为准' },
      { item: '亲属关系证明', note: '投靠配偶、父母、子女落户的带结婚证或出生医学证明', conditional: true },
      { item: '准予迁入证明或户口迁移证', note: '已实行“跨省通办”的地区无需提供，窗口可查询核对', conditional: true },
    ],
  },
  {
    kind: 'birthRegistration',
    summary: '新生儿报户口',
    desk: 'household',
    defaultMinutes: 20,
    onSitePhoto: false,
    materials: [
      { item: '出生医学证明原件' },
      { item: '父母双方居民户口簿、居民身份证原件' },
      { item: '父母结婚证', note: '非婚生育的按窗口指引提供相关材料', conditional: true },
    ],
  },
  {
    kind: 'passport',
    summary: '护照首次申请、换发、补发',
    desk: 'exitEntry',
    defaultMinutes: 15,
    onSitePhoto: true,
    materials: [ID_CARD, { item: '原护照', note: '换发、补发时带上（遗失的除外）', conditional: true }, EXIT_ENTRY_PHOTO_NOTE, STATE_EMPLOYEE],
  },
  {
    kind: 'hkMacauPermit',
    summary: '港澳通行证办理及签注',
    desk: 'exitEntry',
    defaultMinutes: 10,
    onSitePhoto: true,
    materials: [ID_CARD, { item: '原往来港澳通行证', note: '换发或只办签注时带上', conditional: true }, EXIT_ENTRY_PHOTO_NOTE, STATE_EMPLOYEE],
  },
  {
    kind: 'taiwanPermit',
    summary: '台湾通行证办理及签注',
    desk: 'exitEntry',
    defaultMinutes: 10,
    onSitePhoto: true,
    materials: [ID_CARD, { item: '原往来台湾通行证', note: '换发或只办签注时带上', conditional: true }, EXIT_ENTRY_PHOTO_NOTE, STATE_EMPLOYEE],
  },
  {
    kind: 'residencePermit',
    summary: '外地户籍来本地居住半年以上，申领居住证',
    desk: 'household',
    defaultMinutes: 15,
    onSitePhoto: false,
    materials: [
      ID_CARD,
      { item: '居住地住址证明', note: '房屋不动产权证书或已登记备案的房屋租赁合同' },
      { item: '居住满半年的证明', note: '合法稳定就业、连续就读或社保缴纳证明中的任意一项' },
      PHOTO_RECEIPT,
    ],
  },
  {
    kind: 'noCriminalRecord',
    summary: '用于就业、出国、入学等',
    desk: 'household',
    defaultMinutes: 10,
    onSitePhoto: false,
    materials: [
      ID_CARD,
      { item: '用途说明', note: '写明证明用于哪里（如出国签证、入职）' },
      { item: '委托书和受托人身份证', note: '委托他人代办的需提供', conditional: true },
    ],
  },
];

/**
 * Labels alone, so code that only names a service (a consultation about a booking, a privacy
 * export) carries neither the catalogue nor its checklists.
 */
export const SERVICE_LABELS: Readonly<Record<ServiceKind, string>> = /* @__PURE__ */ Object.freeze({
  idFirst: '身份证首次申领',
  idRenewal: '身份证到期换领',
  idReplacement: '身份证遗失补领',
  hukouTransfer: '户口迁移',
  birthRegistration: '出生登记',
  passport: '普通护照',
  hkMacauPermit: '往来港澳通行证',
  taiwanPermit: '往来台湾通行证',
  residencePermit: '居住证',
  noCriminalRecord: '无犯罪记录证明',
});

const indexCatalogue = (): Readonly<Record<ServiceKind, ServiceInfo>> =>
  Object.freeze(Object.fromEntries(catalogue.map((info) => [info.kind, { ...info, label: SERVICE_LABELS[info.kind] }])) as Record<ServiceKind, ServiceInfo>);

export const SERVICES: Readonly<Record<ServiceKind, ServiceInfo>> = /* @__PURE__ */ indexCatalogue();
