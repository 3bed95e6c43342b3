/**
 * Rasterises the tab-bar glyphs (src/assets/tabbar/*.svg) into the 81×81 PNGs WeChat
 * requires for tabBar icons (it accepts no SVG there). Run once after editing an SVG:
 *   node scripts/render-tab-icons.mjs
 * Needs Debian's chromium at /usr/bin/chromium; playwright-core downloads no browser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const SIZE = 81;
const iconDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/assets/tabbar');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  const svgs = (await readdir(iconDir)).filter((name) => name.endsWith('.svg')).sort();
  for (const name of svgs) {
    const svg = await readFile(path.join(iconDir, name), 'utf8');
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const png = path.join(iconDir, name.replace(/\.svg$/, '.png'));
    await page.locator('svg').screenshot({ path: png, omitBackground: true });
    console.log(`rendered ${path.relative(process.cwd(), png)}`);
  }
} finally {
  await browser.close();
}
