// The 0.2 API, as an ajv user expects it: `Validator.validate(value)` takes a JS value (a string
// is a JSON string), JSON text goes through `validateText`; values JSON cannot carry are errors
// with the place and the reason; `free()` is optional, idempotent, and final.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HandoffKit, HandoffKitError, Validator } from 'handoff-kit';

/** The error `run` throws, checked to be a HandoffKitError; fails the test when nothing is thrown. */
function thrown(run) {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof HandoffKitError, `expected a HandoffKitError, got ${error}`);
    return error;
  }
  return assert.fail('expected an error');
}

test('Validator.validate reads a JS string as a JSON string, not as JSON text (issue 12)', () => {
  const strings = new Validator({ type: 'string' });
  assert.deepEqual(strings.validate('hello'), []);
  assert.equal(strings.isValid('hello'), true);
  const diagnostics = strings.validate(42);
  assert.equal(diagnostics.length, 1);
  assert.deepEqual([diagnostics[0].code, diagnostics[0].path, diagnostics[0].source], ['schema/type', '', 'schema']);
  assert.match(diagnostics[0].message, /text, not a number/);
  assert.equal(strings.isValid(42), false);
  // A string that happens to look like JSON is still just a string.
  assert.equal(strings.isValid('{"a": 1}'), true);
  assert.equal(new Validator({ type: 'object' }).isValid('{"a": 1}'), false);
});

test('validateText and isValidText read JSON text', () => {
  const strings = new Validator({ type: 'string' });
  assert.deepEqual(strings.validateText('"hello"'), []);
  assert.equal(strings.isValidText('"hello"'), true);
  assert.equal(strings.isValidText('42'), false);
  assert.equal(strings.validateText('42')[0].code, 'schema/type');
  const malformed = thrown(() => strings.validateText('hello'));
  assert.equal(malformed.kind, 'json');
  assert.match(malformed.message, /not valid JSON/);
  for (const notText of [{}, 42, null, undefined]) {
    assert.match(thrown(() => strings.isValidText(notText)).message, /must be a string of JSON text/);
  }
});

test('every kind of JSON value validates as the value it is', () => {
  const cases = [
    [{ type: 'null' }, null],
    [{ type: 'boolean' }, false],
    [{ type: 'integer' }, 7],
    [{ type: 'number', maximum: 1 }, 0.5],
    [{ type: 'array', items: { type: 'string' } }, ['a', 'b']],
    [{ type: 'object', required: ['a'] }, { a: '' }],
    [{ type: 'string', format: 'date-time' }, new Date('2026-11-21T12:00:00Z')],
    [{ const: 'ü 🙂 "quoted"\n' }, 'ü 🙂 "quoted"\n'],
  ];
  for (const [schema, value] of cases) {
    const validator = new Validator(schema);
    assert.equal(validator.isValid(value), true, `${JSON.stringify(schema)} admits ${String(value)}`);
    assert.equal(validator.isValidText(JSON.stringify(value)), true, 'and the same as text');
  }
});

test('values JSON cannot represent are HandoffKitErrors naming where and why', () => {
  const any = new Validator(true);
  const cycle = { a: [] };
  cycle.a.push(cycle);
  const cases = [
    [undefined, /it is undefined/],
    [() => 1, /it is a function/],
    [Symbol('s'), /it is a symbol/],
    [10n, /BigInt/],
    [{ id: 10n }, /BigInt/],
    [NaN, /it is NaN.*JSON\.stringify would write null/],
    [{ price: Infinity }, /\/price is Infinity/],
    [{ a: { 'b/c': [1, -Infinity] } }, /\/a\/b~1c\/1 is -Infinity/],
    [[1, undefined], /\/1 is undefined/],
    // eslint-disable-next-line no-sparse-arrays
    [[1, , 3], /\/1 is undefined/],
    [{ onClick() {} }, /\/onClick is a function/],
    [{ tag: Symbol('t') }, /\/tag is a symbol/],
    [cycle, /circular/],
  ];
  for (const [value, reason] of cases) {
    for (const run of [() => any.isValid(value), () => any.validate(value)]) {
      const error = thrown(run);
      assert.equal(error.kind, 'input');
      assert.match(error.message, /^The value cannot be turned into JSON: /);
      assert.match(error.message, reason);
    }
  }
  // A property whose value is undefined is absent, as JSON.stringify writes it and ajv sees it.
  const needsA = new Validator({ required: ['a'] });
  assert.equal(needsA.isValid({ a: undefined, b: 1 }), false);
  assert.equal(needsA.isValid({ a: null }), true);
  // The same rule holds wherever an object is read: packets, bundles, requests.
  const kit = new HandoffKit();
  assert.match(thrown(() => kit.check({ summary: 'x', customer: { score: NaN } })).message, /^The packet cannot be turned into JSON: \/customer\/score is NaN/);
  assert.match(thrown(() => new HandoffKit({ bundle: 'b', version: '1', rubric: { weight: Infinity } })).message, /\/rubric\/weight is Infinity/);
});

test('a schema is an object or a boolean; a string is its JSON text', () => {
  assert.equal(new Validator('{"type": "string"}').isValid('x'), true);
  assert.equal(new Validator(false).isValid('x'), false);
  for (const notSchema of [42, null, ['type']]) {
    const error = thrown(() => new Validator(notSchema));
    assert.equal(error.kind, 'schema');
    assert.match(error.message, /A schema is an object or a boolean/);
  }
});

test('HandoffKit still takes a packet object or its JSON text (a packet is never a string)', () => {
  const kit = new HandoffKit();
  const packet = { ticket: { id: 'T-1' }, summary: 'Charged twice' };
  assert.deepEqual(kit.validate(JSON.stringify(packet)), kit.validate(packet));
  assert.deepEqual(kit.check(JSON.stringify(packet), { now: '2026-11-21T12:00:00Z' }), kit.check(packet, { now: '2026-11-21T12:00:00Z' }));
});

test('businessMinutesBetween takes a calendar id as a plain string, not JSON text', () => {
  const kit = new HandoffKit();
  const calendar = { time_zone: 'UTC', week: { fri: [['09:00', '17:00']] } };
  const from = '2026-11-20T08:00:00Z';
  const to = '2026-11-20T12:30:00Z';
  assert.equal(kit.businessMinutesBetween(calendar, from, to), 210);
  const byId = kit.businessMinutesBetween('default', from, to);
  assert.equal(typeof byId, 'number');
  const unknown = thrown(() => kit.businessMinutesBetween('no-such-calendar', from, to));
  assert.match(unknown.message, /no-such-calendar/);
  assert.match(thrown(() => kit.businessMinutesBetween(42, from, to)).message, /calendar's id or a calendar object/);
});

test('free() is optional, harmless twice, and final: later calls are HandoffKitErrors', () => {
  for (const [name, make, use] of [
    ['HandoffKit', () => new HandoffKit(), (kit) => kit.check({ ticket: { id: 'T-1' } })],
    ['Validator', () => new Validator({ type: 'string' }), (v) => v.isValid('x')],
  ]) {
    const object = make();
    use(object);
    object.free();
    object.free();
    const error = thrown(() => use(object));
    assert.equal(error.kind, 'input');
    assert.equal(error.message, `This ${name} was freed (by free() or at the end of a \`using\` block); create a new one.`);
    assert.doesNotThrow(() => use(make()), 'other objects keep working');
  }
});

test('Symbol.dispose frees an instance, as `using` does', () => {
  assert.equal(typeof Symbol.dispose, 'symbol', 'Node >= 20 provides Symbol.dispose');
  const kit = new HandoffKit();
  const validator = new Validator({ type: 'string' });
  assert.equal(typeof kit[Symbol.dispose], 'function');
  kit[Symbol.dispose]();
  validator[Symbol.dispose]();
  assert.match(thrown(() => kit.validate({})).message, /was freed/);
  assert.match(thrown(() => validator.validate('x')).message, /was freed/);
  kit[Symbol.dispose]();
});
