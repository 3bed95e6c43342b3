/**
 * What a deployment is configured with, in one place: the CloudBase environment, the
 * subscribe-message template ids WeChat assigned to this AppID, and the secrets. `npm run deploy`
 * validates it and hands each function the settings it needs as environment variables; the
 * functions refuse to run in production without them (platform/cloud/settings.ts); the weapp
 * build embeds the environment id and template ids (config/index.ts).
 *
 * It lives in config/ because Taro's config loader (config/index.ts) compiles only this folder;
 * no imports, so the functions' bundles and the deploy tool can read it as well.
 */

/** A cloud function's folder name under cloudfunctions/. */
export type DeployedFunction = string;

export interface TemplateSetting {
  /** The name the code uses for the template (in domain/…); local mode sends under this name. */
  logical: string;
  /** The environment variable holding the template id from the WeChat admin console (订阅消息). */
  env: string;
  purpose: string;
  usedBy: DeployedFunction[];
}

export interface SecretSetting {
  env: string;
  purpose: string;
  usedBy: DeployedFunction[];
  minLength: number;
}

/** Every subscribe-message template the app asks for and sends; a test holds this list to the domain's. */
export const TEMPLATE_SETTINGS: readonly TemplateSetting[] = [
  { logical: 'tmpl-fraud-alert', env: 'TEMPLATE_FRAUD_ALERT', purpose: '紧急反诈预警', usedBy: ['feed'] },
  { logical: 'tmpl-booking-reminder', env: 'TEMPLATE_BOOKING_REMINDER', purpose: '预约提醒（前一天）', usedBy: ['booking'] },
  { logical: 'tmpl-booking-reminder-hour', env: 'TEMPLATE_BOOKING_REMINDER_HOUR', purpose: '预约提醒（开始前1小时）', usedBy: ['booking'] },
  // station too: saving a hall's settings tells the residents booked into a window that closes (station/hall-settings.ts).
  { logical: 'tmpl-booking-slot-closed', env: 'TEMPLATE_BOOKING_SLOT_CLOSED', purpose: '预约时段停办', usedBy: ['booking', 'station'] },
  { logical: 'tmpl-booking-waitlist-offer', env: 'TEMPLATE_BOOKING_WAITLIST_OFFER', purpose: '候补到位', usedBy: ['booking'] },
  { logical: 'tmpl-consult-new', env: 'TEMPLATE_CONSULT_NEW', purpose: '民警：新的提问', usedBy: ['consult'] },
  { logical: 'tmpl-consult-reply', env: 'TEMPLATE_CONSULT_REPLY', purpose: '居民：民警已回复', usedBy: ['consult'] },
  { logical: 'tmpl-mediation-session', env: 'TEMPLATE_MEDIATION_SESSION', purpose: '受邀人：圆桌调解会邀请与前一天提醒', usedBy: ['mediation'] },
  { logical: 'tmpl-mediation-update', env: 'TEMPLATE_MEDIATION_UPDATE', purpose: '当事人与民警：调解申请、协议待确认、案件进展', usedBy: ['mediation'] },
  { logical: 'tmpl-mediation-followup', env: 'TEMPLATE_MEDIATION_FOLLOWUP', purpose: '民警：回访到期', usedBy: ['mediation'] },
];

export const SECRET_SETTINGS: readonly SecretSetting[] = [
  {
    env: 'BOOKING_SECRET',
    purpose: 'keys person keys and check-in codes, seals family members’ ID and phone numbers',
    usedBy: ['booking'],
    minLength: 32,
  },
  {
    env: 'BOOTSTRAP_SECRET',
    purpose: 'derives the one-time first-admin code (npm run deploy prints it) that makes the first district admin',
    usedBy: ['account'],
    minLength: 24,
  },
  {
    env: 'UPLOAD_RECEIPT_SECRET',
    purpose: 'signs the receipt the media function gives for each upload, so a message proves its photos are the sender’s own without a read',
    usedBy: ['media', 'consult'],
    minLength: 32,
  },
];

export const ENV_ID_VARIABLE = 'CLOUD_ENV_ID';

type Env = Record<string, string | undefined>;

const present = (env: Env, name: string) => (env[name] ?? '').trim();

/**
 * The district bureau (分局) this deployment serves: created with its first admin
 * (cloudfunctions/account/first-admin.ts); stations, communities and officers are then set up in
 * the app by its own people. One district is given as DISTRICT_ID, DISTRICT_NAME and
 * DISTRICT_CITY; a city bureau deploying for several of its 分局 lists them in DISTRICTS instead
 * (`id:name:city`, comma-separated), and each gets its own one-time first-admin code.
 */
export const DISTRICT_SETTINGS = [
  { env: 'DISTRICT_ID', purpose: 'the district’s id, e.g. gongshu', pattern: /^[a-z][a-z0-9-]{1,39}$/ },
  { env: 'DISTRICT_NAME', purpose: 'its name, e.g. 拱墅区公安分局', pattern: /^[^:,]{2,30}$/u },
  { env: 'DISTRICT_CITY', purpose: 'its city, e.g. 杭州', pattern: /^[^:,]{2,20}$/u },
] as const;

export const DISTRICTS_VARIABLE = 'DISTRICTS';
/** More would make the variable unwieldy; a province deploys per city. */
export const MAX_DISTRICTS = 30;

export interface DeploymentDistrict {
  id: string;
  name: string;
  city: string;
}

type DistrictsResult = { ok: true; districts: DeploymentDistrict[] } | { ok: false; problems: string[] };

const districtProblems = (district: DeploymentDistrict, where: string): string[] => {
  const problems: string[] = [];
  const [idSetting, nameSetting, citySetting] = DISTRICT_SETTINGS;
  if (!idSetting.pattern.test(district.id)) problems.push(`${where}: id "${district.id}" is not valid (${idSetting.purpose})`);
  if (!nameSetting.pattern.test(district.name)) problems.push(`${where}: name "${district.name}" is not valid (${nameSetting.purpose})`);
  if (!citySetting.pattern.test(district.city)) problems.push(`${where}: city "${district.city}" is not valid (${citySetting.purpose})`);
  return problems;
};

/** The districts a configuration names: DISTRICTS, or the single DISTRICT_ID/NAME/CITY — exactly one of the two. */
export function readDistricts(env: Env): DistrictsResult {
  const list = present(env, DISTRICTS_VARIABLE);
  const single = DISTRICT_SETTINGS.filter((setting) => present(env, setting.env));
  if (list && single.length > 0) return { ok: false, problems: [`give either ${DISTRICTS_VARIABLE} or ${DISTRICT_SETTINGS.map((setting) => setting.env).join('/')}, not both`] };
  if (!list) {
    const problems: string[] = [];
    for (const setting of DISTRICT_SETTINGS) {
      const value = present(env, setting.env);
      if (!value) problems.push(`${setting.env} is missing (${setting.purpose}; or list several districts in ${DISTRICTS_VARIABLE} as id:name:city,…)`);
      else if (!setting.pattern.test(value)) problems.push(`${setting.env} "${value}" is not valid (${setting.purpose})`);
    }
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, districts: [{ id: present(env, 'DISTRICT_ID'), name: present(env, 'DISTRICT_NAME'), city: present(env, 'DISTRICT_CITY') }] };
  }
  const entries = list.split(',').map((entry) => entry.trim());
  const problems: string[] = [];
  const districts: DeploymentDistrict[] = [];
  for (const [index, entry] of entries.entries()) {
    const fields = entry.split(':').map((field) => field.trim());
    const where = `${DISTRICTS_VARIABLE} entry ${index + 1} "${entry}"`;
    if (fields.length !== 3) {
      problems.push(`${where} is not id:name:city`);
      continue;
    }
    const [id = '', name = '', city = ''] = fields;
    problems.push(...districtProblems({ id, name, city }, where));
    districts.push({ id, name, city });
  }
  if (entries.length > MAX_DISTRICTS) problems.push(`${DISTRICTS_VARIABLE} lists ${entries.length} districts; at most ${MAX_DISTRICTS}`);
  const ids = districts.map((district) => district.id);
  const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
  if (repeated.length > 0) problems.push(`${DISTRICTS_VARIABLE} names a district twice: ${[...new Set(repeated)].join(', ')}`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, districts };
}

/** The variables that hand a function the districts (what readDistricts reads back). */
export const districtsVariable = (districts: readonly DeploymentDistrict[]): Record<string, string> => ({
  [DISTRICTS_VARIABLE]: districts.map((district) => `${district.id}:${district.name}:${district.city}`).join(','),
});

export interface FunctionSettings {
  secrets: readonly SecretSetting[];
  templates: readonly TemplateSetting[];
}

/** The settings one function needs, as environment variable names. */
export function settingsOf(fn: DeployedFunction): { secrets: SecretSetting[]; templates: TemplateSetting[] } {
  return {
    secrets: SECRET_SETTINGS.filter((setting) => setting.usedBy.includes(fn)),
    templates: TEMPLATE_SETTINGS.filter((setting) => setting.usedBy.includes(fn)),
  };
}

/** What is wrong with one function's settings in this environment: one line per problem, naming the variable. */
export function problemsOf(fn: DeployedFunction, env: Env): string[] {
  return problemsIn(settingsOf(fn), env);
}

/** The same for settings already chosen (a function's bundle holds only its own: platform/cloud/function-settings.ts). */
export function problemsIn({ secrets, templates }: FunctionSettings, env: Env): string[] {
  const problems: string[] = [];
  for (const secret of secrets) {
    const value = present(env, secret.env);
    if (!value) problems.push(`${secret.env} is missing (${secret.purpose})`);
    else if (value.length < secret.minLength) problems.push(`${secret.env} is shorter than ${secret.minLength} characters`);
  }
  for (const template of templates) {
    if (!present(env, template.env)) problems.push(`${template.env} is missing (subscribe-message template id for ${template.purpose})`);
  }
  return problems;
}

/** A deployment's whole configuration, validated. */
export interface DeploymentConfig {
  envId: string;
  /** Template ids by logical name. */
  templateIds: Record<string, string>;
  /** Secret values by variable name. */
  secrets: Record<string, string>;
  /** The districts it serves (one, or several for a city bureau), each made with its own first admin. */
  districts: DeploymentDistrict[];
}

export type ConfigResult = { ok: true; config: DeploymentConfig } | { ok: false; problems: string[] };

const ENV_ID_PATTERN = /^[a-z][a-z0-9-]{3,48}[a-z0-9]$/;
/** WeChat's template ids are 43 url-safe base64 characters, e.g. `lKnU0V3w…`. */
const TEMPLATE_ID_PATTERN = /^[A-Za-z0-9_-]{20,64}$/;

/** Reads and checks the deployment configuration from environment variables (`npm run deploy`, the weapp build). */
export function readDeploymentConfig(env: Env, options: { secrets: boolean } = { secrets: true }): ConfigResult {
  const problems: string[] = [];
  const envId = present(env, ENV_ID_VARIABLE);
  if (!envId) problems.push(`${ENV_ID_VARIABLE} is missing (the CloudBase environment id, e.g. fengqiao-prod-1a2b3c)`);
  else if (!ENV_ID_PATTERN.test(envId)) problems.push(`${ENV_ID_VARIABLE} "${envId}" does not look like a CloudBase environment id`);

  const templateIds: Record<string, string> = {};
  for (const template of TEMPLATE_SETTINGS) {
    const value = present(env, template.env);
    if (!value) problems.push(`${template.env} is missing (subscribe-message template id for ${template.purpose})`);
    else if (!TEMPLATE_ID_PATTERN.test(value)) problems.push(`${template.env} "${value}" does not look like a WeChat template id`);
    else templateIds[template.logical] = value;
  }
  const duplicated = Object.values(templateIds).filter((id, index, all) => all.indexOf(id) !== index);
  if (duplicated.length > 0) problems.push(`one template id is given for two purposes: ${[...new Set(duplicated)].join(', ')}`);

  const districts = readDistricts(env);
  if (!districts.ok) problems.push(...districts.problems);

  const secrets: Record<string, string> = {};
  if (options.secrets) {
    for (const secret of SECRET_SETTINGS) {
      const value = present(env, secret.env);
      if (!value) problems.push(`${secret.env} is missing (${secret.purpose}); make one with: openssl rand -base64 48`);
      else if (value.length < secret.minLength) problems.push(`${secret.env} is shorter than ${secret.minLength} characters`);
      else secrets[secret.env] = value;
    }
  }
  return problems.length > 0 || !districts.ok ? { ok: false, problems } : { ok: true, config: { envId, templateIds, secrets, districts: districts.districts } };
}

/** The environment variables a deployed function gets: only the settings it uses. */
export function functionEnvironment(fn: DeployedFunction, config: DeploymentConfig): Record<string, string> {
  const { secrets, templates } = settingsOf(fn);
  const variables: Record<string, string> = {};
  for (const secret of secrets) {
    const value = config.secrets[secret.env];
    if (value !== undefined) variables[secret.env] = value;
  }
  for (const template of templates) {
    const value = config.templateIds[template.logical];
    if (value !== undefined) variables[template.env] = value;
  }
  // The account function makes each district with its first admin.
  if (fn === 'account') Object.assign(variables, districtsVariable(config.districts));
  return variables;
}

/**
 * What the weapp build embeds from the deployment configuration: the CloudBase environment and
 * the subscribe-message template ids. A production weapp build refuses to go without them — it
 * would talk to whichever environment the AppID defaults to and ask for templates that do not
 * exist. Builds that only check or measure the package (`FQ_WEAPP_CHECK_ONLY=1`, set by
 * scripts/check-weapp.mjs) embed the templates' code names instead.
 */
export function weappDeployment(platform: string, env: Env): { envId: string; templateIds: Record<string, string> } {
  const codeNames = Object.fromEntries(TEMPLATE_SETTINGS.map((template) => [template.logical, template.logical]));
  const production = platform === 'weapp' && env.NODE_ENV !== 'development';
  if (!production || env.FQ_WEAPP_CHECK_ONLY === '1') return { envId: env[ENV_ID_VARIABLE] ?? '', templateIds: codeNames };
  const result = readDeploymentConfig(env, { secrets: false });
  if (!result.ok) {
    throw new Error(`A production weapp build needs the deployment configuration (README: Deploy to CloudBase):\n  ${result.problems.join('\n  ')}`);
  }
  return { envId: result.config.envId, templateIds: result.config.templateIds };
}
