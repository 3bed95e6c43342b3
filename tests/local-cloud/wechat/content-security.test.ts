import fs from 'node:fs';
import path from 'node:path';
import cloud from 'wx-server-sdk';
import { clearContentSecurityAudit, msgSecCheck, readContentSecurityAudit, WxCloudError } from '@local-cloud/wechat';
import { runInInvocation } from '@local-cloud/wx-server-sdk/invocation';
import { rejection, useTempCloud } from './temp-cloud';

const cloudDir = useTempCloud();
const check = (content: string, extra: Record<string, unknown> = {}) => msgSecCheck({ version: 2, openid: 'o-resident', scene: 2, content, ...extra });

describe('msgSecCheck v2 verdicts', () => {
  it('passes ordinary text with the documented response shape', async () => {
    const response = await check('请问长庆派出所周六可以办理身份证吗？');
    expect(response).toEqual({
      errCode: 0,
      errMsg: 'openapi.security.msgSecCheck:ok',
      result: { suggest: 'pass', label: 100 },
      detail: [{ strategy: 'keyword', errcode: 0, suggest: 'pass', label: 100 }],
      traceId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/),
    });
  });

  it('flags a violation with errCode 0, risky and the label, naming the keyword', async () => {
    const response = await check('高价收购银行卡，跑分平台日结');
    expect(response.errCode).toBe(0);
    expect(response.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(response.detail).toContainEqual({ strategy: 'keyword', errcode: 0, suggest: 'risky', label: 20006, keyword: '收购银行卡' });
  });

  it.each([
    ['spaces and punctuation between characters', '冰 毒·出 售，量大从优', 20006],
    ['full-width letters and capitals', '你就是个ＮＭＳＬ', 20003],
    ['zero-width characters', '约\u200b炮吗', 20002],
    ['emoji in between', '刷🔥单🔥日🔥结', 20008],
  ])('sees through %s', async (_how, content, label) => {
    expect((await check(content)).result).toEqual({ suggest: 'risky', label });
  });

  it('answers review for words WeChat is unsure about', async () => {
    expect((await check('有事加我微信详聊')).result).toEqual({ suggest: 'review', label: 10001 });
  });

  it('lets risky decide when a text also has review words, and lists every hit', async () => {
    const response = await check('加我微信，带你上网赌平台');
    expect(response.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(response.detail.map((item) => item.keyword).sort()).toEqual(['加我微信', '网赌平台'].sort());
  });

  it.each([
    '楼下有人聚众赌博，吵得睡不着，请民警来看看',
    '警惕刷单返利诈骗：所谓日结佣金都是骗局，公检法不会要求转账到安全账户',
    '我儿子好像沉迷网赌，欠了很多钱，该怎么办？',
    '邻居家深夜经常有陌生人进出，怀疑有人吸毒',
  ])('passes what residents and officers really write: %s', async (content) => {
    expect((await check(content)).result.suggest).toBe('pass');
  });

  it('checks title and nickname too, and the signature only in the profile scene', async () => {
    expect((await check('正文没问题', { title: '办假证找我' })).result.suggest).toBe('risky');
    expect((await check('正文没问题', { nickname: '傻逼一个' })).result.suggest).toBe('risky');
    expect((await check('正文没问题', { scene: 2, signature: '办假证' })).result.suggest).toBe('pass');
    expect((await check('正文没问题', { scene: 1, signature: '办假证' })).result.suggest).toBe('risky');
  });

  it('is what the local wx-server-sdk exposes as cloud.openapi.security.msgSecCheck', async () => {
    const response = await cloud.openapi.security.msgSecCheck({ version: 2, openid: 'o1', scene: 3, content: '代开发票' });
    expect(response.result).toEqual({ suggest: 'risky', label: 20006 });
  });
});

describe('msgSecCheck request errors (thrown like wx-server-sdk openapi errors)', () => {
  it.each([
    ['version other than 2', { version: 1 }, 47001],
    ['missing openid', { openid: undefined }, 40003],
    ['blank openid', { openid: '  ' }, 40003],
    ['scene 0', { scene: 0 }, 40129],
    ['scene 5', { scene: 5 }, 40129],
    ['missing content', { content: undefined }, 44002],
    ['content that is not text', { content: 42 }, 47001],
    ['content over 2500 characters', { content: '好'.repeat(2501) }, 47001],
    ['a title that is not text', { title: 7 }, 47001],
  ])('refuses %s', async (_what, change, errCode) => {
    const error = await rejection(msgSecCheck({ version: 2, openid: 'o1', scene: 2, content: '你好', ...change } as never));
    expect(error).toBeInstanceOf(WxCloudError);
    expect(error.errCode).toBe(errCode);
    expect(error.errMsg).toMatch(/^openapi\.security\.msgSecCheck:fail .+ rid: [0-9a-f-]+$/);
    expect(error.message).toContain(`errCode: ${errCode}`);
  });

  it('accepts exactly 2500 characters (counted as characters, not UTF-16 units)', async () => {
    await expect(check('好'.repeat(2500))).resolves.toMatchObject({ errCode: 0 });
    await expect(check('😀'.repeat(2500))).resolves.toMatchObject({ errCode: 0 });
  });
});

describe('the content-security audit list', () => {
  it('records every check with who asked, persisted in the data directory', async () => {
    await runInInvocation({ OPENID: 'o-officer', ENV: 'test-env', SOURCE: 'wx_client', REQUEST_ID: 'req-1' }, () =>
      msgSecCheck({ version: 2, openid: 'o-officer', scene: 3, content: '出售枪支' }),
    );
    await rejection(check('你好', { scene: 9 }));
    await check('一切正常');

    const entries = readContentSecurityAudit();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ openid: 'o-officer', scene: 3, suggest: 'risky', label: 20006, keywords: ['出售枪支'], excerpt: '出售枪支', callerOpenid: 'o-officer', requestId: 'req-1', source: 'wx_client' });
    expect(entries[1]).toMatchObject({ openid: 'o-resident', errCode: 40129 });
    expect(entries[2]).toMatchObject({ suggest: 'pass', label: 100, keywords: [] });
    expect(entries[2]?.callerOpenid).toBeUndefined();
    expect(fs.readFileSync(path.join(cloudDir.dataDir, 'content-security.jsonl'), 'utf8').trim().split('\n')).toHaveLength(3);

    clearContentSecurityAudit();
    expect(readContentSecurityAudit()).toEqual([]);
  });

  it('keeps only an excerpt of long texts', async () => {
    await check('长'.repeat(2000));
    expect([...(readContentSecurityAudit()[0]?.excerpt ?? '')].length).toBe(120);
  });
});
