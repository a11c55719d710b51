// The demo years' criteria table (demo/criteria.json), and 2021's self-assessments as the agencies
// entered and submitted them. The review that follows (final scores, the published ranking) is done by
// the bloc's secretariat through the data layer (demo-2021.ts) with the cells below, which lead to the
// bloc's real outcome (PRODUCT.md): Ban Tuyên giáo first and Xuất sắc; Ban Dân vận, Văn phòng Tỉnh ủy
// and Báo Nam Định Xuất sắc; the other six Tốt.
import type { Prisma } from "@/lib/db/client";
import { DEMO_AGENCIES, DEMO_CRITERIA } from "./demo-data";
import { makeCriteriaTable, type CriteriaTableData } from "./factories";

/** Points below the maximum, per agency: [criterion code, points taken off][]; bonus and deductions given. */
const OUTCOME_2021: Record<
  string,
  {
    off: [string, number][];
    bonus: [string, number][];
    deductions: [string, number][];
    selfHigher?: [string, number][];
  }
> = {
  btg: {
    off: [
      ["I.4", 1],
      ["III.3", 1],
      ["II.3", 2],
    ],
    bonus: [["V.1", 2.5]],
    deductions: [],
  },
  bdv: {
    off: [
      ["I.2", 2],
      ["II.1", 2],
      ["IV.3", 1],
    ],
    bonus: [["V.2", 2.5]],
    deductions: [],
    selfHigher: [["I.2", 2]],
  },
  vptu: {
    off: [
      ["I.1", 1],
      ["I.4", 1],
      ["III.1", 2],
    ],
    bonus: [],
    deductions: [],
  },
  bao: {
    off: [
      ["I.3", 2],
      ["II.2", 1],
      ["IV.2", 1.5],
    ],
    bonus: [],
    deductions: [],
  },
  btc: {
    off: [
      ["I.2", 2],
      ["I.3", 2],
      ["II.1", 2],
      ["IV.3", 1],
    ],
    bonus: [["V.1", 2.5]],
    deductions: [["VI.2", 1]],
    selfHigher: [["II.1", 2]],
  },
  ubkt: {
    off: [
      ["I.1", 3],
      ["II.2", 2],
      ["III.2", 1],
      ["IV.1", 2],
    ],
    bonus: [],
    deductions: [],
  },
  bnc: {
    off: [
      ["I.2", 4],
      ["II.3", 2],
      ["III.1", 1],
      ["IV.2", 2],
    ],
    bonus: [],
    deductions: [["VI.2", 1]],
  },
  tct: {
    off: [
      ["I.1", 2],
      ["I.4", 2],
      ["II.1", 3],
      ["III.3", 1],
      ["IV.3", 2],
    ],
    bonus: [],
    deductions: [],
  },
  dukcq: {
    off: [
      ["I.2", 4],
      ["I.3", 3],
      ["II.2", 2],
      ["III.1", 2],
    ],
    bonus: [],
    deductions: [],
    selfHigher: [["I.3", 3]],
  },
  bbvsk: {
    off: [
      ["I.1", 4],
      ["I.2", 3],
      ["II.1", 3],
      ["III.2", 1],
      ["IV.1", 2],
    ],
    bonus: [],
    deductions: [],
  },
};

const REVIEW_REASON = "Điều chỉnh theo minh chứng: chưa đạt đủ mức điểm tự chấm.";

type Criterion = { code: string; kind: string; maxX100: number };

/** The reviewed (final) and self-assessed points of one agency's cell, in hundredths. */
function cell2021(code: string, criterion: Criterion): { finalX100: number; selfX100: number } {
  const plan = OUTCOME_2021[code]!;
  let x100 = criterion.kind === "BASE" ? criterion.maxX100 : 0;
  const off = plan.off.find(([c]) => c === criterion.code);
  if (off) x100 -= Math.round(off[1] * 100);
  const given = [...plan.bonus, ...plan.deductions].find(([c]) => c === criterion.code);
  if (given) x100 = Math.round(given[1] * 100);
  const higher = plan.selfHigher?.find(([c]) => c === criterion.code);
  return { finalX100: x100, selfX100: higher ? x100 + Math.round(higher[1] * 100) : x100 };
}

/** The criteria table of a demo year, unless it has one. */
export async function seedDemoCriteria(tx: Prisma.TransactionClient, yearId: string): Promise<void> {
  if ((await tx.criteriaGroup.count({ where: { yearId } })) > 0) return;
  await makeCriteriaTable(tx, yearId, DEMO_CRITERIA as CriteriaTableData);
}

/** 2021's self-assessments: every agency's self scores, submitted by its leader (unless present). */
export async function seedDemoSelfAssessments(
  tx: Prisma.TransactionClient,
  yearId: string,
  agencyIds: Map<string, string>,
  people: { staffOf: (code: string) => Promise<string>; leaderOf: (code: string) => Promise<string> },
): Promise<void> {
  if ((await tx.assessment.count({ where: { yearId } })) > 0) return;
  const criteria = await tx.criterion.findMany({
    where: { yearId },
    select: { id: true, code: true, kind: true, maxX100: true },
  });
  for (const agency of DEMO_AGENCIES) {
    const agencyId = agencyIds.get(agency.code)!;
    const staffId = await people.staffOf(agency.code);
    await tx.score.createMany({
      data: criteria.map((criterion) => {
        const { selfX100 } = cell2021(agency.code, criterion);
        return {
          yearId,
          agencyId,
          criterionId: criterion.id,
          selfX100,
          selfNote: selfX100 > 0 ? "Có báo cáo kết quả kèm theo." : null,
          selfUpdatedAt: new Date("2021-11-25T02:00:00.000Z"),
          selfUpdatedById: staffId,
        };
      }),
    });
    await tx.assessment.create({
      data: {
        yearId,
        agencyId,
        status: "SUBMITTED",
        submittedAt: new Date("2021-11-29T08:00:00.000Z"),
        submittedById: await people.leaderOf(agency.code),
        version: 2,
      },
    });
  }
}

/** The final scores the secretariat saves for 2021 (saveFinalScores cells, without versions). */
export function finalCells2021(
  criteria: Criterion[],
): { agencyCode: string; criterionCode: string; points: number; reason: string | null }[] {
  return DEMO_AGENCIES.flatMap((agency) =>
    criteria.map((criterion) => {
      const { finalX100, selfX100 } = cell2021(agency.code, criterion);
      return {
        agencyCode: agency.code,
        criterionCode: criterion.code,
        points: finalX100 / 100,
        reason: finalX100 !== selfX100 ? REVIEW_REASON : null,
      };
    }),
  );
}
