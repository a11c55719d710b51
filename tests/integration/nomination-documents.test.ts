import { createHash } from "node:crypto";
import { readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it, vi } from "vitest";

// Report files of this file go to their own temporary folder, with a 1 MiB limit: set before anything
// reads the environment (lib/env caches it on first use).
const storageDir = await vi.hoisted(async () => {
  const { mkdtemp } = await import("node:fs/promises");
  const os = await import("node:os");
  const nodePath = await import("node:path");
  const dir = await mkdtemp(nodePath.join(os.tmpdir(), "ktd-nomination-docs-"));
  process.env.EVIDENCE_DIR = dir;
  process.env.EVIDENCE_MAX_MB = "1";
  return dir;
});

import { db } from "@/lib/db";
import { exportAwardsXlsx } from "@/lib/nominations/awards-xlsx";
import { getScoreTable, getToTrinh } from "@/lib/nominations/documents";
import { renderPdf } from "@/lib/documents/render-pool";
import { getDossierZip, INDEX_FILE } from "@/lib/nominations/dossier-zip";
import { searchAwards } from "@/lib/nominations/history";
import { getNomination, submitDossier, withdrawNomination } from "@/lib/nominations/nominations";
import { readReport, uploadReport } from "@/lib/nominations/reports";
import { bulkApprove, recordDecision } from "@/lib/nominations/review";
import { makeBlocWithYear, makePledgeSignature, makePledgeVersion } from "@/prisma/seed/factories";
import { actorFor, auditOf, newAdmin } from "../support/dal";
import { nominationYear, review, submittedDossier, type NominationYear } from "../support/nominations";
import { sealKey } from "../support/pledges";
import { actorOf, setPhase } from "../support/scoring";
import { votingYear } from "../support/votes";
import { pdfText } from "../support/pdf-text";

// The files and documents of a nomination dossier through the data layer on the real database: the
// báo cáo thành tích (upload, type from the content, who may, when), the tờ trình and the score table as
// PDFs (their text extracted as a reader would), the dossier ZIP and its index, the award history XLSX.

afterAll(async () => {
  await rm(storageDir, { recursive: true, force: true });
});

const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** A minimal but well-formed PDF. */
function minimalPdf(text = "Bao cao thanh tich"): Buffer {
  return Buffer.from(
    [
      "%PDF-1.4",
      "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj",
      `% ${text}`,
      "trailer << /Root 1 0 R >>",
      "%%EOF",
      "",
    ].join("\n"),
  );
}

/** The Title of a PDF's document information. */
async function pdfTitle(buffer: Uint8Array): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pdf = await getDocument({ data: new Uint8Array(buffer), isEvalSupported: false }).promise;
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return String((info as { Title?: string }).Title ?? "").normalize("NFC");
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** GOV_FLAG 0, PROVINCIAL_FLAG 1 and 2, PROVINCIAL_MERIT 3 and 4: the nomination ids by member index. */
async function nominateAll(setup: NominationYear) {
  const plan: [number, string][] = [
    [0, "GOV_FLAG"],
    [1, "PROVINCIAL_FLAG"],
    [2, "PROVINCIAL_FLAG"],
    [3, "PROVINCIAL_MERIT"],
    [4, "PROVINCIAL_MERIT"],
  ];
  const ids = new Map<number, string>();
  for (const [index, awardCode] of plan) ids.set(index, (await setup.nominate(index, awardCode)).id);
  return ids;
}

const upload = (
  actor: Parameters<typeof uploadReport>[0],
  nominationId: string,
  fileName = "bao-cao-thanh-tich.pdf",
  bytes: Uint8Array = minimalPdf(),
) => uploadReport(actor, nominationId, { fileName, bytes });

describe("uploadReport", () => {
  it("stores the nominee's report (type from the content, SHA-256), with a 'report' event and an audit row; the latest counts", async () => {
    const setup = await nominationYear();
    const id = (await setup.nominate(3, "PROVINCIAL_MERIT")).id;
    const bytes = minimalPdf("bao cao cua co quan 3");
    const stored = await upload(setup.staffActors[3]!, id, "Báo cáo thành tích 2022.pdf", bytes);
    expect(stored).toMatchObject({
      nominationId: id,
      fileName: "Báo cáo thành tích 2022.pdf",
      mimeType: "application/pdf",
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
    });

    const events = await db.nominationEvent.findMany({ where: { nominationId: id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["create", "report"]);
    expect(events[1]).toMatchObject({
      fromStatus: "DRAFT",
      toStatus: "DRAFT",
      comment: "Báo cáo thành tích 2022.pdf",
      actorId: setup.staffActors[3]!.id,
    });
    expect(await auditOf(stored.id)).toMatchObject([
      {
        action: "nomination.report.upload",
        entity: "NominationReport",
        blocId: setup.bloc.id,
        after: { agency: setup.code(3), award: "PROVINCIAL_MERIT", sha256: sha256(bytes) },
      },
    ]);

    // The year's secretariat replaces it; the nomination shows the latest.
    const second = await upload(setup.secretariatActor, id, "bao-cao-sua.pdf", minimalPdf("ban sua"));
    expect((await getNomination(setup.secretariatActor, id)).report).toMatchObject({
      id: second.id,
      fileName: "bao-cao-sua.pdf",
    });
    expect(await db.nominationReport.count({ where: { nominationId: id } })).toBe(2);
  });

  it("refuses a .pdf name with other bytes, an empty file and a file over EVIDENCE_MAX_MB, storing nothing", async () => {
    const setup = await nominationYear();
    const id = (await setup.nominate(3, "PROVINCIAL_MERIT")).id;
    const before = (await filesUnder(storageDir)).length;
    await expect(
      upload(
        setup.leaderActors[3]!,
        id,
        "bao-cao.pdf",
        Buffer.from("Đây không phải là PDF, chỉ là văn bản thường.\n"),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nominationReport.type",
    });
    await expect(upload(setup.leaderActors[3]!, id, "bao-cao.pdf", new Uint8Array())).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nominationReport.empty",
    });
    const large = Buffer.concat([minimalPdf(), Buffer.alloc(1024 * 1024)]);
    await expect(upload(setup.leaderActors[3]!, id, "bao-cao.pdf", large)).rejects.toMatchObject({
      code: "VALIDATION",
      messageKey: "errors.nominationReport.tooLarge",
      params: { max: 1 },
    });
    expect(await db.nominationReport.count({ where: { nominationId: id } })).toBe(0);
    expect(await db.nominationEvent.count({ where: { nominationId: id, action: "report" } })).toBe(0);
    expect((await filesUnder(storageDir)).length).toBe(before);
  });

  it("is NOT_FOUND for another member's people, another member's secretariat and outsiders; FORBIDDEN for the board and the admin", async () => {
    const setup = await nominationYear();
    const id = (await setup.nominate(3, "PROVINCIAL_MERIT")).id;
    const other = await makeBlocWithYear(db, { phase: "NOMINATION", memberCount: 2 });
    const refusedAsMissing = [
      setup.leaderActors[4]!,
      setup.staffActors[5]!,
      await actorOf("SECRETARIAT", setup.agencies[1]!.id),
      await actorFor(other.leaders[0]!),
      await actorFor(other.secretariat),
    ];
    for (const actor of refusedAsMissing) {
      await expect(upload(actor, id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.nomination.notFound",
      });
    }
    for (const actor of [setup.boardActor, await newAdmin()]) {
      await expect(upload(actor, id)).rejects.toMatchObject({
        code: "FORBIDDEN",
        messageKey: "errors.nominationReport.forbidden",
      });
    }
    await expect(upload(setup.leaderActors[3]!, MISSING_ID)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.nominationReport.count({ where: { nominationId: id } })).toBe(0);
  });

  it("is refused once the nomination is SUBMITTED, allowed again when the board returns it, refused outside the nomination phases", async () => {
    const setup = await nominationYear();
    const id = (await setup.nominate(3, "PROVINCIAL_MERIT")).id;
    await upload(setup.staffActors[3]!, id);
    await submitDossier(setup.secretariatActor, setup.year.id);
    await expect(upload(setup.staffActors[3]!, id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nominationReport.locked",
    });
    await expect(upload(setup.secretariatActor, id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nominationReport.locked",
    });

    await review(setup.boardActor, id, "return", "Bổ sung số liệu năm 2022 vào báo cáo");
    const fixed = await upload(setup.staffActors[3]!, id, "bao-cao-bo-sung.pdf");
    const events = await db.nominationEvent.findMany({
      where: { nominationId: id, action: "report" },
      orderBy: { id: "asc" },
    });
    expect(events.map((event) => [event.round, event.toStatus])).toEqual([
      [0, "DRAFT"],
      [1, "RETURNED"],
    ]);
    expect(fixed.fileName).toBe("bao-cao-bo-sung.pdf");

    // A year moved on (here: back to VOTING by hand) takes no report even for a RETURNED nomination.
    await setPhase(setup.year.id, "VOTING");
    await expect(upload(setup.staffActors[3]!, id)).rejects.toMatchObject({
      code: "WRONG_PHASE",
      messageKey: "errors.nominationReport.wrongPhase",
    });
  });
});

describe("readReport", () => {
  it("gives the file to whoever reads the nomination, NOT_FOUND to others, and checks its SHA-256", async () => {
    const setup = await nominationYear();
    const id = (await setup.nominate(3, "PROVINCIAL_MERIT")).id;
    const bytes = minimalPdf("doc lai");
    const stored = await upload(setup.leaderActors[3]!, id, "bao-cao.pdf", bytes);
    for (const actor of [setup.staffActors[3]!, setup.secretariatActor, setup.boardActor, await newAdmin()]) {
      const file = await readReport(actor, stored.id);
      expect(file).toMatchObject({
        fileName: "bao-cao.pdf",
        mimeType: "application/pdf",
        sha256: sha256(bytes),
      });
      expect(Buffer.compare(file.bytes, bytes)).toBe(0);
    }
    const other = await makeBlocWithYear(db, { phase: "NOMINATION", memberCount: 2 });
    for (const actor of [
      setup.leaderActors[4]!,
      await actorOf("SECRETARIAT", setup.agencies[2]!.id),
      await actorFor(other.leaders[0]!),
    ]) {
      await expect(readReport(actor, stored.id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.nominationReport.notFound",
      });
    }
    await expect(readReport(setup.secretariatActor, MISSING_ID)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.nominationReport.notFound",
    });
    await expect(readReport(setup.secretariatActor, "not-a-uuid")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    // A file changed on disk no longer matches its hash.
    const row = await db.nominationReport.findUniqueOrThrow({ where: { id: stored.id } });
    await writeFile(path.join(storageDir, row.storageKey), minimalPdf("sua trai phep"));
    await expect(readReport(setup.secretariatActor, stored.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nominationReport.corrupted",
    });
  });
});

describe("the tờ trình and the score table", () => {
  it("lists the nominations not withdrawn or rejected per award, with rank, total, classification and vote; the PDF says so", async () => {
    const setup = await nominationYear();
    await db.bloc.update({ where: { id: setup.bloc.id }, data: { place: "Nam Định" } });
    const ids = await nominateAll(setup);
    await withdrawNomination(setup.secretariatActor, ids.get(4)!, { reason: "Cơ quan xin rút" });

    const doc = await getToTrinh(setup.secretariatActor, setup.year.id, new Date());
    expect(doc.total).toBe(4);
    expect(doc.awards.map((award) => [award.code, award.nominees.map((n) => n.agency.code)])).toEqual([
      ["GOV_FLAG", [setup.code(0)]],
      ["PROVINCIAL_FLAG", [setup.code(1), setup.code(2)]],
      ["PROVINCIAL_MERIT", [setup.code(3)]],
    ]);
    expect(doc.awards[1]!.nominees[0]).toMatchObject({
      rank: 2,
      totalX100: 9600,
      classification: "Xuất sắc",
      vote: { for: 6, ballots: 6 },
      status: "DRAFT",
    });
    expect(doc.leader).toMatchObject({
      agencyName: setup.agencies[0]!.name,
      person: { name: setup.leaders[0]!.name },
    });
    expect(doc.basis.ranking).not.toBeNull();
    expect(doc.basis.minutes).not.toBeNull();
    expect(doc.basis.pledge).toBeNull();

    const text = await pdfText(await renderPdf({ kind: "TO_TRINH", data: doc, stamp: { status: "DRAFT" } }));
    expect(text).toContain("DỰ THẢO – văn bản chưa được phát hành");
    expect(text).toContain("TỜ TRÌNH");
    expect(text).toContain(`Về việc đề nghị khen thưởng năm ${setup.year.year}`);
    expect(text).toContain("Kính gửi: Hội đồng Thi đua – Khen thưởng tỉnh");
    expect(text).toContain("/TTr-KTĐ");
    expect(text).toContain("Nam Định, ngày");
    expect(text).toContain("Căn cứ Luật Thi đua, khen thưởng");
    expect(text).toContain("Nghị định số 98/2023/NĐ-CP");
    expect(text).toContain("Căn cứ Biên bản họp bình xét, suy tôn");
    expect(text).toContain("1. Cờ thi đua của Chính phủ: 1 tập thể");
    expect(text).toContain("2. Cờ thi đua của UBND tỉnh: 2 tập thể");
    expect(text).toContain("3. Bằng khen của Chủ tịch UBND tỉnh: 1 tập thể");
    expect(text).toContain("Tổng cộng: 4 tập thể");
    expect(text).toContain("6/6 phiếu đồng ý");
    expect(text).toContain("TM. KHỐI THI ĐUA");
    expect(text).toContain("Nơi nhận:");
    expect(text).toContain(setup.leaders[0]!.name);
    for (const index of [0, 1, 2, 3]) expect(text).toContain(setup.agencies[index]!.name);
    expect(text).not.toContain(setup.agencies[4]!.name);

    // A rejected nomination leaves the tờ trình too.
    await db.nomination.update({ where: { id: ids.get(3)! }, data: { status: "REJECTED" } });
    expect(
      (await getToTrinh(setup.boardActor, setup.year.id, new Date())).awards.map((award) => award.code),
    ).toEqual(["GOV_FLAG", "PROVINCIAL_FLAG"]);
  });

  it("is read by the secretariat, the board and the admin only (NOT_FOUND for members and other blocs)", async () => {
    const setup = await nominationYear();
    await nominateAll(setup);
    for (const actor of [setup.boardActor, await newAdmin()]) {
      await expect(getToTrinh(actor, setup.year.id, new Date())).resolves.toMatchObject({ total: 5 });
      await expect(getScoreTable(actor, setup.year.id)).resolves.toMatchObject({ year: setup.year.year });
    }
    const other = await makeBlocWithYear(db, { phase: "NOMINATION", memberCount: 2 });
    for (const actor of [
      setup.leaderActors[1]!,
      await actorOf("SECRETARIAT", setup.agencies[1]!.id),
      await actorFor(other.secretariat),
    ]) {
      await expect(getToTrinh(actor, setup.year.id, new Date())).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getScoreTable(actor, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getDossierZip(actor, setup.year.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });

  it("prints the published ranking with per-group points, total, rank and classification (landscape); CONFLICT before publication", async () => {
    const setup = await nominationYear();
    const table = await getScoreTable(setup.secretariatActor, setup.year.id);
    expect(table.entries.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(table.groups.map((group) => group.code)).toEqual(["I", "II", "V", "VI"]);
    const pdf = await renderPdf({ kind: "SCORE_TABLE", data: table, stamp: { status: "DRAFT" } });
    const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const page = await (
      await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise
    ).getPage(1);
    const [, , width, height] = page.view;
    expect(width).toBeGreaterThan(height!);

    const text = await pdfText(pdf);
    expect(text).toContain(`BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM ${setup.year.year}`);
    for (const agency of setup.agencies) expect(text).toContain(agency.name);
    for (const heading of ["Tổng điểm", "Xếp hạng", "Xếp loại", "Xuất sắc", "Tốt", "Khá"])
      expect(text).toContain(heading);
    expect(text).toContain("Tổng số: 6 cơ quan thành viên");
    // Member 3: 30 + 30 in group I, 30 in group II: 90 in total, fourth.
    const row = text.slice(text.indexOf(setup.agencies[3]!.name));
    expect(row).toMatch(/^\S.*? 60 30 0 0 90 4 Tốt/);

    const unpublished = await votingYear({ memberCount: 3, publish: false, phase: "NOMINATION" });
    await expect(getScoreTable(unpublished.secretariatActor, unpublished.year.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.nominationDocs.noRanking",
    });
  });
});

describe("getDossierZip", () => {
  it("holds the tờ trình, minutes, score table, signed pledge and each latest report, with an index whose hashes match", async () => {
    const setup = await nominationYear();
    const ids = await nominateAll(setup);
    const version = await makePledgeVersion(db, { yearId: setup.year.id, createdById: setup.secretariat.id });
    for (const index of [0, 1, 2])
      await makePledgeSignature(db, {
        versionId: version.id,
        signerId: setup.leaders[index]!.id,
        sealKey: sealKey(),
      });
    for (const index of [0, 1, 2, 3])
      await upload(setup.staffActors[index]!, ids.get(index)!, "cu.pdf", minimalPdf(`cu ${index}`));
    for (const index of [0, 1, 2])
      await upload(setup.staffActors[index]!, ids.get(index)!, "bao-cao.pdf", minimalPdf(`moi ${index}`));
    await withdrawNomination(setup.secretariatActor, ids.get(3)!, { reason: "Cơ quan xin rút" });
    // Member 4 has no report yet.

    const result = await getDossierZip(setup.boardActor, setup.year.id);
    const zip = await JSZip.loadAsync(result.bytes);
    const names = Object.keys(zip.files)
      .filter((name) => !zip.files[name]!.dir)
      .sort();
    const reports = [0, 1, 2].map((index) => `bao-cao-thanh-tich/${setup.code(index)}-bao-cao.pdf`).sort();
    expect(names).toEqual(
      [
        "01-to-trinh.pdf",
        "02-bien-ban-binh-xet.pdf",
        "03-bang-diem.pdf",
        "04-giao-uoc-da-ky.pdf",
        ...reports,
        INDEX_FILE,
      ].sort(),
    );
    expect(result.fileName).toMatch(new RegExp(`^ho-so-de-nghi-khen-thuong-${setup.year.year}-.+\\.zip$`));

    // The latest report of each nomination, byte for byte.
    const report0 = await zip.file(`bao-cao-thanh-tich/${setup.code(0)}-bao-cao.pdf`)!.async("uint8array");
    expect(Buffer.compare(Buffer.from(report0), minimalPdf("moi 0"))).toBe(0);

    // muc-luc.txt: every file with its SHA-256 (sha256sum format), and what is missing.
    const index = await zip.file(INDEX_FILE)!.async("string");
    const listed = [...index.matchAll(/^([0-9a-f]{64}) {2}(.+)$/gm)].map((match) => ({
      hash: match[1]!,
      name: match[2]!,
    }));
    expect(listed.map((entry) => entry.name).sort()).toEqual(names.filter((name) => name !== INDEX_FILE));
    for (const entry of listed)
      expect(sha256(await zip.file(entry.name)!.async("uint8array")), entry.name).toBe(entry.hash);
    expect(index).toContain(`HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM ${setup.year.year}`);
    expect(index).toContain("Còn thiếu (1):");
    expect(index).toContain(`chưa có báo cáo thành tích của ${setup.agencies[4]!.name}`);
    expect(result.missing).toHaveLength(1);

    // The documents inside are the ones the app renders (titles from the PDF metadata: react-pdf's
    // ToUnicode maps garble the odd glyph of extracted text once several documents share the font).
    expect(await pdfTitle(await zip.file("01-to-trinh.pdf")!.async("uint8array"))).toBe(
      `Tờ trình đề nghị khen thưởng năm ${setup.year.year}`,
    );
    expect(await pdfTitle(await zip.file("02-bien-ban-binh-xet.pdf")!.async("uint8array"))).toBe(
      `Biên bản họp bình xét, suy tôn năm ${setup.year.year}`,
    );
    expect(await pdfTitle(await zip.file("03-bang-diem.pdf")!.async("uint8array"))).toBe(
      `Bảng tổng hợp điểm thi đua năm ${setup.year.year}`,
    );
    const pledge = await zip.file("04-giao-uoc-da-ky.pdf")!.async("uint8array");
    expect(await pdfTitle(pledge)).toBe(`Bản giao ước thi đua năm ${setup.year.year} — phiên bản 1`);
    // The certificate page prints the version's SHA-256 (in Courier, a standard font).
    expect(await pdfText(pledge)).toContain(version.sha256!.slice(0, 32));
    const toTrinh = await pdfText(await zip.file("01-to-trinh.pdf")!.async("uint8array"));
    expect(toTrinh).toContain("Tổng cộng: 4 tập thể");
  });

  it("leaves out the minutes and the pledge when there are none, and says so in the index", async () => {
    const setup = await votingYear({ memberCount: 3, phase: "NOMINATION" });
    const result = await getDossierZip(setup.secretariatActor, setup.year.id);
    const zip = await JSZip.loadAsync(result.bytes);
    expect(Object.keys(zip.files).sort()).toEqual(["01-to-trinh.pdf", "03-bang-diem.pdf", INDEX_FILE]);
    const index = await zip.file(INDEX_FILE)!.async("string");
    expect(index).toContain("Còn thiếu (2):");
    expect(index).toContain("- 02-bien-ban-binh-xet.pdf: chưa có phiên bình xét, suy tôn nào đã đóng");
    expect(index).toContain("- 04-giao-uoc-da-ky.pdf: chưa có bản giao ước thi đua được mở ký");
    expect(result.missing.map((item) => item.path)).toEqual([
      "02-bien-ban-binh-xet.pdf",
      "04-giao-uoc-da-ky.pdf",
    ]);
    expect(await pdfTitle(await zip.file("03-bang-diem.pdf")!.async("uint8array"))).toBe(
      `Bảng tổng hợp điểm thi đua năm ${setup.year.year}`,
    );
    expect(await pdfText(await zip.file("01-to-trinh.pdf")!.async("uint8array"))).toContain(
      "Tổng cộng: 0 tập thể",
    );
  });
});

describe("exportAwardsXlsx", () => {
  it("has a row per award of the search, with the same filters, under Vietnamese headers", async () => {
    const setup = await nominationYear();
    const ids = await submittedDossier(setup);
    await bulkApprove(setup.boardActor, { nominationIds: [...ids.values()] });
    await recordDecision(setup.boardActor, setup.year.id, {
      number: "125/QĐ-UBND",
      signedOn: "2023-01-20",
      signerName: "Nguyễn Văn A",
      signerTitle: "Chủ tịch UBND tỉnh",
    });

    const reader = setup.staffActors[5]!;
    const filters = { blocId: setup.bloc.id };
    const expected = await searchAwards(reader, filters);
    expect(expected).toHaveLength(5);
    const file = await exportAwardsXlsx(reader, filters);
    expect(file.rows).toBe(5);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0]!;
    const values = (rowNumber: number) => (sheet.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(4)).toEqual([
      "Năm",
      "Khối thi đua",
      "Cơ quan",
      "Hình thức khen thưởng",
      "Số quyết định",
      "Ngày ký",
      "Người ký",
    ]);
    const rows = expected.map((_, index) => values(5 + index));
    expect(rows).toEqual(
      expected.map((award) => [
        award.year,
        award.bloc.name,
        award.agency.name,
        award.award.name,
        "125/QĐ-UBND",
        "20/01/2023",
        "Nguyễn Văn A, Chủ tịch UBND tỉnh",
      ]),
    );
    expect(sheet.getRow(5 + expected.length).values).toEqual([]);

    // Another filter, another set of rows.
    const flags = await exportAwardsXlsx(reader, { blocId: setup.bloc.id, awardCode: "PROVINCIAL_FLAG" });
    expect(flags.rows).toBe(2);
    await expect(exportAwardsXlsx(reader, { year: "not-a-year" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});
