import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card, PageHeader } from "@/components/ui/card";
import { BallotPanel } from "@/components/votes/ballot-panel";
import { ManageSession } from "@/components/votes/manage-session";
import { ReceiptCheckForm } from "@/components/votes/receipt-check-form";
import { ResultsView } from "@/components/votes/results-view";
import { SessionStatusBadge } from "@/components/votes/status-badge";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { getVoteResults } from "@/lib/votes/results";
import { getVoteSession } from "@/lib/votes/sessions";
import { thresholdCount } from "@/lib/votes/tally";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("votes"))("title") };
}

const fraction = (value: { numerator: number; denominator: number }) =>
  `${value.numerator}/${value.denominator}`;

export default async function VoteSessionPage({
  params,
}: {
  params: Promise<{ yearId: string; sessionId: string }>;
}) {
  const { yearId, sessionId } = await params;
  const actor = await pageActor();
  const session = await load(() => getVoteSession(actor, sessionId));
  // The session's own year is the page's year: another year's id in the address shows nothing.
  if (session.yearId !== yearId) notFound();
  const results = session.status === "CLOSED" ? await load(() => getVoteResults(actor, sessionId)) : null;
  const t = await getTranslations("votes");
  const { rules } = session;
  const roll = session.roll.length;
  const quorumCount = Math.max(1, thresholdCount(rules.quorum, roll, false));
  // Before closing the base of a "share of the ballots" threshold is not known: show the members' count.
  const passCount = Math.max(
    1,
    thresholdCount(
      rules.pass,
      rules.passBase === "MEMBERS" ? roll : (results?.ballots ?? roll),
      rules.passStrictlyAbove,
    ),
  );
  const election = session.method === "ELECTION";
  const showBallot = session.you.mayVote || session.you.hasVoted;
  const manages = session.you.mayClose || session.you.mayCancel;
  const ownAgency = actor.agency;

  return (
    <ClientMessages namespaces={["votes"]}>
      <>
        <Link
          href={`/years/${yearId}/votes`}
          className="mb-2 inline-block text-sm font-semibold text-brand-700 underline"
        >
          {t("backToList", { year: session.year })}
        </Link>
        <PageHeader title={session.title} actions={<SessionStatusBadge status={session.status} />} />
        {session.status === "CANCELLED" && (
          <p role="status" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900">
            {t("cancelledNotice", {
              at: formatDateTime(session.cancelledAt!),
              reason: session.cancelReason ?? "",
            })}
          </p>
        )}
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="min-w-0 space-y-6 lg:col-span-2">
            {showBallot && ownAgency && (
              <Card className="border-brand-600">
                <BallotPanel
                  yearId={yearId}
                  sessionId={session.id}
                  method={session.method}
                  candidates={session.candidates}
                  quota={rules.quota}
                  electionYear={session.year + 1}
                  agencyName={ownAgency.name}
                  mayVote={session.you.mayVote}
                  hasVoted={session.you.hasVoted}
                />
              </Card>
            )}
            {results && (
              <Card title={t("results.title")}>
                <ResultsView results={results} />
              </Card>
            )}
            {results && (
              <Card title={t("receiptCheck.title")}>
                <ReceiptCheckForm sessionId={session.id} />
              </Card>
            )}
            <Card title={t("rulesTitle")}>
              <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
                <dt className="font-semibold text-slate-700">{t("rules.method")}</dt>
                <dd>
                  {session.method === "APPROVAL"
                    ? t("rules.methodAPPROVAL")
                    : session.method === "PICK_UP_TO_QUOTA"
                      ? t("rules.methodPICK", { quota: rules.quota ?? session.candidates.length })
                      : t("rules.methodELECTION", { year: session.year + 1 })}
                </dd>
                <dt className="font-semibold text-slate-700">{t("rules.quorum")}</dt>
                <dd data-testid="rule-quorum">
                  {t("rules.quorumText", { fraction: fraction(rules.quorum), count: quorumCount, roll })}
                </dd>
                <dt className="font-semibold text-slate-700">{t("rules.pass")}</dt>
                <dd data-testid="rule-pass">
                  {t("rules.passText", {
                    strict: String(rules.passStrictlyAbove),
                    fraction: fraction(rules.pass),
                    base: rules.passBase,
                    count: passCount,
                  })}
                </dd>
                {!election && rules.quota !== null && (
                  <>
                    <dt className="font-semibold text-slate-700">{t("rules.quota")}</dt>
                    <dd>{rules.quota}</dd>
                  </>
                )}
                <dt className="font-semibold text-slate-700">{t("rules.window")}</dt>
                <dd>
                  {t("window", {
                    opens: formatDateTime(session.opensAt),
                    closes: formatDateTime(session.closesAt),
                  })}
                </dd>
              </dl>
              <p className="mt-3 text-xs text-slate-600">{t("rules.secrecy")}</p>
            </Card>
            <Card
              title={
                election
                  ? t("electionCandidatesTitle", { count: session.candidates.length })
                  : t("candidatesTitle", { count: session.candidates.length })
              }
            >
              <ol className="list-decimal space-y-1 pl-6 text-sm" data-testid="candidates">
                {session.candidates.map((candidate) => (
                  <li key={candidate.code}>{candidate.name}</li>
                ))}
              </ol>
            </Card>
          </div>
          <div className="min-w-0 space-y-6">
            {manages && (
              <Card title={t("manage.title")}>
                <ManageSession
                  yearId={yearId}
                  sessionId={session.id}
                  mayClose={session.you.mayClose}
                  mayCancel={session.you.mayCancel}
                />
              </Card>
            )}
            <Card title={t("rollTitle")}>
              <p className="mb-2 text-sm font-semibold" data-testid="voted-count">
                {t("votedCount", { voted: session.votedCount, total: roll })}
              </p>
              <ul className="divide-y divide-slate-100" data-testid="roll">
                {session.roll.map((voter) => (
                  <li
                    key={voter.code}
                    className="flex items-center justify-between gap-2 py-2 text-sm"
                    data-agency={voter.code}
                  >
                    <span>{voter.name}</span>
                    {voter.voted ? (
                      <span className="whitespace-nowrap font-semibold text-green-800">
                        <span aria-hidden="true">✓ </span>
                        {t("votedMark")}
                      </span>
                    ) : (
                      <span className="whitespace-nowrap text-slate-500">{t("notVotedMark")}</span>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
