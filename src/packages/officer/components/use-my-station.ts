import { accountActions } from '@domain/actions/account';
import { useAction } from '@/hooks/use-action';

/** The signed-in officer's account and station, for the station-setup pages. */
export function useMyStation() {
  const me = useAction(accountActions.me, {}, { isEmpty: () => false });
  return { me, stationId: me.data?.station?.id, isAdmin: me.data?.role === 'stationAdmin' || me.data?.role === 'districtAdmin' };
}
