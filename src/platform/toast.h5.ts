/**
 * H5: a one-line notice in a polite live region. Taro's H5 showToast would bring its modal,
 * action sheet and icon font into every page's first load for this one line of text.
 */
const NOTICE_CLASS = 'fq-notice';
/** Above the page and the tab bar; the tokens follow 长辈模式 (`.fq-elder` is on <body> too). */
const NOTICE_STYLE = [
  'position:fixed',
  'z-index:5000',
  'bottom:calc(var(--taro-tabbar-height, 50px) + var(--fq-space-xl))',
  'left:50%',
  'transform:translateX(-50%)',
  'box-sizing:border-box',
  'max-width:86%',
  'padding:var(--fq-space-m) var(--fq-space-l)',
  'border-radius:var(--fq-radius-small)',
  'background:rgba(31,35,41,0.92)',
  'color:#ffffff',
  'font-size:var(--fq-font-body)',
  'line-height:var(--fq-line-height)',
  'text-align:center',
].join(';');
let timer: ReturnType<typeof setTimeout> | undefined;

export function showNotice(text: string, durationMs = 2500): void {
  if (typeof document === 'undefined') return;
  let notice = document.querySelector<HTMLElement>(`.${NOTICE_CLASS}`);
  if (!notice) {
    notice = document.createElement('div');
    notice.className = NOTICE_CLASS;
    notice.style.cssText = NOTICE_STYLE;
    notice.setAttribute('role', 'status');
    notice.setAttribute('aria-live', 'polite');
    document.body.appendChild(notice);
  }
  notice.textContent = text;
  notice.hidden = false;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    if (notice) notice.hidden = true;
  }, durationMs);
}
