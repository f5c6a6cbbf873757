import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { etag, expectedVersion } from './shared.ts';

describe('If-Match', () => {
  it('reads the version an ETag names, strong or weak', () => {
    expect(expectedVersion(etag(7))).toBe(7);
    expect(expectedVersion('W/"12"')).toBe(12);
    expect(expectedVersion(' 3 ')).toBe(3);
  });

  it('answers a missing header with 428 and anything else with 400 naming the header', () => {
    const status = (value: string | undefined) => {
      try {
        expectedVersion(value);
        return 0;
      } catch (error) {
        return error instanceof ApiError ? error.status : -1;
      }
    };
    expect(status(undefined)).toBe(428);
    for (const bad of ['*', '"abc"', '"1", "2"', '', '"-1"']) expect(status(bad), bad).toBe(400);
  });
});
