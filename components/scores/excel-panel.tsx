"use client";

import { useTranslations } from "next-intl";
import { XlsxUpload } from "@/components/excel/xlsx-upload";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export interface ScoresExcelPanelProps {
  yearId: string;
  /** The import form (the year's secretariat while the scores are editable); else download only. */
  canImport: boolean;
}

/** Bảng điểm in Excel: download the score table; upload the edited file to save the changed cells. */
export function ScoresExcelPanel({ yearId, canImport }: ScoresExcelPanelProps) {
  const t = useTranslations("excel.panel");
  const url = `/api/v1/years/${yearId}/scores.xlsx`;
  return (
    <Card
      title={t("scoresTitle")}
      actions={
        <a href={url} download className={buttonClass("secondary")} data-testid="scores-xlsx-download">
          {t("downloadScores")}
        </a>
      }
    >
      <p className="mb-4 text-sm text-slate-600">{t("scoresHint")}</p>
      {canImport && (
        <XlsxUpload<{ changed: number }>
          url={url}
          withReason
          testId="scores-xlsx-import"
          done={(data) => t("scoresDone", { count: data.changed })}
        />
      )}
    </Card>
  );
}
