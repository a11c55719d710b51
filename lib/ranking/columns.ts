import { z } from "zod";
import { jsonColumn } from "@/lib/db/json";
import type { RankingEntry } from "./compute";

// RankingPublication.entries: the ranking as it was published (a frozen snapshot, never recomputed).
// Publications made before a field existed lack it: `notScored` and `unscored` are optional.

const entry = z.object({
  rank: z.number().int(),
  tied: z.boolean(),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  baseX100: z.number().int(),
  bonusX100: z.number().int(),
  deductionX100: z.number().int(),
  totalX100: z.number().int(),
  firstGroupBaseX100: z.number().int(),
  classification: z.object({ code: z.string(), label: z.string() }).nullable(),
  groups: z.array(
    z.object({ code: z.string(), kind: z.enum(["BASE", "BONUS", "DEDUCTION"]), x100: z.number().int() }),
  ),
  notScored: z.string().nullable().optional(),
  unscored: z.boolean().optional(),
}) satisfies z.ZodType<RankingEntry>;

export const rankingEntriesColumn = jsonColumn(z.array(entry));
