import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mailConfigured } from "@/lib/mail";
import {
  countUnreadNotifications,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "@/lib/notifications/notifications";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { openPledgeForSigning, savePledgeDraft } from "@/lib/pledges/pledges";
import { makeAgency, makeUser } from "@/prisma/seed/factories";
import { actorFor, signedIn } from "../support/dal";
import { notificationsOf, pledgeContent, pledgingYear } from "../support/pledges";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** A notification of `userId` created `minutesAgo` minutes ago. */
function notify(userId: string, minutesAgo: number, params: Record<string, string | number> = {}) {
  return db.notification.create({
    data: {
      userId,
      kind: "pledge.opened",
      messageKey: "notifications.pledgeOpened",
      params: { year: 2022, bloc: "Khối thử nghiệm", version: 1, ...params },
      href: "/years/x/pledge",
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    },
  });
}

describe("listNotifications and countUnreadNotifications", () => {
  it("give the actor's own notifications, newest first, and how many are unread", async () => {
    const { user, actor } = await signedIn("AGENCY_LEADER", (await makeAgency(db)).id);
    const other = await makeUser(db, { role: "AGENCY_LEADER", agencyId: (await makeAgency(db)).id });
    const old = await notify(user.id, 30, { version: 1 });
    const recent = await notify(user.id, 1, { version: 2 });
    await notify(other.id, 0);
    await db.notification.update({ where: { id: old.id }, data: { readAt: new Date() } });

    const list = await listNotifications(actor);
    expect(list).toEqual([
      {
        id: recent.id,
        kind: "pledge.opened",
        messageKey: "notifications.pledgeOpened",
        params: { year: 2022, bloc: "Khối thử nghiệm", version: 2 },
        href: "/years/x/pledge",
        createdAt: recent.createdAt.toISOString(),
        read: false,
      },
      expect.objectContaining({ id: old.id, read: true, params: expect.objectContaining({ version: 1 }) }),
    ]);
    await expect(listNotifications(actor, { take: 1 })).resolves.toEqual([
      expect.objectContaining({ id: recent.id }),
    ]);
    await expect(countUnreadNotifications(actor)).resolves.toBe(1);
  });

  it("give every role its own (none yet for a new user)", async () => {
    for (const role of ["ADMIN", "BOARD", "SECRETARIAT", "AGENCY_STAFF"] as const) {
      const { actor } = await signedIn(
        role,
        role === "ADMIN" || role === "BOARD" ? null : (await makeAgency(db)).id,
      );
      await expect(listNotifications(actor)).resolves.toEqual([]);
      await expect(countUnreadNotifications(actor)).resolves.toBe(0);
    }
  });
});

describe("markNotificationRead", () => {
  it("marks one of the actor's notifications read, and again without error", async () => {
    const { user, actor } = await signedIn("AGENCY_LEADER", (await makeAgency(db)).id);
    const first = await notify(user.id, 2);
    const second = await notify(user.id, 1);
    await markNotificationRead(actor, first.id);
    expect((await db.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toBeInstanceOf(
      Date,
    );
    expect((await db.notification.findUniqueOrThrow({ where: { id: second.id } })).readAt).toBeNull();
    await expect(countUnreadNotifications(actor)).resolves.toBe(1);
    const readAt = (await db.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt;
    await expect(markNotificationRead(actor, first.id.toUpperCase())).resolves.toBeUndefined();
    expect((await db.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).toEqual(readAt);
  });

  it("is NOT_FOUND for another user's notification, which stays unread, and for a malformed or unknown id", async () => {
    const { actor } = await signedIn("AGENCY_LEADER", (await makeAgency(db)).id);
    const other = await makeUser(db, { role: "AGENCY_LEADER", agencyId: (await makeAgency(db)).id });
    const theirs = await notify(other.id, 0);
    for (const id of [theirs.id, "thong-bao", MISSING_ID]) {
      await expect(markNotificationRead(actor, id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.notification.notFound",
      });
    }
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
});

describe("markAllNotificationsRead", () => {
  it("marks every unread notification of the actor read, and nobody else's", async () => {
    const { user, actor } = await signedIn("AGENCY_LEADER", (await makeAgency(db)).id);
    const other = await makeUser(db, { role: "AGENCY_LEADER", agencyId: (await makeAgency(db)).id });
    for (const minutes of [3, 2, 1]) await notify(user.id, minutes);
    const theirs = await notify(other.id, 0);
    await expect(markAllNotificationsRead(actor)).resolves.toBe(3);
    await expect(countUnreadNotifications(actor)).resolves.toBe(0);
    expect((await listNotifications(actor)).every((notification) => notification.read)).toBe(true);
    await expect(markAllNotificationsRead(actor)).resolves.toBe(0);
    expect((await db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
  });
});

describe("notifications of an opened pledge, without SMTP", () => {
  it("are listed for each member's leader; no e-mail is sent and nothing fails", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    expect(mailConfigured()).toBe(false);
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const version = await openPledgeForSigning(setup.secretariatActor, setup.year.id);

    const leader = await actorFor(setup.leaders[1]!);
    const list = await listNotifications(leader);
    expect(list).toEqual([
      expect.objectContaining({
        messageKey: "notifications.pledgeOpened",
        params: { year: 2022, bloc: setup.bloc.name, version: version.number },
        href: `/years/${setup.year.id}/pledge`,
        read: false,
      }),
    ]);
    await expect(countUnreadNotifications(leader)).resolves.toBe(1);

    // The follow-up mail work runs right away outside Next.js; give it time to (not) do anything.
    await sleep(300);
    const rows = await notificationsOf(setup.leaders.map((user) => user.id));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.emailedAt === null)).toBe(true);
    await expect(emailNotifications(rows.map((row) => row.id))).resolves.toBe(0);
  });

  it("are written in the caller's transaction: a rolled-back write leaves none", async () => {
    const { user } = await signedIn("AGENCY_LEADER", (await makeAgency(db)).id);
    const rollback = new Error("rollback");
    await expect(
      db.$transaction(async (tx) => {
        const ids = await notifyUsers(tx, [user.id, user.id], {
          kind: "k",
          messageKey: "notifications.pledgeOpened",
          params: {},
          href: "/",
        });
        expect(ids).toHaveLength(1);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(0);
  });
});
