import type { Metadata } from "next";
import { DownloadLink } from "@/components/documents/download-link";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { dossierDocuments } from "@/components/nominations/documents";
import { NominationHistory } from "@/components/nominations/history";
import {
  AddNominationForm,
  AddSuggestionButton,
  ApplySuggestionsButton,
  NoteForm,
  ReportUpload,
  SubmitDossierButton,
  WithdrawForm,
} from "@/components/nominations/nomination-forms";
import { NominationHeading } from "@/components/nominations/nomination-heading";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import { formatDate } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { getNomination, getNominations } from "@/lib/nominations/nominations";
import { can } from "@/lib/permissions";
import { getYear } from "@/lib/years/queries";
import { yearScopeOf } from "@/lib/years/year-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nominations"))("title") };
}

export default async function NominationsPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const view = await load(() => getNominations(actor, yearId));
  const year = await load(() => getYear(actor, yearId));
  // Each nomination's history (every round kept); a bloc has a handful of nominations.
  const details = await load(() =>
    Promise.all(view.nominations.map((nomination) => getNomination(actor, nomination.id))),
  );
  const eventsOf = new Map(details.map((detail) => [detail.id, detail.events]));
  const t = await getTranslations("nominations");
  const docs = await getTranslations("nominations.documents");
  const { phase } = view.year;
  const openPhase = phase === "NOMINATION" || phase === "BOARD_REVIEW";
  // Display only: the data layer checks every call again.
  const readsDossier = can(actor, "dossier.read", yearScopeOf(actor, year));
  const ownCode = actor.agency?.code;
  const mayUploadFor = (agencyCode: string) =>
    view.mayManage || (actor.role !== "BOARD" && actor.role !== "ADMIN" && ownCode === agencyCode);
  const active = view.nominations.filter((nomination) => nomination.status !== "WITHDRAWN");
  const nominatedCodes = new Set(
    active
      .filter((nomination) => nomination.status !== "REJECTED")
      .map((nomination) => nomination.agency.code),
  );
  const resubmit = phase === "BOARD_REVIEW";

  return (
    <ClientMessages namespaces={["nominations", "documents.download"]}>
      <>
        <Link
          href={`/years/${yearId}`}
          className="mb-2 inline-block text-sm font-semibold text-brand-700 underline"
        >
          {t("backToYear", { year: view.year.year })}
        </Link>
        <PageHeader
          title={t("pageTitle", { year: view.year.year })}
          description={view.year.blocName}
          actions={
            readsDossier &&
            view.nominations.length > 0 && (
              <Link
                href={`/board/years/${yearId}`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                {t("dossierLink")}
              </Link>
            )
          }
        />
        {!openPhase && phase !== "CLOSED" && (
          <p role="status" className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("notYet")}
          </p>
        )}
        {phase === "CLOSED" && (
          <p
            role="status"
            className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-800"
            data-testid="year-closed"
          >
            {t("closedNotice")}
          </p>
        )}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            {view.awards.length > 0 && (
              <Card title={t("quotas.title")}>
                <ul className="grid gap-2 sm:grid-cols-3" data-testid="quotas">
                  {view.awards.map((award) => (
                    <li
                      key={award.code}
                      className="rounded-md border border-slate-200 px-3 py-2 text-sm"
                      data-award={award.code}
                    >
                      <p className="font-semibold text-slate-900">{award.name}</p>
                      <p className="text-slate-700">
                        {award.quota === null
                          ? t("quotas.unlimited", { used: award.used })
                          : t("quotas.used", { used: award.used, quota: award.quota })}
                      </p>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
            <Card title={t("listTitle", { count: active.length })}>
              {view.nominations.length === 0 ? (
                <p className="text-sm text-slate-600">{view.mayManage ? t("emptyManager") : t("empty")}</p>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="nominations">
                  {view.nominations.map((nomination) => {
                    const editable =
                      openPhase && (nomination.status === "DRAFT" || nomination.status === "RETURNED");
                    const events = eventsOf.get(nomination.id) ?? [];
                    const lastReturn =
                      nomination.status === "RETURNED"
                        ? [...events].reverse().find((event) => event.action === "return")
                        : undefined;
                    return (
                      <li
                        key={nomination.id}
                        className="py-4"
                        data-testid={`nomination-${nomination.agency.code}`}
                      >
                        <NominationHeading nomination={nomination} />
                        {nomination.note && (
                          <p className="mt-1 whitespace-pre-line text-sm text-slate-800">
                            {t("noteLabel", { note: nomination.note })}
                          </p>
                        )}
                        {nomination.withdrawReason && (
                          <p className="mt-1 text-sm text-slate-700">
                            {t("withdrawReason", { reason: nomination.withdrawReason })}
                          </p>
                        )}
                        {nomination.decision && (
                          <p className="mt-1 text-sm font-semibold text-green-800" data-testid="decision">
                            {t("decision", {
                              number: nomination.decision.number,
                              signedOn: formatDate(nomination.decision.signedOn),
                            })}
                          </p>
                        )}
                        {lastReturn?.comment && (
                          <div
                            className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950"
                            data-testid="return-comment"
                          >
                            <p className="font-semibold">{t("returnedWith")}</p>
                            <p className="whitespace-pre-line">{lastReturn.comment}</p>
                          </div>
                        )}
                        <div className="mt-2 flex flex-wrap items-start gap-x-6 gap-y-2 text-sm">
                          <div>
                            {nomination.report ? (
                              <a
                                href={`/api/v1/nomination-reports/${nomination.report.id}`}
                                className="break-all font-medium text-brand-700 underline"
                                data-testid="report-link"
                              >
                                {t("reportLink", { name: nomination.report.fileName })}
                              </a>
                            ) : (
                              <span className="font-semibold text-amber-800" data-testid="report-missing">
                                {t("reportMissing")}
                              </span>
                            )}
                          </div>
                          {editable && mayUploadFor(nomination.agency.code) && (
                            <ReportUpload
                              nominationId={nomination.id}
                              agencyName={nomination.agency.name}
                              replace={nomination.report !== null}
                            />
                          )}
                        </div>
                        {editable && view.mayManage && (
                          <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                            <NoteForm
                              yearId={yearId}
                              nominationId={nomination.id}
                              note={nomination.note}
                              version={nomination.version}
                              agencyName={nomination.agency.name}
                            />
                            <WithdrawForm
                              yearId={yearId}
                              nominationId={nomination.id}
                              agencyName={nomination.agency.name}
                            />
                          </div>
                        )}
                        <NominationHistory events={events} />
                      </li>
                    );
                  })}
                </ul>
              )}
            </Card>
            {view.suggestions.length > 0 && (
              <Card title={t("suggestions.title")} actions={<ApplySuggestionsButton yearId={yearId} />}>
                <p className="mb-3 text-sm text-slate-600">{t("suggestions.hint")}</p>
                <Table
                  caption={t("suggestions.title")}
                  head={
                    <tr>
                      <th className={th}>{t("suggestions.rank")}</th>
                      <th className={th}>{t("suggestions.agency")}</th>
                      <th className={th}>{t("suggestions.award")}</th>
                      <th className={th}>
                        <span className="sr-only">{t("suggestions.add")}</span>
                      </th>
                    </tr>
                  }
                >
                  {view.suggestions.map((suggestion) => (
                    <tr
                      key={`${suggestion.agency.code}-${suggestion.award.code}`}
                      data-testid={`suggestion-${suggestion.agency.code}`}
                    >
                      <td className={td}>{suggestion.rank}</td>
                      <td className={td}>
                        <Link
                          href={`/agencies/${suggestion.agency.code}`}
                          className="text-brand-700 underline"
                        >
                          {suggestion.agency.name}
                        </Link>
                      </td>
                      <td className={td}>{suggestion.award.name}</td>
                      <td className={td}>
                        <AddSuggestionButton
                          yearId={yearId}
                          agency={suggestion.agency}
                          award={suggestion.award}
                        />
                      </td>
                    </tr>
                  ))}
                </Table>
              </Card>
            )}
          </div>
          <div className="min-w-0 space-y-6">
            {view.mayManage && view.toSubmit > 0 && (
              <Card title={resubmit ? t("submit.resubmitTitle") : t("submit.title")}>
                {view.missingReports.length > 0 && (
                  <div
                    className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-950"
                    data-testid="missing-reports"
                  >
                    <p className="font-semibold">{t("submit.missingTitle")}</p>
                    <ul className="ml-5 list-disc">
                      {view.missingReports.map((name) => (
                        <li key={name}>{name}</li>
                      ))}
                    </ul>
                  </div>
                )}
                <SubmitDossierButton yearId={yearId} resubmit={resubmit} count={view.toSubmit} />
              </Card>
            )}
            {view.mayManage && phase === "NOMINATION" && view.awards.length > 0 && (
              <Card title={t("add.title")}>
                <AddNominationForm
                  yearId={yearId}
                  members={year.members
                    .filter((member) => !nominatedCodes.has(member.code))
                    .map((member) => ({ code: member.code, name: member.name }))}
                  awards={view.awards.map((award) => ({ code: award.code, name: award.name }))}
                />
              </Card>
            )}
            {readsDossier && (
              <Card title={docs("title")}>
                <ul className="space-y-2 text-sm" data-testid="documents">
                  {dossierDocuments(yearId).map((doc) => (
                    <li key={doc.key}>
                      <DownloadLink href={doc.href} className="font-semibold text-brand-700 underline">
                        {docs(doc.key)}
                      </DownloadLink>
                    </li>
                  ))}
                </ul>
              </Card>
            )}
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
