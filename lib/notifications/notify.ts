import "server-only";
import { now } from "@/lib/clock";
import { db, type Tx } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { translatorFor } from "@/lib/i18n/translate";
import { mailConfigured, sendMail } from "@/lib/mail";
import { notificationParamsColumn } from "./columns";

export interface NotificationDraft {
  kind: string;
  /** Catalog key of the text; "<key>.subject" is the e-mail subject when it exists. */
  messageKey: string;
  params: Record<string, string | number>;
  href: string;
}

/**
 * Creates one notification per user, inside the caller's transaction. Returns their ids: pass them to
 * `emailNotifications` after the transaction commits (mail is never sent for a rolled-back write).
 */
export async function notifyUsers(tx: Tx, userIds: string[], draft: NotificationDraft): Promise<string[]> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return [];
  const rows = await tx.notification.createManyAndReturn({
    data: unique.map((userId) => ({
      userId,
      ...draft,
      params: notificationParamsColumn.write(draft.params),
      createdAt: now(),
    })),
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Sends the e-mail copies (Vietnamese) of committed notifications, when SMTP is configured. */
export async function emailNotifications(ids: string[]): Promise<number> {
  if (ids.length === 0 || !mailConfigured()) return 0;
  const t = translatorFor("vi");
  const rows = await db.notification.findMany({
    where: { id: { in: ids }, emailedAt: null, user: { disabled: false } },
    select: {
      id: true,
      messageKey: true,
      params: true,
      href: true,
      user: { select: { email: true, name: true } },
    },
  });
  const base = getEnv().NEXTAUTH_URL.replace(/\/$/, "");
  let sent = 0;
  for (const row of rows) {
    const params = notificationParamsColumn.read(row.params);
    const text = t(row.messageKey, params);
    const subject = t("mail.subject", { text: text.length > 80 ? `${text.slice(0, 77)}…` : text });
    const body = t("mail.body", { name: row.user.name, text, link: `${base}${row.href}` });
    if (await sendMail({ to: row.user.email, subject, text: body })) {
      await db.notification.update({ where: { id: row.id }, data: { emailedAt: new Date() } });
      sent += 1;
    }
  }
  return sent;
}
