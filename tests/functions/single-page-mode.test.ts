/**
 * A card opened in 朋友圈's single-page mode (scene 1154) calls the functions without a WeChat
 * identity (no OPENID). It may read the shared article, nothing else; and a timer-shaped event it
 * sends is a call, not a timer run (only WeChat's scheduler, SOURCE wx_trigger, makes those).
 */
import { LOCAL_FUNCTIONS } from '@local-cloud/functions';
import { runInInvocation } from '@local-cloud/wx-server-sdk/invocation';
import { startHarness, type CloudHarness } from '../support/cloud-harness';
import { DEMO_ARTICLE, demoArticleId } from '../support/demo-articles';

let harness: CloudHarness;
/** A district-wide knowledge item the demo publishes (its id is made then). */
let article: string;
beforeAll(async () => {
  harness = await startHarness();
  article = demoArticleId(harness, DEMO_ARTICLE.fakeRefundKnowledge);
});
afterAll(() => harness.close());

/** As the single-page mode calls: from the client, without an OPENID. */
const asVisitor = (event: unknown) =>
  runInInvocation({ ENV: 'test-env', SOURCE: 'wx_client', REQUEST_ID: 'visitor', OPENAPI_PERMISSIONS: LOCAL_FUNCTIONS.feed.config.permissions?.openapi ?? [] }, () =>
    LOCAL_FUNCTIONS.feed.main(event, { request_id: 'visitor' }),
  );

test('a visitor reads the shared article, with nothing about a reader in it', async () => {
  const result = (await asVisitor({ action: 'readSharedArticle', input: { id: article, from: 'community:xly-2' } })) as { ok: true; data: Record<string, unknown> };
  expect(result.ok).toBe(true);
  expect(result.data).toMatchObject({ id: article, body: expect.any(Array), tips: expect.any(Array) });
  expect(result.data).not.toHaveProperty('acknowledged');
  expect(result.data).not.toHaveProperty('shareFrom');
});

test('everything that needs an identity answers UNAUTHENTICATED to a visitor', async () => {
  for (const [action, input] of [
    ['getArticle', { id: article }],
    ['acknowledgeArticle', { id: article }],
    ['listArticles', {}],
  ] as const) {
    expect(await asVisitor({ action, input })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  }
});

test('a timer-shaped event from a visitor is not a timer run', async () => {
  expect(await asVisitor({ Type: 'Timer', TriggerName: 'sendAlertMessages' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(await asVisitor({ action: 'sendAlertMessages', input: {}, Type: 'Timer', TriggerName: 'sendAlertMessages' })).toMatchObject({
    ok: false,
    error: { code: 'UNAUTHENTICATED' },
  });
});
