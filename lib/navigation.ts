import type { Role } from "@/lib/generated/prisma/enums";
import { rolesWith, type Permission } from "@/lib/permissions";

/** Main navigation, derived from the permission map: a role sees what it may open. */
export const NAV_ITEMS: { href: string; key: string; permission: Permission | null }[] = [
  { href: "/", key: "home", permission: null },
  { href: "/admin/blocs", key: "blocs", permission: "bloc.manage" },
  { href: "/admin/agencies", key: "agencies", permission: "agency.manage" },
  { href: "/admin/years", key: "years", permission: "year.manage" },
  { href: "/admin/users", key: "users", permission: "user.manage" },
  { href: "/board", key: "board", permission: "nomination.review" },
  { href: "/awards", key: "awards", permission: "award.read" },
  // Public (no permission needed): anyone may check a document the system issued.
  { href: "/verify", key: "checkDocument", permission: null },
  { href: "/audit", key: "audit", permission: "audit.read" },
  { href: "/notifications", key: "notifications", permission: "notification.read" },
  { href: "/account", key: "account", permission: "account.read" },
];

export function navigationFor(role: Role) {
  return NAV_ITEMS.filter((item) => item.permission === null || rolesWith(item.permission).includes(role));
}
