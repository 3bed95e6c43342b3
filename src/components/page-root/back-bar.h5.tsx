import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { roleProps } from '../a11y';
import { ROUTES } from '@/routes';
import './back-bar.scss';

const TAB_PAGES = new Set([ROUTES.feed, ROUTES.booking, ROUTES.consult, ROUTES.me].map((route) => route.replace(/^\//, '')));

/** The page on screen: its route without the leading slash, its title, and how many pages lie under it. */
function whereAmI(): { route: string; depth: number; title?: string } {
  const pages = Taro.getCurrentPages();
  const page = pages[pages.length - 1] as (Taro.Page & { config?: { navigationBarTitleText?: string } }) | undefined;
  const route = (page?.route ?? '').replace(/^\//, '').split('?')[0] ?? '';
  return { route, depth: pages.length, title: page?.config?.navigationBarTitleText };
}

/**
 * H5: the browser has no WeChat title bar, so every page that is not a tab gets one — the page's
 * title and a back button. Opened straight from a shared link there is nothing to go back to: the
 * button then leads to the 反诈 home instead.
 */
export function BackBar() {
  const [place, setPlace] = useState(whereAmI);
  const [title, setTitle] = useState(() => whereAmI().title ?? (typeof document === 'undefined' ? '' : document.title));
  useDidShow(() => {
    const here = whereAmI();
    setPlace(here);
    // The page's own configured title; document.title is set by the router a moment later and,
    // read too early, is still the previous page's (a workbench titled 值班表).
    if (here.title) setTitle(here.title);
    else Taro.nextTick(() => setTitle(document.title));
  });
  if (TAB_PAGES.has(place.route)) return null;
  const canGoBack = place.depth > 1;
  const goBack = () => void (canGoBack ? Taro.navigateBack() : Taro.switchTab({ url: ROUTES.feed }));
  return (
    <View className="back-bar">
      <View className="back-bar__back" {...roleProps('button')} aria-label={canGoBack ? '返回上一页' : '回到首页'} hoverClass="back-bar__back--pressed" onClick={goBack}>
        <Text aria-hidden>‹</Text>
        <Text>{canGoBack ? '返回' : '首页'}</Text>
      </View>
      <Text className="back-bar__title" {...roleProps('heading')} aria-level={1}>
        {title}
      </Text>
    </View>
  );
}
