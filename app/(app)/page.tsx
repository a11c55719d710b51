import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageHeader } from "@/components/ui/card";
import { PhaseBadge } from "@/components/years/phase-badge";
import { PhaseSteps } from "@/components/years/phase-steps";
import { formatDate } from "@/lib/format";
import { getHomeOverview } from "@/lib/home/overview";
import { load, pageActor } from "@/lib/http/page";

export default async function HomePage() {
  const actor = await pageActor();
  const overview = await load(() => getHomeOverview(actor));
  const t = await getTranslations();

  return (
    <>
      <PageHeader
        title={t("home.greeting", { name: actor.name })}
        description={`${t(`roles.${actor.role}`)}${actor.agency ? ` · ${actor.agency.name}` : ""}`}
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title={t("home.todoTitle")} className="lg:col-span-1">
          {overview.todos.length === 0 ? (
            <p className="text-sm text-slate-600">{t("home.nothingToDo")}</p>
          ) : (
            <ul className="space-y-2" data-testid="todo-list">
              {overview.todos.map((todo, index) => (
                <li key={`${todo.key}-${index}`}>
                  <Link
                    href={todo.href}
                    className="block rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950 hover:bg-amber-100"
                  >
                    {t(todo.key, todo.params)}
                    {todo.deadline && (
                      <span className="block text-xs text-amber-800">
                        {t("home.dueBy", { date: formatDate(todo.deadline) })}
                      </span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <div className="space-y-4 lg:col-span-2">
          {overview.years.length === 0 && (
            <Card>
              <p className="text-sm text-slate-600">{t("home.noYears")}</p>
            </Card>
          )}
          {overview.years.map(({ year, leadsYear, deadline }) => (
            <Card
              key={year.id}
              title={
                <span>
                  {year.blocName} — {t("home.yearLabel", { year: year.year })}
                </span>
              }
              actions={<PhaseBadge phase={year.phase} />}
            >
              <div className="space-y-3 text-sm">
                <PhaseSteps phase={year.phase} />
                <dl className="grid gap-2 sm:grid-cols-2">
                  <div>
                    <dt className="text-slate-500">{t("years.leader")}</dt>
                    <dd className="font-semibold">{year.leaderAgency?.name ?? t("common.none")}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("years.deputy")}</dt>
                    <dd className="font-semibold">{year.deputyAgency?.name ?? t("common.none")}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("years.memberCount")}</dt>
                    <dd className="font-semibold">{year.members.length}</dd>
                  </div>
                  <div>
                    <dt className="text-slate-500">{t("years.phaseDeadline")}</dt>
                    <dd className="font-semibold">{deadline ? formatDate(deadline) : t("common.none")}</dd>
                  </div>
                </dl>
                {leadsYear && (
                  <p className="rounded-md bg-blue-50 px-3 py-2 text-blue-900">{t("home.youLead")}</p>
                )}
                <Link
                  href={`/years/${year.id}`}
                  className="inline-block font-semibold text-brand-700 underline"
                >
                  {t("home.openYear")}
                </Link>
              </div>
            </Card>
          ))}
        </div>
      </div>
    </>
  );
}
