import "server-only";
import { forbidden, notFound, redirect } from "next/navigation";
import { requireActor, type Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";

/** Turns an expected error of the data layer into the matching page: sign-in, 403 or 404. */
function interrupt(error: unknown): never {
  if (isAppError(error)) {
    if (error.code === "UNAUTHENTICATED") redirect("/login");
    if (error.reason === "PASSWORD_CHANGE_REQUIRED") redirect("/account/password");
    if (error.code === "FORBIDDEN") forbidden();
    if (error.code === "NOT_FOUND") notFound();
  }
  throw error;
}

/** The signed-in user of a page (redirects to /login, or to the password change when one is due). */
export async function pageActor(options: { allowPendingPasswordChange?: boolean } = {}): Promise<Actor> {
  try {
    return await requireActor(options);
  } catch (error) {
    interrupt(error);
  }
}

/** Loads a page's data through the data layer; FORBIDDEN renders the 403 page, NOT_FOUND the 404. */
export async function load<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    interrupt(error);
  }
}
