import { z } from "zod";
import { jsonColumn } from "@/lib/db/json";

// The JSON columns of nominations: the basis a nomination was made on (frozen when it was created), and
// what each submission of the dossier sent.

const basis = z.object({
  rank: z.number().int(),
  totalX100: z.number().int(),
  classification: z.string().nullable(),
  /** The vote that passed (session id and votes for), when the award requires one. */
  vote: z.object({ sessionId: z.string(), for: z.number().int(), ballots: z.number().int() }).nullable(),
});
export type NominationBasis = z.output<typeof basis>;

/** Nomination.basis: the ranking (and vote) it rests on, as they stood when it was made. */
export const nominationBasisColumn = jsonColumn(basis);

/** DossierSubmission.nominations: the nominations a submission sent, each with its award (and agency code). */
export const submittedNominationsColumn = jsonColumn(
  z.array(z.object({ id: z.string(), agency: z.string().optional(), award: z.string() })),
);
