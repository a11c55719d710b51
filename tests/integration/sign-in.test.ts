import { describe, expect, it } from "vitest";
import { currentActor } from "@/lib/auth/actor";
import {
  accountKey,
  ipKey,
  MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_IP,
  SIGN_IN_WINDOW_MINUTES,
} from "@/lib/auth/rate-limit";
import { endSessions, SignInError, verifyCredentials } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { makeAgency, makeUser, TEST_PASSWORD, uniqueToken } from "@/prisma/seed/factories";
import { auditOf, uniqueIp } from "../support/dal";
import { signInAs } from "../support/sessions";

const WRONG = "SaiMatKhau@1";

function request(ip = uniqueIp()) {
  return { ip, userAgent: "vitest-sign-in" };
}

/** Runs a sign-in and returns its failure reason (or "OK"), for counting outcomes of parallel attempts. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof SignInError) return error.reason;
    throw error;
  }
}

const failuresOf = (key: string) => db.signInFailure.count({ where: { key } });

describe("verifyCredentials", () => {
  it("signs in with the right password, records the sign-in and the audit row", async () => {
    const agency = await makeAgency(db);
    const user = await makeUser(db, { role: "AGENCY_LEADER", agencyId: agency.id });
    const req = request();

    const result = await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, req);

    expect(result).toEqual({ id: user.id, tokenVersion: user.tokenVersion });
    const fresh = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(fresh.lastSignInAt).toBeInstanceOf(Date);
    const audit = await auditOf(user.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "auth.signIn",
      entity: "User",
      entityId: user.id,
      actorId: user.id,
      actorEmail: user.email,
      actorRole: "AGENCY_LEADER",
      ip: req.ip,
      userAgent: req.userAgent,
    });
  });

  it("accepts the email in any case and with surrounding spaces", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const result = await verifyCredentials(
      { email: `  ${user.email.toUpperCase()} `, password: TEST_PASSWORD },
      request(),
    );
    expect(result.id).toBe(user.id);
  });

  it("fails the same way for a wrong password and an unknown email, and counts both", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const unknownEmail = `khong-ton-tai.${uniqueToken()}@test.local`;
    const ip = uniqueIp();

    const wrongPassword = verifyCredentials({ email: user.email, password: WRONG }, request(ip));
    await expect(wrongPassword).rejects.toBeInstanceOf(SignInError);
    await expect(wrongPassword).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
      message: "INVALID_CREDENTIALS",
    });
    const unknown = verifyCredentials({ email: unknownEmail, password: TEST_PASSWORD }, request(ip));
    await expect(unknown).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
      message: "INVALID_CREDENTIALS",
    });

    expect(await failuresOf(accountKey(user.email))).toBe(1);
    expect(await failuresOf(accountKey(unknownEmail))).toBe(1);
    expect(await failuresOf(ipKey(ip))).toBe(2);

    const failedForUser = await auditOf(user.id);
    expect(failedForUser).toHaveLength(1);
    expect(failedForUser[0]).toMatchObject({
      action: "auth.signIn.failed",
      actorId: user.id,
      ip,
      after: { email: user.email },
    });
    const failedForUnknown = await auditOf(unknownEmail);
    expect(failedForUnknown).toHaveLength(1);
    expect(failedForUnknown[0]).toMatchObject({
      action: "auth.signIn.failed",
      actorId: null,
      actorEmail: unknownEmail,
      actorRole: null,
    });
  });

  it("rejects malformed input as invalid credentials without counting a failure", async () => {
    const ip = uniqueIp();
    await expect(verifyCredentials({ email: "ai@test.local" }, request(ip))).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
    });
    await expect(verifyCredentials({ email: 42, password: "x" }, request(ip))).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
    });
    expect(await failuresOf(ipKey(ip))).toBe(0);
  });

  it("limits an account after 5 failures, even with the right password", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      await expect(
        verifyCredentials({ email: user.email, password: WRONG }, request()),
      ).rejects.toMatchObject({ reason: "INVALID_CREDENTIALS" });
    }
    // A new address does not help: the account itself is limited.
    const limited = verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request());
    await expect(limited).rejects.toMatchObject({ reason: "RATE_LIMITED" });
    const error = (await limited.catch((e: unknown) => e)) as SignInError;
    expect(error.retryAfterMinutes).toBeGreaterThanOrEqual(1);
    expect(error.retryAfterMinutes).toBeLessThanOrEqual(SIGN_IN_WINDOW_MINUTES);
    expect(error.message).toBe(`RATE_LIMITED:${error.retryAfterMinutes}`);
    // A limited attempt is not a sign-in and is not counted again.
    expect(await failuresOf(accountKey(user.email))).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect((await auditOf(user.id)).filter((row) => row.action === "auth.signIn")).toHaveLength(0);
  });

  it("frees the account once its failures leave the 15-minute window", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const old = new Date(Date.now() - (SIGN_IN_WINDOW_MINUTES + 1) * 60_000);
    await db.signInFailure.createMany({
      data: Array.from({ length: MAX_FAILURES_PER_ACCOUNT }, () => ({
        key: accountKey(user.email),
        at: old,
      })),
    });
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request()),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("reports the wait until the oldest counted failure leaves the window", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    await db.signInFailure.createMany({
      data: [10, 9, 8, 7, 6].map((minutes) => ({ key: accountKey(user.email), at: minutesAgo(minutes) })),
    });
    // The oldest of the 5 failures is 10 minutes old: 5 more minutes to wait.
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request()),
    ).rejects.toMatchObject({
      reason: "RATE_LIMITED",
      retryAfterMinutes: 5,
    });
  });

  it("limits unknown emails like accounts", async () => {
    const email = `ai-do.${uniqueToken()}@test.local`;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i += 1) {
      await expect(verifyCredentials({ email, password: WRONG }, request())).rejects.toMatchObject({
        reason: "INVALID_CREDENTIALS",
      });
    }
    await expect(verifyCredentials({ email, password: WRONG }, request())).rejects.toMatchObject({
      reason: "RATE_LIMITED",
    });
  });

  it("limits one address after 30 failures across different emails", async () => {
    const ip = uniqueIp();
    const user = await makeUser(db, { role: "BOARD" });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i += 1) {
      await expect(
        verifyCredentials({ email: `nhieu.${i}.${uniqueToken()}@test.local`, password: WRONG }, request(ip)),
      ).rejects.toMatchObject({
        reason: "INVALID_CREDENTIALS",
      });
    }
    expect(await failuresOf(ipKey(ip))).toBe(MAX_FAILURES_PER_IP);
    // The address is limited for every account, the right password included...
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request(ip)),
    ).rejects.toMatchObject({ reason: "RATE_LIMITED" });
    // ...while the account itself, from another address, is not.
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request()),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("does not count failures per address when the address is unknown", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    await expect(
      verifyCredentials({ email: user.email, password: WRONG }, { ip: null, userAgent: null }),
    ).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
    });
    expect(await failuresOf(accountKey(user.email))).toBe(1);
    const audit = await auditOf(user.id);
    expect(audit[0]).toMatchObject({ action: "auth.signIn.failed", ip: null, userAgent: null });
  });

  it("never lets parallel attempts count more than the limit as tried", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const attempts = Array.from({ length: 8 }, () =>
      outcome(verifyCredentials({ email: user.email, password: WRONG }, request())),
    );
    const outcomes = await Promise.all(attempts);

    expect(outcomes.filter((reason) => reason === "INVALID_CREDENTIALS")).toHaveLength(
      MAX_FAILURES_PER_ACCOUNT,
    );
    expect(outcomes.filter((reason) => reason === "RATE_LIMITED")).toHaveLength(8 - MAX_FAILURES_PER_ACCOUNT);
    expect(await failuresOf(accountKey(user.email))).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect((await auditOf(user.id)).filter((row) => row.action === "auth.signIn.failed")).toHaveLength(
      MAX_FAILURES_PER_ACCOUNT,
    );
  });

  it("never lets parallel attempts with the right password slip past a limited account", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    const wrong = Array.from({ length: 6 }, () =>
      outcome(verifyCredentials({ email: user.email, password: WRONG }, request())),
    );
    await Promise.all(wrong);
    const right = await Promise.all(
      Array.from({ length: 4 }, () =>
        outcome(verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request())),
      ),
    );
    expect(right).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
  });

  it("refuses a disabled user with the right password, and hides it behind a wrong one", async () => {
    const user = await makeUser(db, { role: "BOARD", disabled: true });
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request()),
    ).rejects.toMatchObject({ reason: "DISABLED" });
    await expect(verifyCredentials({ email: user.email, password: WRONG }, request())).rejects.toMatchObject({
      reason: "INVALID_CREDENTIALS",
    });
    const actions = (await auditOf(user.id)).map((row) => row.action);
    expect(actions).toEqual(["auth.signIn.disabled", "auth.signIn.failed"]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeNull();
  });

  it("clears the account's failures on success", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i += 1) {
      await expect(
        verifyCredentials({ email: user.email, password: WRONG }, request()),
      ).rejects.toMatchObject({ reason: "INVALID_CREDENTIALS" });
    }
    expect(await failuresOf(accountKey(user.email))).toBe(MAX_FAILURES_PER_ACCOUNT - 1);
    await verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request());
    expect(await failuresOf(accountKey(user.email))).toBe(0);
    // A fresh allowance: 4 more failures still leave the right password working.
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT - 1; i += 1) {
      await expect(
        verifyCredentials({ email: user.email, password: WRONG }, request()),
      ).rejects.toMatchObject({ reason: "INVALID_CREDENTIALS" });
    }
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request()),
    ).resolves.toMatchObject({ id: user.id });
  });

  it("returns the current token version for the session", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    await db.user.update({ where: { id: user.id }, data: { tokenVersion: 7 } });
    await expect(
      verifyCredentials({ email: user.email, password: TEST_PASSWORD }, request()),
    ).resolves.toEqual({ id: user.id, tokenVersion: 7 });
  });
});

describe("endSessions", () => {
  it("bumps the token version once and ends the session that carried it", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    await signInAs(user);
    expect(await currentActor()).not.toBeNull();

    await endSessions(user.id, user.tokenVersion);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(
      user.tokenVersion + 1,
    );
    expect(await currentActor()).toBeNull();

    // Signing out again with the same (now old) token changes nothing.
    await endSessions(user.id, user.tokenVersion);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(
      user.tokenVersion + 1,
    );
    const audit = await auditOf(user.id);
    expect(audit.map((row) => row.action)).toEqual(["auth.signOut"]);
    expect(audit[0]).toMatchObject({ actorId: user.id, actorEmail: user.email, actorRole: "BOARD" });
  });

  it("bumps only once when two sign-outs of the same session race", async () => {
    const user = await makeUser(db, { role: "BOARD" });
    await Promise.all([endSessions(user.id, user.tokenVersion), endSessions(user.id, user.tokenVersion)]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).tokenVersion).toBe(
      user.tokenVersion + 1,
    );
    expect((await auditOf(user.id)).filter((row) => row.action === "auth.signOut")).toHaveLength(1);
  });

  it("does nothing for an unknown user", async () => {
    await expect(endSessions("00000000-0000-4000-8000-000000000000", 0)).resolves.toBeUndefined();
  });
});
