/**
 * Every message a person can see is Chinese — including the ones for input no form of ours would
 * send (an old or tampered client). Every action of every function is called through its real
 * dispatcher with malformed input: not an object, unknown keys, missing keys, and each declared
 * field with values of the wrong type and size. Every message (the answer's and each field's)
 * must be Chinese, never valibot's English defaults ("Invalid key: Expected \"slotId\" …").
 */
import * as v from 'valibot';
import { allActions, type ActionDefinition } from '@domain/actions';
import { persona, startHarness, type CloudHarness } from '../support/cloud-harness';

let harness: CloudHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

const WRONG_VALUES: unknown[] = [null, 12345, -1, 1.5, 'x', 'x'.repeat(5000), '', true, [1, 'a'], { nested: { deep: 1 } }, '2026-13-45', 'cloud://../../etc'];

function entriesOf(schema: unknown): Record<string, unknown> {
  const withEntries = schema as { entries?: Record<string, unknown> };
  return withEntries.entries ?? {};
}

function malformedInputs(definition: ActionDefinition): unknown[] {
  const keys = Object.keys(entriesOf(definition.input));
  const inputs: unknown[] = [null, [], 'text', 42, { unexpectedKey: 1 }, {}];
  for (const key of keys) for (const value of WRONG_VALUES) inputs.push({ [key]: value });
  const allWrong = Object.fromEntries(keys.map((key) => [key, { wrong: true }]));
  inputs.push(allWrong, { ...allWrong, extra: 'x' });
  return inputs;
}

const isChinese = (message: string) => /[\u4e00-\u9fff]/.test(message) && !/\b(Invalid|Expected|Received|received|expected)\b/.test(message);

test('every action answers malformed input with Chinese messages only', async () => {
  const openid = persona('resident-xly2').openid;
  const english: string[] = [];
  let refusals = 0;
  for (const definition of allActions()) {
    for (const input of malformedInputs(definition)) {
      if (v.safeParse(definition.input, input).success) continue;
      const answer = (await harness.raw(openid, definition.fn, { action: definition.name, input })) as { ok: boolean; error?: { code: string; message: string; fields?: Record<string, string> } };
      // null travels as "no input" ({}), which some actions accept.
      if (answer.ok || answer.error?.code !== 'INVALID_INPUT') continue;
      refusals += 1;
      const messages = [answer.error.message, ...Object.values(answer.error.fields ?? {})];
      for (const message of messages) if (!isChinese(message)) english.push(`${definition.fn}.${definition.name} ${JSON.stringify(input).slice(0, 60)} → ${message}`);
    }
  }
  expect(refusals).toBeGreaterThan(500);
  expect(english.slice(0, 20)).toEqual([]);
}, 120_000);
