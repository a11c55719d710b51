import "server-only";
import { cookies } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { LOCALE_COOKIE, resolveLocale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translate";
import { toPublicError } from "./errors";
import { currentRequestMeta } from "./request-meta";

/** What a server action returns to its form: translated, serialisable, never an internal message. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      code: string;
      message: string;
      fields?: Record<string, string>;
      items?: string[];
      /** The error's other machine-readable details (e.g. the conflicts of a stale save). */
      details?: Record<string, unknown>;
    };

/**
 * The thin web layer of server actions: authenticate, call the data access layer, translate the
 * outcome into the user's language. Next.js itself refuses server actions from a foreign Origin.
 */
export async function runAction<T>(
  work: (actor: Actor) => Promise<T>,
  options: { successMessageKey?: string; allowPendingPasswordChange?: boolean } = {},
): Promise<ActionResult<T>> {
  const [meta, cookieStore] = await Promise.all([currentRequestMeta(), cookies()]);
  const t = translatorFor(resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value));
  try {
    const actor = await requireActor({ allowPendingPasswordChange: options.allowPendingPasswordChange });
    const data = await work(actor);
    return {
      ok: true,
      data,
      ...(options.successMessageKey ? { message: t(options.successMessageKey) } : {}),
    };
  } catch (error) {
    unstable_rethrow(error);
    const { body } = toPublicError(error, t, meta.requestId);
    const { fields, items, ...rest } = (body.details ?? {}) as {
      fields?: Record<string, string>;
      items?: string[];
    } & Record<string, unknown>;
    const details = Object.keys(rest).length > 0 ? rest : undefined;
    return {
      ok: false,
      code: body.code,
      message: body.message,
      ...(fields ? { fields } : {}),
      ...(items ? { items } : {}),
      ...(details ? { details } : {}),
    };
  }
}

/** A submitted form as a plain object; fields named "x[]" become arrays. */
export function formToObject(form: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    if (key.endsWith("[]")) result[key.slice(0, -2)] = form.getAll(key).map(String);
    else result[key] = String(form.get(key) ?? "");
  }
  return result;
}
