/**
 * WeChat's rules for subscribe-message values (订阅消息 参数值内容限制), applied before a message
 * is sent: a value WeChat would refuse (errcode 47003) loses the whole message, so each value is
 * fitted to its keyword's type here or the send is refused with a reason that names the field.
 *
 * A keyword's type is its name without the number: `thing1` is a thing, `time2` a time.
 * Times are always written in Beijing time: cloud functions run in UTC.
 */

export type MessageFieldType = 'thing' | 'time' | 'date' | 'phrase' | 'number' | 'character_string' | 'name' | 'phone_number' | 'amount' | 'letter';

/** Characters, not UTF-16 units: "𠮷" is one. */
const characters = (text: string) => Array.from(text);

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** 'YYYY-MM-DD HH:mm' in Beijing time — what a time keyword shows a resident. */
export function beijingClock(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** 'YYYY-MM-DD' in Beijing time. */
export const beijingDate = (at: Date): string => beijingClock(at).slice(0, 10);

export const fieldType = (key: string): string => key.replace(/\d+$/, '');

export class MessageFieldError extends Error {
  constructor(
    readonly key: string,
    readonly problem: string,
  ) {
    super(`subscribe message field ${key}: ${problem}`);
    this.name = 'MessageFieldError';
  }
}

const LIMITS = { thing: 20, phrase: 5, number: 32, character_string: 32, letter: 32, name: 10, phone_number: 17 } as const;

const TIME_RE = /^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d(~\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d)?$|^([01]\d|2[0-3]):[0-5]\d$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}( ([01]\d|2[0-3]):[0-5]\d)?$/;

/** Shortens free text to a thing's 20 characters, marking the cut. */
export function fitThing(text: string, max: number = LIMITS.thing): string {
  const chars = characters(text.replace(/\s+/g, ' ').trim());
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

/**
 * One field's value, as WeChat will accept it: a Date for time/date keywords (written in Beijing
 * time), text for the others. Text that cannot be fitted without changing its meaning (a phrase
 * over 5 characters, a number with letters) throws MessageFieldError naming the field.
 */
export function fieldValue(key: string, value: string | Date): string {
  const type = fieldType(key);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new MessageFieldError(key, 'invalid date');
    if (type === 'time') return beijingClock(value);
    if (type === 'date') return beijingDate(value);
    throw new MessageFieldError(key, `a date given to a ${type} field`);
  }
  const text = value.trim();
  if (!text) throw new MessageFieldError(key, 'is empty');
  switch (type) {
    case 'thing':
      return fitThing(text);
    case 'time':
      if (!TIME_RE.test(text)) throw new MessageFieldError(key, `"${text}" is not a Beijing time like 2026-12-05 14:30`);
      return text;
    case 'date':
      if (!DATE_RE.test(text)) throw new MessageFieldError(key, `"${text}" is not a date like 2026-12-05`);
      return text;
    case 'phrase':
      // A phrase is a status word shown as-is ("已受理"): cutting one changes its meaning.
      if (characters(text).length > LIMITS.phrase || !/^\p{Script=Han}+$/u.test(text)) throw new MessageFieldError(key, `phrase "${text}" must be at most 5 Chinese characters`);
      return text;
    case 'number':
      if (text.length > LIMITS.number || !/^\d+(\.\d+)?$/.test(text)) throw new MessageFieldError(key, `"${text}" is not a number`);
      return text;
    case 'character_string':
      if (text.length > LIMITS.character_string || !/^[\x21-\x7e]+$/.test(text)) throw new MessageFieldError(key, `"${text}" is not up to 32 letters, digits or symbols`);
      return text;
    case 'letter':
      if (text.length > LIMITS.letter || !/^[A-Za-z]+$/.test(text)) throw new MessageFieldError(key, `"${text}" is not letters only`);
      return text;
    case 'name':
      return fitThing(text, LIMITS.name);
    case 'phone_number':
      if (text.length > LIMITS.phone_number || !/^[\d+\-()#* ]+$/.test(text)) throw new MessageFieldError(key, `"${text}" is not a phone number`);
      return text.replace(/ /g, '');
    case 'amount':
      if (!/^[¥￥]?\d{1,10}(\.\d{1,2})?元?$/u.test(text)) throw new MessageFieldError(key, `"${text}" is not an amount`);
      return text;
    default:
      throw new MessageFieldError(key, `unknown keyword type ${type}`);
  }
}

/** The `data` object subscribeMessage.send takes, every value fitted to its keyword. */
export function messageData(fields: Readonly<Record<string, string | Date>>): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, value] of Object.entries(fields)) data[key] = { value: fieldValue(key, value) };
  return data;
}
