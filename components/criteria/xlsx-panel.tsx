"use client";

import { useTranslations } from "next-intl";
import { XlsxUpload } from "@/components/excel/xlsx-upload";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export interface CriteriaXlsxPanelProps {
  yearId: string;
  /** The import form (the year's secretariat while the table is editable); else download only. */
  canImport: boolean;
}

/** Bảng tiêu chí in Excel: download it; upload an edited file to replace the whole table. */
export function CriteriaXlsxPanel({ yearId, canImport }: CriteriaXlsxPanelProps) {
  const t = useTranslations("excel.panel");
  const url = `/api/v1/years/${yearId}/criteria.xlsx`;
  return (
    <Card
      title={t("criteriaTitle")}
      actions={
        <a href={url} download className={buttonClass("secondary")} data-testid="criteria-xlsx-download">
          {t("downloadCriteria")}
        </a>
      }
    >
      <p className="mb-4 text-sm text-slate-600">{t("criteriaHint")}</p>
      {canImport && (
        <XlsxUpload<{ groups: { criteria: unknown[] }[] }>
          url={url}
          testId="criteria-xlsx-import"
          done={(table) =>
            t("criteriaDone", {
              groups: table.groups.length,
              criteria: table.groups.reduce((sum, group) => sum + group.criteria.length, 0),
            })
          }
        />
      )}
    </Card>
  );
}
