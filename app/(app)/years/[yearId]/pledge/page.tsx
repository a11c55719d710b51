import type { Metadata } from "next";
import { DownloadLink } from "@/components/documents/download-link";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PledgeText } from "@/components/pledges/pledge-text";
import { SignPanel } from "@/components/pledges/sign-panel";
import { SigningBoard } from "@/components/pledges/signing-board";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { load, pageActor } from "@/lib/http/page";
import { getPledgeOverview } from "@/lib/pledges/pledges";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pledge"))("title") };
}

export default async function PledgePage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const pledge = await load(() => getPledgeOverview(actor, yearId));
  const t = await getTranslations("pledge");
  const open = pledge.open;
  const statusTone = { DRAFT: "slate", OPEN: "green", SUPERSEDED: "amber" } as const;

  return (
    <ClientMessages namespaces={["pledge", "documents.download"]}>
      <>
        <PageHeader
          title={t("pageTitle", { year: pledge.year.year })}
          description={pledge.year.blocName}
          actions={
            pledge.mayDraft && (
              <Link href={`/years/${yearId}/pledge/edit`} className={buttonClass("secondary")}>
                {pledge.draft ? t("continueDraft", { number: pledge.draft.number }) : t("newDraft")}
              </Link>
            )
          }
        />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="space-y-6 lg:col-span-2">
            {pledge.mustSignAgain && (
              <p
                role="status"
                className="rounded-md bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900"
              >
                {t("mustSignAgain", { number: open?.number ?? 0 })}
              </p>
            )}
            {open && pledge.maySign && (
              <a
                href="#sign"
                className="block rounded-md bg-brand-700 px-4 py-3 text-center font-semibold text-white"
              >
                {t("readAndSign")}
              </a>
            )}
            {pledge.ownSignature && (
              <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-900">
                {t("ownSigned", {
                  name: pledge.ownSignature.signerName,
                  at: formatDateTime(pledge.ownSignature.signedAt),
                })}
              </p>
            )}
            {open ? (
              <Card
                title={t("openVersionTitle", { number: open.number })}
                actions={
                  <div className="flex flex-wrap gap-2">
                    <DownloadLink
                      href={`/api/v1/pledge-versions/${open.id}/pdf`}
                      className={buttonClass("secondary")}
                    >
                      {t("downloadPdf")}
                    </DownloadLink>
                    <Link href={`/verify/pledge/${open.id}`} className={buttonClass("ghost")}>
                      {t("verify")}
                    </Link>
                  </div>
                }
              >
                <p className="mb-3 break-all font-mono text-xs text-slate-500">SHA-256: {open.sha256}</p>
                <PledgeText content={open.content} rendered={open.rendered} />
              </Card>
            ) : (
              <Card>
                <p className="text-sm text-slate-600">{t("noOpenVersion")}</p>
              </Card>
            )}
            {open && pledge.maySign && actor.agency && (
              <div id="sign" className="scroll-mt-4">
                <Card className="border-brand-600">
                  <SignPanel
                    yearId={yearId}
                    versionId={open.id}
                    year={pledge.year.year}
                    number={open.number}
                    shortHash={(open.sha256 ?? "").slice(0, 12).toUpperCase()}
                    signer={{ name: actor.name, title: actor.title, agency: actor.agency.name }}
                  />
                </Card>
              </div>
            )}
            {pledge.draft && !pledge.mayDraft && (
              <Card title={t("draftTitle", { number: pledge.draft.number })}>
                <p className="mb-3 text-sm text-slate-600">{t("draftNotice")}</p>
                <PledgeText content={pledge.draft.content} rendered={pledge.draft.rendered} />
              </Card>
            )}
          </div>
          <div className="space-y-6">
            {open && (
              <Card title={t("boardTitle")}>
                <SigningBoard board={pledge.board} />
              </Card>
            )}
            {pledge.history.length > 0 && (
              <Card title={t("historyTitle")}>
                <Table
                  caption={t("historyTitle")}
                  head={
                    <tr>
                      <th className={th}>{t("versionColumn")}</th>
                      <th className={th}>{t("statusColumn")}</th>
                      <th className={th}>{t("signaturesColumn")}</th>
                    </tr>
                  }
                >
                  {pledge.history.map((version) => (
                    <tr key={version.id}>
                      <td className={td}>
                        <Link
                          href={`/verify/pledge/${version.id}`}
                          className="font-semibold text-brand-700 underline"
                        >
                          {version.number}
                        </Link>
                        <div className="text-xs text-slate-500">
                          {version.openedAt ? formatDateTime(version.openedAt) : ""}
                        </div>
                      </td>
                      <td className={td}>
                        <Badge tone={statusTone[version.status]}>{t(`status.${version.status}`)}</Badge>
                      </td>
                      <td className={td}>
                        {version.signatureCount}
                        <DownloadLink
                          href={`/api/v1/pledge-versions/${version.id}/pdf`}
                          className="ml-2 text-xs text-brand-700 underline"
                        >
                          PDF
                        </DownloadLink>
                      </td>
                    </tr>
                  ))}
                </Table>
              </Card>
            )}
          </div>
        </div>
      </>
    </ClientMessages>
  );
}
