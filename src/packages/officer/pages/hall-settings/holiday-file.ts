/**
 * Reads a year's holidays from the file an admin picks: one day per line, "2026-10-01 国庆节", or
 * "2026-10-10 调休上班" for a make-up working day (调休); a JSON list of {day, name} works too.
 */
export interface HolidayFile {
  holidays: { day: string; name: string }[];
  makeUpWorkdays: string[];
  skipped: number;
}

const DAY = /(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/;
const pad = (n: string) => n.padStart(2, '0');

export function readHolidayFile(text: string): HolidayFile {
  const result: HolidayFile = { holidays: [], makeUpWorkdays: [], skipped: 0 };
  let entries: { day: string; name: string }[] = [];
  try {
    const json = JSON.parse(text) as unknown;
    if (Array.isArray(json)) entries = json.map((item) => ({ day: String((item as { day?: unknown }).day ?? ''), name: String((item as { name?: unknown }).name ?? '') }));
  } catch {
    entries = text.split(/\r?\n/).filter((line) => line.trim()).map((line) => ({ day: line, name: line.replace(DAY, '').replace(/^[\s,，:：]+/, '').trim() }));
  }
  for (const entry of entries) {
    const match = DAY.exec(entry.day);
    if (!match) {
      result.skipped += 1;
      continue;
    }
    const day = `${match[1]}-${pad(match[2]!)}-${pad(match[3]!)}`;
    if (/上班|调休/.test(entry.name)) result.makeUpWorkdays.push(day);
    else result.holidays.push({ day, name: (entry.name || '节假日').slice(0, 10) });
  }
  return result;
}
