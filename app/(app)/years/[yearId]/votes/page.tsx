import type { Metadata } from "next";
import { DownloadLink } from "@/components/documents/download-link";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card, PageHeader } from "@/components/ui/card";
import { CreateSessionForm } from "@/components/votes/create-session-form";
import { SessionStatusBadge } from "@/components/votes/status-badge";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { can } from "@/lib/permissions";
import { listVoteSessions } from "@/lib/votes/sessions";
import { getYear } from "@/lib/years/queries";
import { yearScopeOf } from "@/lib/years/year-scope";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("votes"))("title") };
}

export default async function VotesPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const sessions = await load(() => listVoteSessions(actor, yearId));
  const year = await load(() => getYear(actor, yearId));
  const t = await getTranslations("votes");
  // Display only: createVoteSession checks the phase and the permission again.
  const mayCreate = year.phase === "VOTING" && can(actor, "vote.manage", yearScopeOf(actor, year));
  const anyClosed = sessions.some((session) => session.status === "CLOSED");

  return (
    <ClientMessages namespaces={["votes", "documents.download"]}>
      <>
        <PageHeader
          title={t("pageTitle", { year: year.year })}
          description={year.blocName}
          actions={
            anyClosed && (
              <DownloadLink
                href={`/api/v1/years/${yearId}/vote-minutes.pdf`}
                className={buttonClass("secondary")}
                testId="minutes-link"
              >
                {t("minutesLink")}
              </DownloadLink>
            )
          }
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            <Card title={t("sessionsTitle")}>
              {sessions.length === 0 ? (
                <p className="text-sm text-slate-600">
                  {year.phase === "VOTING" ? t("noSessions") : t("notVotingPhase")}
                </p>
              ) : (
                <ul className="divide-y divide-slate-100" data-testid="vote-sessions">
                  {sessions.map((session) => (
                    <li key={session.id} className="py-3">
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <Link
                          href={`/years/${yearId}/votes/${session.id}`}
                          className="min-h-10 font-semibold text-brand-700 underline"
                        >
                          {session.title}
                        </Link>
                        <SessionStatusBadge status={session.status} />
                      </div>
                      <p className="mt-1 text-sm text-slate-600">
                        {t("window", {
                          opens: formatDateTime(session.opensAt),
                          closes: formatDateTime(session.closesAt),
                        })}
                      </p>
                      <p className="text-sm text-slate-600">
                        {t("votedCount", { voted: session.votedCount, total: session.roll.length })}
                        {session.you.mayVote && (
                          <span className="ml-2 font-semibold text-amber-800">
                            · {t("yourBallotPending")}
                          </span>
                        )}
                        {session.you.hasVoted && (
                          <span className="ml-2 font-semibold text-green-800">· {t("yourBallotCast")}</span>
                        )}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          {mayCreate && (
            <div className="min-w-0">
              <Card title={t("create.title")}>
                <CreateSessionForm
                  yearId={yearId}
                  year={year.year}
                  awards={year.rules.awards
                    .filter((award) => award.requiresVote)
                    .map((award) => ({ code: award.code, name: award.name }))}
                />
              </Card>
            </div>
          )}
        </div>
      </>
    </ClientMessages>
  );
}
