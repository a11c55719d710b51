import { z } from "zod";
import { jsonColumn } from "@/lib/db/json";

// EmulationYear.deadlines: the last day of each phase that has one ("YYYY-MM-DD" by phase). The year's
// rules (EmulationYear.rules) are read by rulesOf in ./context, with their fallback to the defaults.

/** EmulationYear.deadlines. */
export const yearDeadlinesColumn = jsonColumn(z.record(z.string(), z.string()));
