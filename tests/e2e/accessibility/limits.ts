/**
 * The numbers a page is held to (MIIT 2021 elder-friendly rules; px = dp in the H5 build) and the
 * problems a page's measurements show against them, shared by every accessibility browser test.
 */
import type { PageMeasurements } from './measure';

/** Elder-mode numbers from the MIIT 2021 elder-friendly rules (px = dp in the H5 build). */
export const ELDER = { minFont: 18, minLineHeight: 1.3, minTarget: 60, contrast: 4.5, largeContrast: 3 };
export const STANDARD = { minTarget: 44 };

export function elderProblems(measured: PageMeasurements): string[] {
  const problems: string[] = [];
  for (const text of measured.texts) {
    if (text.fontSize < ELDER.minFont) problems.push(`text ${text.fontSize}px < ${ELDER.minFont}: “${text.text}”`);
    if (text.lineHeight / text.fontSize < ELDER.minLineHeight - 0.01) problems.push(`line height ${(text.lineHeight / text.fontSize).toFixed(2)} < ${ELDER.minLineHeight}: “${text.text}”`);
    const large = text.fontSize >= 24 || (text.bold && text.fontSize >= 18.66);
    const needed = large ? ELDER.largeContrast : ELDER.contrast;
    if (text.contrast < needed) problems.push(`contrast ${text.contrast.toFixed(2)} < ${needed}: “${text.text}”`);
  }
  for (const target of measured.targets) {
    if (target.width < ELDER.minTarget || target.height < ELDER.minTarget) problems.push(`target ${target.width}×${target.height} < ${ELDER.minTarget}: ${target.label}`);
  }
  for (const element of measured.overflowing) problems.push(`overflows the screen: ${element}`);
  for (const pair of measured.overlapping) problems.push(`controls overlap: ${pair}`);
  return problems;
}

export function standardProblems(measured: PageMeasurements): string[] {
  return measured.targets
    .filter((target) => target.width < STANDARD.minTarget || target.height < STANDARD.minTarget)
    .map((target) => `target ${target.width}×${target.height} < ${STANDARD.minTarget}: ${target.label}`);
}
