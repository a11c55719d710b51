// The real bloc behind this project (PRODUCT.md): Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định.
// People's names are fictional.
import type { PrismaClient } from "@/lib/db/client";
import { DEFAULT_RULES, yearRulesSchema, type YearRules } from "@/lib/years/rules";
import criteria from "./criteria.json" with { type: "json" };

export {
  DEMO_ADMIN,
  DEMO_AGENCIES,
  DEMO_BLOC,
  DEMO_BOARD,
  DEMO_PASSWORD,
  DEMO_SECRETARIES,
  demoAccountEmails,
  leaderEmail,
  staffEmail,
  type DemoAgency,
} from "@/lib/demo";

export const DEMO_YEARS = [
  {
    year: 2021,
    phase: "CLOSED",
    leader: "btg",
    deputy: "bdv",
    deadlines: {
      PLEDGING: "2021-03-31",
      SELF_ASSESSMENT: "2021-11-30",
      REVIEW: "2021-12-15",
      VOTING: "2021-12-25",
      NOMINATION: "2022-01-10",
      BOARD_REVIEW: "2022-02-28",
    },
  },
  {
    year: 2022,
    phase: "PLEDGING",
    leader: "bdv",
    deputy: "vptu",
    deadlines: {
      PLEDGING: "2022-03-31",
      SELF_ASSESSMENT: "2022-11-30",
      REVIEW: "2022-12-15",
      VOTING: "2022-12-25",
      NOMINATION: "2023-01-10",
      BOARD_REVIEW: "2023-02-28",
    },
  },
] as const;

export const DEMO_CRITERIA = criteria;

/** The audit action that marks the demo as seeded (written last, once 2021 is played through). */
export const DEMO_SEED_ACTION = "demo.seed";

export async function demoAlreadySeeded(db: PrismaClient): Promise<boolean> {
  return (await db.auditLog.count({ where: { action: DEMO_SEED_ACTION } })) > 0;
}

/** Rules of the demo years: the defaults with the classification bands of the demo criteria table. */
export function demoRules(): YearRules {
  return yearRulesSchema.parse({
    ...DEFAULT_RULES,
    scale: DEMO_CRITERIA.scale,
    classificationBands: DEMO_CRITERIA.classificationBands,
  });
}
