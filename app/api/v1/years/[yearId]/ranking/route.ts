import { apiRoute } from "@/lib/http/api";
import { getRankingEntries } from "@/lib/ranking/ranking";

export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  (await getRankingEntries(actor, params.yearId)).map((entry) => ({
    rank: entry.rank,
    tied: entry.tied,
    agency: { code: entry.agency.code, name: entry.agency.name },
    base: entry.baseX100 / 100,
    bonus: entry.bonusX100 / 100,
    deduction: entry.deductionX100 / 100,
    total: entry.totalX100 / 100,
    classification: entry.classification?.code ?? null,
    classificationLabel: entry.classification?.label ?? null,
    notScored: entry.notScored ?? null,
    unscored: entry.unscored ?? false,
  })),
);
