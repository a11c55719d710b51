import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { agencySchema, createAgencySchema, updateAgencySchema } from "@/lib/agencies/schemas";
import { auditEntrySchema, auditFiltersSchema } from "@/lib/audit/schemas";
import { changePasswordSchema } from "@/lib/auth/schemas";
import { returnAssessmentSchema, selfScoreSchema, submitAssessmentSchema } from "@/lib/assessments/schemas";
import { criteriaTableInputSchema, criteriaTableSchema } from "@/lib/criteria/schemas";
import { finalScoresSchema, scoreRowSchema } from "@/lib/scores/schemas";
import {
  openPledgeSchema,
  pledgeSummarySchema,
  saveDraftSchema,
  signPledgeSchema,
  signatureSchema,
  verificationSchema,
} from "@/lib/pledges/schemas";
import {
  cancelSessionSchema,
  castBallotSchema,
  createSessionSchema,
  receiptCheckSchema,
  resultsSchema,
  sessionSchema,
} from "@/lib/votes/schemas";
import {
  awardSchema,
  awardSearchSchema,
  bulkApproveSchema,
  createNominationSchema,
  inboxFiltersSchema,
  nominationEventSchema,
  nominationSchema,
  recordDecisionSchema,
  reviewNominationSchema,
  updateNominationSchema,
  withdrawNominationSchema,
} from "@/lib/nominations/schemas";
import { blocSchema, createBlocSchema, updateBlocSchema } from "@/lib/blocs/schemas";
import { checkResultSchema, issuedDocumentSchema, publicDocumentEntrySchema } from "@/lib/documents/schemas";
import { ERROR_STATUS } from "@/lib/errors";
import {
  createUserSchema,
  resetPasswordSchema,
  updateUserSchema,
  userFiltersSchema,
  userSchema,
} from "@/lib/users/schemas";
import {
  createYearSchema,
  moveYearPhaseSchema,
  setYearMembersSchema,
  updateYearSettingsSchema,
  yearSchema,
} from "@/lib/years/schemas";

// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the data layer validates with.
// tests/integration/permission-matrix.test.ts checks that every route handler is described here.

type Method = "get" | "post" | "put" | "patch" | "delete";

export interface Operation {
  method: Method;
  /** OpenAPI path, e.g. /api/v1/years/{yearId} */
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Schema of `data` on success. */
  data: z.ZodType;
  status?: 200 | 201;
  public?: boolean;
  /** A file instead of JSON on success (e.g. application/pdf). */
  file?: string;
  /** A multipart/form-data body: the name of its file field and of its optional text fields. */
  upload?: { file: string; fields?: string[] };
}

const errorSchema = z.object({
  error: z.object({
    code: z.enum([...(Object.keys(ERROR_STATUS) as (keyof typeof ERROR_STATUS)[]), "INTERNAL"]),
    message: z.string().describe("Vietnamese, for people"),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

const blocParams = z.object({ blocId: z.uuid() });
const yearParams = z.object({ yearId: z.uuid() });
const agencyParams = z.object({ code: z.string() });
const userParams = z.object({ userId: z.uuid() });
const versionParams = z.object({ versionId: z.uuid() });
const sessionParams = z.object({ sessionId: z.uuid() });
const nominationParams = z.object({ nominationId: z.uuid() });
const documentParams = z.object({ documentId: z.uuid() });

const pledgeVersionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(["DRAFT", "OPEN", "SUPERSEDED"]),
  content: z.record(z.string(), z.string()),
  sha256: z.string().nullable(),
  openedAt: z.string().nullable(),
  revision: z.number().int(),
});
const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  messageKey: z.string(),
  params: z.record(z.string(), z.unknown()),
  href: z.string(),
  createdAt: z.string(),
  read: z.boolean(),
});

const meSchema = userSchema.pick({
  id: true,
  email: true,
  name: true,
  title: true,
  role: true,
  agency: true,
  mustChangePassword: true,
});

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    summary: "Health of the app and its database (no authentication)",
    data: z.object({ status: z.string(), database: z.string() }),
    public: true,
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    summary: "This document",
    data: z.record(z.string(), z.unknown()),
    public: true,
  },
  { method: "get", path: "/api/v1/me", summary: "The signed-in user", data: meSchema },
  {
    method: "post",
    path: "/api/v1/me/password",
    summary: "Change one's own password (ends every session)",
    body: changePasswordSchema,
    data: z.null(),
  },
  { method: "get", path: "/api/v1/blocs", summary: "Blocs the user may see", data: z.array(blocSchema) },
  {
    method: "post",
    path: "/api/v1/blocs",
    summary: "Create a bloc (admin)",
    body: createBlocSchema,
    data: blocSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/blocs/{blocId}",
    summary: "One bloc",
    params: blocParams,
    data: blocSchema,
  },
  {
    method: "patch",
    path: "/api/v1/blocs/{blocId}",
    summary: "Edit a bloc (admin)",
    params: blocParams,
    body: updateBlocSchema,
    data: blocSchema,
  },
  {
    method: "get",
    path: "/api/v1/blocs/{blocId}/years",
    summary: "Emulation years of a bloc, newest first",
    params: blocParams,
    data: z.array(yearSchema),
  },
  {
    method: "post",
    path: "/api/v1/blocs/{blocId}/years",
    summary: "Create a year (admin); members, rules and the criteria table copied from the previous year",
    params: blocParams,
    body: createYearSchema,
    data: yearSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}",
    summary: "One emulation year",
    params: yearParams,
    data: yearSchema,
  },
  {
    method: "patch",
    path: "/api/v1/years/{yearId}",
    summary:
      "Move the phase ({phase, reason?}: admin any move, the year's secretariat forward) or edit settings (admin)",
    params: yearParams,
    body: z.union([moveYearPhaseSchema, updateYearSettingsSchema]),
    data: yearSchema,
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/members",
    summary: "Set the member agencies of a year (admin, until self-assessment)",
    params: yearParams,
    body: setYearMembersSchema,
    data: yearSchema,
  },
  { method: "get", path: "/api/v1/agencies", summary: "Agency directory", data: z.array(agencySchema) },
  {
    method: "post",
    path: "/api/v1/agencies",
    summary: "Create an agency (admin)",
    body: createAgencySchema,
    data: agencySchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/agencies/{code}",
    summary: "One agency",
    params: agencyParams,
    data: agencySchema,
  },
  {
    method: "patch",
    path: "/api/v1/agencies/{code}",
    summary: "Edit an agency (admin)",
    params: agencyParams,
    body: updateAgencySchema,
    data: agencySchema,
  },
  {
    method: "get",
    path: "/api/v1/users",
    summary: "Accounts (admin)",
    query: userFiltersSchema,
    data: z.array(userSchema),
  },
  {
    method: "post",
    path: "/api/v1/users",
    summary: "Create an account with a temporary password (admin)",
    body: createUserSchema,
    data: userSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/users/{userId}",
    summary: "One account (admin)",
    params: userParams,
    data: userSchema,
  },
  {
    method: "patch",
    path: "/api/v1/users/{userId}",
    summary: "Edit role, agency, name, title or disable (admin)",
    params: userParams,
    body: updateUserSchema,
    data: userSchema,
  },
  {
    method: "post",
    path: "/api/v1/users/{userId}/password",
    summary: "Reset to a temporary password (admin)",
    params: userParams,
    body: resetPasswordSchema,
    data: userSchema,
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/pledge",
    summary: "The year's pledge: the open version (else the draft), who has signed, who is pending",
    params: yearParams,
    data: pledgeSummarySchema,
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/pledge/draft",
    summary:
      "Save the pledge draft (the year's secretariat, PLEDGING); creates the next version when none is drafted",
    params: yearParams,
    body: saveDraftSchema,
    data: pledgeVersionSchema,
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/pledge/open",
    summary: "Open the draft for signing: freeze and hash it; supersedes the open version",
    params: yearParams,
    body: openPledgeSchema,
    data: pledgeVersionSchema,
  },
  {
    method: "post",
    path: "/api/v1/pledge-versions/{versionId}/signatures",
    summary:
      "Sign the open version for one's own agency (agency leader; password re-entered). 201 first time, 200 with the same signature after",
    params: versionParams,
    body: signPledgeSchema,
    data: signatureSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/pledge-versions/{versionId}/pdf",
    summary:
      "The signed pledge as a PDF (official layout, certificate page with QR code): the stored bytes of its latest issued version, signed (PAdES); a draft marked DỰ THẢO before the first signature. Success is application/pdf, not JSON",
    params: versionParams,
    data: z.string(),
    file: "application/pdf",
  },
  {
    method: "get",
    path: "/api/v1/pledge-versions/{versionId}/verify",
    summary: "Recompute the document hash and every seal: valid or invalid per signature",
    params: versionParams,
    data: verificationSchema,
  },
  {
    method: "get",
    path: "/api/v1/notifications",
    summary: "The signed-in user's notifications, newest first",
    data: z.array(notificationSchema),
  },
  {
    method: "post",
    path: "/api/v1/notifications/{notificationId}/read",
    summary: "Mark one of one's notifications read",
    params: z.object({ notificationId: z.uuid() }),
    data: z.null(),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/criteria",
    summary: "The year's criteria table (groups and criteria, points in points)",
    params: yearParams,
    data: criteriaTableSchema,
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/criteria",
    summary:
      "Save the whole criteria table (the year's secretariat, until self-assessment), conditional on `revision`",
    params: yearParams,
    body: criteriaTableInputSchema,
    data: criteriaTableSchema,
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/criteria/copy",
    summary: "Replace the criteria table with the bloc's previous year's",
    params: yearParams,
    data: criteriaTableSchema,
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/assessment",
    summary:
      "A member's self-assessment (own agency by default; `agency` query for the secretariat and the province)",
    params: yearParams,
    query: z.object({ agency: z.string().optional() }),
    data: z.record(z.string(), z.unknown()),
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/assessment/scores",
    summary: "Save one self score and note of one's own agency (SELF_ASSESSMENT)",
    params: yearParams,
    body: selfScoreSchema,
    data: z.object({ savedAt: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/assessment/submit",
    summary: "The agency leader submits the self-assessment (editing locks)",
    params: yearParams,
    body: submitAssessmentSchema,
    data: z.object({ submittedAt: z.string() }),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/assessments/{agencyCode}/return",
    summary: "The year's secretariat returns a submitted self-assessment with a comment",
    params: z.object({ yearId: z.uuid(), agencyCode: z.string() }),
    body: returnAssessmentSchema,
    data: z.null(),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/evidence",
    summary: "Upload an evidence file (multipart: criterionId, file); the type is checked from the content",
    params: yearParams,
    data: z.object({
      id: z.uuid(),
      fileName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number(),
      sha256: z.string(),
      uploadedAt: z.string(),
    }),
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/evidence/{evidenceId}",
    summary: "Download an evidence file (those who may read the agency's assessment)",
    params: z.object({ evidenceId: z.uuid() }),
    data: z.string(),
    file: "application/octet-stream",
  },
  {
    method: "delete",
    path: "/api/v1/evidence/{evidenceId}",
    summary: "Remove an evidence file while the assessment is editable",
    params: z.object({ evidenceId: z.uuid() }),
    data: z.null(),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/scores",
    summary: "Self and final scores (`agency` filters one member; an agency sees its own)",
    params: yearParams,
    query: z.object({ agency: z.string().optional() }),
    data: z.array(scoreRowSchema),
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/scores",
    summary:
      "Save final scores, all or nothing, like the review grid, in a fixed number of SQL statements whatever the number of cells: 409 listing every stale cell (current value, version, who saved it when), 422 naming the cell, 413 over 5,000 cells; 503 with Retry-After when the database is busy (nothing saved)",
    params: yearParams,
    body: finalScoresSchema,
    data: z.array(
      z.object({
        agencyCode: z.string(),
        criterionCode: z.string(),
        final: z.number().nullable(),
        version: z.number().int(),
      }),
    ),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/ranking",
    summary: "The ranking: published for members; the current one for the secretariat and the province",
    params: yearParams,
    data: z.array(
      z.object({
        rank: z.number().int(),
        tied: z.boolean(),
        agency: z.object({ code: z.string(), name: z.string() }),
        base: z.number(),
        bonus: z.number(),
        deduction: z.number(),
        total: z.number(),
        classification: z.string().nullable(),
        classificationLabel: z.string().nullable(),
        notScored: z
          .string()
          .nullable()
          .describe(
            'Why the member was not scored ("không chấm"): it ranks last without points; null when scored',
          ),
        unscored: z
          .boolean()
          .describe(
            "In a preview: no final score on any base criterion yet (ranks after the scored members, without a classification)",
          ),
      }),
    ),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/ranking/publish",
    summary:
      'Publish the ranking (the year\'s secretariat, REVIEW): scores lock. 422 naming the members without final scores (details.unscored: their codes) unless they are marked "không chấm"',
    params: yearParams,
    data: z.object({ id: z.uuid(), entries: z.number().int() }),
    status: 201,
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/ranking/not-scored/{agencyCode}",
    summary:
      'Mark a member "không chấm" with a reason (the year\'s secretariat, REVIEW, before publication): it ranks last, shown as "Chưa chấm", without points or classification',
    params: z.object({ yearId: z.uuid(), agencyCode: z.string() }),
    body: z.object({ reason: z.string() }),
    data: z.null(),
  },
  {
    method: "delete",
    path: "/api/v1/years/{yearId}/ranking/not-scored/{agencyCode}",
    summary: 'Clear a member\'s "không chấm" mark (409 when it has none)',
    params: z.object({ yearId: z.uuid(), agencyCode: z.string() }),
    data: z.null(),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/ranking/reopen",
    summary: "Reopen the published ranking with a reason (scores unlock)",
    params: yearParams,
    body: z.object({ reason: z.string() }),
    data: z.null(),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/cross-scores",
    summary: "Cross-scoring: one's own scores of the other members and everyone's progress",
    params: yearParams,
    data: z.record(z.string(), z.unknown()),
  },
  {
    method: "put",
    path: "/api/v1/years/{yearId}/cross-scores",
    summary: "A leader scores another member for one criterion",
    params: yearParams,
    body: z.object({ targetAgencyCode: z.string(), criterionId: z.uuid(), points: z.number() }),
    data: z.null(),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/cross-scores/complete",
    summary: "A leader declares the agency's cross-scoring finished",
    params: yearParams,
    data: z.null(),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/cross-scores/apply",
    summary: "The secretariat applies the peers' mean (or trimmed mean) as final scores",
    params: yearParams,
    data: z.object({ cells: z.number().int() }),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/scores.xlsx",
    summary:
      "The score table as an Excel workbook: criteria as rows, agencies as columns, final scores, totals, rank, classification; a second sheet with the self scores (the year's secretariat, the board, the admin). Success is XLSX, not JSON",
    params: yearParams,
    data: z.string(),
    file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/scores.xlsx",
    summary:
      "Import final scores from an edited score table (multipart: file, reason?): every cell checked (422 naming the cells), only changed cells saved, all or nothing, like the review grid (the year's secretariat, REVIEW, before publication)",
    params: yearParams,
    upload: { file: "file", fields: ["reason"] },
    data: z.object({ changed: z.number().int() }),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/criteria.xlsx",
    summary:
      "The criteria table as an Excel workbook (whoever may read the table). Success is XLSX, not JSON",
    params: yearParams,
    data: z.string(),
    file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/criteria.xlsx",
    summary:
      "Replace the criteria table with an edited workbook of the same layout (multipart: file): all or nothing, 422 naming the cells (the year's secretariat, until self-assessment)",
    params: yearParams,
    upload: { file: "file" },
    data: criteriaTableSchema,
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/vote-sessions",
    summary:
      "The year's vote sessions (bình xét, suy tôn; bầu Khối trưởng, Khối phó): status, rules, candidates, who has voted, never how",
    params: yearParams,
    data: z.array(sessionSchema),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/vote-sessions",
    summary:
      "Open a vote session (the year's secretariat, VOTING): the year's rules, the candidates (eligible under the rules and the published ranking, or every member for the election) and the roll of voters are frozen",
    params: yearParams,
    body: createSessionSchema,
    data: sessionSchema,
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/vote-sessions/{sessionId}",
    summary: "One vote session: status, rules, candidates, who has voted (never choices)",
    params: sessionParams,
    data: sessionSchema,
  },
  {
    method: "post",
    path: "/api/v1/vote-sessions/{sessionId}/ballots",
    summary:
      "Cast one's agency's secret ballot (its leader, password re-entered, once per agency): the receipt code is returned this once and only its hash is kept",
    params: sessionParams,
    body: castBallotSchema,
    data: z.object({ receipt: z.string() }),
    status: 201,
  },
  {
    method: "post",
    path: "/api/v1/vote-sessions/{sessionId}/close",
    summary:
      "Close and tally a session (the year's secretariat): after its window, or early once every voter has voted",
    params: sessionParams,
    data: sessionSchema,
  },
  {
    method: "post",
    path: "/api/v1/vote-sessions/{sessionId}/cancel",
    summary: "Cancel a session that is not closed, with a reason (its ballots are never counted)",
    params: sessionParams,
    body: cancelSessionSchema,
    data: sessionSchema,
  },
  {
    method: "get",
    path: "/api/v1/vote-sessions/{sessionId}/results",
    summary:
      "Results of a closed session: votes per candidate, quorum, passed or not, ties, and the receipt hashes of the counted ballots (409 before closing)",
    params: sessionParams,
    data: resultsSchema,
  },
  {
    method: "post",
    path: "/api/v1/vote-sessions/{sessionId}/receipt-check",
    summary: "Whether a receipt code is among the counted ballots of a closed session",
    params: sessionParams,
    body: receiptCheckSchema,
    data: z.object({ counted: z.boolean(), receiptHash: z.string() }),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/vote-minutes.pdf",
    summary:
      "Biên bản họp bình xét, suy tôn (PDF, issued and signed anew as each session closes): the closed sessions of the year, their rules, counts and outcomes, with the chair's and the secretary's signature blocks. Success is a PDF, not JSON",
    params: yearParams,
    data: z.string(),
    file: "application/pdf",
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/nominations",
    summary:
      "The year's nominations (đề nghị khen thưởng): all for the secretariat and the province, one's own for a member",
    params: yearParams,
    data: z.array(nominationSchema),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/nominations",
    summary:
      "Propose a member for an award (the year's secretariat, NOMINATION): 422 naming the rule (quota, classification, rank, vote, one award per year, excluded awards) when refused",
    params: yearParams,
    body: createNominationSchema,
    data: nominationSchema,
    status: 201,
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/nominations/suggested",
    summary: "Make every suggested nomination (from the published ranking and the vote results) at once",
    params: yearParams,
    data: z.array(nominationSchema),
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/nominations/{nominationId}",
    summary: "One nomination with every step of its history (rounds, comments)",
    params: nominationParams,
    data: nominationSchema.extend({ events: z.array(nominationEventSchema) }),
  },
  {
    method: "patch",
    path: "/api/v1/nominations/{nominationId}",
    summary: "Edit the note of a DRAFT or RETURNED nomination (the year's secretariat)",
    params: nominationParams,
    body: updateNominationSchema,
    data: nominationSchema,
  },
  {
    method: "post",
    path: "/api/v1/nominations/{nominationId}/withdraw",
    summary: "Withdraw a DRAFT or RETURNED nomination with a reason",
    params: nominationParams,
    body: withdrawNominationSchema,
    data: nominationSchema,
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/dossier/submit",
    summary:
      "Send the dossier to the board: the DRAFT nominations (NOMINATION → BOARD_REVIEW), or the RETURNED ones fixed (a new round); each needs its báo cáo thành tích",
    params: yearParams,
    data: z.object({ round: z.number().int(), submitted: z.number().int() }),
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/dossier",
    summary:
      "One bloc's dossier: nominations with their rounds, submissions, ranking, votes, pledge signatures, decisions (the board, the admin, the year's secretariat)",
    params: yearParams,
    data: z.record(z.string(), z.unknown()),
  },
  {
    method: "post",
    path: "/api/v1/nominations/{nominationId}/review",
    summary:
      "The board approves, returns (comment: what to fix) or rejects (comment: why) a SUBMITTED nomination; other moves are refused (409)",
    params: nominationParams,
    body: reviewNominationSchema,
    data: nominationSchema,
  },
  {
    method: "post",
    path: "/api/v1/nominations/bulk-approve",
    summary: "The board approves several SUBMITTED nominations at once (all or nothing)",
    body: bulkApproveSchema,
    data: z.array(nominationSchema),
  },
  {
    method: "post",
    path: "/api/v1/years/{yearId}/decision",
    summary:
      "The board records an award decision (số quyết định, ngày ký, người ký): the approved nominations become awarded; the year closes when every nomination is decided",
    params: yearParams,
    body: recordDecisionSchema,
    data: z.object({ id: z.uuid(), awarded: z.array(nominationSchema), closed: z.boolean() }),
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/board/inbox",
    summary:
      "The board's inbox across every bloc: nominations before the board, filtered by year, bloc, award and status, 20 a page",
    query: inboxFiltersSchema,
    data: z.object({
      items: z.array(nominationSchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      facets: z.record(z.string(), z.unknown()),
      counts: z.record(z.string(), z.number().int()),
    }),
  },
  {
    method: "get",
    path: "/api/v1/agencies/{code}/awards",
    summary: "An agency's awards across the years (every signed-in user)",
    params: agencyParams,
    data: z.object({
      agency: z.object({ code: z.string(), name: z.string() }),
      awards: z.array(awardSchema),
    }),
  },
  {
    method: "get",
    path: "/api/v1/awards",
    summary: "Province-wide award search by agency (name or code), year, award and bloc",
    query: awardSearchSchema,
    data: z.array(awardSchema),
  },
  {
    method: "post",
    path: "/api/v1/nominations/{nominationId}/report",
    summary:
      "Attach the nominee's báo cáo thành tích (multipart: file): the nominee agency's people or the year's secretariat, while the nomination is DRAFT or RETURNED (NOMINATION, BOARD_REVIEW); the type is checked from the content; the latest upload counts",
    params: nominationParams,
    upload: { file: "file" },
    data: z.object({
      id: z.uuid(),
      nominationId: z.uuid(),
      fileName: z.string(),
      mimeType: z.string(),
      sizeBytes: z.number().int(),
      sha256: z.string(),
      uploadedAt: z.string(),
    }),
    status: 201,
  },
  {
    method: "get",
    path: "/api/v1/nomination-reports/{reportId}",
    summary:
      "Download a báo cáo thành tích (whoever may read its nomination; SHA-256 checked). Success is the file itself, not JSON",
    params: z.object({ reportId: z.uuid() }),
    data: z.string(),
    file: "application/octet-stream",
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/to-trinh.pdf",
    summary:
      "Tờ trình đề nghị khen thưởng (PDF, in the manner of Mẫu 01, Nghị định 98/2023/NĐ-CP): the nominations not withdrawn or rejected, per award, with rank, total, classification and vote (the year's secretariat, the board, the admin). Issued and signed at each submission of the dossier; a draft marked DỰ THẢO before. Success is a PDF, not JSON",
    params: yearParams,
    data: z.string(),
    file: "application/pdf",
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/score-table.pdf",
    summary:
      "The published ranking with the points of each criteria group, total, rank and classification (PDF, landscape; 409 before publication). Issued and signed at each submission of the dossier; a draft marked DỰ THẢO before. Success is a PDF, not JSON",
    params: yearParams,
    data: z.string(),
    file: "application/pdf",
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/documents",
    summary: "The documents issued for the year (sổ văn bản) that the user may read, newest first",
    params: yearParams,
    data: z.array(issuedDocumentSchema),
  },
  {
    method: "get",
    path: "/api/v1/documents/{documentId}",
    summary:
      "A registry entry as anyone may read it (no authentication; the QR code of each document leads to its page): which document, its SHA-256, certificate and, for a pledge, each signature's status",
    params: documentParams,
    data: publicDocumentEntrySchema,
    public: true,
  },
  {
    method: "get",
    path: "/api/v1/documents/{documentId}/pdf",
    summary:
      "The stored bytes of an issued document (signed PDF), for those who may read what it is of. Success is a PDF, not JSON",
    params: documentParams,
    data: z.string(),
    file: "application/pdf",
  },
  {
    method: "post",
    path: "/api/v1/documents/check",
    summary:
      "Kiểm tra văn bản (no authentication, rate-limited per client address): is the uploaded PDF an unaltered document this system issued? 413 over 20 MiB, 422 for an empty file or not a PDF",
    data: checkResultSchema,
    public: true,
    upload: { file: "file" },
  },
  {
    method: "get",
    path: "/api/v1/years/{yearId}/dossier.zip",
    summary:
      "The whole dossier as a ZIP: tờ trình, biên bản bình xét, score table, signed pledge, each nominee's latest báo cáo thành tích, and muc-luc.txt listing every file with its SHA-256 and what is missing (the year's secretariat, the board, the admin). Success is a ZIP, not JSON",
    params: yearParams,
    data: z.string(),
    file: "application/zip",
  },
  {
    method: "get",
    path: "/api/v1/awards.xlsx",
    summary:
      "The award search (same filters as /api/v1/awards) as an Excel workbook with Vietnamese headers. Success is XLSX, not JSON",
    query: awardSearchSchema,
    data: z.string(),
    file: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  },
  {
    method: "get",
    path: "/api/v1/audit",
    summary: "Audit trail, newest first (admin, board)",
    query: auditFiltersSchema,
    data: z.object({ entries: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
  },
];

function uploadSchema(upload: NonNullable<Operation["upload"]>) {
  return {
    type: "object" as const,
    required: [upload.file],
    properties: {
      [upload.file]: { type: "string" as const, format: "binary" },
      ...Object.fromEntries((upload.fields ?? []).map((field) => [field, { type: "string" as const }])),
    },
  };
}

export function openApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The session cookie of the web sign-in. State changes must also send the app's own Origin.",
  });
  for (const op of OPERATIONS) {
    const status = op.status ?? 200;
    const errors = op.public
      ? {}
      : Object.fromEntries(
          [...new Set(Object.values(ERROR_STATUS))].map((code) => [
            code,
            { description: "Error", content: { "application/json": { schema: errorSchema } } },
          ]),
        );
    registry.registerPath({
      method: op.method,
      path: op.path,
      summary: op.summary,
      ...(op.public ? { security: [] } : { security: [{ session: [] }] }),
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(op.body
          ? { body: { required: true, content: { "application/json": { schema: op.body } } } }
          : {}),
        ...(op.upload
          ? {
              body: {
                required: true,
                content: { "multipart/form-data": { schema: uploadSchema(op.upload) } },
              },
            }
          : {}),
      },
      responses: {
        [status]: {
          description: "Success",
          content: op.file
            ? { [op.file]: { schema: { type: "string", format: "binary" } } }
            : {
                "application/json": {
                  schema:
                    op.path === "/api/health" || op.path === "/api/v1/openapi.json"
                      ? op.data
                      : z.object({ data: op.data }),
                },
              },
        },
        ...errors,
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Khối thi đua API",
      version: "1",
      description:
        'JSON API of Khối thi đua. Success: {"data": ...}. Failure: {"error": {code, message, details}}.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}
