// A stand-in for the request that Next.js gives server code through next/headers, so that route
// handlers, server actions and the data layer run in Vitest exactly as in the app: the session
// cookie, the client address and the user agent come from here.

export interface FakeRequest {
  cookies: Map<string, string>;
  headers: Headers;
}

const current: FakeRequest = { cookies: new Map(), headers: new Headers() };

export function resetRequest(): void {
  current.cookies.clear();
  current.headers = new Headers({ "user-agent": "vitest", "x-forwarded-for": "203.0.113.7" });
}

export function setCookie(name: string, value: string): void {
  current.cookies.set(name, value);
}

export function setHeader(name: string, value: string): void {
  current.headers.set(name, value);
}

export function cookieHeader(): string {
  return [...current.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

/** The next/headers module as server code sees it. */
export const fakeNextHeaders = {
  headers: async () => {
    const headers = new Headers(current.headers);
    const cookie = cookieHeader();
    if (cookie) headers.set("cookie", cookie);
    return headers;
  },
  cookies: async () => ({
    get: (name: string) =>
      current.cookies.has(name) ? { name, value: current.cookies.get(name)! } : undefined,
    getAll: () => [...current.cookies].map(([name, value]) => ({ name, value })),
    has: (name: string) => current.cookies.has(name),
    set: (name: string, value: string) => void current.cookies.set(name, value),
    delete: (name: string) => void current.cookies.delete(name),
  }),
  draftMode: async () => ({ isEnabled: false }),
};

resetRequest();
