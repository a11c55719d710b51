import { databaseBusy, transientFailure } from "@/lib/db/transient";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { translateIssue, type Translate } from "@/lib/i18n/translate";
import { log } from "@/lib/log";

/** What a user or API client is told about a failure. */
export interface PublicError {
  code: ErrorCode | "INTERNAL";
  message: string;
  details?: Record<string, unknown>;
}

/**
 * Expected errors (AppError) are translated; a transient database failure (load) is UNAVAILABLE;
 * anything else is a bug: logged with the request id, and the user gets a generic message (500): no
 * stack trace or internal message ever reaches them.
 */
export function toPublicError(
  error: unknown,
  t: Translate,
  requestId: string,
): { status: number; body: PublicError } {
  const failure = isAppError(error) ? null : transientFailure(error);
  if (failure) {
    // Load, not a bug (a read outside lib/db/transaction.ts that met a full pool, say): 503, try again.
    log.warn("database busy", {
      requestId,
      failure,
      error: error instanceof Error ? error.message.slice(0, 300) : String(error),
    });
    return toPublicError(databaseBusy(), t, requestId);
  }
  if (isAppError(error)) {
    const fields =
      error.fieldIssues.length > 0
        ? Object.fromEntries(error.fieldIssues.map((issue) => [issue.path || "_", translateIssue(t, issue)]))
        : undefined;
    const items =
      error.items.length > 0 ? error.items.map((item) => t(item.message, item.params)) : undefined;
    const details =
      fields || items || error.details
        ? { ...(error.details ?? {}), ...(fields ? { fields } : {}), ...(items ? { items } : {}) }
        : undefined;
    return {
      status: error.status,
      body: { code: error.code, message: t(error.messageKey, error.params), ...(details ? { details } : {}) },
    };
  }
  logUnexpected(error, requestId);
  return {
    status: 500,
    body: { code: "INTERNAL", message: t("errors.internal", { requestId }), details: { requestId } },
  };
}

export function logUnexpected(error: unknown, requestId: string): void {
  const detail =
    error instanceof Error
      ? { name: error.name, error: error.message, stack: error.stack }
      : { error: String(error) };
  log.error("unexpected error", { requestId, ...detail });
}
