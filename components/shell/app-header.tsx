"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { LocaleSwitch } from "./locale-switch";

export interface HeaderProps {
  items: { href: string; label: string; badge?: number }[];
  user: { name: string; roleLabel: string; agency: string | null };
}

function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}

export function AppHeader({ items, user }: HeaderProps) {
  const t = useTranslations("shell");
  const app = useTranslations("app");
  const pathname = usePathname();
  const [open, setOpen] = useState(false);

  const links = items.map((item) => (
    <Link
      key={item.href}
      href={item.href}
      aria-current={isActive(pathname, item.href) ? "page" : undefined}
      onClick={() => setOpen(false)}
      className={cn(
        "rounded-md px-3 py-2 text-sm font-semibold",
        isActive(pathname, item.href) ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
      )}
    >
      {item.label}
      {item.badge ? (
        <span
          className="ml-1.5 inline-flex min-w-5 items-center justify-center rounded-full bg-amber-400 px-1.5 text-xs font-bold text-slate-900"
          aria-label={t("unread", { count: item.badge })}
        >
          {item.badge}
        </span>
      ) : null}
    </Link>
  ));

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-3">
        <Link href="/" className="flex flex-col leading-tight">
          <span className="text-base font-bold text-brand-700">{app("name")}</span>
          <span className="hidden text-xs text-slate-500 sm:block">{app("tagline")}</span>
        </Link>
        <div className="hidden items-center gap-3 md:flex">
          <div className="text-right text-xs">
            <p className="font-semibold text-slate-900">{user.name}</p>
            <p className="text-slate-500">
              {user.roleLabel}
              {user.agency ? ` · ${user.agency}` : ""}
            </p>
          </div>
          <LocaleSwitch />
          <button
            type="button"
            onClick={() => signOut({ callbackUrl: "/login" })}
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-100"
          >
            {t("signOut")}
          </button>
        </div>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold md:hidden"
          aria-expanded={open}
          aria-controls="main-menu"
          onClick={() => setOpen((value) => !value)}
        >
          {t("menu")}
        </button>
      </div>
      <nav
        aria-label={t("navigation")}
        className="mx-auto hidden max-w-6xl flex-wrap gap-1 px-4 pb-3 md:flex"
      >
        {links}
      </nav>
      {open && (
        <div id="main-menu" className="border-t border-slate-200 px-4 py-3 md:hidden">
          <nav aria-label={t("navigation")} className="flex flex-col gap-1">
            {links}
          </nav>
          <div className="mt-3 flex items-center justify-between gap-3 border-t border-slate-100 pt-3">
            <div className="text-xs">
              <p className="font-semibold text-slate-900">{user.name}</p>
              <p className="text-slate-500">
                {user.roleLabel}
                {user.agency ? ` · ${user.agency}` : ""}
              </p>
            </div>
            <LocaleSwitch />
          </div>
          <button
            type="button"
            onClick={() => signOut({ callbackUrl: "/login" })}
            className="mt-3 w-full rounded-md border border-slate-300 px-3 py-2 text-sm font-semibold text-slate-700"
          >
            {t("signOut")}
          </button>
        </div>
      )}
    </header>
  );
}
