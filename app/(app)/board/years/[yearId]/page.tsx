import type { Metadata } from "next";
import { DownloadLink } from "@/components/documents/download-link";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DecisionForm, ReviewControls } from "@/components/board/review-controls";
import { ClientMessages } from "@/components/i18n/client-messages";
import { dossierDocuments } from "@/components/nominations/documents";
import { NominationHistory } from "@/components/nominations/history";
import { NominationHeading } from "@/components/nominations/nomination-heading";
import { PhaseBadge } from "@/components/years/phase-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/lib/format";
import { formatPoints } from "@/lib/scores/points";
import { load, pageActor } from "@/lib/http/page";
import { getDossier } from "@/lib/nominations/board";
import { can } from "@/lib/permissions";
import type { Phase } from "@/lib/years/phases";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("board"))("dossier.title") };
}

export default async function DossierPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const dossier = await load(() => getDossier(actor, yearId));
  const t = await getTranslations("board.dossier");
  const docs = await getTranslations("nominations.documents");
  const nominationsT = await getTranslations("nominations");
  const rankingT = await getTranslations("ranking");
  const { year } = dossier;
  const approved = new Map<string, { code: string; name: string; count: number }>();
  for (const nomination of dossier.nominations) {
    if (nomination.status !== "APPROVED") continue;
    const entry = approved.get(nomination.award.code) ?? { ...nomination.award, count: 0 };
    entry.count += 1;
    approved.set(nomination.award.code, entry);
  }

  return (
    <ClientMessages namespaces={["board", "nominations", "documents.download"]}>
      <>
        {can(actor, "dossier.read") ? (
          <Link href="/board" className="mb-2 inline-block text-sm font-semibold text-brand-700 underline">
            {t("backToInbox")}
          </Link>
        ) : (
          <Link
            href={`/years/${year.id}/nominations`}
            className="mb-2 inline-block text-sm font-semibold text-brand-700 underline"
          >
            {t("backToNominations")}
          </Link>
        )}
        <PageHeader
          title={t("pageTitle", { bloc: year.bloc.name, year: year.year })}
          description={year.leader ? t("leader", { leader: year.leader.name }) : undefined}
          actions={<PhaseBadge phase={year.phase as Phase} />}
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card title={t("nominationsTitle", { count: dossier.nominations.length })}>
              {dossier.nominations.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noNominations")}</p>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="dossier-nominations">
                  {dossier.nominations.map((nomination) => (
                    <li
                      key={nomination.id}
                      className="py-4"
                      data-testid={`dossier-${nomination.agency.code}`}
                    >
                      <NominationHeading nomination={nomination} />
                      {nomination.note && (
                        <p className="mt-1 whitespace-pre-line text-sm text-slate-800">
                          {nominationsT("noteLabel", { note: nomination.note })}
                        </p>
                      )}
                      <p className="mt-1 text-sm">
                        {nomination.report ? (
                          <a
                            href={`/api/v1/nomination-reports/${nomination.report.id}`}
                            className="break-all font-medium text-brand-700 underline"
                            data-testid="report-link"
                          >
                            {nominationsT("reportLink", { name: nomination.report.fileName })}
                          </a>
                        ) : (
                          <span className="font-semibold text-amber-800">
                            {nominationsT("reportMissing")}
                          </span>
                        )}
                      </p>
                      {nomination.decision && (
                        <p className="mt-1 text-sm font-semibold text-green-800">
                          {nominationsT("decision", {
                            number: nomination.decision.number,
                            signedOn: formatDate(nomination.decision.signedOn),
                          })}
                        </p>
                      )}
                      <NominationHistory events={nomination.events} />
                      {dossier.mayReview && nomination.status === "SUBMITTED" && (
                        <ReviewControls
                          yearId={year.id}
                          nominationId={nomination.id}
                          agencyName={nomination.agency.name}
                        />
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t("rankingTitle")}>
              {dossier.ranking.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noRanking")}</p>
              ) : (
                <Table
                  caption={t("rankingTitle")}
                  head={
                    <tr>
                      <th className={th}>{t("rank")}</th>
                      <th className={th}>{t("agency")}</th>
                      <th className={`${th} text-right`}>{t("total")}</th>
                      <th className={th}>{t("classification")}</th>
                    </tr>
                  }
                >
                  {dossier.ranking.map((entry) => (
                    <tr key={entry.agency.code}>
                      <td className={td}>{entry.rank}</td>
                      <td className={td}>
                        <Link href={`/agencies/${entry.agency.code}`} className="text-brand-700 underline">
                          {entry.agency.name}
                        </Link>
                      </td>
                      <td className={`${td} text-right tabular-nums`}>
                        {entry.notScored ? rankingT("notScored") : formatPoints(entry.total)}
                      </td>
                      <td className={td}>
                        {entry.notScored
                          ? rankingT("notScoredReason", { reason: entry.notScored })
                          : (entry.classification ?? "—")}
                      </td>
                    </tr>
                  ))}
                </Table>
              )}
            </Card>
            <Card
              title={t("votesTitle")}
              actions={
                dossier.votes.length > 0 && (
                  <DownloadLink
                    href={`/api/v1/years/${year.id}/vote-minutes.pdf`}
                    className="text-sm font-semibold text-brand-700 underline"
                  >
                    {docs("minutes")}
                  </DownloadLink>
                )
              }
            >
              {dossier.votes.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noVotes")}</p>
              ) : (
                <ul className="space-y-3 text-sm" data-testid="dossier-votes">
                  {dossier.votes.map((vote) => (
                    <li key={vote.id}>
                      <p className="font-semibold">{vote.title}</p>
                      <p className="text-slate-600">
                        {t("voteSummary", {
                          ballots: vote.ballots,
                          roll: vote.rollSize,
                          closedAt: formatDateTime(vote.closedAt),
                        })}{" "}
                        · {vote.quorumMet ? t("quorumMet") : t("quorumNotMet")}
                      </p>
                      <p>
                        {vote.passed.length > 0
                          ? t("passed", { names: vote.passed.join("; ") })
                          : t("nonePassed")}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          <div className="min-w-0 space-y-6">
            {dossier.mayReview && approved.size > 0 && (
              <Card title={t("decisionTitle")}>
                <DecisionForm yearId={year.id} awards={[...approved.values()]} />
              </Card>
            )}
            <Card title={t("decisionsTitle")}>
              {dossier.decisions.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noDecisions")}</p>
              ) : (
                <ul className="space-y-2 text-sm" data-testid="decisions">
                  {dossier.decisions.map((decision) => (
                    <li key={decision.number}>
                      <p className="font-semibold">
                        {t("decisionLine", {
                          number: decision.number,
                          signedOn: formatDate(decision.signedOn),
                        })}
                      </p>
                      <p className="text-slate-600">
                        {t("decisionSigner", {
                          name: decision.signerName,
                          title: decision.signerTitle ?? "—",
                          count: decision.count,
                        })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={docs("title")}>
              <ul className="space-y-2 text-sm" data-testid="documents">
                {dossierDocuments(year.id).map((doc) => (
                  <li key={doc.key}>
                    <DownloadLink href={doc.href} className="font-semibold text-brand-700 underline">
                      {docs(doc.key)}
                    </DownloadLink>
                  </li>
                ))}
                {dossier.pledge && (
                  <li>
                    <DownloadLink
                      href={`/api/v1/pledge-versions/${dossier.pledge.versionId}/pdf`}
                      className="font-semibold text-brand-700 underline"
                    >
                      {t("pledgeLink")}
                    </DownloadLink>
                    <span className="block text-slate-600" data-testid="pledge-signatures">
                      {t("pledgeSignatures", {
                        signed: dossier.pledge.signed,
                        members: dossier.pledge.members,
                      })}
                    </span>
                  </li>
                )}
              </ul>
            </Card>
            <Card title={t("submissionsTitle")}>
              {dossier.submissions.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noSubmissions")}</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {dossier.submissions.map((submission) => (
                    <li key={submission.round}>
                      {t("submission", {
                        round: submission.round,
                        at: formatDateTime(submission.submittedAt),
                        count: submission.count,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
