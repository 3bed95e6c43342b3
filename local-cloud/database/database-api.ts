/**
 * Builds the object that `cloud.database()` returns in the local cloud: collection(), command,
 * serverDate(), RegExp(), transactions and createCollection().
 */
import { checkCollectionQuota, CollectionReference, type DatabaseContext } from './collection-reference';
import { command, DbRegExp, ServerDate } from './commands';
import { failure, runApi } from './errors';
import { generateRequestId } from './ids';
import type { TransactionManager } from './transaction';
import type { CloudDatabase } from './types';

export function createDatabaseApi(context: DatabaseContext, transactions: TransactionManager): CloudDatabase {
  return {
    command,
    // Plain functions (not arrows) so `new db.RegExp(...)` works as it does with the SDK.
    serverDate: function serverDate(options?: { offset?: number }) {
      return new ServerDate(options);
    } as CloudDatabase['serverDate'],
    RegExp: function RegExp(options: { regexp: string; options?: string }) {
      return new DbRegExp(options);
    } as CloudDatabase['RegExp'],
    collection: (name: string) => new CollectionReference(context, name),
    runTransaction: (callback, times) => transactions.runTransaction(context, callback, times),
    startTransaction: () => transactions.startTransaction(context),
    createCollection: (name: string) =>
      runApi('createCollection', async () => {
        if (typeof name !== 'string' || name === '') throw failure('INVALID_PARAM', 'collection name must be a non-empty string');
        context.engine.assertOpen();
        if (context.engine.hasCollection(name)) throw failure('SYS_ERR', `[DATABASE_COLLECTION_ALREADY_EXIST] collection ${name} already exists`);
        checkCollectionQuota(context, name);
        await context.engine.commit([{ collection: name, type: 'create' }]);
        return { errMsg: 'createCollection:ok', requestId: generateRequestId() };
      }),
  };
}
