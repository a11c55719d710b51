"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "@/lib/http/action";
import { createYear, setYearMembers, updateYearSettings } from "@/lib/years/manage";
import { DEADLINE_PHASES } from "@/lib/years/rules";

function jsonField(form: FormData, name: string): unknown {
  const raw = form.get(name);
  if (typeof raw !== "string" || raw === "") return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw; // the schema reports it as invalid
  }
}

const version = (form: FormData) => (form.get("version") ? Number(form.get("version")) : undefined);

export async function createYearAction(form: FormData) {
  return runAction(
    async (actor) => {
      const input = formToObject(form);
      const year = await createYear(actor, String(input.blocId ?? ""), {
        year: input.year,
        copyMembersFromPrevious: input.copyMembersFromPrevious === "on",
        copyCriteriaFromPrevious: input.copyCriteriaFromPrevious === "on",
      });
      revalidatePath("/admin/years");
      return { id: year.id };
    },
    { successMessageKey: "admin.years.created" },
  );
}

export async function updateYearLeadershipAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      const input = formToObject(form);
      const deadlines = Object.fromEntries(
        DEADLINE_PHASES.map((phase) => [phase, input[`deadline.${phase}`] || null]),
      );
      await updateYearSettings(actor, yearId, {
        leaderAgencyCode: input.leaderAgencyCode || null,
        deputyAgencyCode: input.deputyAgencyCode || null,
        deadlines,
        version: version(form),
      });
      revalidatePath(`/admin/years/${yearId}`);
    },
    { successMessageKey: "common.saved" },
  );
}

export async function updateYearRulesAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      await updateYearSettings(actor, yearId, { rules: jsonField(form, "rules"), version: version(form) });
      revalidatePath(`/admin/years/${yearId}`);
    },
    { successMessageKey: "common.saved" },
  );
}

export async function setYearMembersAction(yearId: string, form: FormData) {
  return runAction(
    async (actor) => {
      await setYearMembers(actor, yearId, {
        agencyCodes: form.getAll("agencyCodes[]").map(String),
        version: version(form),
      });
      revalidatePath(`/admin/years/${yearId}`);
    },
    { successMessageKey: "common.saved" },
  );
}
