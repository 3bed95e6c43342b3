/**
 * field() projections with Mongo's rules: all-inclusion or all-exclusion (except `_id`), dot paths
 * reaching into arrays of sub-documents, and the `$slice` / `$elemMatch` projection operators
 * (`db.command.project.slice/elemMatch` produce those).
 */
import { failure } from './errors';
import { compileFilter, encodeQuery } from './query';
import { deepClone, isPlainObject, type Doc } from './values';

type Tree = { [key: string]: Tree | true };

interface Special {
  path: string[];
  apply(value: unknown): { keep: boolean; value?: unknown };
}

export interface Projection {
  /** Returns a projected deep copy. */
  apply(doc: Doc): Doc;
}

/** What field() does with its argument (SDK): booleans and numbers become 1/0, objects pass. */
export function normalizeFieldSpec(spec: unknown): Record<string, unknown> {
  if (!isPlainObject(spec)) throw failure('INVALID_PARAM', 'field() expects an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) {
    if (typeof value === 'boolean') out[key] = value ? 1 : 0;
    else if (typeof value === 'number') out[key] = value > 0 ? 1 : 0;
    else if (value !== null && typeof value === 'object') out[key] = value;
  }
  return out;
}

function addToTree(tree: Tree, path: string[]): void {
  let node = tree;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i] as string;
    const existing = node[segment];
    if (existing === true) throw failure('DATABASE_REQUEST_FAILED', `Path collision at ${path.join('.')}`);
    if (i === path.length - 1) {
      if (existing !== undefined) throw failure('DATABASE_REQUEST_FAILED', `Path collision at ${path.join('.')}`);
      node[segment] = true;
      return;
    }
    if (existing === undefined) node[segment] = {};
    node = node[segment] as Tree;
  }
}

function include(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.filter((item) => isPlainObject(item) || Array.isArray(item)).map((item) => include(item, tree));
  if (!isPlainObject(value)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const node = tree[key];
    if (node === undefined) continue;
    if (node === true) out[key] = value[key];
    else {
      const inner = include(value[key], node);
      if (inner !== undefined) out[key] = inner;
    }
  }
  return out;
}

function exclude(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((item) => exclude(item, tree));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const node = tree[key];
    if (node === true) continue;
    out[key] = node === undefined ? value[key] : exclude(value[key], node);
  }
  return out;
}

function sliceOperator(path: string, arg: unknown): Special['apply'] {
  const valid = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n);
  if (valid(arg)) {
    return (value) => ({ keep: true, value: Array.isArray(value) ? (arg >= 0 ? value.slice(0, arg) : value.slice(arg)) : value });
  }
  if (Array.isArray(arg) && arg.length === 2 && valid(arg[0]) && valid(arg[1]) && arg[1] > 0) {
    const [skip, limit] = arg as [number, number];
    return (value) => {
      if (!Array.isArray(value)) return { keep: true, value };
      const start = skip >= 0 ? skip : Math.max(0, value.length + skip);
      return { keep: true, value: value.slice(start, start + limit) };
    };
  }
  throw failure('INVALID_PARAM', `invalid $slice projection for "${path}"`);
}

function elemMatchOperator(condition: unknown): Special['apply'] {
  const compiled = compileFilter(encodeQuery(condition, Date.now()));
  return (value) => {
    if (!Array.isArray(value)) return { keep: false };
    const match = value.find((item) => isPlainObject(item) && compiled.test(item));
    return match === undefined ? { keep: false } : { keep: true, value: [match] };
  };
}

function setAt(doc: Doc, path: string[], special: Special): void {
  // Projection operators only apply to top-level or plain nested object paths.
  let node: unknown = doc;
  for (let i = 0; i < path.length - 1; i++) {
    if (!isPlainObject(node)) return;
    node = node[path[i] as string];
  }
  if (!isPlainObject(node)) return;
  const last = path[path.length - 1] as string;
  if (!(last in node)) return;
  const result = special.apply(node[last]);
  if (result.keep) node[last] = result.value;
  else delete node[last];
}

export function compileProjection(rawSpec: Record<string, unknown> | undefined): Projection | undefined {
  if (!rawSpec || Object.keys(rawSpec).length === 0) return undefined;
  const tree: Tree = {};
  const specials: Special[] = [];
  let mode: 'include' | 'exclude' | undefined;
  let idIncluded = true;
  let elemMatchOnly = false;
  for (const [field, value] of Object.entries(rawSpec)) {
    const path = field.split('.');
    if (field === '_id' && (value === 0 || value === 1)) {
      idIncluded = value === 1;
      continue;
    }
    if (value === 1 || value === 0) {
      const fieldMode = value === 1 ? 'include' : 'exclude';
      if (mode && mode !== fieldMode) {
        throw failure('DATABASE_REQUEST_FAILED', `Cannot do ${fieldMode === 'include' ? 'inclusion' : 'exclusion'} on field ${field} in ${mode === 'include' ? 'inclusion' : 'exclusion'} projection`);
      }
      mode = fieldMode;
      addToTree(tree, path);
      continue;
    }
    if (isPlainObject(value) && '$slice' in value) {
      specials.push({ path, apply: sliceOperator(field, value.$slice) });
      continue;
    }
    if (isPlainObject(value) && '$elemMatch' in value) {
      specials.push({ path, apply: elemMatchOperator(value.$elemMatch) });
      elemMatchOnly = true;
      continue;
    }
    throw failure('DATABASE_INVALID_OPERRATOR', `unsupported projection for "${field}"`);
  }
  // An $elemMatch projection selects its field like an inclusion does.
  if (elemMatchOnly && mode !== 'exclude') {
    mode = 'include';
    for (const special of specials) {
      try {
        addToTree(tree, special.path);
      } catch {
        // already included explicitly
      }
    }
  } else if (mode === 'include') {
    for (const special of specials) {
      try {
        addToTree(tree, special.path);
      } catch {
        // already included explicitly
      }
    }
  }
  return {
    apply(stored) {
      // Works on a copy: projection operators edit the result in place.
      const doc = deepClone(stored);
      let out: Doc;
      if (mode === 'include') {
        out = (include(doc, tree) ?? {}) as Doc;
        if (idIncluded && '_id' in doc) out = { _id: doc._id, ...out };
      } else {
        out = (mode === 'exclude' ? exclude(doc, tree) : { ...doc }) as Doc;
        if (!idIncluded) delete out._id;
      }
      for (const special of specials) setAt(out, special.path, special);
      return out;
    },
  };
}
