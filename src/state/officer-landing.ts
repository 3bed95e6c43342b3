import Taro from '@tarojs/taro';
import type { accountActions } from '@domain/actions/account';
import { actionRefs } from '@domain/actions/ref';
import { isStaffRole } from '@domain/roles';
import { callAction } from '@/platform/cloud-call';
import { opensInSinglePageMode } from '@/platform/launch-scene';
import { ROUTES } from '@/routes';

const accountAction = actionRefs<typeof accountActions>('account');

const HOME_ROUTE = ROUTES.feed.replace(/^\//, '');

/** Opened from a chat card or a 朋友圈 post: the person came for that content, not for work. */
const SHARED_CONTENT_SCENES = new Set([1007, 1008, 1044, 1154]);

function launchedFromSharedContent(): boolean {
  try {
    return SHARED_CONTENT_SCENES.has(Taro.getLaunchOptionsSync().scene);
  } catch {
    return false;
  }
}

/** True while the only page open is the home tab, opened plainly (no query: not a link to something). */
function onlyTheHomePageIsOpen(): boolean {
  const pages = Taro.getCurrentPages();
  if (pages.length !== 1) return false;
  const [page] = pages;
  const route = (page?.route ?? '').replace(/^\//, '').split('?')[0];
  const query = Object.keys((page as { options?: Record<string, unknown> } | undefined)?.options ?? {}).filter((key) => key !== '$taroTimestamp' && key !== 'stamp');
  return route === HOME_ROUTE && query.length === 0;
}

let decided = false;

/**
 * An officer (or admin) opening the app lands on the workbench, not the resident feed; the
 * workbench's 切换到居民视图 goes back. Decided once per launch, from the account, and only if the
 * home tab is still the only page when the answer comes: whatever the person opened or tapped in
 * the meantime wins, so the landing never pulls anyone away and is the same on every start.
 */
export async function landOfficersOnWorkbench(): Promise<void> {
  if (decided) return;
  decided = true;
  if (opensInSinglePageMode() || launchedFromSharedContent() || !onlyTheHomePageIsOpen()) return;
  const me = await callAction(accountAction('me'), {});
  if (!me.ok || !isStaffRole(me.data.role) || !onlyTheHomePageIsOpen()) return;
  await Taro.navigateTo({ url: ROUTES.officerWorkbench });
}
