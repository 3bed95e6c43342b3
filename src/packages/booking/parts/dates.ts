const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'] as const;

/** 'YYYY-MM-DD' → its weekday, whatever the phone's time zone (the day is already a Shanghai day). */
export function weekdayOf(day: string): string {
  return `周${WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? ''}`;
}

/** '2026-11-24' → '11月24日' */
export function monthDay(day: string): string {
  const [, month, date] = day.split('-');
  return `${Number(month)}月${Number(date)}日`;
}

/** '2026-11-24' → '11月24日 周二' */
export const dayLabel = (day: string): string => `${monthDay(day)} ${weekdayOf(day)}`;
