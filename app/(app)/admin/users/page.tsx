import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { CreateUserForm } from "@/components/admin/user-forms";
import { buttonClass } from "@/components/ui/button";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { inputClass } from "@/components/ui/form";
import { Table, td, th } from "@/components/ui/table";
import { listAgenciesToManage } from "@/lib/agencies/agencies";
import { load, pageActor } from "@/lib/http/page";
import { ROLES } from "@/lib/permissions";
import { listUsers } from "@/lib/users/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.users"))("title") };
}

type Search = { q?: string; role?: string; agencyCode?: string };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const filters = await searchParams;
  const actor = await pageActor();
  const clean = Object.fromEntries(
    Object.entries(filters).filter(([key, value]) => ["q", "role", "agencyCode"].includes(key) && value),
  );
  const [users, agencies] = await load(() =>
    Promise.all([listUsers(actor, clean), listAgenciesToManage(actor)]),
  );
  const t = await getTranslations();
  return (
    <ClientMessages namespaces={["admin.users", "roles"]}>
      <>
        <PageHeader title={t("admin.users.title")} description={t("admin.users.description")} />
        <div className="space-y-6">
          <Card title={t("admin.users.listTitle", { count: users.length })}>
            <form className="mb-4 grid gap-2 sm:grid-cols-[1fr_12rem_16rem_auto]" role="search">
              <input
                className={inputClass}
                name="q"
                defaultValue={filters.q ?? ""}
                placeholder={t("admin.users.search")}
                aria-label={t("admin.users.search")}
              />
              <select
                className={inputClass}
                name="role"
                defaultValue={filters.role ?? ""}
                aria-label={t("admin.users.role")}
              >
                <option value="">{t("admin.users.allRoles")}</option>
                {ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`roles.${role}`)}
                  </option>
                ))}
              </select>
              <select
                className={inputClass}
                name="agencyCode"
                defaultValue={filters.agencyCode ?? ""}
                aria-label={t("admin.users.agency")}
              >
                <option value="">{t("admin.users.allAgencies")}</option>
                {agencies.map((agency) => (
                  <option key={agency.code} value={agency.code}>
                    {agency.name}
                  </option>
                ))}
              </select>
              <button type="submit" className={buttonClass("secondary")}>
                {t("common.filter")}
              </button>
            </form>
            <Table
              caption={t("admin.users.title")}
              head={
                <tr>
                  <th className={th}>{t("admin.users.email")}</th>
                  <th className={th}>{t("admin.users.name")}</th>
                  <th className={th}>{t("admin.users.role")}</th>
                  <th className={th}>{t("admin.users.agency")}</th>
                  <th className={th}>{t("admin.users.status")}</th>
                </tr>
              }
            >
              {users.map((user) => (
                <tr key={user.id}>
                  <td className={td}>
                    <Link href={`/admin/users/${user.id}`} className="font-semibold text-brand-700 underline">
                      {user.email}
                    </Link>
                  </td>
                  <td className={td}>{user.name}</td>
                  <td className={td}>{t(`roles.${user.role}`)}</td>
                  <td className={td}>{user.agency?.name ?? "—"}</td>
                  <td className={td}>
                    {user.disabled ? (
                      <Badge tone="red">{t("admin.users.disabledBadge")}</Badge>
                    ) : (
                      <Badge tone="green">{t("admin.users.activeBadge")}</Badge>
                    )}
                  </td>
                </tr>
              ))}
            </Table>
          </Card>
          <Card title={t("admin.users.create")}>
            <CreateUserForm agencies={agencies} />
          </Card>
        </div>
      </>
    </ClientMessages>
  );
}
