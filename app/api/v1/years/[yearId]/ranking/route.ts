import { apiRoute } from "@/lib/http/api";
import { getRankingEntries } from "@/lib/ranking/ranking";
import { fromX100 } from "@/lib/scores/points";

export const GET = apiRoute<{ yearId: string }>(async ({ actor, params }) =>
  (await getRankingEntries(actor, params.yearId)).map((entry) => ({
    rank: entry.rank,
    tied: entry.tied,
    agency: { code: entry.agency.code, name: entry.agency.name },
    base: fromX100(entry.baseX100),
    bonus: fromX100(entry.bonusX100),
    deduction: fromX100(entry.deductionX100),
    total: fromX100(entry.totalX100),
    classification: entry.classification?.code ?? null,
    classificationLabel: entry.classification?.label ?? null,
    notScored: entry.notScored ?? null,
    unscored: entry.unscored ?? false,
  })),
);
