import "server-only";
import { now } from "@/lib/clock";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { issueAfterCommit } from "@/lib/documents/registry";
import { db, type Tx } from "@/lib/db";
import { TRANSACTION, transaction } from "@/lib/db/transaction";
import { AppError, conflict, forbidden } from "@/lib/errors";
import { runAfterResponse } from "@/lib/http/after";
import { emailNotifications, notifyUsers } from "@/lib/notifications/notify";
import { can } from "@/lib/permissions";
import { idOrNotFound, parseInput } from "@/lib/validation";

import type { Phase } from "@/lib/years/phases";
import { canonicalPledge, sha256Hex } from "./canonical";
import { assertPledgingPhase, versionSelect, type VersionRow } from "./load";
import { parseSafeMarkdown, type Block } from "./markdown";
import { openPledgeSchema, saveDraftSchema, type PledgeContent } from "./schemas";
import { pledgeTemplate } from "./template";
import { loadYear, lockYearInPhase, yearScope, type YearContext } from "@/lib/years/context";

// Drafting a pledge and opening a version for signing (the year's secretariat), and reading it
// (every member, the board and the admin).

export const CONTENT_FIELDS = [
  "title",
  "preamble",
  "goals",
  "targets",
  "movement",
  "commitments",
  "criteriaReference",
] as const;
const MARKDOWN_FIELDS = ["preamble", "goals", "targets", "movement", "commitments"] as const;

export interface PledgeVersionView {
  id: string;
  number: number;
  status: VersionRow["status"];
  content: PledgeContent;
  /** The Markdown fields parsed on the server into the safe tree that pages and the PDF render. */
  rendered: Record<(typeof MARKDOWN_FIELDS)[number], Block[]>;
  sha256: string | null;
  openedAt: string | null;
  supersededAt: string | null;
  revision: number;
  updatedAt: string;
}

export interface BoardRow {
  agency: { id: string; code: string; name: string };
  signature: {
    id: string;
    signerName: string;
    signerTitle: string | null;
    signedAt: string;
    seal: string;
  } | null;
}

export interface PledgeOverview {
  year: { id: string; year: number; phase: Phase; blocName: string };
  open: PledgeVersionView | null;
  draft: PledgeVersionView | null;
  history: {
    id: string;
    number: number;
    status: VersionRow["status"];
    sha256: string | null;
    openedAt: string | null;
    supersededAt: string | null;
    signatureCount: number;
  }[];
  /** Who has signed the open version, member by member. */
  board: BoardRow[];
  mayDraft: boolean;
  /** The actor is a leader who may sign for their agency now and has not yet. */
  maySign: boolean;
  /** The actor's agency's signature of the open version. */
  ownSignature: BoardRow["signature"];
  /** The actor's agency signed a version since superseded and must sign the open one again. */
  mustSignAgain: boolean;
}

export interface PledgeEditor {
  year: { id: string; year: number; blocName: string };
  /** What the form starts from: the draft, else the latest version, else the template. */
  content: PledgeContent;
  draft: { number: number; revision: number } | null;
  openNumber: number | null;
  nextNumber: number;
}

export function toVersionView(row: VersionRow): PledgeVersionView {
  const content = Object.fromEntries(CONTENT_FIELDS.map((field) => [field, row[field]])) as PledgeContent;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    content,
    rendered: Object.fromEntries(
      MARKDOWN_FIELDS.map((field) => [field, parseSafeMarkdown(row[field])]),
    ) as PledgeVersionView["rendered"],
    sha256: row.sha256,
    openedAt: row.openedAt?.toISOString() ?? null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    revision: row.revision,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function boardOf(
  client: Tx | typeof db,
  year: YearContext,
  versionId: string | null,
): Promise<BoardRow[]> {
  const signatures = versionId
    ? await client.pledgeSignature.findMany({
        where: { versionId },
        select: { id: true, agencyId: true, signerName: true, signerTitle: true, signedAt: true, seal: true },
      })
    : [];
  const byAgency = new Map(signatures.map((signature) => [signature.agencyId, signature]));
  return year.members.map(({ agency }) => {
    const signature = byAgency.get(agency.id);
    return {
      agency,
      signature: signature
        ? {
            id: signature.id,
            signerName: signature.signerName,
            signerTitle: signature.signerTitle,
            signedAt: signature.signedAt.toISOString(),
            seal: signature.seal,
          }
        : null,
    };
  });
}

/** The pledge page: the open version, the draft, the history and who has signed. */
export async function getPledgeOverview(actor: Actor, yearId: string): Promise<PledgeOverview> {
  const year = await loadYear(db, actor, idOrNotFound(yearId, "errors.year.notFound"));
  const versions = await db.pledgeVersion.findMany({
    where: { pledge: { yearId: year.id } },
    orderBy: { number: "desc" },
    select: { ...versionSelect, _count: { select: { signatures: true } } },
  });
  const openRow = versions.find((version) => version.status === "OPEN") ?? null;
  const draftRow = versions.find((version) => version.status === "DRAFT") ?? null;
  const board = await boardOf(db, year, openRow?.id ?? null);
  const ownSignature = board.find((row) => row.agency.id === actor.agencyId)?.signature ?? null;
  const signedBefore =
    openRow !== null && ownSignature === null && actor.agencyId !== null
      ? (await db.pledgeSignature.count({
          where: { agencyId: actor.agencyId, version: { pledge: { yearId: year.id }, status: "SUPERSEDED" } },
        })) > 0
      : false;
  const scope = yearScope(year);
  return {
    year: { id: year.id, year: year.year, phase: year.phase, blocName: year.bloc.name },
    open: openRow ? toVersionView(openRow) : null,
    draft: draftRow ? toVersionView(draftRow) : null,
    history: versions
      .filter((version) => version.status !== "DRAFT")
      .map((version) => ({
        id: version.id,
        number: version.number,
        status: version.status,
        sha256: version.sha256,
        openedAt: version.openedAt?.toISOString() ?? null,
        supersededAt: version.supersededAt?.toISOString() ?? null,
        signatureCount: version._count.signatures,
      })),
    board,
    mayDraft: can(actor, "pledge.draft", scope) && year.phase === "PLEDGING",
    maySign:
      can(actor, "pledge.sign", scope) &&
      year.phase === "PLEDGING" &&
      openRow !== null &&
      ownSignature === null,
    ownSignature,
    mustSignAgain: signedBefore,
  };
}

/** The drafting form of the year's secretariat. */
export async function getPledgeEditor(actor: Actor, yearId: string): Promise<PledgeEditor> {
  const year = await loadYear(db, actor, idOrNotFound(yearId, "errors.year.notFound"));
  authorizeDrafting(actor, year);
  const versions = await db.pledgeVersion.findMany({
    where: { pledge: { yearId: year.id } },
    orderBy: { number: "desc" },
    select: versionSelect,
  });
  const draft = versions.find((version) => version.status === "DRAFT");
  const base = draft ?? versions[0];
  return {
    year: { id: year.id, year: year.year, blocName: year.bloc.name },
    content: base ? contentOf(base) : pledgeTemplate(year.year, year.bloc.name),
    draft: draft ? { number: draft.number, revision: draft.revision } : null,
    openNumber: versions.find((version) => version.status === "OPEN")?.number ?? null,
    nextNumber: draft?.number ?? (versions[0]?.number ?? 0) + 1,
  };
}

/** The summary the API gives: the open version (else the latest), its signatures and who is pending. */
export async function getPledgeSummary(actor: Actor, yearId: string) {
  const overview = await getPledgeOverview(actor, yearId);
  const current = overview.open ?? overview.draft;
  if (!current) throw new AppError("NOT_FOUND", "errors.pledge.none");
  const signed = overview.open ? overview.board.filter((row) => row.signature) : [];
  return {
    versionId: current.id,
    version: current.number,
    status: current.status,
    sha256: current.sha256,
    signatures: signed.map((row) => ({
      agency: { code: row.agency.code, name: row.agency.name },
      signerName: row.signature!.signerName,
      signerTitle: row.signature!.signerTitle,
      signedAt: row.signature!.signedAt,
    })),
    pending: overview.board.filter((row) => !overview.open || !row.signature).map((row) => row.agency.code),
  };
}

/**
 * Serialises every change of a year's pledge: callers hold this row lock (and their share of the
 * year's, so the year stays in PLEDGING) until they commit.
 */
async function lockPledge(tx: Tx, yearId: string): Promise<{ id: string }> {
  await lockYearInPhase(tx, yearId, ["PLEDGING"], "errors.pledge.wrongPhase");
  // INSERT … ON CONFLICT DO NOTHING: two first saves at once must not fail on the unique year (an
  // upsert here is not atomic).
  await tx.pledge.createMany({ data: [{ yearId }], skipDuplicates: true });
  const [row] = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "Pledge" WHERE "yearId" = ${yearId}::uuid FOR UPDATE`;
  return row!;
}

function authorizeDrafting(actor: Actor, year: YearContext): void {
  if (!can(actor, "pledge.draft", yearScope(year))) throw forbidden();
  assertPledgingPhase(year);
}

function contentOf(input: PledgeContent): PledgeContent {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, input[field]])) as PledgeContent;
}

/**
 * Saves the draft, creating the next version when none is being drafted (editing an opened version
 * always starts a new one). Conditional on the revision the editor started from.
 */
export async function savePledgeDraft(
  actor: Actor,
  yearId: string,
  input: unknown,
): Promise<PledgeVersionView> {
  const id = idOrNotFound(yearId, "errors.year.notFound");
  const data = parseInput(saveDraftSchema, input);
  const content = contentOf(data);
  return transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, id);
    authorizeDrafting(actor, year);
    const pledge = await lockPledge(tx, year.id);
    const draft = await tx.pledgeVersion.findFirst({
      where: { pledgeId: pledge.id, status: "DRAFT" },
      select: versionSelect,
    });
    if (draft) {
      if (data.revision !== undefined && data.revision !== draft.revision)
        throw conflict("errors.pledge.draftStale");
      const row = await tx.pledgeVersion.update({
        where: { id: draft.id },
        data: { ...content, revision: { increment: 1 } },
        select: versionSelect,
      });
      await recordAudit(tx, actor, {
        action: "pledge.draft.update",
        entity: "PledgeVersion",
        entityId: row.id,
        before: { number: draft.number, revision: draft.revision, ...contentOf(draft) },
        after: { number: row.number, revision: row.revision, ...content },
        blocId: year.blocId,
      });
      return toVersionView(row);
    }
    const last = await tx.pledgeVersion.aggregate({ where: { pledgeId: pledge.id }, _max: { number: true } });
    const row = await tx.pledgeVersion.create({
      data: { pledgeId: pledge.id, number: (last._max.number ?? 0) + 1, ...content, createdById: actor.id },
      select: versionSelect,
    });
    await recordAudit(tx, actor, {
      action: "pledge.draft.create",
      entity: "PledgeVersion",
      entityId: row.id,
      after: { number: row.number, ...content },
      blocId: year.blocId,
    });
    return toVersionView(row);
  });
}

/**
 * Opens the draft for signing: its content is frozen into the canonical serialisation and hashed.
 * An open version it replaces is superseded: its signatures stay in history but no longer count, and
 * every member's leader is told to sign again.
 */
export async function openPledgeForSigning(
  actor: Actor,
  yearId: string,
  input: unknown = {},
): Promise<PledgeVersionView> {
  const id = idOrNotFound(yearId, "errors.year.notFound");
  const { revision } = parseInput(openPledgeSchema, input);
  const { view, notificationIds, supersededId } = await transaction(TRANSACTION.edit, async (tx) => {
    const year = await loadYear(tx, actor, id);
    authorizeDrafting(actor, year);
    const pledge = await lockPledge(tx, year.id);
    const draft = await tx.pledgeVersion.findFirst({
      where: { pledgeId: pledge.id, status: "DRAFT" },
      select: versionSelect,
    });
    if (!draft) throw conflict("errors.pledge.noDraft");
    if (revision !== undefined && revision !== draft.revision) throw conflict("errors.pledge.draftStale");
    const previous = await tx.pledgeVersion.findFirst({
      where: { pledgeId: pledge.id, status: "OPEN" },
      select: { id: true, number: true },
    });

    const openedAt = now();
    const canonicalContent = canonicalPledge({
      bloc: { id: year.bloc.id, name: year.bloc.name },
      year: { id: year.id, year: year.year },
      version: { id: draft.id, number: draft.number },
      members: year.members.map(({ agency }) => ({ code: agency.code, name: agency.name })),
      openedAt: openedAt.toISOString(),
      ...contentOf(draft),
    });
    const sha256 = sha256Hex(canonicalContent);
    if (previous) {
      await tx.pledgeVersion.update({
        where: { id: previous.id },
        data: { status: "SUPERSEDED", supersededAt: openedAt },
      });
    }
    const row = await tx.pledgeVersion.update({
      where: { id: draft.id },
      data: { status: "OPEN", canonicalContent, sha256, openedAt, openedById: actor.id },
      select: versionSelect,
    });

    const leaders = await tx.user.findMany({
      where: {
        role: "AGENCY_LEADER",
        disabled: false,
        agencyId: { in: year.members.map((member) => member.agencyId) },
      },
      select: { id: true },
    });
    const notificationIds = await notifyUsers(
      tx,
      leaders.map((leader) => leader.id),
      {
        kind: previous ? "pledge.reopened" : "pledge.opened",
        messageKey: previous ? "notifications.pledgeReopened" : "notifications.pledgeOpened",
        params: { year: year.year, bloc: year.bloc.name, version: row.number },
        href: `/years/${year.id}/pledge`,
      },
    );
    await recordAudit(tx, actor, {
      action: "pledge.open",
      entity: "PledgeVersion",
      entityId: row.id,
      before: previous ? { open: previous.number } : undefined,
      after: {
        open: row.number,
        sha256,
        superseded: previous?.number ?? null,
        notified: notificationIds.length,
      },
      blocId: year.blocId,
    });
    return { view: toVersionView(row), notificationIds, supersededId: previous?.id ?? null };
  });
  runAfterResponse(() => emailNotifications(notificationIds));
  // The replaced version's signed document is issued anew, marked as superseded (if it was signed at all).
  if (supersededId) await issueAfterCommit("PLEDGE", supersededId);
  return view;
}
