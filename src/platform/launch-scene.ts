import Taro from '@tarojs/taro';

/** WeChat's scene for a mini-program page opened from 朋友圈 (single-page mode). */
export const TIMELINE_SINGLE_PAGE_SCENE = 1154;

/**
 * weapp: opened from a 朋友圈 post, the page runs in single-page mode — no identity, no tab bar,
 * no navigation; WeChat draws a 「前往小程序」 bar at the bottom that opens the full mini-program.
 */
export function opensInSinglePageMode(): boolean {
  try {
    return Taro.getEnterOptionsSync().scene === TIMELINE_SINGLE_PAGE_SCENE || Taro.getLaunchOptionsSync().scene === TIMELINE_SINGLE_PAGE_SCENE;
  } catch {
    return false;
  }
}
