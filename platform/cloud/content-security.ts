import { ActionError } from '@domain/errors';
import { cloud } from './wx';

/** msgSecCheck v2 scenes (WeChat docs): 1 profile, 2 comment, 3 forum post, 4 social log. */
export type ContentScene = 1 | 2 | 3 | 4;

interface MsgSecCheckResult {
  errCode?: number;
  result?: { suggest?: 'pass' | 'review' | 'risky'; label?: number };
}

/**
 * Every text a person writes passes WeChat content security before anyone else sees it.
 * Only `pass` goes through: `review` is WeChat saying it is unsure, and an unsure text in a
 * police app is held back, not published.
 */
export async function assertTextIsSafe(openid: string, content: string, scene: ContentScene): Promise<void> {
  if (content.trim() === '') return;
  const response = (await cloud.openapi.security.msgSecCheck({ version: 2, openid, scene, content })) as MsgSecCheckResult;
  if (response.result?.suggest !== 'pass') {
    throw new ActionError('CONTENT_REJECTED', '内容可能含有不当信息，未能发送。请修改后再试');
  }
}
