// The one error type users ever see. Anything else thrown is unexpected: it is logged with a request
// id and the user gets a generic message (see lib/http/errors.ts).

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  WRONG_PHASE: 409,
  TOO_LARGE: 413,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  /** The server cannot do it now (overloaded, a limit reached): try again later (Retry-After). */
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/**
 * Refusals that pages act on (a redirect, a notice instead of the page), named so that no page branches
 * on a message's catalog key. The HTTP status and the API's error code stay those of `code`.
 */
export const ERROR_REASONS = {
  /** The user must change a reset password before anything else. */
  PASSWORD_CHANGE_REQUIRED: "PASSWORD_CHANGE_REQUIRED",
  /** A member asked for the year's ranking before it was published. */
  RANKING_NOT_PUBLISHED: "RANKING_NOT_PUBLISHED",
} as const;

export type ErrorReason = keyof typeof ERROR_REASONS;

/** Values interpolated into a message (ICU arguments of the catalog entry). */
export type MessageParams = Record<string, string | number | Date>;

/** A problem with one field of the input: a catalog key (or an already translated text) and its params. */
export interface FieldIssue {
  path: string;
  message: string;
  params?: MessageParams;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Key in the message catalogs (messages/*.json), e.g. "errors.agency.codeTaken". */
  readonly messageKey: string;
  readonly params: MessageParams;
  readonly fieldIssues: FieldIssue[];
  /** Extra machine-readable data returned to API clients (never secrets). */
  readonly details: Record<string, unknown> | undefined;
  /** A list the user must see to act (e.g. the work a phase move leaves undone), translated at the edge. */
  readonly items: { message: string; params?: MessageParams }[];
  /** What a page acts on, for the refusals it handles (see ERROR_REASONS). */
  readonly reason: ErrorReason | undefined;

  constructor(
    code: ErrorCode,
    messageKey: string,
    options: {
      params?: MessageParams;
      fieldIssues?: FieldIssue[];
      details?: Record<string, unknown>;
      items?: { message: string; params?: MessageParams }[];
      reason?: ErrorReason;
    } = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = "AppError";
    this.code = code;
    this.messageKey = messageKey;
    this.params = options.params ?? {};
    this.fieldIssues = options.fieldIssues ?? [];
    this.details = options.details;
    this.items = options.items ?? [];
    this.reason = options.reason;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

export const unauthenticated = () => new AppError("UNAUTHENTICATED", "errors.unauthenticated");
export const forbidden = (messageKey = "errors.forbidden", params?: MessageParams) =>
  new AppError("FORBIDDEN", messageKey, { params });
export const notFound = (messageKey = "errors.notFound", params?: MessageParams) =>
  new AppError("NOT_FOUND", messageKey, { params });
export const conflict = (messageKey: string, params?: MessageParams, details?: Record<string, unknown>) =>
  new AppError("CONFLICT", messageKey, { params, details });
export const invalid = (fieldIssues: FieldIssue[], messageKey = "errors.validation") =>
  new AppError("VALIDATION", messageKey, { fieldIssues });
