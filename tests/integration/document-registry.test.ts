import { createHash } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// This file rotates the document certificate: it signs with a copy of the tier's certificate of its
// own (set before lib/env reads the environment), so that no other file sees the rotation.
const certificateCopy = await vi.hoisted(async () => {
  const { copyFile, mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const path = await import("node:path");
  const dir = await mkdtemp(path.join(os.tmpdir(), "ktd-registry-"));
  const copy = path.join(dir, "document-signing.p12");
  await copyFile(process.env.DOCUMENT_SIGNING_P12!, copy);
  process.env.DOCUMENT_SIGNING_P12 = copy;
  return { dir, copy };
});

import { rm, writeFile } from "node:fs/promises";
import { NextRequest } from "next/server";
import { POST as checkRoute } from "@/app/api/v1/documents/check/route";
import { db } from "@/lib/db";
import { checkDocument, getPublicDocumentEntry } from "@/lib/documents/check";
import {
  pledgeFile,
  registryFile,
  scoreTableFile,
  toTrinhFile,
  voteMinutesFile,
} from "@/lib/documents/downloads";
import { issuedBytes, issueNow } from "@/lib/documents/registry";
import { reportSigningCertificate } from "@/lib/documents/signing/certificate";
import { readPkcs12, createSelfSignedPkcs12 } from "@/lib/documents/signing/pkcs12";
import { bulkApprove, recordDecision } from "@/lib/nominations/review";
import { openPledgeForSigning, savePledgeDraft } from "@/lib/pledges/pledges";
import { signPledge } from "@/lib/pledges/signatures";
import { makePledgeSignature, TEST_PASSWORD } from "@/prisma/seed/factories";
import { nominationYear, submittedDossier } from "../support/nominations";
import { collapse, popplerText } from "../support/pdf-text";
import { pdfsig, signatureOf, signatureText } from "../support/pdf-signature";
import { openWithSignatures, pledgeContent, pledgingYear, sealKey } from "../support/pledges";
import { resetRequest, setHeader } from "../support/request-context";
import { uniqueIp } from "../support/dal";
import { cast, endAndClose, openSession, votingYear } from "../support/votes";

// The registry of issued documents (sổ văn bản) on the real database: each document issued once, when
// it becomes final, signed (PAdES) and stored; downloads serving those bytes; drafts marked as such;
// the append-only tables; the signatures as pdfsig reads them; a certificate rotation; the public check.

afterAll(async () => {
  await rm(certificateCopy.dir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const entriesOf = (
  kind: "PLEDGE" | "VOTE_MINUTES" | "TO_TRINH" | "SCORE_TABLE" | "AWARD_DECISION",
  subjectId: string,
) =>
  db.issuedDocument.findMany({
    where: { kind, subjectId },
    orderBy: { version: "asc" },
    include: { certificate: true },
  });

/** The bytes with one byte of the page content changed (the signature's own dictionary left as it is). */
function tampered(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf("stream", 200) + 40;
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

describe("issuing a document when it becomes final", () => {
  it("issues the signed pledge each time a signature lands, as a numbered version, and serves its stored bytes", async () => {
    const setup = await pledgingYear({ memberCount: 3 });
    const { version } = await openWithSignatures(setup, []);

    // Before the first signature: a draft printed on demand, marked as such, stored nowhere.
    const draft = await pledgeFile(setup.leaderActors[0]!, version.id);
    expect(draft.issued).toBeNull();
    expect(draft.fileName).toMatch(/-du-thao\.pdf$/);
    expect(collapse(popplerText(draft.bytes))).toContain(
      "DỰ THẢO – văn bản chưa được phát hành, không có giá trị pháp lý",
    );
    expect(await entriesOf("PLEDGE", version.id)).toHaveLength(0);

    await signPledge(setup.leaderActors[1]!, version.id, { password: TEST_PASSWORD, consent: true });
    await signPledge(setup.leaderActors[2]!, version.id, { password: TEST_PASSWORD, consent: true });
    const entries = await entriesOf("PLEDGE", version.id);
    expect(entries.map((entry) => [entry.version, entry.state, entry.issuedById])).toEqual([
      [1, "signatures:1", setup.leaders[1]!.id],
      [2, "signatures:2", setup.leaders[2]!.id],
    ]);
    expect(entries[1]).toMatchObject({
      yearId: setup.year.id,
      code: expect.stringMatching(/^GU-\d{4}-[0-9A-F]{8}$/),
      facts: { signatures: 2, members: 3 },
    });

    // Every download serves the latest version's stored bytes, the same each time; nothing new is issued.
    const first = await pledgeFile(setup.leaderActors[0]!, version.id);
    const again = await pledgeFile(setup.secretariatActor, version.id);
    expect(first.issued?.id).toBe(entries[1]!.id);
    expect(Buffer.compare(first.bytes, again.bytes)).toBe(0);
    expect(Buffer.compare(first.bytes, await issuedBytes(entries[1]!.id))).toBe(0);
    expect(sha256(first.bytes)).toBe(entries[1]!.sha256);
    expect(entries[1]!.sizeBytes).toBe(first.bytes.byteLength);
    expect(await entriesOf("PLEDGE", version.id)).toHaveLength(2);
    // Version 1 stays as it was issued, by its registry id.
    expect(sha256((await registryFile(setup.leaderActors[0]!, entries[0]!.id)).bytes)).toBe(
      entries[0]!.sha256,
    );
    const text = collapse(popplerText(first.bytes));
    expect(text).toContain(`Mã văn bản ${entries[1]!.code}`);
    expect(text).toContain(`/verify/documents/${entries[1]!.id}`);
    expect(text).not.toContain("DỰ THẢO");

    // The audit trail records each issue.
    const audits = await db.auditLog.findMany({
      where: { action: "document.issue", entityId: { in: entries.map((entry) => entry.id) } },
    });
    expect(audits).toHaveLength(2);
  }, 120_000);

  it("issues a signed version anew, marked as superseded, when a newer version replaces it", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const first = await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    await signPledge(setup.leaderActors[0]!, first.id, { password: TEST_PASSWORD, consent: true });
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ targets: "Chỉ tiêu mới" }));
    await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    const entries = await entriesOf("PLEDGE", first.id);
    expect(entries.map((entry) => [entry.version, entry.state])).toEqual([
      [1, "signatures:1"],
      [2, "signatures:1:superseded"],
    ]);
    expect(collapse(popplerText(await issuedBytes(entries[0]!.id)))).not.toContain("đã được thay thế");
    expect(collapse(popplerText(await issuedBytes(entries[1]!.id)))).toContain(
      "(đã được thay thế bằng phiên bản mới)",
    );
    expect((await pledgeFile(setup.leaderActors[1]!, first.id)).issued?.id).toBe(entries[1]!.id);
  }, 60_000);

  it("issues the minutes anew as each session closes", async () => {
    const setup = await votingYear({ memberCount: 3 });
    const proposal = await openSession(setup, "PROVINCIAL_FLAG");
    for (let index = 0; index < 3; index += 1)
      await cast(
        setup,
        index,
        proposal.id,
        Object.fromEntries(proposal.candidates.map((c) => [c.code, "FOR"])),
      );
    await endAndClose(setup, proposal.id);
    expect(
      (await entriesOf("VOTE_MINUTES", setup.year.id)).map((entry) => [
        entry.version,
        entry.state,
        entry.issuedById,
      ]),
    ).toEqual([[1, "sessions:1", setup.secretariat.id]]);
    const election = await openSession(setup, null);
    await endAndClose(setup, election.id);
    const entries = await entriesOf("VOTE_MINUTES", setup.year.id);
    expect(entries.map((entry) => entry.state)).toEqual(["sessions:1", "sessions:2"]);
    const file = await voteMinutesFile(setup.leaderActors[2]!, setup.year.id);
    expect(file.issued?.id).toBe(entries[1]!.id);
    expect(sha256(file.bytes)).toBe(entries[1]!.sha256);
  }, 120_000);

  it("issues the tờ trình and the score table with the dossier's submission (drafts before), and the decision notice with the decision", async () => {
    const setup = await nominationYear();
    await db.bloc.update({ where: { id: setup.bloc.id }, data: { place: "Nam Định" } });
    const draft = await toTrinhFile(setup.secretariatActor, setup.year.id);
    expect(draft.issued).toBeNull();
    expect(collapse(popplerText(draft.bytes))).toContain("DỰ THẢO");
    expect((await scoreTableFile(setup.secretariatActor, setup.year.id)).issued).toBeNull();
    expect(
      await db.issuedDocument.count({
        where: { yearId: setup.year.id, kind: { in: ["TO_TRINH", "SCORE_TABLE"] } },
      }),
    ).toBe(0);

    const ids = await submittedDossier(setup);
    const toTrinh = await entriesOf("TO_TRINH", setup.year.id);
    const scores = await entriesOf("SCORE_TABLE", setup.year.id);
    expect(toTrinh.map((entry) => [entry.version, entry.state, entry.issuedById])).toEqual([
      [1, "round:1", setup.secretariat.id],
    ]);
    expect(scores.map((entry) => entry.state)).toEqual(["round:1"]);
    const submitted = await db.dossierSubmission.findFirstOrThrow({ where: { yearId: setup.year.id } });
    expect(collapse(popplerText(await issuedBytes(toTrinh[0]!.id)))).toContain(
      `Nam Định, ${placeDate(submitted.submittedAt)}`,
    );

    // The board's verdicts change nothing of what was sent: the same bytes are served.
    await bulkApprove(setup.boardActor, { nominationIds: [...ids.values()] });
    expect(sha256((await toTrinhFile(setup.boardActor, setup.year.id)).bytes)).toBe(toTrinh[0]!.sha256);
    expect(sha256((await scoreTableFile(setup.boardActor, setup.year.id)).bytes)).toBe(scores[0]!.sha256);

    const decision = await recordDecision(setup.boardActor, setup.year.id, {
      number: "125/QĐ-UBND",
      signedOn: "2023-02-25",
      signerName: "Phạm Đình Nghị",
      signerTitle: "Chủ tịch UBND tỉnh",
    });
    const notices = await entriesOf("AWARD_DECISION", decision.id);
    expect(notices.map((entry) => [entry.version, entry.state, entry.issuedById])).toEqual([
      [1, "recorded", setup.boardActor.id],
    ]);
    // Award decisions are public to every signed-in user: a member's staff downloads the notice.
    const notice = await registryFile(setup.leaderActors[3]!, notices[0]!.id);
    const text = collapse(popplerText(notice.bytes));
    expect(text).toContain(
      "Căn cứ Quyết định số 125/QĐ-UBND ngày 25 tháng 02 năm 2023 của Chủ tịch UBND tỉnh Phạm Đình Nghị",
    );
    for (const index of [0, 1, 2, 3, 4]) expect(text).toContain(setup.agencies[index]!.name);
  }, 180_000);

  it("keeps the registry append-only: no UPDATE, DELETE or TRUNCATE of a document, its bytes or a certificate", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    const { version } = await openWithSignatures(setup, [0]);
    const entry = (await issueNow("PLEDGE", version.id))!;
    const attempt = async (sql: string) => {
      try {
        await db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(sql);
          throw new Error("NOT REFUSED");
        });
        return "NOT REFUSED";
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(await attempt(`UPDATE "IssuedDocument" SET title = 'sửa' WHERE id = '${entry.id}'`)).toContain(
      "IssuedDocument is append-only: UPDATE",
    );
    expect(await attempt(`DELETE FROM "IssuedDocument" WHERE id = '${entry.id}'`)).toContain(
      "IssuedDocument is append-only: DELETE",
    );
    expect(await attempt(`TRUNCATE "IssuedDocument" CASCADE`)).toContain("is append-only: TRUNCATE");
    expect(
      await attempt(`UPDATE "IssuedDocumentContent" SET bytes = '\\x00' WHERE "documentId" = '${entry.id}'`),
    ).toContain("IssuedDocumentContent is append-only: UPDATE");
    expect(await attempt(`DELETE FROM "IssuedDocumentContent" WHERE "documentId" = '${entry.id}'`)).toContain(
      "IssuedDocumentContent is append-only: DELETE",
    );
    expect(await attempt(`TRUNCATE "IssuedDocumentContent"`)).toContain(
      "IssuedDocumentContent is append-only: TRUNCATE",
    );
    expect(await attempt(`UPDATE "DocumentCertificate" SET subject = 'CN=giả'`)).toContain(
      "DocumentCertificate is append-only: UPDATE",
    );
    expect(await attempt(`DELETE FROM "DocumentCertificate"`)).toContain(
      "DocumentCertificate is append-only: DELETE",
    );
    expect(sha256(await issuedBytes(entry.id))).toBe(entry.sha256);
  }, 60_000);
});

/** "ngày 07 tháng 01 năm 2022" of a moment in Asia/Ho_Chi_Minh. */
function placeDate(date: Date): string {
  const [day, month, year] = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  })
    .format(date)
    .split("/");
  return `ngày ${day} tháng ${month} năm ${year}`;
}

describe("the digital signature of issued documents (PAdES B-B)", () => {
  it("is valid over the whole file for pdfsig, with the ETSI.CAdES.detached sub-filter and the signed attributes of PAdES; one changed byte makes it invalid", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    await db.bloc.update({ where: { id: setup.bloc.id }, data: { place: "Nam Định" } });
    const { version } = await openWithSignatures(setup, [0, 1]);
    const entry = (await issueNow("PLEDGE", version.id))!;
    const bytes = await issuedBytes(entry.id);

    const report = pdfsig(bytes);
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    expect(report).toContain("Total document signed");
    expect(report).toContain("Signature Validation: Signature is Valid.");
    expect(report).toContain("Signer Certificate Common Name: Khối thi đua (kiểm thử tích hợp)");

    const signature = signatureOf(bytes);
    expect(signature.subFilter).toBe("ETSI.CAdES.detached");
    // PAdES baseline: content-type, message-digest and ESS signing-certificate-v2; no CMS signing-time.
    expect(signature.signedAttributes.sort()).toEqual([
      "contentType",
      "messageDigest",
      "signingCertificateV2",
    ]);
    // The byte range covers the whole file but the signature value.
    const [start, firstLength, second, secondLength] = signature.byteRange;
    expect(start).toBe(0);
    expect(second! + secondLength!).toBe(bytes.byteLength);
    expect(second! - firstLength!).toBeGreaterThan(0);
    expect(signature.signerCertificateSha256).toBe(entry.certificate.fingerprint);
    // The signature's name, reason and location read back in Vietnamese, as a PDF reader shows them.
    expect(signatureText(bytes, "Name")).toBe("Khối thi đua – kiểm thử tích hợp");
    expect(signatureText(bytes, "Reason")).toBe(`${entry.title}. Mã văn bản ${entry.code}.`);
    expect(signatureText(bytes, "Location")).toBe("Nam Định");
    expect(signatureText(bytes, "ContactInfo")).toBe(`http://localhost:3000/verify/documents/${entry.id}`);

    const edited = tampered(bytes);
    const tamperedReport = pdfsig(edited);
    expect(tamperedReport).not.toContain("Signature is Valid");
    expect(tamperedReport).toMatch(/Digest Mismatch|Signature is Invalid/);
  }, 60_000);

  it("keeps documents signed before a certificate rotation verifiable: the registry keeps each one's certificate", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    const { version: before } = await openWithSignatures(setup, [0]);
    const old = (await issueNow("PLEDGE", before.id))!;
    const oldBytes = await issuedBytes(old.id);

    // The organisation's new certificate replaces the file (same password).
    const password = process.env.DOCUMENT_SIGNING_P12_PASSWORD!;
    const rotated = createSelfSignedPkcs12({
      commonName: "Khối thi đua (chứng thư mới)",
      organization: "Khối thi đua – chứng thư mới",
      password,
      notBefore: new Date("2020-01-01T00:00:00Z"),
      notAfter: new Date("2045-01-01T00:00:00Z"),
    });
    await writeFile(certificateCopy.copy, rotated);
    const fresh = await pledgingYear({ memberCount: 2 });
    const { version: after } = await openWithSignatures(fresh, [0]);
    const current = (await issueNow("PLEDGE", after.id))!;

    expect(current.certificate.fingerprint).toBe(readPkcs12(rotated, password).fingerprint);
    expect(current.certificate.fingerprint).not.toBe(old.certificate.fingerprint);
    expect(current.certificate.subject).toContain("CN=Khối thi đua (chứng thư mới)");
    // The older document still names, and is signed by, its own certificate, kept in the registry.
    const kept = await db.documentCertificate.findUniqueOrThrow({
      where: { fingerprint: old.certificate.fingerprint },
    });
    expect(kept.pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(signatureOf(oldBytes).signerCertificateSha256).toBe(kept.fingerprint);
    expect(pdfsig(oldBytes)).toContain("Signature is Valid");
    expect(pdfsig(await issuedBytes(current.id))).toContain("Signature is Valid");
    resetRequest();
    setHeader("x-forwarded-for", uniqueIp());
    const check = await checkDocument(oldBytes);
    expect(check).toMatchObject({
      verdict: "VALID",
      document: { id: old.id, certificate: { fingerprint: kept.fingerprint } },
    });
  }, 90_000);
});

describe("the document certificate at server start", () => {
  it("is reported by its subject, and as an error when it is not valid at the time", () => {
    const info = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      reportSigningCertificate(new Date());
      expect(info.mock.calls.map(([line]) => String(line)).join("\n")).toContain(
        '"message":"document signing certificate"',
      );
      reportSigningCertificate(new Date("2099-01-01T00:00:00Z"));
      expect(errors.mock.calls.map(([line]) => String(line)).join("\n")).toContain(
        "document signing certificate is not valid now",
      );
    } finally {
      info.mockRestore();
      errors.mockRestore();
    }
  });
});

describe("checking a document (Kiểm tra văn bản)", () => {
  /** POST /api/v1/documents/check with a file, from a client address of its own. */
  async function postCheck(bytes: Uint8Array, ip = uniqueIp(), type = "application/pdf") {
    resetRequest();
    setHeader("x-forwarded-for", ip);
    const form = new FormData();
    form.set("file", new File([new Uint8Array(bytes)], "van-ban.pdf", { type }));
    const response = await checkRoute(
      new NextRequest("http://localhost:3000/api/v1/documents/check", {
        method: "POST",
        body: form,
        headers: { "x-forwarded-for": ip },
      }),
      { params: Promise.resolve({}) },
    );
    return {
      status: response.status,
      headers: response.headers,
      body: (await response.json()) as {
        data?: {
          verdict: string;
          document?: {
            id: string;
            kind: string;
            version: number;
            pledge: { signatures: { valid: boolean }[] } | null;
          };
        };
        error?: { code: string; message: string };
      },
    };
  }

  it("says an issued document is valid (which one, and for a pledge each signature), an edited copy altered, another PDF unknown", async () => {
    const setup = await pledgingYear({ memberCount: 3 });
    const { version } = await openWithSignatures(setup, [0, 1]);
    const entry = (await issueNow("PLEDGE", version.id))!;
    const bytes = await issuedBytes(entry.id);

    const valid = await postCheck(bytes);
    expect(valid.status).toBe(200);
    expect(valid.body.data).toMatchObject({
      verdict: "VALID",
      document: { id: entry.id, kind: "PLEDGE", version: 1 },
    });
    expect(valid.body.data!.document!.pledge!.signatures.map((signature) => signature.valid)).toEqual([
      true,
      true,
    ]);

    const altered = await postCheck(tampered(bytes));
    expect(altered.body.data).toMatchObject({ verdict: "ALTERED", document: { id: entry.id } });
    // A copy with something appended (an incremental update) is not the issued file either.
    const appended = await postCheck(Buffer.concat([bytes, Buffer.from("\n% thêm vào\n")]));
    expect(appended.body.data?.verdict).toBe("ALTERED");

    const other = await postCheck(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
    expect(other.body.data).toEqual({ verdict: "UNKNOWN" });

    // The public entry says which document, not what it says.
    const publicEntry = await getPublicDocumentEntry(entry.id);
    expect(publicEntry).toMatchObject({
      id: entry.id,
      code: entry.code,
      sha256: entry.sha256,
      version: 1,
      latestVersion: 1,
    });
    expect(JSON.stringify(publicEntry)).not.toContain("seal");
  }, 60_000);

  it("answers 422 for an empty file or one that is not a PDF, and 413 over the size limit, in the API's error shape", async () => {
    const empty = await postCheck(new Uint8Array());
    expect(empty.status).toBe(422);
    expect(empty.body.error).toMatchObject({
      code: "VALIDATION",
      message: "Vui lòng chọn tệp PDF cần kiểm tra.",
    });
    const text = await postCheck(Buffer.from("Đây không phải PDF"), uniqueIp(), "text/plain");
    expect(text.status).toBe(422);
    expect(text.body.error).toMatchObject({ code: "VALIDATION", message: "Tệp không phải là văn bản PDF." });
    const large = await postCheck(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(21 * 1024 * 1024)]));
    expect(large.status).toBe(413);
    expect(large.body.error).toMatchObject({ code: "TOO_LARGE" });
    expect(large.body.error!.message).toContain("20 MB");
  }, 60_000);

  it("is rate-limited per client address like sign-in (30 in 15 minutes), then 429 with Retry-After; other addresses go on", async () => {
    const ip = uniqueIp();
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    for (let attempt = 0; attempt < 30; attempt += 1) expect((await postCheck(pdf, ip)).status).toBe(200);
    const limited = await postCheck(pdf, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error?.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(800);
    expect((await postCheck(pdf, uniqueIp())).status).toBe(200);
  }, 120_000);

  it("issues a pledge once even when two downloads ask for it at the same time", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    const { version } = await openWithSignatures(setup, []);
    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[0]!.id,
      sealKey: sealKey(),
    });
    const [a, b] = await Promise.all([
      pledgeFile(setup.leaderActors[0]!, version.id),
      pledgeFile(setup.leaderActors[1]!, version.id),
    ]);
    expect(a.issued?.id).toBe(b.issued?.id);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(await entriesOf("PLEDGE", version.id)).toHaveLength(1);
  }, 60_000);
});
