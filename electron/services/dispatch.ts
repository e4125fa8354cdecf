import type { z } from 'zod';
import { apiMethods, isMethodName, type ApiResult } from '../../shared/api/contract';
import { ApiFailure } from './api-failure';
import type { Handlers } from './handlers';
import { apiCallContext } from './storage/history';

export type Dispatch = (method: string, input: unknown) => Promise<ApiResult<unknown>>;

/** "changes.status: Invalid option…; id: Too small…" — the path tells the caller which field is wrong. */
export function describeIssues(method: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  return `Invalid input for ${method}: ${issues.join('; ')}`;
}

/**
 * The single entry point behind every door: checks the method name, validates the input with the
 * contract's zod schema before any handler runs (so bad input changes nothing), and turns every
 * outcome into an ApiResult envelope.
 */
export function createDispatch(handlers: Handlers, log: (message: string, error: unknown) => void = () => undefined): Dispatch {
  let callCount = 0;
  return async (method, input) => {
    if (!isMethodName(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `Unknown method "${method}"` } };
    }
    const parsed = apiMethods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return { ok: false, error: { code: 'invalid-input', message: describeIssues(method, parsed.error) } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      // The call's method and id go with every transaction it makes (the undo history's steps).
      callCount += 1;
      return { ok: true, value: await apiCallContext.run({ method, callId: callCount }, () => handler(parsed.data)) };
    } catch (error) {
      if (error instanceof ApiFailure) return { ok: false, error: { code: error.code, message: error.message } };
      log(`${method} failed`, error);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${(error as Error)?.message ?? String(error)}` } };
    }
  };
}
