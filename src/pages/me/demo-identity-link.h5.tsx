import { EntryRow } from '@/components/entry-row';
import { SIGN_IN_PATH } from '@/platform/cloud-transport.h5';

/** Local mode only: back to the local cloud's sign-in page to pick another demo persona. */
export function DemoIdentityLink() {
  function switchIdentity() {
    const next = window.location.pathname + window.location.hash;
    window.location.assign(`${SIGN_IN_PATH}?next=${encodeURIComponent(next)}`);
  }
  return <EntryRow title="切换演示身份" description="本地模式：换成居民、民警或管理员看看" onClick={switchIdentity} />;
}
