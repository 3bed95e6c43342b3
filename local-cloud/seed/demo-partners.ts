/**
 * 警银联动 in the demo, set up the way a station does it: 康桥派出所's anti-fraud officer adds the
 * branch where 吴大妈's 9万元 was saved and invites its clerk, who joins with the code — all through
 * the account function's own actions (nothing written straight into collections).
 */
import { accountActions } from '@domain/actions/account';
import type { ActionDefinition, InputOf, OutputOf } from '@domain/actions/define';
import type { ActionResult } from '@domain/result';
import { invokeLocalFunction } from '../functions';
import { localCloudState } from '../wx-server-sdk/state';
import { DEMO_PERSONAS } from './demo-data';

const openidOf = (key: string): string => {
  const persona = DEMO_PERSONAS.find((candidate) => candidate.key === key);
  if (!persona) throw new Error(`demo partners: no persona ${key}`);
  return persona.openid;
};

async function call<A extends ActionDefinition>(openid: string, definition: A, input: InputOf<A>): Promise<OutputOf<A>> {
  const result = (await invokeLocalFunction(definition.fn, { action: definition.name, input }, { openid, envId: localCloudState().envId })) as ActionResult<OutputOf<A>>;
  if (!result.ok) throw new Error(`demo partners: ${definition.fn}.${definition.name} refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

export const DEMO_BANK_BRANCH = { name: '工商银行康桥支行', address: '拱墅区康桥路 16 号' } as const;

export async function loadDemoPartners(): Promise<void> {
  const officer = openidOf('officer-antifraud-kq');
  const branch = await call(officer, accountActions.saveBankBranch, { stationId: 'kangqiao', ...DEMO_BANK_BRANCH });
  const invite = await call(officer, accountActions.createPartnerInvite, { stationId: 'kangqiao', branchId: branch.id, validHours: 72, note: '柜台主管' });
  await call(openidOf('partner-bank-kq'), accountActions.redeemInvite, { code: invite.code, name: '刘晓', phone: '0571-88160316' });
}
