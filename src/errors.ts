// Errors are values: a stable code, a message a user can act on, and optional details.
// Modules throw QmapError; the HTTP layer maps codes to status codes here and nowhere else.

export const errorStatus = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_large: 413,
  unsupported_type: 415,
  password_protected: 422,
  no_questions: 422,
  unreadable: 422,
  invalid: 422,
  rate_limited: 429,
  timeout: 422,
  storage_full: 507,
  read_only: 503,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class QmapError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'QmapError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const isQmapError = (e: unknown): e is QmapError => e instanceof QmapError;
