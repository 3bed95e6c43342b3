/**
 * Measurements taken inside the page (passed to page.evaluate, so they must stay
 * self-contained: no imports, no closures). They look only at what is on screen: Taro's H5
 * router keeps earlier pages in the DOM, hidden.
 */

export interface TextSample {
  text: string;
  fontSize: number;
  lineHeight: number;
  bold: boolean;
  contrast: number;
}

export interface TargetSample {
  label: string;
  width: number;
  height: number;
}

export interface PageMeasurements {
  texts: TextSample[];
  targets: TargetSample[];
  /** Elements that overflow the viewport's width (clipping or sideways scrolling). */
  overflowing: string[];
  /** Pairs of interactive elements whose boxes overlap. */
  overlapping: string[];
}

export function measurePage(): PageMeasurements {
  const visible = (element: Element): boolean => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
      if (node.getAttribute('aria-hidden') === 'true') return false;
    }
    return true;
  };

  const parseColor = (value: string): [number, number, number, number] | null => {
    const inner = /rgba?\(([^)]+)\)/.exec(value)?.[1];
    if (!inner) return null;
    const [r = 0, g = 0, b = 0, a = 1] = inner.split(/[\s,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  };
  const luminance = ([r, g, b]: [number, number, number, number]): number => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  // The first opaque background behind an element (the page background if none). A gradient
  // (NutUI's primary button) counts as its first colour stop.
  const backgroundOf = (element: Element): [number, number, number, number] => {
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      const colour = parseColor(style.backgroundColor);
      if (colour && colour[3] >= 0.95) return colour;
      const stop = style.backgroundImage.includes('gradient') ? parseColor(style.backgroundImage) : null;
      if (stop && stop[3] >= 0.95) return stop;
    }
    return [255, 255, 255, 1];
  };

  const texts: TextSample[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = (node.textContent ?? '').trim();
    const element = node.parentElement;
    if (!text || !element || seen.has(element)) continue;
    seen.add(element);
    if (element.closest('script,style,noscript') || !visible(element)) continue;
    const style = getComputedStyle(element);
    const fg = parseColor(style.color) ?? [0, 0, 0, 1];
    const bg = backgroundOf(element);
    const [l1, l2] = [Math.max(luminance(fg), luminance(bg)), Math.min(luminance(fg), luminance(bg))];
    const fontSize = Number.parseFloat(style.fontSize);
    const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : Number.parseFloat(style.lineHeight);
    texts.push({ text: text.slice(0, 40), fontSize, lineHeight, bold: Number(style.fontWeight) >= 600, contrast: (l1 + 0.05) / (l2 + 0.05) });
  }

  const interactiveSelector = [
    'taro-button-core',
    'button',
    'a[href]',
    'input:not([type=hidden])',
    'textarea',
    '[role=button]',
    '[role=switch]',
    '[role=checkbox]',
    '[role=radio]',
    '[role=link]',
    '[role=tab]',
    '.weui-tabbar__item',
  ].join(',');
  const interactive = Array.from(document.querySelectorAll(interactiveSelector)).filter(visible);
  // A control inside another (an <input> inside Taro's input element) counts once, as the outer one.
  const outermost = interactive.filter((element) => !interactive.some((other) => other !== element && other.contains(element)));
  const describe = (element: Element) =>
    (element.getAttribute('aria-label') || (element as HTMLElement).innerText || element.getAttribute('placeholder') || element.tagName).trim().replace(/\s+/g, ' ').slice(0, 40);
  const targets = outermost.map((element) => {
    const box = element.getBoundingClientRect();
    return { label: describe(element), width: Math.round(box.width), height: Math.round(box.height) };
  });

  const viewportWidth = document.documentElement.clientWidth;
  const overflowing = Array.from(document.querySelectorAll('body *'))
    .filter((element) => visible(element) && element.getBoundingClientRect().right > viewportWidth + 1 && getComputedStyle(element).position !== 'fixed')
    .filter((element) => !element.closest('[class*=scroll], taro-scroll-view-core'))
    .slice(0, 10)
    .map((element) => `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`);

  const overlapping: string[] = [];
  // What of a control shows: its box cut to every scrolling ancestor (a tab page's panel). A control
  // scrolled below the panel's edge sits "under" the tab bar in coordinates only, not on screen.
  const shownBox = (element: Element) => {
    const box = element.getBoundingClientRect();
    let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
    for (let node = element.parentElement; node; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
      const clip = node.getBoundingClientRect();
      [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
    }
    return { left, top, right: Math.max(left, right), bottom: Math.max(top, bottom) };
  };
  // The H5 tab bar sits below the page's scrolling panel, not on top of it: pairs across the two
  // never overlap on screen even where their boxes do (a panel that scrolls with the body). A step's
  // fixed action bar (components/action-bar) is the same: the page scrolls under it, and a spacer as
  // tall as the bar lets every control of the page scroll clear of it.
  const inTabBar = (element: Element) => element.closest('.weui-tabbar, .action-bar') !== null;
  const boxes = outermost.map((element) => ({ label: describe(element), box: shownBox(element), tabBar: inTabBar(element) }));
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const first = boxes[i];
      const second = boxes[j];
      if (!first || !second || first.tabBar !== second.tabBar) continue;
      const [a, b] = [first.box, second.box];
      const overlapX = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const overlapY = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (overlapX > 2 && overlapY > 2) overlapping.push(`${first.label} × ${second.label}`);
    }
  }

  return { texts, targets, overflowing, overlapping };
}
