/** WeChat's scene for a mini-program page opened from 朋友圈 (single-page mode). */
export const TIMELINE_SINGLE_PAGE_SCENE = 1154;

/**
 * Local mode (browser): `scene=1154` in the page's query shows what a 朋友圈 reader sees, so the
 * single-page view can be looked at and tested outside WeChat.
 */
export function opensInSinglePageMode(): boolean {
  if (typeof window === 'undefined') return false;
  return /[?&]scene=1154(&|$)/.test(window.location.hash) || /[?&]scene=1154(&|$)/.test(window.location.search);
}
