"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import {
  createYearAction,
  setYearMembersAction,
  updateYearLeadershipAction,
} from "@/lib/years/manage-actions";
import {
  FormFooter,
  FormMessage,
  Select,
  SubmitButton,
  TextInput,
  useActionForm,
} from "@/components/ui/form";
import type { AgencyDto } from "@/lib/agencies/schemas";
import type { BlocDto } from "@/lib/blocs/schemas";
import { DEADLINE_PHASES } from "@/lib/years/rules";
import type { YearDto } from "@/lib/years/schemas";

export function CreateYearForm({ blocs, defaultYear }: { blocs: BlocDto[]; defaultYear: number }) {
  const t = useTranslations("admin.years");
  const router = useRouter();
  const form = useActionForm(createYearAction, {
    onSuccess: (data) => router.push(`/admin/years/${data.id}`),
  });
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_8rem] sm:items-end" noValidate>
      <Select label={t("bloc")} name="blocId" required error={form.fieldError("blocId")}>
        {blocs.map((bloc) => (
          <option key={bloc.id} value={bloc.id}>
            {bloc.name}
          </option>
        ))}
      </Select>
      <TextInput
        label={t("year")}
        name="year"
        type="number"
        inputMode="numeric"
        min={2000}
        max={2100}
        defaultValue={defaultYear}
        required
        error={form.fieldError("year")}
      />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="copyMembersFromPrevious" defaultChecked className="size-4" />
        {t("copyMembers")}
      </label>
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="copyCriteriaFromPrevious" defaultChecked className="size-4" />
        {t("copyCriteria")}
      </label>
      <FormFooter form={form} className="sm:col-span-2">
        {t("create")}
      </FormFooter>
    </form>
  );
}

export function LeadershipForm({ year }: { year: YearDto }) {
  const t = useTranslations("admin.years");
  const years = useTranslations("years");
  const phases = useTranslations("phases");
  const common = useTranslations("common");
  const form = useActionForm(updateYearLeadershipAction.bind(null, year.id));
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <input type="hidden" name="version" value={year.version} />
      <Select
        label={years("leader")}
        name="leaderAgencyCode"
        defaultValue={year.leaderAgency?.code ?? ""}
        error={form.fieldError("leaderAgencyCode")}
      >
        <option value="">{common("none")}</option>
        {year.members.map((member) => (
          <option key={member.code} value={member.code}>
            {member.name}
          </option>
        ))}
      </Select>
      <Select
        label={years("deputy")}
        name="deputyAgencyCode"
        defaultValue={year.deputyAgency?.code ?? ""}
        error={form.fieldError("deputyAgencyCode")}
      >
        <option value="">{common("none")}</option>
        {year.members.map((member) => (
          <option key={member.code} value={member.code}>
            {member.name}
          </option>
        ))}
      </Select>
      <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold">{t("deadlinesLegend")}</legend>
        {DEADLINE_PHASES.map((phase) => (
          <TextInput
            key={phase}
            type="date"
            label={phases(phase)}
            name={`deadline.${phase}`}
            defaultValue={year.deadlines[phase] ?? ""}
            error={form.fieldError(`deadlines.${phase}`)}
          />
        ))}
      </fieldset>
      <FormFooter form={form} className="sm:col-span-2">
        {common("save")}
      </FormFooter>
    </form>
  );
}

export function MembersForm({ year, agencies }: { year: YearDto; agencies: AgencyDto[] }) {
  const t = useTranslations("admin.years");
  const common = useTranslations("common");
  const form = useActionForm(setYearMembersAction.bind(null, year.id));
  const members = new Set(year.members.map((member) => member.code));
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate>
      <input type="hidden" name="version" value={year.version} />
      <fieldset>
        <legend className="mb-2 text-sm text-slate-600">{t("membersHint")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {agencies.map((agency) => (
            <label key={agency.code} className="flex min-h-9 items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="agencyCodes[]"
                value={agency.code}
                defaultChecked={members.has(agency.code)}
                className="size-4"
              />
              {agency.name}
            </label>
          ))}
        </div>
      </fieldset>
      {form.fieldError("agencyCodes") && (
        <p className="text-sm text-red-700">{form.fieldError("agencyCodes")}</p>
      )}
      <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
        {t("saveMembers")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
