"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { updateYearRulesAction } from "@/lib/years/manage-actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, inputClass, useActionForm } from "@/components/ui/form";
import { AWARD_VOTE_METHODS, QUOTA_ROUNDING, TIE_BREAKS, type YearRules } from "@/lib/years/rules";

type Award = YearRules["awards"][number];
type Band = YearRules["classificationBands"][number];

const numberOrNull = (value: string) => (value.trim() === "" ? null : Number(value));

/** Rules of the year: scale, classification bands, tie-breaks, cross-scoring, voting, award quotas. */
export function RulesForm({
  yearId,
  version,
  rules: initial,
  editable,
}: {
  yearId: string;
  version: number;
  rules: YearRules;
  editable: boolean;
}) {
  const t = useTranslations("admin.rules");
  const common = useTranslations("common");
  const [rules, setRules] = useState<YearRules>(initial);
  const form = useActionForm(updateYearRulesAction.bind(null, yearId));
  const error = (path: string) => form.fieldError(`rules.${path}`) ?? form.fieldError(path);

  const setBand = (index: number, patch: Partial<Band>) =>
    setRules((r) => ({
      ...r,
      classificationBands: r.classificationBands.map((band, i) =>
        i === index ? { ...band, ...patch } : band,
      ),
    }));
  const setAward = (index: number, patch: Partial<Award>) =>
    setRules((r) => ({
      ...r,
      awards: r.awards.map((award, i) => (i === index ? { ...award, ...patch } : award)),
    }));
  const bandError = (index: number) =>
    error(`classificationBands.${index}.minTotal`) ??
    error(`classificationBands.${index}.code`) ??
    error(`classificationBands.${index}.label`);
  const awardError = (index: number) =>
    ["code", "name", "maxCount", "maxPercent", "minClassification", "maxRank", "excludes"]
      .map((field) => error(`awards.${index}.${field}`))
      .find(Boolean) ??
    rules.awards.map((_, position) => error(`awards.${index}.excludes.${position}`)).find(Boolean);

  return (
    <form onSubmit={form.onSubmit} className="space-y-6" noValidate>
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="rules" value={JSON.stringify(rules)} />
      {!editable && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{t("locked")}</p>}
      <fieldset disabled={!editable} className="space-y-6">
        <label className="flex max-w-xs flex-col gap-1 text-sm font-semibold">
          {t("scale")}
          <input
            className={inputClass}
            type="number"
            min={10}
            max={10000}
            value={rules.scale}
            onChange={(e) => setRules({ ...rules, scale: Number(e.target.value) })}
          />
          {error("scale") && <span className="font-normal text-red-700">{error("scale")}</span>}
        </label>

        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("bands")}</h3>
          <div className="space-y-2">
            {rules.classificationBands.map((band, index) => (
              <div key={index} className="grid grid-cols-[1fr_1fr_6rem_auto] items-center gap-2">
                <input
                  aria-label={t("bandCode")}
                  className={inputClass}
                  value={band.code}
                  onChange={(e) => setBand(index, { code: e.target.value.toUpperCase() })}
                />
                <input
                  aria-label={t("bandLabel")}
                  className={inputClass}
                  value={band.label}
                  onChange={(e) => setBand(index, { label: e.target.value })}
                />
                <input
                  aria-label={t("bandMin")}
                  className={inputClass}
                  type="number"
                  step="0.5"
                  value={band.minTotal}
                  onChange={(e) => setBand(index, { minTotal: Number(e.target.value) })}
                />
                <Button
                  variant="ghost"
                  aria-label={t("remove")}
                  onClick={() =>
                    setRules((r) => ({
                      ...r,
                      classificationBands: r.classificationBands.filter((_, i) => i !== index),
                    }))
                  }
                >
                  ✕
                </Button>
                {bandError(index) && <p className="col-span-4 text-sm text-red-700">{bandError(index)}</p>}
              </div>
            ))}
          </div>
          {error("classificationBands") && (
            <p className="text-sm text-red-700">{error("classificationBands")}</p>
          )}
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() =>
              setRules((r) => ({
                ...r,
                classificationBands: [...r.classificationBands, { code: "", label: "", minTotal: 0 }],
              }))
            }
          >
            {t("addBand")}
          </Button>
        </div>

        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("tieBreaks")}</h3>
          <ol className="space-y-2">
            {rules.tieBreaks.map((rule, index) => (
              <li key={index} className="flex items-center gap-2">
                <span className="w-6 text-sm text-slate-500">{index + 1}.</span>
                <select
                  aria-label={t("tieBreakN", { n: index + 1 })}
                  className={inputClass}
                  value={rule}
                  onChange={(e) =>
                    setRules((r) => ({
                      ...r,
                      tieBreaks: r.tieBreaks.map((x, i) =>
                        i === index ? (e.target.value as (typeof TIE_BREAKS)[number]) : x,
                      ),
                    }))
                  }
                >
                  {TIE_BREAKS.map((option) => (
                    <option key={option} value={option}>
                      {t(`tieBreak.${option}`)}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ol>
          {error("tieBreaks") && <p className="text-sm text-red-700">{error("tieBreaks")}</p>}
        </div>

        <div className="flex flex-wrap gap-6 text-sm">
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={rules.crossScoring.enabled}
              onChange={(e) =>
                setRules({ ...rules, crossScoring: { ...rules.crossScoring, enabled: e.target.checked } })
              }
            />
            {t("crossScoring")}
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4"
              checked={rules.crossScoring.trimExtremes}
              onChange={(e) =>
                setRules({
                  ...rules,
                  crossScoring: { ...rules.crossScoring, trimExtremes: e.target.checked },
                })
              }
            />
            {t("trimExtremes")}
          </label>
        </div>

        <div className="grid gap-3 sm:grid-cols-2">
          <fieldset className="text-sm">
            <legend className="mb-1 font-semibold">{t("quorum")}</legend>
            <div className="flex items-center gap-2">
              <input
                aria-label={t("numerator")}
                className={inputClass}
                type="number"
                min={0}
                value={rules.voting.quorum.numerator}
                onChange={(e) =>
                  setRules({
                    ...rules,
                    voting: {
                      ...rules.voting,
                      quorum: { ...rules.voting.quorum, numerator: Number(e.target.value) },
                    },
                  })
                }
              />
              /
              <input
                aria-label={t("denominator")}
                className={inputClass}
                type="number"
                min={1}
                value={rules.voting.quorum.denominator}
                onChange={(e) =>
                  setRules({
                    ...rules,
                    voting: {
                      ...rules.voting,
                      quorum: { ...rules.voting.quorum, denominator: Number(e.target.value) },
                    },
                  })
                }
              />
            </div>
            {error("voting.quorum") && <p className="text-red-700">{error("voting.quorum")}</p>}
          </fieldset>
          <fieldset className="text-sm">
            <legend className="mb-1 font-semibold">{t("pass")}</legend>
            <div className="flex items-center gap-2">
              <input
                aria-label={t("numerator")}
                className={inputClass}
                type="number"
                min={0}
                value={rules.voting.pass.numerator}
                onChange={(e) =>
                  setRules({
                    ...rules,
                    voting: {
                      ...rules.voting,
                      pass: { ...rules.voting.pass, numerator: Number(e.target.value) },
                    },
                  })
                }
              />
              /
              <input
                aria-label={t("denominator")}
                className={inputClass}
                type="number"
                min={1}
                value={rules.voting.pass.denominator}
                onChange={(e) =>
                  setRules({
                    ...rules,
                    voting: {
                      ...rules.voting,
                      pass: { ...rules.voting.pass, denominator: Number(e.target.value) },
                    },
                  })
                }
              />
            </div>
            {error("voting.pass") && <p className="text-red-700">{error("voting.pass")}</p>}
          </fieldset>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-4"
              checked={rules.voting.passStrictlyAbove}
              onChange={(e) =>
                setRules({ ...rules, voting: { ...rules.voting, passStrictlyAbove: e.target.checked } })
              }
            />
            {t("strictlyAbove")}
          </label>
          <label className="flex flex-col gap-1 text-sm">
            {t("passBase")}
            <select
              className={inputClass}
              value={rules.voting.passBase}
              onChange={(e) =>
                setRules({
                  ...rules,
                  voting: { ...rules.voting, passBase: e.target.value as "MEMBERS" | "BALLOTS" },
                })
              }
            >
              <option value="MEMBERS">{t("passBaseMembers")}</option>
              <option value="BALLOTS">{t("passBaseBallots")}</option>
            </select>
          </label>
        </div>

        <div>
          <h3 className="mb-2 text-sm font-semibold">{t("awards")}</h3>
          <div className="space-y-3">
            {rules.awards.map((award, index) => (
              <div
                key={index}
                className="grid gap-2 rounded-md border border-slate-200 p-3 text-sm sm:grid-cols-4"
              >
                <label className="flex flex-col gap-1">
                  {t("awardCode")}
                  <input
                    className={inputClass}
                    value={award.code}
                    onChange={(e) => setAward(index, { code: e.target.value.toUpperCase() })}
                  />
                </label>
                <label className="flex flex-col gap-1 sm:col-span-3">
                  {t("awardName")}
                  <input
                    className={inputClass}
                    value={award.name}
                    onChange={(e) => setAward(index, { name: e.target.value })}
                  />
                </label>
                <label className="flex flex-col gap-1">
                  {t("maxCount")}
                  <input
                    className={inputClass}
                    type="number"
                    min={0}
                    value={award.maxCount ?? ""}
                    onChange={(e) => setAward(index, { maxCount: numberOrNull(e.target.value) })}
                  />
                </label>
                <label className="flex flex-col gap-1">
                  {t("maxPercent")}
                  <input
                    className={inputClass}
                    type="number"
                    min={0}
                    max={100}
                    value={award.maxPercent ?? ""}
                    onChange={(e) => setAward(index, { maxPercent: numberOrNull(e.target.value) })}
                  />
                </label>
                <label className="flex flex-col gap-1">
                  {t("rounding")}
                  <select
                    className={inputClass}
                    value={award.rounding}
                    onChange={(e) => setAward(index, { rounding: e.target.value as Award["rounding"] })}
                  >
                    {QUOTA_ROUNDING.map((option) => (
                      <option key={option} value={option}>
                        {t(`roundingOption.${option}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col gap-1">
                  {t("minClassification")}
                  <select
                    className={inputClass}
                    value={award.minClassification ?? ""}
                    onChange={(e) => setAward(index, { minClassification: e.target.value || null })}
                  >
                    <option value="">{common("none")}</option>
                    {rules.classificationBands.map((band) => (
                      <option key={band.code} value={band.code}>
                        {band.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col gap-1">
                  {t("maxRank")}
                  <input
                    className={inputClass}
                    type="number"
                    min={1}
                    value={award.maxRank ?? ""}
                    onChange={(e) => setAward(index, { maxRank: numberOrNull(e.target.value) })}
                  />
                </label>
                <label className="flex flex-col gap-1 sm:col-span-2">
                  {t("voteMethod")}
                  <select
                    className={inputClass}
                    value={award.voteMethod}
                    onChange={(e) => setAward(index, { voteMethod: e.target.value as Award["voteMethod"] })}
                  >
                    {AWARD_VOTE_METHODS.map((option) => (
                      <option key={option} value={option}>
                        {t(`voteMethodOption.${option}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex items-center gap-2 sm:col-span-2">
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={award.requiresVote}
                    onChange={(e) => setAward(index, { requiresVote: e.target.checked })}
                  />
                  {t("requiresVote")}
                </label>
                {rules.awards.length > 1 && (
                  <fieldset className="sm:col-span-4">
                    <legend className="mb-1">{t("excludes")}</legend>
                    <div className="flex flex-wrap gap-x-4 gap-y-1">
                      {rules.awards
                        .filter((other, otherIndex) => otherIndex !== index && other.code)
                        .map((other) => (
                          <label key={other.code} className="flex items-center gap-2">
                            <input
                              type="checkbox"
                              className="size-4"
                              checked={award.excludes.includes(other.code)}
                              onChange={(e) =>
                                setAward(index, {
                                  excludes: e.target.checked
                                    ? [...award.excludes, other.code]
                                    : award.excludes.filter((code) => code !== other.code),
                                })
                              }
                            />
                            {other.name || other.code}
                          </label>
                        ))}
                    </div>
                  </fieldset>
                )}
                <div className="flex justify-end">
                  <Button
                    variant="ghost"
                    onClick={() =>
                      setRules((r) => ({ ...r, awards: r.awards.filter((_, i) => i !== index) }))
                    }
                  >
                    {t("remove")}
                  </Button>
                </div>
                {awardError(index) && <p className="text-red-700 sm:col-span-4">{awardError(index)}</p>}
              </div>
            ))}
          </div>
          {error("awards") && <p className="text-sm text-red-700">{error("awards")}</p>}
          <Button
            variant="secondary"
            className="mt-2"
            onClick={() =>
              setRules((r) => ({
                ...r,
                awards: [
                  ...r.awards,
                  {
                    code: "",
                    name: "",
                    maxCount: null,
                    maxPercent: null,
                    rounding: "FLOOR",
                    minClassification: null,
                    maxRank: null,
                    requiresVote: true,
                    voteMethod: "APPROVAL",
                    excludes: [],
                  },
                ],
              }))
            }
          >
            {t("addAward")}
          </Button>
        </div>
        <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
          {t("save")}
        </SubmitButton>
      </fieldset>
      <FormMessage result={form.result} />
    </form>
  );
}
