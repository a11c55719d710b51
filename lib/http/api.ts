import { NextResponse } from "next/server";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { AppError, forbidden } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { toPublicError } from "./errors";
import { STATE_CHANGING_METHODS, carriesSessionCookie, isSameOrigin } from "./origin";
import { currentRequestMeta } from "./request-meta";

// The thin web layer of /api/v1: authenticate, check the origin of state changes, read JSON, call one
// data access function, and answer {"data": ...} or {"error": {code, message, details}}.

export interface ApiContext<P> {
  req: Request;
  params: P;
  actor: Actor;
  /**
   * The request body parsed as JSON (VALIDATION when it is not JSON; TOO_LARGE over `maxBytes`,
   * DEFAULT_JSON_LIMIT_BYTES unless the route allows more); validation is the DAL's job.
   */
  body(options?: { maxBytes?: number }): Promise<unknown>;
  /** Query string parameters as a plain object. */
  query: Record<string, string>;
}

export type RouteContext<P> = { params: Promise<P> };

export class ApiResponse {
  constructor(
    readonly data: unknown,
    readonly status: number,
  ) {}
}

/** A result with a status other than 200 (e.g. 201 Created). */
export const withStatus = (data: unknown, status: number) => new ApiResponse(data, status);

const noStore = { "Cache-Control": "no-store" };

/** The largest JSON body a route reads unless it allows more (a whole score grid does). */
export const DEFAULT_JSON_LIMIT_BYTES = 4 * 1024 * 1024;

function tooLarge(maxBytes: number): AppError {
  return new AppError("TOO_LARGE", "errors.bodyTooLarge", {
    params: { maxMb: Math.round((maxBytes / 1024 / 1024) * 10) / 10 },
    details: { maxBytes },
  });
}

async function readJson(req: Request, maxBytes: number): Promise<unknown> {
  // Refused before reading when the client declares the size, else counted while reading.
  if (Number(req.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  for (let chunk = await reader?.read(); reader && chunk && !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text.trim()) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("VALIDATION", "errors.invalidJson");
  }
}

/** Seconds a client should wait before trying again after a 503 (UNAVAILABLE). */
export const RETRY_AFTER_SECONDS = 30;

export function apiError(error: unknown, requestId: string): NextResponse {
  // The API speaks Vietnamese (PRODUCT.md: "message": "<Vietnamese>").
  const { status, body } = toPublicError(error, translatorFor("vi"), requestId);
  const retryAfter =
    typeof body.details?.retryAfterSeconds === "number"
      ? body.details.retryAfterSeconds
      : status === 503
        ? RETRY_AFTER_SECONDS
        : null;
  return NextResponse.json(
    { error: body },
    { status, headers: retryAfter === null ? noStore : { ...noStore, "Retry-After": String(retryAfter) } },
  );
}

/**
 * A /api/v1 route handler for a signed-in user. `allowPendingPasswordChange` lets a user whose password
 * was reset reach it (their own account and the password change only).
 */
export function apiRoute<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<unknown>,
  options: { allowPendingPasswordChange?: boolean } = {},
) {
  return route<P>(async (ctx) => handler({ ...ctx, actor: await requireActor(options) }));
}

/** A /api/v1 route handler that anyone may call, signed in or not (e.g. checking a document). */
export function publicApiRoute<P = Record<string, never>>(
  handler: (ctx: Omit<ApiContext<P>, "actor">) => Promise<unknown>,
) {
  return route<P>(handler);
}

function route<P>(handler: (ctx: Omit<ApiContext<P>, "actor">) => Promise<unknown>) {
  return async (req: Request, context: RouteContext<P>): Promise<Response> => {
    const meta = await currentRequestMeta();
    try {
      if (
        STATE_CHANGING_METHODS.has(req.method) &&
        carriesSessionCookie(req.headers) &&
        !isSameOrigin(req.headers)
      ) {
        throw forbidden("errors.foreignOrigin");
      }
      const params = (await context.params) ?? ({} as P);
      const query = Object.fromEntries(new URL(req.url).searchParams);
      const result = await handler({
        req,
        params,
        query,
        body: (options) => readJson(req, options?.maxBytes ?? DEFAULT_JSON_LIMIT_BYTES),
      });
      if (result instanceof Response) return result;
      if (result instanceof ApiResponse)
        return NextResponse.json({ data: result.data }, { status: result.status, headers: noStore });
      return NextResponse.json({ data: result ?? null }, { headers: noStore });
    } catch (error) {
      return apiError(error, meta.requestId);
    }
  };
}
