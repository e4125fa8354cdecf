import { ApiCallError } from '../api/client';

/** A message fit for the user: the main side's own words, or a plain sentence for a failed connection. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof TypeError) return 'Sift could not reach its library service. Is it still running?';
  if (error instanceof Error && error.message) return error.message;
  return 'Something went wrong';
}
