// A JS value as the JSON text the core reads. The text is what JSON.stringify writes (so `toJSON`
// applies: a Date becomes its ISO string, and a property whose value is undefined is left out,
// as ajv's `required` sees it), but what JSON.stringify would change without a word is refused
// with the JSON Pointer of the part at fault:
// - NaN, Infinity and -Infinity (JSON.stringify writes null; ajv would see a number);
// - functions and symbols (dropped from objects, null in arrays), undefined in an array (null);
// - BigInt, and cycles (JSON.stringify throws; the message says why).

/** The value cannot be JSON; `message` says where and why. The API turns it into a HandoffKitError. */
export class NotJsonError extends Error {}

// Thrown by `unrepresentable`; each level adds its key on the way out, so the pointer costs
// nothing unless something is wrong.
class Unrepresentable {
  constructor(reason) {
    this.reason = reason;
    this.path = [];
  }
}

// Deeper than this the walk stops: the core refuses documents nested past 128 levels anyway.
const CHECKED_DEPTH = 256;

function kindOf(value) {
  return value === undefined ? 'undefined' : `a ${typeof value === 'bigint' ? 'BigInt' : typeof value}`;
}

// Reads the value as JSON.stringify does (`toJSON`, own enumerable string keys). Called only after
// JSON.stringify succeeded, so the value has no cycle and the walk is as long as the text.
function unrepresentable(value, key, depth) {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint') && typeof value.toJSON === 'function') {
    value = value.toJSON(key);
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (!Number.isFinite(value)) {
        throw new Unrepresentable(`is ${value}, which JSON cannot represent (JSON.stringify would write null)`);
      }
      return;
    case 'object':
      break;
    default:
      throw new Unrepresentable(`is ${kindOf(value)}, which JSON cannot represent`);
  }
  if (value === null || depth > CHECKED_DEPTH) return;
  let at;
  try {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        at = String(i);
        if (value[i] === undefined) throw new Unrepresentable('is undefined, which JSON cannot represent (JSON.stringify would write null)');
        unrepresentable(value[i], at, depth + 1);
      }
    } else {
      for (at of Object.keys(value)) {
        const field = value[at];
        if (field !== undefined) unrepresentable(field, at, depth + 1);
      }
    }
  } catch (error) {
    if (error instanceof Unrepresentable) error.path.unshift(at);
    throw error;
  }
}

function pointer(path) {
  return path.map((key) => `/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** JSON text for `value`; `what` names it in errors ("The value", "The packet", …). */
export function jsonOfValue(value, what) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    // V8: "Do not know how to serialize a BigInt"; the cycle message names the property.
    const reason = /BigInt/.test(error.message)
      ? 'it holds a BigInt, which JSON cannot represent (pass a number or a string).'
      : error.message;
    throw new NotJsonError(`${what} cannot be turned into JSON: ${reason}`, { cause: error });
  }
  try {
    unrepresentable(value, '', 0);
  } catch (error) {
    if (!(error instanceof Unrepresentable)) throw error;
    const where = error.path.length === 0 ? 'it' : pointer(error.path);
    throw new NotJsonError(`${what} cannot be turned into JSON: ${where} ${error.reason}.`);
  }
  return text;
}
