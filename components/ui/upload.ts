/**
 * Sends a file (multipart) to an /api/v1 upload route from the browser. The outcome: stored, or the
 * API's Vietnamese message (null when there is none to show: the network failed or the answer was not
 * JSON, and the caller shows its own).
 */
export async function postUpload(
  url: string,
  body: FormData,
): Promise<{ ok: true } | { ok: false; message: string | null }> {
  try {
    const response = await fetch(url, { method: "POST", body, credentials: "same-origin" });
    if (response.ok) return { ok: true };
    const payload = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return { ok: false, message: payload?.error?.message ?? null };
  } catch {
    return { ok: false, message: null };
  }
}
