/**
 * A CloudBase environment as `@cloudbase/manager-node` shows it to scripts/deploy/cloudbase.ts:
 * collections with rules and indexes, functions with their config and triggers, and the stored
 * `bookings` whose unique indexes CloudBase refuses to create while documents repeat a key (a
 * missing field counting as null). Invoking the booking function with its hallHousekeeping timer
 * event migrates `perRun` stored bookings and answers as the real one does
 * (`{ ok, data: { places: { migrated, finished } } }`).
 */
import type { connect } from '../../../scripts/deploy/cloudbase';

interface FakeIndex {
  Name: string;
  Keys: { Name: string; Direction: string }[];
  Unique: boolean;
}

export interface FakeEnvironment {
  collections: Map<string, { rule?: string; indexes: FakeIndex[] }>;
  functions: Map<string, { Description: string; Timeout: number; Runtime: string; Triggers: { Type: 'timer'; TriggerName: string; TriggerDesc: string }[]; Variables: Record<string, string> }>;
  bookings: Record<string, unknown>[];
  /** Every function invocation, in order. */
  invocations: { name: string; event: unknown }[];
  /** Bookings the housekeeping run gives their fields per run (0: it never gets anywhere). */
  perRun: number;
  connect: typeof connect;
}

const keyOf = (doc: Record<string, unknown>, fields: string[]) => JSON.stringify(fields.map((field) => doc[field] ?? null));

export function fakeCloudBase(bookings: Record<string, unknown>[] = [], perRun = 2): FakeEnvironment {
  const env: FakeEnvironment = { collections: new Map(), functions: new Map(), bookings, invocations: [], perRun, connect: undefined as never };
  const collection = (name: string) => {
    const found = env.collections.get(name);
    if (!found) throw new Error(`[UpdateCollection] collection ${name} does not exist`);
    return found;
  };
  const housekeeping = () => {
    const unmigrated = env.bookings.filter((booking) => typeof booking.placed !== 'boolean');
    for (const booking of unmigrated.slice(0, env.perRun)) Object.assign(booking, { place: `free:${String(booking._id)}`, placed: false, codeKey: `free:${String(booking._id)}` });
    const migrated = Math.min(unmigrated.length, env.perRun);
    return { ok: true, data: { reminders: {}, places: { migrated, checked: 0, repaired: [], finished: unmigrated.length === migrated } } };
  };
  const manager = {
    database: {
      async listCollections({ MgoOffset = 0, MgoLimit = 100 }: { MgoOffset?: number; MgoLimit?: number }) {
        const names = [...env.collections.keys()];
        return { Collections: names.slice(MgoOffset, MgoOffset + MgoLimit).map((CollectionName) => ({ CollectionName })), Pager: { Total: names.length } };
      },
      async describeCollection(name: string) {
        return { Indexes: collection(name).indexes };
      },
      async createCollectionIfNotExists(name: string) {
        if (!env.collections.has(name)) env.collections.set(name, { indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: true }] });
      },
      async updateCollection(name: string, options: { DropIndexes?: { IndexName: string }[]; CreateIndexes?: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[] }) {
        const target = collection(name);
        for (const create of options.CreateIndexes ?? []) {
          const fields = create.MgoKeySchema.MgoIndexKeys.map((key) => key.Name);
          if (create.MgoKeySchema.MgoIsUnique && name === 'bookings') {
            const seen = new Set<string>();
            for (const doc of env.bookings) {
              const key = keyOf(doc, fields);
              if (seen.has(key)) throw new Error(`[UpdateCollection] E11000 duplicate key error collection: ${name} index: ${create.IndexName} dup key: ${key}`);
              seen.add(key);
            }
          }
        }
        const dropped = new Set((options.DropIndexes ?? []).map((drop) => drop.IndexName));
        target.indexes = target.indexes.filter((index) => !dropped.has(index.Name));
        for (const create of options.CreateIndexes ?? []) {
          target.indexes.push({ Name: create.IndexName, Keys: create.MgoKeySchema.MgoIndexKeys, Unique: create.MgoKeySchema.MgoIsUnique });
        }
      },
    },
    permission: {
      async describeResourcePermission({ resources }: { resources: string[] }) {
        return { Data: { PermissionList: resources.map((Resource) => ({ Resource, Permission: 'CUSTOM', SecurityRule: env.collections.get(Resource)?.rule })) } };
      },
      async modifyResourcePermission({ resource, securityRule }: { resource: string; securityRule: string }) {
        collection(resource).rule = securityRule;
      },
    },
    functions: {
      async getFunctionList(limit: number, offset: number) {
        const names = [...env.functions.keys()];
        return { Functions: names.slice(offset, offset + limit).map((FunctionName) => ({ FunctionName })), TotalCount: names.length };
      },
      async getFunctionDetail(name: string) {
        const fn = env.functions.get(name)!;
        return { ...fn, Environment: { Variables: Object.entries(fn.Variables).map(([Key, Value]) => ({ Key, Value })) } };
      },
      async createFunction({ func }: { func: { name: string; description: string; runtime: string; timeout: number; envVariables: Record<string, string>; triggers: { name: string; config: string }[] } }) {
        env.functions.set(func.name, {
          Description: func.description,
          Timeout: func.timeout,
          Runtime: func.runtime,
          Triggers: func.triggers.map((trigger) => ({ Type: 'timer', TriggerName: trigger.name, TriggerDesc: trigger.config })),
          Variables: { ...func.envVariables },
        });
      },
      async waitFunctionActive() {},
      async updateFunctionCode() {},
      async updateFunctionConfig(config: { name: string; description?: string; timeout: number; envVariables: Record<string, string> }) {
        const fn = env.functions.get(config.name)!;
        Object.assign(fn, { Timeout: config.timeout, Variables: { ...config.envVariables }, ...(config.description ? { Description: config.description } : {}) });
      },
      async deleteFunctionTrigger(name: string, trigger: string) {
        const fn = env.functions.get(name)!;
        fn.Triggers = fn.Triggers.filter((candidate) => candidate.TriggerName !== trigger);
      },
      async createFunctionTriggers(name: string, triggers: { name: string; config: string }[]) {
        env.functions.get(name)!.Triggers.push(...triggers.map((trigger) => ({ Type: 'timer' as const, TriggerName: trigger.name, TriggerDesc: trigger.config })));
      },
      /** SCF Invoke: the function's return value as a JSON string in RetMsg. */
      async invokeFunction(name: string, event: Record<string, unknown>) {
        env.invocations.push({ name, event });
        if (!env.functions.has(name)) throw new Error(`[${name}] 调用失败：function not found`);
        const timer = event.Type === 'Timer';
        const answer = name === 'booking' && timer && event.TriggerName === 'hallHousekeeping' ? housekeeping() : { ok: false, error: { code: 'INVALID_INPUT' } };
        return { RequestId: 'r', FunctionRequestId: 'f', RetMsg: JSON.stringify(answer), ErrMsg: '', InvokeResult: 0, Log: '', MemUsage: 0, Duration: 1, BillDuration: 1 };
      },
    },
  };
  env.connect = (() => manager) as unknown as typeof connect;
  return env;
}
