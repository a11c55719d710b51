import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { SelfAssessmentView } from "@/lib/assessments/assessments";
import { formatDateTime } from "@/lib/format";

/** Where the self-assessment stands: draft, submitted (when), or returned (with the comment). */
export function AssessmentStatusBanner({
  view,
}: {
  view: Pick<SelfAssessmentView, "status" | "submittedAt" | "returnComment" | "year" | "editable">;
}) {
  const t = useTranslations("assessment.banner");
  const tone = {
    DRAFT: "bg-slate-100 text-slate-800",
    SUBMITTED: "bg-green-50 text-green-900",
    RETURNED: "bg-amber-50 text-amber-950",
  }[view.status];
  return (
    <div
      role="status"
      className={cn("space-y-1 rounded-md px-3 py-2 text-sm", tone)}
      data-testid="assessment-status"
    >
      <p className="font-semibold">
        {view.status === "SUBMITTED"
          ? t("submitted", { at: view.submittedAt ? formatDateTime(view.submittedAt) : "—" })
          : view.status === "RETURNED"
            ? t("returned", { comment: view.returnComment ?? "" })
            : t("draft")}
      </p>
      {view.status !== "SUBMITTED" && view.editable && <p>{t("autosave")}</p>}
      {view.year.phase !== "SELF_ASSESSMENT" && <p>{t("outsidePhase")}</p>}
    </div>
  );
}
