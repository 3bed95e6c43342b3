import type { IncomingMessage, ServerResponse } from 'node:http';
import rules from '../../cloudbase/database-rules.json';
import type { LocalDatabase } from '../database';

type Rule = { kind: 'deny' } | { kind: 'owner'; field: string } | { kind: 'member'; field: string };

/** The two rule shapes our collections use, parsed from cloudbase/database-rules.json. */
export function parseReadRule(expression: unknown): Rule {
  if (typeof expression !== 'string') return { kind: 'deny' };
  const owner = /^doc\.([A-Za-z_][\w.]*)\s*==\s*auth\.openid$/.exec(expression.trim());
  if (owner?.[1]) return { kind: 'owner', field: owner[1] };
  const member = /^auth\.openid\s+in\s+doc\.([A-Za-z_][\w.]*)$/.exec(expression.trim());
  if (member?.[1]) return { kind: 'member', field: member[1] };
  return { kind: 'deny' };
}

const ruleTable = rules as Record<string, { read?: unknown } | undefined>;
const readRuleOf = (collection: string): Rule => parseReadRule(ruleTable[collection]?.read);

/** WeChat substitutes '{openid}' in client queries with the caller's openid. */
function bindOpenid(where: Record<string, unknown>, openid: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(where).map(([key, value]) => [key, value === '{openid}' ? openid : value]));
}

/**
 * Like CloudBase, a watch is allowed only when its query is a subset of the read rule:
 * the query itself must pin the rule's field to the caller.
 */
export function watchAllowed(rule: Rule, where: Record<string, unknown>, openid: string): boolean {
  if (rule.kind === 'deny') return false;
  return where[rule.field] === openid;
}

const isPlainQuery = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => item === null || ['string', 'number', 'boolean'].includes(typeof item));

/** Server-sent events emulating `collection.where(q).watch()`: an init snapshot, then one per change. */
export function serveWatch(request: IncomingMessage, response: ServerResponse, url: URL, engine: LocalDatabase, openid: string): void {
  const collection = url.searchParams.get('collection') ?? '';
  let where: unknown;
  try {
    where = JSON.parse(url.searchParams.get('where') ?? '{}');
  } catch {
    where = undefined;
  }
  if (!collection || !isPlainQuery(where)) {
    response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errCode: -502001, errMsg: 'invalid watch query' }));
    return;
  }
  const query = bindOpenid(where, openid);
  if (!watchAllowed(readRuleOf(collection), query, openid)) {
    response.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ errCode: -502003, errMsg: 'database permission denied' }));
    return;
  }

  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  let snapshot = new Map(engine.find(collection, query).map((doc) => [String(doc._id), JSON.stringify(doc)]));
  const send = (payload: unknown) => response.write(`data: ${JSON.stringify(payload)}\n\n`);
  send({ type: 'init', docs: engine.find(collection, query), docChanges: [] });

  const unsubscribe = engine.onChange((change) => {
    if (change.collection !== collection) return;
    const docs = engine.find(collection, query);
    const next = new Map(docs.map((doc) => [String(doc._id), JSON.stringify(doc)]));
    const docChanges: { dataType: 'add' | 'update' | 'remove'; docId: string }[] = [];
    for (const [docId, json] of next) {
      const before = snapshot.get(docId);
      if (before === undefined) docChanges.push({ dataType: 'add', docId });
      else if (before !== json) docChanges.push({ dataType: 'update', docId });
    }
    for (const docId of snapshot.keys()) if (!next.has(docId)) docChanges.push({ dataType: 'remove', docId });
    snapshot = next;
    if (docChanges.length) send({ docs, docChanges });
  });
  const heartbeat = setInterval(() => response.write(': keep-alive\n\n'), 25_000);
  heartbeat.unref();
  request.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
