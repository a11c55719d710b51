"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createAgencyAction, updateAgencyAction } from "@/lib/agencies/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextInput, useActionForm } from "@/components/ui/form";
import type { AgencyDto } from "@/lib/agencies/schemas";

export function CreateAgencyForm() {
  const t = useTranslations("admin.agencies");
  const common = useTranslations("common");
  const form = useActionForm(createAgencyAction, { resetOnSuccess: true });
  return (
    <form
      onSubmit={form.onSubmit}
      className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end"
      noValidate
    >
      <TextInput
        label={t("code")}
        name="code"
        required
        maxLength={32}
        autoCapitalize="none"
        hint={t("codeHint")}
        error={form.fieldError("code")}
      />
      <TextInput label={t("name")} name="name" required maxLength={200} error={form.fieldError("name")} />
      <TextInput
        label={t("shortName")}
        name="shortName"
        required
        maxLength={80}
        error={form.fieldError("shortName")}
      />
      <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
        {t("create")}
      </SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage result={form.result} />
      </div>
    </form>
  );
}

export function AgencyRow({ agency }: { agency: AgencyDto }) {
  const t = useTranslations("admin.agencies");
  const common = useTranslations("common");
  const [editing, setEditing] = useState(false);
  const form = useActionForm(updateAgencyAction.bind(null, agency.code), {
    onSuccess: () => setEditing(false),
  });

  if (!editing) {
    return (
      <tr>
        <td className="px-3 py-2 font-mono text-xs">{agency.code}</td>
        <td className="px-3 py-2">{agency.name}</td>
        <td className="px-3 py-2">{agency.shortName}</td>
        <td className="px-3 py-2 text-right">
          <Button
            variant="secondary"
            onClick={() => setEditing(true)}
            aria-label={t("editAgency", { name: agency.name })}
          >
            {common("edit")}
          </Button>
        </td>
      </tr>
    );
  }
  return (
    <tr>
      <td colSpan={4} className="px-3 py-3">
        <form
          onSubmit={form.onSubmit}
          className="grid gap-3 sm:grid-cols-[8rem_1fr_1fr_auto_auto] sm:items-end"
          noValidate
        >
          <TextInput
            label={t("code")}
            name="code"
            defaultValue={agency.code}
            required
            error={form.fieldError("code")}
          />
          <TextInput
            label={t("name")}
            name="name"
            defaultValue={agency.name}
            required
            error={form.fieldError("name")}
          />
          <TextInput
            label={t("shortName")}
            name="shortName"
            defaultValue={agency.shortName}
            required
            error={form.fieldError("shortName")}
          />
          <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
            {common("save")}
          </SubmitButton>
          <Button variant="ghost" onClick={() => setEditing(false)}>
            {common("cancel")}
          </Button>
          <div className="sm:col-span-5">
            <FormMessage result={form.result} />
          </div>
        </form>
      </td>
    </tr>
  );
}
