import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ReviewGrid } from "@/components/review/review-grid";
import { Badge, PageHeader } from "@/components/ui/card";
import { PhaseBadge } from "@/components/years/phase-badge";
import { load, pageActor } from "@/lib/http/page";
import { getReviewGrid } from "@/lib/scores/review";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("review"))("title") };
}

export default async function ReviewPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const grid = await load(() => getReviewGrid(actor, yearId));
  const t = await getTranslations("review");
  const readOnlyReason = grid.editable
    ? null
    : grid.locked
      ? "lockedNotice"
      : grid.year.phase !== "REVIEW"
        ? "phaseNotice"
        : "readOnlyNotice";

  return (
    <ClientMessages namespaces={["review"]}>
      <>
        <PageHeader
          title={t("pageTitle", { year: grid.year.year })}
          description={grid.year.blocName}
          actions={
            <div className="flex flex-wrap items-center gap-3">
              <PhaseBadge phase={grid.year.phase} />
              {grid.locked && <Badge tone="green">{t("lockedBadge")}</Badge>}
              <Link
                href={`/years/${yearId}/ranking`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                {t("rankingLink")}
              </Link>
              <Link
                href={`/years/${yearId}/scores/excel`}
                className="text-sm font-semibold text-brand-700 underline"
              >
                {t("excelLink")}
              </Link>
            </div>
          }
        />
        {readOnlyReason && (
          <p
            role="status"
            className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
            data-testid="review-readonly"
          >
            {t(readOnlyReason)}
          </p>
        )}
        {grid.criteria.length === 0 || grid.agencies.length === 0 ? (
          <p className="rounded-md bg-white px-3 py-4 text-sm text-slate-600">{t("empty")}</p>
        ) : (
          <ReviewGrid
            yearId={yearId}
            agencies={grid.agencies}
            criteria={grid.criteria}
            groups={grid.groups}
            initialCells={JSON.stringify(grid.cells)}
            editable={grid.editable}
          />
        )}
      </>
    </ClientMessages>
  );
}
