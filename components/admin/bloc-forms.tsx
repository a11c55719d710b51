"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { createBlocAction, updateBlocAction } from "@/lib/blocs/actions";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton, TextArea, TextInput, useActionForm } from "@/components/ui/form";
import type { BlocDto } from "@/lib/blocs/schemas";

function BlocFields({
  bloc,
  fieldError,
}: {
  bloc?: BlocDto;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations("admin.blocs");
  return (
    <>
      <TextInput
        label={t("name")}
        name="name"
        defaultValue={bloc?.name}
        required
        maxLength={200}
        error={fieldError("name")}
      />
      <TextInput
        label={t("shortName")}
        name="shortName"
        defaultValue={bloc?.shortName ?? ""}
        maxLength={80}
        error={fieldError("shortName")}
      />
      <TextInput
        label={t("place")}
        name="place"
        defaultValue={bloc?.place ?? ""}
        maxLength={100}
        hint={t("placeHint")}
        error={fieldError("place")}
      />
      <TextArea
        label={t("descriptionField")}
        name="description"
        defaultValue={bloc?.description ?? ""}
        maxLength={2000}
        error={fieldError("description")}
        className="sm:col-span-2"
      />
    </>
  );
}

export function CreateBlocForm() {
  const t = useTranslations("admin.blocs");
  const common = useTranslations("common");
  const form = useActionForm(createBlocAction, { resetOnSuccess: true });
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <BlocFields fieldError={form.fieldError} />
      <div className="flex items-center gap-3 sm:col-span-2">
        <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
          {t("create")}
        </SubmitButton>
      </div>
      <div className="sm:col-span-2">
        <FormMessage result={form.result} />
      </div>
    </form>
  );
}

export function BlocEditor({ bloc }: { bloc: BlocDto }) {
  const t = useTranslations("admin.blocs");
  const common = useTranslations("common");
  const [editing, setEditing] = useState(false);
  const form = useActionForm(updateBlocAction.bind(null, bloc.id), { onSuccess: () => setEditing(false) });
  if (!editing) {
    return (
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="font-semibold">{bloc.name}</p>
          {bloc.shortName && <p className="text-sm text-slate-600">{bloc.shortName}</p>}
          {bloc.description && <p className="mt-1 text-sm text-slate-600">{bloc.description}</p>}
          <p className="mt-1 text-xs text-slate-500">
            {t("yearsSummary", { count: bloc.yearCount, latest: bloc.latestYear ?? "—" })}
          </p>
        </div>
        <Button
          variant="secondary"
          onClick={() => setEditing(true)}
          aria-label={t("editBloc", { name: bloc.name })}
        >
          {common("edit")}
        </Button>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <BlocFields bloc={bloc} fieldError={form.fieldError} />
      <div className="flex gap-2 sm:col-span-2">
        <SubmitButton pending={form.pending} pendingLabel={common("saving")}>
          {common("save")}
        </SubmitButton>
        <Button variant="ghost" onClick={() => setEditing(false)}>
          {common("cancel")}
        </Button>
      </div>
      <div className="sm:col-span-2">
        <FormMessage result={form.result} />
      </div>
    </form>
  );
}
