/** The two mediation stories load through the mediation function's actions and read as told. */
import { mediationActions } from '@domain/actions/mediation';
import { loadDemoMediation } from '@local-cloud/seed/demo-mediation';
import { persona, startHarness, type CloudHarness } from '../support/cloud-harness';
import { ok } from '../support/clocked-harness';

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

test('the heating-pipe case of 西罗园 and the square-dance case of 潮鸣', async () => {
  const started = Date.now();
  expect(await loadDemoMediation(harness.engine, 'test-env')).toBe(true);
  expect(await loadDemoMediation(harness.engine, 'test-env')).toBe(false);
  // The story's clock was put back.
  expect(Math.abs(Date.now() - started)).toBeLessThan(60_000);

  const cheng = persona('officer-duty-xly').openid;
  const [heating] = ok(await harness.call(cheng, mediationActions.listCases, { stationId: 'xiluoyuan', view: 'closed' }));
  const heatingCase = ok(await harness.call(cheng, mediationActions.getCase, { caseId: heating!.id }));
  expect(heatingCase).toMatchObject({ status: 'closed', outcome: 'resolved', communityName: '西罗园第一社区' });
  expect(heatingCase.sessions[0]?.invitations.map((invitation) => invitation.roleLabel)).toEqual(
    expect.arrayContaining(['居委会', '楼门长（8号楼）', '司法员', '居民代表', '律师（丰台区法律援助工作站）', '物业（西罗园物业）', '供暖公司']),
  );
  expect(heatingCase.history.map((entry) => entry.at.slice(0, 10))).toEqual(['2026-08-06', '2026-08-07', '2026-08-08', '2026-08-08', '2026-08-08', '2026-08-15']);

  const jin = persona('officer-beat-cm').openid;
  const [dance] = ok(await harness.call(jin, mediationActions.listCases, { stationId: 'chaoming', view: 'closed' }));
  const danceCase = ok(await harness.call(jin, mediationActions.getCase, { caseId: dance!.id }));
  expect(danceCase.mediators).toEqual(['潮鸣派出所 金警官', '武林派出所 郑警官（协同调解）']);
  expect(danceCase.sessions).toHaveLength(2);
  expect(danceCase.agreement?.terms.join()).toContain('重大考试');
  expect(danceCase.agreement?.confirmations.every((confirmation) => confirmation.via === 'paper')).toBe(true);

  const figures = ok(await harness.call(persona('admin-gongshu').openid, mediationActions.figures, { stationId: 'chaoming', from: '2026-01-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' }));
  expect(figures.station).toMatchObject({ opened: 1, closed: 1, resolved: 1, resolutionRate: 1, settledLocallyRate: 1, holdingRate: 1 });
  expect(figures.station.meanDaysToAgreement).toBeCloseTo(10 - 20.5 / 24 + 12 / 24, 1);
});
