import "server-only";
import JSZip from "jszip";
import type { Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { db } from "@/lib/db";
import {
  pledgeFile,
  scoreTableFile,
  toTrinhFile,
  voteMinutesFile,
  type DocumentFile,
} from "@/lib/documents/downloads";
import { sha256Hex } from "@/lib/evidence/storage";
import { fileSlug } from "@/lib/excel/cells";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { translatorFor } from "@/lib/i18n/translate";
import { dossierYear } from "./documents";
import { latestReportFiles } from "./reports";

// The whole dossier (hồ sơ đề nghị khen thưởng) of a bloc's year as one ZIP: the tờ trình, the
// minutes of the deliberation, the score table, the signed pledge (each the stored bytes of its latest
// issued version, or a draft marked "DỰ THẢO" before it is issued) and each nominee's latest báo cáo
// thành tích, with an index (muc-luc.txt) listing every file and its SHA-256 in `sha256sum` format,
// each issued document's registry code, and what is missing. A piece that does not exist yet (no
// closed vote, no pledge) is left out.

export const INDEX_FILE = "muc-luc.txt";
export const REPORTS_FOLDER = "bao-cao-thanh-tich";

export interface DossierZip {
  fileName: string;
  bytes: Uint8Array;
  /** What is in the archive (besides the index), in order. */
  files: { path: string; sha256: string; sizeBytes: number }[];
  /** What is not, and why. */
  missing: { path: string; reason: string }[];
}

/** Runs `load`; a NOT_FOUND or CONFLICT (the piece does not exist yet) gives null. */
async function optional<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "CONFLICT")) return null;
    throw error;
  }
}

export async function getDossierZip(actor: Actor, yearId: string, now = clockNow()): Promise<DossierZip> {
  const year = await dossierYear(actor, yearId);
  const files: { path: string; bytes: Uint8Array; code?: string }[] = [];
  const missing: DossierZip["missing"] = [];
  const add = (path: string, file: DocumentFile | null, reason: string) => {
    if (file) files.push({ path, bytes: file.bytes, code: file.issued ? file.issued.code : "DỰ THẢO" });
    else missing.push({ path, reason });
  };

  add("01-to-trinh.pdf", await toTrinhFile(actor, year.id), "");
  add(
    "02-bien-ban-binh-xet.pdf",
    await optional(() => voteMinutesFile(actor, year.id)),
    "chưa có phiên bình xét, suy tôn nào đã đóng",
  );
  add(
    "03-bang-diem.pdf",
    await optional(() => scoreTableFile(actor, year.id)),
    "kết quả xếp hạng chưa được công bố",
  );
  const version = await db.pledgeVersion.findFirst({
    where: { pledge: { yearId: year.id }, status: "OPEN" },
    select: { id: true },
  });
  add(
    "04-giao-uoc-da-ky.pdf",
    version ? await optional(() => pledgeFile(actor, version.id)) : null,
    "chưa có bản giao ước thi đua được mở ký",
  );

  const nominations = await db.nomination.findMany({
    where: { yearId: year.id, status: { not: "WITHDRAWN" } },
    select: { id: true, awardCode: true, awardName: true, agency: { select: { code: true, name: true } } },
    orderBy: [{ agency: { code: "asc" } }, { createdAt: "asc" }],
  });
  const reports = await latestReportFiles(
    db,
    nominations.map((nomination) => nomination.id),
  );
  const taken = new Set<string>();
  const t = translatorFor("vi");
  for (const nomination of nominations) {
    const report = reports.get(nomination.id);
    if (!report) {
      missing.push({
        path: `${REPORTS_FOLDER}/${nomination.agency.code}-…`,
        reason: `chưa có báo cáo thành tích của ${nomination.agency.name} (${nomination.awardName})`,
      });
      continue;
    }
    let path = `${REPORTS_FOLDER}/${nomination.agency.code}-${report.fileName}`;
    if (taken.has(path))
      path = `${REPORTS_FOLDER}/${nomination.agency.code}-${nomination.awardCode}-${report.fileName}`;
    taken.add(path);
    if (report.bytes) files.push({ path, bytes: report.bytes });
    else missing.push({ path, reason: t(report.problem ?? "errors.nominationReport.fileMissing") });
  }

  const listed = files.map((file) => ({
    path: file.path,
    sha256: sha256Hex(file.bytes),
    sizeBytes: file.bytes.byteLength,
  }));
  const codes = files.filter((file) => file.code).map((file) => `- ${file.path}: ${file.code}`);
  const index = [
    `HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG NĂM ${year.year}`,
    year.bloc.name,
    `Lập lúc: ${formatDateTime(now)}`,
    "",
    `Các tệp trong hồ sơ (${listed.length}), mã băm SHA-256 (kiểm tra: sha256sum -c ${INDEX_FILE}):`,
    ...listed.map((file) => `${file.sha256}  ${file.path}`),
    "",
    "Văn bản do hệ thống phát hành (mã văn bản; kiểm tra tại trang Kiểm tra văn bản):",
    ...codes,
    "",
    missing.length > 0 ? `Còn thiếu (${missing.length}):` : "Còn thiếu: không.",
    ...missing.map((item) => `- ${item.path}: ${item.reason}`),
    "",
  ].join("\n");

  const zip = new JSZip();
  for (const file of files) zip.file(file.path, file.bytes, { date: now, binary: true });
  zip.file(INDEX_FILE, index, { date: now });
  const bytes = await zip.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  return {
    fileName: `ho-so-de-nghi-khen-thuong-${year.year}-${fileSlug(year.bloc.name)}.zip`,
    bytes,
    files: listed,
    missing,
  };
}
