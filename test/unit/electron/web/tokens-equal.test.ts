import { afterEach, describe, expect, it, vi } from 'vitest';

const spy = vi.hoisted(() => ({ calls: [] as Array<[number, number]> }));
vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return {
    ...crypto,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      spy.calls.push([a.byteLength, b.byteLength]);
      return crypto.timingSafeEqual(a, b);
    },
  };
});

const { tokensEqual } = await import('../../../../electron/web/tokens-equal');

describe('tokensEqual', () => {
  afterEach(() => {
    spy.calls.length = 0;
  });

  it.each([
    ['the same token', 'secret-token', true],
    ['a different token of the same length', 'secret-tokem', false],
    ['a shorter token', 'secret-toke', false],
    ['a longer token', 'secret-token-', false],
    ['an empty token', '', false],
    ['a token that differs only in case', 'SECRET-TOKEN', false],
    ['a token with a multi-byte character', 'secret-tokén', false],
  ])('%s → %s, always through crypto.timingSafeEqual on equal-length digests', (_label, given, expected) => {
    expect(tokensEqual(given, 'secret-token')).toBe(expected);
    // Different lengths are compared too (hashes of both), so the time does not tell the length.
    expect(spy.calls).toEqual([[32, 32]]);
  });

  it('refuses a missing token without comparing', () => {
    expect(tokensEqual(undefined, 'secret-token')).toBe(false);
    expect(spy.calls).toEqual([]);
  });
});
