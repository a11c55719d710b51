"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createUserAction, resetUserPasswordAction, updateUserAction } from "@/lib/users/actions";
import {
  FormFooter,
  FormMessage,
  Select,
  SubmitButton,
  TextInput,
  useActionForm,
} from "@/components/ui/form";
import type { AgencyDto } from "@/lib/agencies/schemas";
import { ROLES } from "@/lib/permissions";
import { AGENCY_ROLES, type UserDto } from "@/lib/users/schemas";

function RoleAndAgency({
  agencies,
  role: initialRole,
  agencyCode,
  fieldError,
}: {
  agencies: AgencyDto[];
  role?: string;
  agencyCode?: string;
  fieldError: (name: string) => string | undefined;
}) {
  const t = useTranslations("admin.users");
  const roles = useTranslations("roles");
  const common = useTranslations("common");
  const [role, setRole] = useState(initialRole ?? "AGENCY_STAFF");
  const needsAgency = (AGENCY_ROLES as readonly string[]).includes(role);
  return (
    <>
      <Select
        label={t("role")}
        name="role"
        value={role}
        onChange={(e) => setRole(e.target.value)}
        error={fieldError("role")}
      >
        {ROLES.map((option) => (
          <option key={option} value={option}>
            {roles(option)}
          </option>
        ))}
      </Select>
      <Select
        label={t("agency")}
        name="agencyCode"
        defaultValue={agencyCode ?? ""}
        disabled={!needsAgency}
        hint={needsAgency ? undefined : t("noAgencyHint")}
        error={fieldError("agencyCode")}
      >
        <option value="">{common("none")}</option>
        {agencies.map((agency) => (
          <option key={agency.code} value={agency.code}>
            {agency.name}
          </option>
        ))}
      </Select>
    </>
  );
}

export function CreateUserForm({ agencies }: { agencies: AgencyDto[] }) {
  const t = useTranslations("admin.users");
  const router = useRouter();
  const form = useActionForm(createUserAction, {
    onSuccess: (data) => router.push(`/admin/users/${data.id}`),
  });
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <TextInput
        label={t("email")}
        name="email"
        type="email"
        autoComplete="off"
        required
        error={form.fieldError("email")}
      />
      <TextInput label={t("name")} name="name" required maxLength={120} error={form.fieldError("name")} />
      <TextInput label={t("titleField")} name="title" maxLength={120} error={form.fieldError("title")} />
      <TextInput
        label={t("temporaryPassword")}
        name="password"
        type="text"
        autoComplete="off"
        hint={t("passwordPolicy")}
        required
        error={form.fieldError("password")}
      />
      <RoleAndAgency agencies={agencies} fieldError={form.fieldError} />
      <FormFooter form={form} className="sm:col-span-2">
        {t("create")}
      </FormFooter>
    </form>
  );
}

export function EditUserForm({ user, agencies }: { user: UserDto; agencies: AgencyDto[] }) {
  const t = useTranslations("admin.users");
  const common = useTranslations("common");
  const form = useActionForm(updateUserAction.bind(null, user.id));
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <TextInput
        label={t("name")}
        name="name"
        defaultValue={user.name}
        required
        maxLength={120}
        error={form.fieldError("name")}
      />
      <TextInput
        label={t("titleField")}
        name="title"
        defaultValue={user.title ?? ""}
        maxLength={120}
        error={form.fieldError("title")}
      />
      <RoleAndAgency
        agencies={agencies}
        role={user.role}
        agencyCode={user.agency?.code}
        fieldError={form.fieldError}
      />
      <label className="flex items-center gap-2 text-sm sm:col-span-2">
        <input type="checkbox" name="disabled" defaultChecked={user.disabled} className="size-4" />
        {t("disabled")}
      </label>
      <p className="text-xs text-slate-500 sm:col-span-2">{t("rightsChangeHint")}</p>
      <FormFooter form={form} className="sm:col-span-2">
        {common("save")}
      </FormFooter>
    </form>
  );
}

export function ResetPasswordForm({ userId }: { userId: string }) {
  const t = useTranslations("admin.users");
  const common = useTranslations("common");
  const form = useActionForm(resetUserPasswordAction.bind(null, userId), { resetOnSuccess: true });
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" noValidate>
      <TextInput
        label={t("temporaryPassword")}
        name="password"
        type="text"
        autoComplete="off"
        hint={t("passwordPolicy")}
        required
        error={form.fieldError("password")}
      />
      <SubmitButton pending={form.pending} pendingLabel={common("saving")} variant="danger">
        {t("resetPassword")}
      </SubmitButton>
      <FormMessage result={form.result} />
    </form>
  );
}
