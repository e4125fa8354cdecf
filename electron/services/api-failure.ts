import type { ApiErrorCode } from '../../shared/api/contract';

/** An error meant for the user: its code and message cross the boundary as they are. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
