/**
 * Argument checks and document building shared by plain and transactional writes, mirroring
 * what wx-server-sdk and @cloudbase/database check before a request leaves the function.
 */
import { isUpdateCommand } from './commands';
import { checkDocumentSize, toStoredDocument } from './document-data';
import { failure, parameterError } from './errors';
import { generateId } from './ids';
import { isDocId, isPlainObject, type Doc, type DocId } from './values';

/** wx-server-sdk's assertType(options, { data: 'object' }) + assertObjectNotEmpty(options.data). */
export function requireData(options: unknown): Record<string, unknown> {
  const data = isPlainObject(options) ? options.data : undefined;
  if (!isPlainObject(data)) {
    const type = data === null ? 'null' : Array.isArray(data) ? 'array' : typeof data;
    throw parameterError(`parameter.data should be object instead of ${type};`);
  }
  if (Object.keys(data).length === 0) throw parameterError('options.data must not be empty');
  return data;
}

function containsUpdateCommand(value: unknown): boolean {
  if (isUpdateCommand(value)) return true;
  if (Array.isArray(value)) return value.some(containsUpdateCommand);
  if (isPlainObject(value)) return Object.values(value).some(containsUpdateCommand);
  return false;
}

export function duplicateKeyFailure(collection: string, id: DocId) {
  return failure('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${collection} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);
}

/** Builds a document for add(): `_id` first, generated when absent. */
export function prepareAdd(data: unknown, now: number): { id: DocId; doc: Doc } {
  if (!isPlainObject(data)) throw failure('INVALID_PARAM', 'add() data must be an object');
  const given = data._id;
  if (given !== undefined && !isDocId(given)) throw failure('INVALID_PARAM', '_id must be a non-empty string or a number');
  const id = given ?? generateId();
  const { _id: _ignored, ...rest } = toStoredDocument(data, now);
  const doc: Doc = { _id: id, ...rest };
  checkDocumentSize(doc);
  return { id, doc };
}

/** Builds the replacement document for doc(id).set(). */
export function prepareSet(id: unknown, data: Record<string, unknown>, now: number): { id: DocId; doc: Doc } {
  if (!isDocId(id)) throw failure('INVALID_PARAM', 'docId不能为空');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw failure('INVALID_PARAM', '不能更新_id的值');
  if (containsUpdateCommand(data)) throw failure('DATABASE_REQUEST_FAILED', 'update operator complicit');
  const doc: Doc = { _id: id, ...toStoredDocument(data, now) };
  checkDocumentSize(doc);
  return { id, doc };
}
