import { createHash } from "node:crypto";
import { readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

// Evidence files of this file go to their own temporary folder, with a 1 MiB limit: set before anything
// reads the environment (lib/env caches it on first use).
const evidenceDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = await mkdtemp(nodePath.join(os.tmpdir(), "ktd-evidence-"));
  process.env.EVIDENCE_DIR = dir;
  process.env.EVIDENCE_MAX_MB = "1";
  return dir;
});

import { getSelfAssessment, saveSelfScore, submitSelfAssessment } from "@/lib/assessments/assessments";
import { db } from "@/lib/db";
import { deleteEvidence, readEvidence, uploadEvidence } from "@/lib/evidence/evidence";
import { makeAgency } from "@/prisma/seed/factories";
import { auditOf, newAdmin } from "../support/dal";
import { actorOf, scoringSetup, setPhase, type ScoringSetup } from "../support/scoring";

afterAll(async () => {
  await rm(evidenceDir, { recursive: true, force: true });
});

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/** A minimal but well-formed PDF. */
function minimalPdf(text = "Minh chung"): Buffer {
  const body = [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
    `% ${text}`,
    "trailer << /Root 1 0 R >>",
    "%%EOF",
  ].join("\n");
  return Buffer.from(body, "latin1");
}

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const selfYear = () => scoringSetup({ phase: "SELF_ASSESSMENT", memberCount: 3 });

function upload(setup: ScoringSetup, agencyIndex: number, fileName: string, bytes: Uint8Array, code = "I.1") {
  return uploadEvidence(setup.staffActors[agencyIndex]!, setup.year.id, {
    criterionId: setup.criterionId(code),
    fileName,
    bytes,
  });
}

const storedPath = async (evidenceId: string) =>
  path.join(evidenceDir, (await db.evidence.findUniqueOrThrow({ where: { id: evidenceId } })).storageKey);

describe("uploadEvidence", () => {
  it("stores a real PDF under EVIDENCE_DIR with its detected type, size and SHA-256, listed on the criterion and audited", async () => {
    const setup = await selfYear();
    const bytes = minimalPdf();
    const dto = await upload(setup, 1, "../../etc/Báo cáo kết quả.pdf", bytes);

    expect(dto).toEqual({
      id: expect.any(String),
      fileName: "Báo cáo kết quả.pdf",
      mimeType: "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: sha256(bytes),
      uploadedAt: expect.any(String),
    });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row).toMatchObject({
      yearId: setup.year.id,
      agencyId: setup.agencies[1]!.id,
      criterionId: setup.criterionId("I.1"),
      sha256: sha256(bytes),
      uploadedById: setup.staffActors[1]!.id,
      deletedAt: null,
    });
    // An opaque key under the year and agency, never the uploaded name.
    expect(row.storageKey).toMatch(
      new RegExp(`^${setup.year.id}/${setup.agencies[1]!.id}/[0-9a-f-]{36}\\.pdf$`),
    );
    const file = path.join(evidenceDir, row.storageKey);
    expect(path.relative(evidenceDir, file).startsWith("..")).toBe(false);
    expect(await readFile(file)).toEqual(bytes);
    expect(sha256(await readFile(file))).toBe(row.sha256);

    const view = await getSelfAssessment(setup.staffActors[1]!, setup.year.id);
    expect(view.groups[0]!.criteria[0]!.evidence).toEqual([
      {
        id: dto.id,
        fileName: "Báo cáo kết quả.pdf",
        mimeType: "application/pdf",
        sizeBytes: bytes.byteLength,
        uploadedAt: dto.uploadedAt,
      },
    ]);
    expect(await auditOf(dto.id)).toEqual([
      expect.objectContaining({
        action: "evidence.upload",
        actorId: setup.staffActors[1]!.id,
        after: expect.objectContaining({ sha256: sha256(bytes), mimeType: "application/pdf" }),
      }),
    ]);
  });

  it("takes the type from the content, not the name: a PNG named .jpg is stored as image/png", async () => {
    const setup = await selfYear();
    const dto = await upload(setup, 0, "anh-chup.jpg", PNG);
    expect(dto).toMatchObject({
      mimeType: "image/png",
      fileName: "anh-chup.jpg",
      sha256: sha256(PNG),
      sizeBytes: PNG.byteLength,
    });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row.storageKey.endsWith(".png")).toBe(true);
    expect(await readFile(path.join(evidenceDir, row.storageKey))).toEqual(PNG);
  });

  it("rejects spoofed types (text, HTML or an executable named .pdf), empty and too large files, storing nothing", async () => {
    const setup = await selfYear();
    const spoofs = [
      Buffer.from("Day la van ban thuong, khong phai PDF.\n"),
      Buffer.from("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
      Buffer.from("%PD-1.4 gần giống PDF"),
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(120)]),
    ];
    for (const bytes of spoofs) {
      await expect(upload(setup, 1, "bao-cao.pdf", bytes)).rejects.toMatchObject({
        code: "VALIDATION",
        messageKey: "errors.evidence.type",
      });
    }
    await expect(upload(setup, 1, "rong.pdf", new Uint8Array(0))).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.evidence.empty",
    });
    // A real PDF just over the limit of this file (EVIDENCE_MAX_MB=1).
    const big = Buffer.concat([minimalPdf(), Buffer.alloc(1024 * 1024, 0x20)]);
    await expect(upload(setup, 1, "lon.pdf", big)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.evidence.tooLarge",
      params: { max: 1 },
    });
    // Just at the limit is fine.
    const limit = Buffer.concat([minimalPdf(), Buffer.alloc(1024 * 1024 - minimalPdf().byteLength, 0x20)]);
    await expect(upload(setup, 1, "vua.pdf", limit)).resolves.toMatchObject({ sizeBytes: 1024 * 1024 });

    const rows = await db.evidence.findMany({ where: { yearId: setup.year.id } });
    expect(rows.map((row) => row.fileName)).toEqual(["vua.pdf"]);
  });

  it("is WRONG_PHASE outside SELF_ASSESSMENT, CONFLICT after submission, FORBIDDEN to the secretariat, NOT_FOUND for another year's criterion", async () => {
    const setup = await selfYear();
    const other = await selfYear();
    await expect(
      uploadEvidence(setup.staffActors[1]!, setup.year.id, {
        criterionId: other.criterionId("I.1"),
        fileName: "a.pdf",
        bytes: minimalPdf(),
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.criteria.notFound",
    });
    await expect(
      uploadEvidence(setup.secretariatActor, setup.year.id, {
        criterionId: setup.criterionId("I.1"),
        fileName: "a.pdf",
        bytes: minimalPdf(),
      }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const outsider = await actorOf("AGENCY_STAFF", (await makeAgency(db)).id);
    await expect(
      uploadEvidence(outsider, setup.year.id, {
        criterionId: setup.criterionId("I.1"),
        fileName: "a.pdf",
        bytes: minimalPdf(),
      }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    await submitSelfAssessment(setup.leaderActors[2]!, setup.year.id);
    await expect(upload(setup, 2, "muon.pdf", minimalPdf())).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.assessment.submitted",
    });

    await setPhase(setup.year.id, "REVIEW");
    await expect(upload(setup, 1, "muon.pdf", minimalPdf())).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.assessment.wrongPhase",
    });
    expect(await db.evidence.count({ where: { yearId: { in: [setup.year.id, other.year.id] } } })).toBe(0);
  });
});

describe("readEvidence", () => {
  it("gives the file to the agency's people, the leader agency's secretariat, the board and the admin", async () => {
    const setup = await selfYear();
    const bytes = minimalPdf("doc duoc");
    const dto = await upload(setup, 2, "Tờ trình.pdf", bytes);
    const readers = [
      setup.staffActors[2]!,
      setup.leaderActors[2]!,
      setup.secretariatActor,
      await actorOf("BOARD"),
      await newAdmin(),
      await actorOf("SECRETARIAT", setup.agencies[2]!.id),
    ];
    for (const reader of readers) {
      const file = await readEvidence(reader, dto.id);
      expect(file).toMatchObject({ fileName: "Tờ trình.pdf", mimeType: "application/pdf" });
      expect(file.bytes.equals(bytes)).toBe(true);
    }
  });

  it("is NOT_FOUND for another agency's file (indistinguishable from a missing one), also for another member's secretariat", async () => {
    const setup = await selfYear();
    const dto = await upload(setup, 2, "mat.pdf", minimalPdf());
    const strangers = [
      setup.staffActors[1]!,
      setup.leaderActors[1]!,
      setup.staffActors[0]!,
      setup.leaderActors[0]!,
      await actorOf("SECRETARIAT", setup.deputyAgency.id),
      await actorOf("AGENCY_STAFF", (await makeAgency(db)).id),
    ];
    for (const stranger of strangers) {
      await expect(readEvidence(stranger, dto.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.evidence.notFound",
      });
    }
    for (const id of [MISSING_ID, "khong-phai-id"]) {
      await expect(readEvidence(setup.staffActors[2]!, id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.evidence.notFound",
      });
    }
    // Nor can they see it through the assessment.
    await expect(
      getSelfAssessment(setup.staffActors[1]!, setup.year.id, setup.agencies[2]!.code),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("checks the SHA-256 on the way out: a tampered file is a CONFLICT (errors.evidence.corrupted), a vanished one NOT_FOUND", async () => {
    const setup = await selfYear();
    const dto = await upload(setup, 1, "goc.pdf", minimalPdf("ban goc"));
    const file = await storedPath(dto.id);
    await writeFile(file, minimalPdf("ban da sua"));
    await expect(readEvidence(setup.staffActors[1]!, dto.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.evidence.corrupted",
    });
    await rm(file);
    await expect(readEvidence(setup.staffActors[1]!, dto.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.evidence.fileMissing",
    });
  });
});

describe("deleteEvidence", () => {
  it("removes a file from the assessment: no longer listed or readable, the row kept with deletedAt, audited", async () => {
    const setup = await selfYear();
    const kept = await upload(setup, 1, "giu.pdf", minimalPdf("giu"));
    const dto = await upload(setup, 1, "xoa.png", PNG, "I.2");
    await deleteEvidence(setup.leaderActors[1]!, dto.id);

    const view = await getSelfAssessment(setup.staffActors[1]!, setup.year.id);
    expect(view.groups.flatMap((g) => g.criteria.flatMap((c) => c.evidence.map((e) => e.id)))).toEqual([
      kept.id,
    ]);
    await expect(readEvidence(setup.staffActors[1]!, dto.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.evidence.notFound",
    });
    await expect(readEvidence(setup.secretariatActor, dto.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(deleteEvidence(setup.staffActors[1]!, dto.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const row = await db.evidence.findUniqueOrThrow({ where: { id: dto.id } });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect((await stat(await storedPath(dto.id))).isFile()).toBe(true);
    expect((await auditOf(dto.id)).map((a) => a.action)).toEqual(["evidence.upload", "evidence.delete"]);
  });

  it("is refused to other agencies (NOT_FOUND), to the secretariat (FORBIDDEN), after submission and outside the phase", async () => {
    const setup = await selfYear();
    const dto = await upload(setup, 1, "cua-b.pdf", minimalPdf());
    await expect(deleteEvidence(setup.staffActors[2]!, dto.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // The secretariat may read the file but never edits an agency's assessment.
    await expect(deleteEvidence(setup.secretariatActor, dto.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setPhase(setup.year.id, "REVIEW");
    await expect(deleteEvidence(setup.staffActors[1]!, dto.id)).rejects.toMatchObject({
      code: "WRONG_PHASE",
    });
    await setPhase(setup.year.id, "SELF_ASSESSMENT");
    await submitSelfAssessment(setup.leaderActors[1]!, setup.year.id);
    await expect(deleteEvidence(setup.staffActors[1]!, dto.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.assessment.submitted",
    });
    expect((await db.evidence.findUniqueOrThrow({ where: { id: dto.id } })).deletedAt).toBeNull();
  });
});

describe("evidence and submission", () => {
  it("refuses to submit while a criterion requiring evidence has points and no (undeleted) file; accepts once a file is there", async () => {
    const setup = await selfYear();
    await saveSelfScore(setup.staffActors[1]!, setup.year.id, {
      criterionId: setup.criterionId("I.1"),
      points: 30,
    });
    const first = await upload(setup, 1, "minh-chung.pdf", minimalPdf());
    await deleteEvidence(setup.staffActors[1]!, first.id);
    // Evidence of another criterion or of another agency does not count.
    await upload(setup, 1, "khac.pdf", minimalPdf(), "I.2");
    await upload(setup, 2, "cua-c.pdf", minimalPdf());

    const error = await submitSelfAssessment(setup.leaderActors[1]!, setup.year.id).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.assessment.evidenceMissing",
      items: [{ params: { code: "I.1" } }],
    });

    await upload(setup, 1, "minh-chung-moi.pdf", minimalPdf("moi"));
    await expect(submitSelfAssessment(setup.leaderActors[1]!, setup.year.id)).resolves.toBeDefined();
  });
});
