import "server-only";
import type { db, Tx } from "@/lib/db";
import { readDecisionRecord } from "@/lib/nominations/decision-record";
import { scoreTableOf, toTrinhOf } from "@/lib/nominations/documents";
import { readYear } from "@/lib/years/context";
import { signedDocumentOf } from "@/lib/pledges/document";
import { voteMinutesOfYear } from "@/lib/votes/minutes";
import type { DocumentKind, RenderJob } from "./render/jobs";

// What each kind of document is of, when it becomes final, and what its versions print. The state of
// a subject names what a version stands for: a state is issued once, and a new state is a new version.
//
// - PLEDGE (of a pledge version): a version each time a signature lands ("signatures:7"), and one
//   marked as superseded once a newer version replaces it ("signatures:7:superseded").
// - VOTE_MINUTES (of a year): a version each time a session closes ("sessions:4").
// - TO_TRINH, SCORE_TABLE (of a year): a version at each submission of the dossier ("round:2").
// - AWARD_DECISION (of a decision): when the board records it.

export interface Issuable {
  job: Omit<RenderJob, "stamp">;
  yearId: string;
  blocId: string | null;
  year: number;
  place: string | null;
  state: string;
  facts: Record<string, number | string>;
  title: string;
  /** Whose act made the document final. */
  issuedBy: { id: string; name: string } | null;
}

type Client = Tx | typeof db;

/** Prefix of the code printed on every page. */
export const CODE_PREFIX: Record<DocumentKind, string> = {
  PLEDGE: "GU",
  VOTE_MINUTES: "BB",
  TO_TRINH: "TTR",
  SCORE_TABLE: "BD",
  AWARD_DECISION: "TB",
};

async function userName(client: Client, id: string | null): Promise<{ id: string; name: string } | null> {
  if (!id) return null;
  const user = await client.user.findUnique({ where: { id }, select: { id: true, name: true } });
  return user;
}

async function blocOf(client: Client, yearId: string): Promise<string> {
  return (await client.emulationYear.findUniqueOrThrow({ where: { id: yearId }, select: { blocId: true } }))
    .blocId;
}

const pledgeState = (signatures: number, status: string) =>
  `signatures:${signatures}${status === "SUPERSEDED" ? ":superseded" : ""}`;

async function pledge(client: Client, versionId: string): Promise<Issuable | null> {
  const doc = await signedDocumentOf(client, versionId);
  const signed = doc.members.flatMap((member) => (member.signature ? [member.signature] : []));
  if (signed.length === 0) return null;
  const last = signed.reduce((a, b) => (b.signedAt > a.signedAt ? b : a));
  return {
    job: { kind: "PLEDGE", data: doc },
    yearId: doc.yearId,
    blocId: await blocOf(client, doc.yearId),
    year: doc.year,
    place: doc.bloc.place,
    state: pledgeState(signed.length, doc.version.status),
    facts: { pledgeVersion: doc.version.number, signatures: signed.length, members: doc.members.length },
    title: `Bản giao ước thi đua năm ${doc.year}, phiên bản ${doc.version.number} (${signed.length}/${doc.members.length} cơ quan đã ký)`,
    issuedBy: { id: last.signerId, name: last.signerName },
  };
}

async function voteMinutes(client: Client, yearId: string): Promise<Issuable | null> {
  const closed = await client.voteSession.count({
    where: { yearId, closedAt: { not: null }, cancelledAt: null },
  });
  if (closed === 0) return null;
  const minutes = await voteMinutesOfYear(client, yearId);
  const last = await client.voteSession.findFirst({
    where: { yearId, closedAt: { not: null }, cancelledAt: null },
    orderBy: { closedAt: "desc" },
    select: { closedById: true },
  });
  return {
    job: { kind: "VOTE_MINUTES", data: minutes },
    yearId,
    blocId: await blocOf(client, yearId),
    year: minutes.year,
    place: minutes.bloc.place,
    state: `sessions:${minutes.sessions.length}`,
    facts: { sessions: minutes.sessions.length },
    title: `Biên bản họp bình xét, suy tôn năm ${minutes.year} (${minutes.sessions.length} phiên)`,
    issuedBy: await userName(client, last?.closedById ?? null),
  };
}

/** The tờ trình or the score table of the dossier's latest submission (none before the first). */
async function dossierDocument(
  client: Client,
  yearId: string,
  kind: "TO_TRINH" | "SCORE_TABLE",
): Promise<Issuable | null> {
  const submission = await client.dossierSubmission.findFirst({
    where: { yearId },
    orderBy: { round: "desc" },
    select: { round: true, submittedAt: true, submittedById: true },
  });
  if (!submission) return null;
  const year = await readYear(client, yearId);
  const common = {
    yearId,
    blocId: year.blocId,
    year: year.year,
    place: year.bloc.place,
    state: `round:${submission.round}`,
    facts: { round: submission.round },
    issuedBy: await userName(client, submission.submittedById),
  };
  if (kind === "TO_TRINH") {
    return {
      ...common,
      job: { kind, data: await toTrinhOf(client, year, submission.submittedAt) },
      title: `Tờ trình đề nghị khen thưởng năm ${year.year} (lần gửi ${submission.round})`,
    };
  }
  return {
    ...common,
    job: { kind, data: await scoreTableOf(client, year) },
    title: `Bảng tổng hợp điểm thi đua năm ${year.year} (lần gửi ${submission.round})`,
  };
}

async function awardDecision(client: Client, decisionId: string): Promise<Issuable | null> {
  const record = await readDecisionRecord(client, decisionId);
  if (!record) return null;
  const recorder = await client.awardDecision.findUniqueOrThrow({
    where: { id: decisionId },
    select: { recordedById: true },
  });
  return {
    job: { kind: "AWARD_DECISION", data: record },
    yearId: record.yearId,
    blocId: await blocOf(client, record.yearId),
    year: record.year,
    place: record.bloc.place,
    state: "recorded",
    facts: { awarded: record.total },
    title: `Thông báo kết quả khen thưởng năm ${record.year} theo Quyết định số ${record.number}`,
    issuedBy: await userName(client, recorder.recordedById),
  };
}

/** What `subjectId` would issue now for `kind` (null: nothing final yet). */
export function issuableOf(client: Client, kind: DocumentKind, subjectId: string): Promise<Issuable | null> {
  switch (kind) {
    case "PLEDGE":
      return pledge(client, subjectId);
    case "VOTE_MINUTES":
      return voteMinutes(client, subjectId);
    case "TO_TRINH":
    case "SCORE_TABLE":
      return dossierDocument(client, subjectId, kind);
    case "AWARD_DECISION":
      return awardDecision(client, subjectId);
  }
}

/**
 * The state `kind` of `subjectId` is in now, read cheaply (no document data): what its latest issued
 * version must stand for. Null: nothing final yet.
 */
export async function currentState(
  client: Client,
  kind: DocumentKind,
  subjectId: string,
): Promise<string | null> {
  switch (kind) {
    case "PLEDGE": {
      const [signatures, version] = await Promise.all([
        client.pledgeSignature.count({ where: { versionId: subjectId } }),
        client.pledgeVersion.findUnique({ where: { id: subjectId }, select: { status: true } }),
      ]);
      return signatures > 0 && version ? pledgeState(signatures, version.status) : null;
    }
    case "VOTE_MINUTES": {
      const sessions = await client.voteSession.count({
        where: { yearId: subjectId, closedAt: { not: null }, cancelledAt: null },
      });
      return sessions > 0 ? `sessions:${sessions}` : null;
    }
    case "TO_TRINH":
    case "SCORE_TABLE": {
      const submission = await client.dossierSubmission.findFirst({
        where: { yearId: subjectId },
        orderBy: { round: "desc" },
        select: { round: true },
      });
      return submission ? `round:${submission.round}` : null;
    }
    case "AWARD_DECISION":
      return (await client.awardDecision.count({ where: { id: subjectId } })) > 0 ? "recorded" : null;
  }
}
