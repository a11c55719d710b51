// The demo years' criteria table (demo/criteria.json), and 2021's scores: self-assessed, reviewed,
// ranked and published, with the totals that lead to the bloc's real outcome (PRODUCT.md): Ban Tuyên
// giáo first and Xuất sắc; Ban Dân vận, Văn phòng Tỉnh ủy and Báo Nam Định Xuất sắc; the other six Tốt.
import type { Prisma } from "@/lib/db/client";
import { computeRanking } from "@/lib/ranking/compute";
import type { YearRules } from "@/lib/years/rules";
import { DEMO_AGENCIES, DEMO_CRITERIA } from "./demo-data";
import { makeCriteriaTable, type CriteriaTableData } from "./factories";

/** Points below the maximum, per agency: [criterion code, points taken off][]; bonus and deductions given. */
const OUTCOME_2021: Record<string, { off: [string, number][]; bonus: [string, number][]; deductions: [string, number][]; selfHigher?: [string, number][] }> = {
  btg: { off: [["I.4", 1], ["III.3", 1], ["II.3", 2]], bonus: [["V.1", 2.5]], deductions: [] },
  bdv: { off: [["I.2", 2], ["II.1", 2], ["IV.3", 1]], bonus: [["V.2", 2.5]], deductions: [], selfHigher: [["I.2", 2]] },
  vptu: { off: [["I.1", 1], ["I.4", 1], ["III.1", 2]], bonus: [], deductions: [] },
  bao: { off: [["I.3", 2], ["II.2", 1], ["IV.2", 1.5]], bonus: [], deductions: [] },
  btc: { off: [["I.2", 2], ["I.3", 2], ["II.1", 2], ["IV.3", 1]], bonus: [["V.1", 2.5]], deductions: [["VI.2", 1]], selfHigher: [["II.1", 2]] },
  ubkt: { off: [["I.1", 3], ["II.2", 2], ["III.2", 1], ["IV.1", 2]], bonus: [], deductions: [] },
  bnc: { off: [["I.2", 4], ["II.3", 2], ["III.1", 1], ["IV.2", 2]], bonus: [], deductions: [["VI.2", 1]] },
  tct: { off: [["I.1", 2], ["I.4", 2], ["II.1", 3], ["III.3", 1], ["IV.3", 2]], bonus: [], deductions: [] },
  dukcq: { off: [["I.2", 4], ["I.3", 3], ["II.2", 2], ["III.1", 2]], bonus: [], deductions: [], selfHigher: [["I.3", 3]] },
  bbvsk: { off: [["I.1", 4], ["I.2", 3], ["II.1", 3], ["III.2", 1], ["IV.1", 2]], bonus: [], deductions: [] },
};

export async function seedDemoScoring(
  tx: Prisma.TransactionClient,
  years: Map<number, { id: string }>,
  agencyIds: Map<string, string>,
  people: { secretary2021: string; staffOf: (code: string) => Promise<string>; leaderOf: (code: string) => Promise<string> },
  rules: YearRules,
): Promise<void> {
  const tables = new Map<number, Awaited<ReturnType<typeof makeCriteriaTable>>>();
  for (const year of [2021, 2022]) {
    const yearId = years.get(year)!.id;
    if ((await tx.criteriaGroup.count({ where: { yearId } })) > 0) continue;
    tables.set(year, await makeCriteriaTable(tx, yearId, DEMO_CRITERIA as CriteriaTableData));
  }
  const criteria = tables.get(2021);
  if (!criteria) return; // 2021 was seeded before

  const yearId = years.get(2021)!.id;
  const finals = new Map<string, Map<string, number>>();
  const reviewedAt = new Date("2021-12-10T03:00:00.000Z");
  for (const agency of DEMO_AGENCIES) {
    const plan = OUTCOME_2021[agency.code]!;
    const agencyId = agencyIds.get(agency.code)!;
    const staffId = await people.staffOf(agency.code);
    const cells = new Map<string, number>();
    for (const criterion of criteria.values()) {
      let x100 = criterion.kind === "BASE" ? criterion.maxX100 : 0;
      const off = plan.off.find(([code]) => code === criterion.code);
      if (off) x100 -= Math.round(off[1] * 100);
      const given = [...plan.bonus, ...plan.deductions].find(([code]) => code === criterion.code);
      if (given) x100 = Math.round(given[1] * 100);
      cells.set(criterion.id, x100);
      const higher = plan.selfHigher?.find(([code]) => code === criterion.code);
      const selfX100 = higher ? x100 + Math.round(higher[1] * 100) : x100;
      await tx.score.create({
        data: {
          yearId,
          agencyId,
          criterionId: criterion.id,
          selfX100,
          selfNote: selfX100 > 0 ? "Có báo cáo kết quả kèm theo." : null,
          selfUpdatedAt: new Date("2021-11-25T02:00:00.000Z"),
          selfUpdatedById: staffId,
          finalX100: x100,
          finalReason: higher ? "Điều chỉnh theo minh chứng: chưa đạt đủ mức điểm tự chấm." : null,
          finalUpdatedAt: reviewedAt,
          finalUpdatedById: people.secretary2021,
        },
      });
    }
    finals.set(agencyId, cells);
    await tx.assessment.create({
      data: { yearId, agencyId, status: "SUBMITTED", submittedAt: new Date("2021-11-29T08:00:00.000Z"), submittedById: await people.leaderOf(agency.code), version: 2 },
    });
  }

  const groups = await tx.criteriaGroup.findMany({ where: { yearId }, select: { id: true, code: true, position: true } });
  const groupOf = new Map(groups.map((group) => [group.id, group]));
  const rows = await tx.criterion.findMany({ where: { yearId }, select: { id: true, kind: true, maxX100: true, groupId: true } });
  const entries = computeRanking({
    criteria: rows.map((row) => ({ id: row.id, kind: row.kind, maxX100: row.maxX100, groupCode: groupOf.get(row.groupId)!.code, groupPosition: groupOf.get(row.groupId)!.position })),
    agencies: DEMO_AGENCIES.map((agency) => ({ id: agencyIds.get(agency.code)!, code: agency.code, name: agency.name })),
    finals,
    rules,
  });
  await tx.rankingPublication.create({
    data: { yearId, publishedAt: new Date("2021-12-15T08:00:00.000Z"), publishedById: people.secretary2021, entries: entries as unknown as object },
  });
}
