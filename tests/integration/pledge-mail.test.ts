// E-mail copies of notifications, against a local SMTP server. SMTP_URL is set before anything reads
// the environment (lib/env.ts caches it per module instance; Vitest gives each file its own modules).
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { mailConfigured } from "@/lib/mail";
import { openPledgeForSigning, savePledgeDraft } from "@/lib/pledges/pledges";
import { makeUser, uniqueToken } from "@/prisma/seed/factories";
import { notificationsOf, pledgeContent, pledgingYear } from "../support/pledges";

interface Received {
  from: string;
  to: string[];
  subject: string;
  body: string;
  headers: string;
}

const received: Received[] = [];
const refused: string[] = [];
let server: SMTPServer;

/** Bytes of quoted-printable text (RFC 2045), "=XX" escapes decoded. */
function qpBytes(text: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(text.charCodeAt(i));
    }
  }
  return Buffer.from(bytes);
}

/** A header value with its RFC 2047 encoded words decoded (adjacent words joined before decoding). */
function decodeHeader(value: string): string {
  const joined = value.replace(/\?=\s+=\?/g, "?==?");
  const pattern = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = "";
  let pending: Buffer[] = [];
  let last = 0;
  const flush = () => {
    out += Buffer.concat(pending).toString("utf8");
    pending = [];
  };
  for (let match = pattern.exec(joined); match; match = pattern.exec(joined)) {
    if (match.index > last) {
      flush();
      out += joined.slice(last, match.index);
    }
    pending.push(
      match[2]!.toUpperCase() === "B"
        ? Buffer.from(match[3]!, "base64")
        : qpBytes(match[3]!.replace(/_/g, " ")),
    );
    last = pattern.lastIndex;
  }
  flush();
  return out + joined.slice(last);
}

/** Subject and text of a single-part message as nodemailer writes it (quoted-printable, base64 or plain). */
function parseMessage(raw: string): { headers: string; subject: string; body: string } {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, "im").exec(headers)?.[1]?.trim() ?? "";
  const encoded = raw.slice(split + 4);
  const encoding = header("Content-Transfer-Encoding").toLowerCase();
  const body =
    encoding === "quoted-printable"
      ? qpBytes(encoded.replace(/=\r?\n/g, "")).toString("utf8")
      : encoding === "base64"
        ? Buffer.from(encoded.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoded;
  return {
    headers,
    subject: decodeHeader(header("Subject")),
    body: body.replace(/\r\n/g, "\n").normalize("NFC"),
  };
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("refuse.")) {
        refused.push(address.address);
        callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const envelope = session.envelope;
        received.push({
          from: envelope.mailFrom ? envelope.mailFrom.address : "",
          to: envelope.rcptTo.map((rcpt) => rcpt.address),
          ...parseMessage(Buffer.concat(chunks).toString("latin1")),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  expect(mailConfigured()).toBe(true);
});

/** Polls (up to ~10 s) until `done` holds. */
async function waitFor(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 100; i += 1) {
    if (await done()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const mailTo = (email: string) => received.filter((message) => message.to.includes(email));

describe("e-mail when a pledge is opened for signing", () => {
  it("sends each member's leader a Vietnamese e-mail with a link to the pledge, and records it", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const version = await openPledgeForSigning(setup.secretariatActor, setup.year.id);

    const ids = setup.leaders.map((leader) => leader.id);
    await waitFor(
      async () => (await notificationsOf(ids)).every((row) => row.emailedAt !== null),
      "the e-mails",
    );
    const text = `Bản giao ước thi đua năm 2022 của ${setup.bloc.name} đã mở để ký (phiên bản ${version.number}). Vui lòng ký thay mặt cơ quan.`;
    for (const leader of setup.leaders) {
      const messages = mailTo(leader.email);
      expect(messages).toHaveLength(1);
      const [message] = messages;
      expect(message!.from).toBe("no-reply@khoithidua.local");
      expect(message!.subject.startsWith("[Khối thi đua] Bản giao ước thi đua năm 2022 của")).toBe(true);
      expect(message!.body).toContain(`Kính gửi ${leader.name},`);
      expect(message!.body).toContain(text);
      expect(message!.body).toContain(`Xem chi tiết: http://localhost:3000/years/${setup.year.id}/pledge`);
    }
    // Nobody else of the year got one.
    for (const user of [setup.secretariat, ...setup.staff]) expect(mailTo(user.email)).toEqual([]);
  });

  it("asks again by e-mail when a new version supersedes the open one", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ targets: "Chỉ tiêu sửa đổi" }),
    );
    await openPledgeForSigning(setup.secretariatActor, setup.year.id);

    const leader = setup.leaders[1]!;
    await waitFor(() => mailTo(leader.email).length === 2, "two e-mails");
    expect(
      mailTo(leader.email).some((message) =>
        message.body.includes(`đã được sửa (phiên bản 2): chữ ký trước không còn giá trị, vui lòng ký lại.`),
      ),
    ).toBe(true);
  });

  it("keeps going when the server refuses one recipient: that copy stays unsent, nothing fails", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    const refusedLeader = await makeUser(db, {
      role: "AGENCY_LEADER",
      agencyId: setup.agencies[0]!.id,
      email: `refuse.${uniqueToken()}@test.local`,
    });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    await expect(openPledgeForSigning(setup.secretariatActor, setup.year.id)).resolves.toMatchObject({
      status: "OPEN",
    });

    const ids = setup.leaders.map((leader) => leader.id);
    await waitFor(
      async () =>
        refused.includes(refusedLeader.email) &&
        (await notificationsOf(ids)).every((row) => row.emailedAt !== null),
      "the e-mails",
    );
    const [row] = await notificationsOf([refusedLeader.id]);
    expect(row).toMatchObject({ messageKey: "notifications.pledgeOpened", emailedAt: null });
    expect(mailTo(refusedLeader.email)).toEqual([]);
    for (const leader of setup.leaders) expect(mailTo(leader.email)).toHaveLength(1);
  });
});
