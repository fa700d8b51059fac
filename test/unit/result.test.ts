import { describe, it, expect } from 'vitest';
import { assertNever, fail, ok, withLocation } from '../../shared/result';

describe('Result helpers', () => {
  it.each([
    ['a message', fail('Bad value.'), [{ message: 'Bad value.' }]],
    ['one error', fail({ message: 'Bad.', value: 'x' }), [{ message: 'Bad.', value: 'x' }]],
    [
      'errors with details',
      fail([{ message: 'A.' }, { message: 'B.', row: 9 }], { row: 3, column: 'Total' }),
      [
        { message: 'A.', row: 3, column: 'Total' },
        { message: 'B.', row: 9, column: 'Total' },
      ],
    ],
  ])('fail() from %s', (_label, result, errors) => {
    expect(result).toEqual({ ok: false, errors });
  });

  it('fail() with no errors is a programmer error', () => {
    expect(() => fail([])).toThrow();
  });

  it('withLocation adds the row and column to failures only', () => {
    expect(withLocation(ok(5), { row: 2 })).toEqual({ ok: true, value: 5 });
    expect(withLocation(fail('Bad.'), { row: 2, column: 'Charge' })).toEqual({
      ok: false,
      errors: [{ message: 'Bad.', row: 2, column: 'Charge' }],
    });
  });

  it('assertNever throws when reached', () => {
    expect(() => assertNever('surprise' as never)).toThrow('Unexpected value: "surprise"');
  });
});
