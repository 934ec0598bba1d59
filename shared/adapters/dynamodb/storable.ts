import { RecordNotStorableError } from '../../domain/errors.ts';
import type { Item } from './table.ts';

// The store's boundary: every item and update value is checked before it is sent, so that what
// DynamoDB (or its document client) would refuse with an unnamed error ("Number 1e+30 is greater
// than Number.MAX_SAFE_INTEGER", "Special numeric value Infinity is not allowed", "Item size has
// exceeded the maximum allowed size") is a RecordNotStorableError naming the attribute. The
// use-case records it and the article is quarantined like any poison item.

/** DynamoDB's item size limit, in bytes as DynamoDB counts them. */
export const ITEM_MAX_BYTES = 400 * 1024;

const DEPTH_MAX = 32;

/** Bytes DynamoDB counts for a number: about one per two significant digits, plus one. */
function numberBytes(n: number): number {
  const digits = String(Math.abs(n))
    .replace(/e.*$/, '')
    .replace(/[.-]/g, '')
    .replace(/^0+|0+$/g, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

function checkNumber(n: number, path: string): void {
  if (!Number.isFinite(n)) {
    throw new RecordNotStorableError(path, `${path} is ${n}, which the store cannot hold`);
  }
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    throw new RecordNotStorableError(
      path,
      `${path} is ${n}, beyond the largest number the store keeps exactly (${Number.MAX_SAFE_INTEGER})`,
    );
  }
}

/** The size DynamoDB counts for a value, checking every number in it on the way. */
function valueBytes(v: unknown, path: string, depth: number): number {
  if (depth > DEPTH_MAX) throw new RecordNotStorableError(path, `${path} is nested too deeply`);
  if (v === null || v === undefined || typeof v === 'boolean') return 1;
  if (typeof v === 'string') return Buffer.byteLength(v, 'utf8');
  if (typeof v === 'number') {
    checkNumber(v, path);
    return numberBytes(v);
  }
  if (typeof v === 'bigint') return String(v).length;
  if (v instanceof Uint8Array) return v.byteLength;
  if (v instanceof Set)
    return [...v].reduce((n: number, x) => n + valueBytes(x, path, depth + 1), 0);
  if (Array.isArray(v)) {
    return v.reduce((n: number, x, i) => n + 1 + valueBytes(x, `${path}[${i}]`, depth + 1), 3);
  }
  if (typeof v === 'object') return 3 + mapBytes(v as Item, path, depth + 1);
  return 0;
}

function mapBytes(m: Item, path: string, depth: number): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(m)) {
    if (value === undefined) continue;
    bytes += 1 + Buffer.byteLength(name, 'utf8');
    bytes += valueBytes(value, path ? `${path}.${name}` : name, depth);
  }
  return bytes;
}

/** Throws RecordNotStorableError for an item the table would refuse. */
export function checkStorableItem(item: Item): void {
  const bytes = mapBytes(item, '', 0);
  if (bytes > ITEM_MAX_BYTES) {
    const what = typeof item.type === 'string' ? `the ${item.type} item` : 'the item';
    throw new RecordNotStorableError(
      '(item)',
      `${what} of about ${bytes} bytes is over the store's ${ITEM_MAX_BYTES}-byte item limit`,
    );
  }
}

/** The same for the values of an update (the item it changes is checked when it is written). */
export function checkStorableValues(values: Item | undefined): void {
  if (!values) return;
  const bytes = mapBytes(values, '', 0);
  if (bytes > ITEM_MAX_BYTES) {
    throw new RecordNotStorableError(
      '(update)',
      `an update of about ${bytes} bytes is over the store's ${ITEM_MAX_BYTES}-byte item limit`,
    );
  }
}
