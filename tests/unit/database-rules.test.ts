/**
 * Every collection has a CloudBase security rule, deployed by `npm run deploy`. A collection
 * without one gets CloudBase's default (the creator may read and write its own documents from a
 * phone), so a forgotten rule is a hole: this test names it.
 */
import rules from '../../cloudbase/database-rules.json';
import { COLLECTIONS } from '@platform/cloud/collections';
import { parseReadRule } from '@local-cloud/http/realtime';

const ruleTable = rules as Record<string, unknown>;
const collectionNames = Object.values(COLLECTIONS);
const ruleNames = Object.keys(ruleTable).filter((key) => !key.startsWith('//'));

test.each(collectionNames)('collection %s has a security rule with read and write', (name) => {
  const rule = ruleTable[name] as { read?: unknown; write?: unknown } | undefined;
  expect(rule).toBeDefined();
  expect(rule).toHaveProperty('read');
  expect(rule).toHaveProperty('write');
});

test('no rule names a collection the code does not have', () => {
  expect(ruleNames.filter((name) => !(collectionNames as string[]).includes(name))).toEqual([]);
});

test('clients write nothing: every write goes through a cloud function', () => {
  expect(ruleNames.filter((name) => (ruleTable[name] as { write: unknown }).write !== false)).toEqual([]);
});

test('a client-readable collection is readable only by its owner (the shapes the watch emulation understands)', () => {
  for (const name of ruleNames) {
    const read = (ruleTable[name] as { read: unknown }).read;
    if (read === false) continue;
    expect(parseReadRule(read).kind).not.toBe('deny');
    expect(String(read)).toMatch(/auth\.openid/);
  }
});
