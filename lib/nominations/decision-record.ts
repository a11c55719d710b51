import "server-only";

import type { Tx, db } from "@/lib/db";
import { rulesOf } from "@/lib/years/context";

// The record of an award decision (quyết định khen thưởng) as the board entered it: the decision's
// number, date and signer, and the members it awards, per award in the order of the year's rules.
// Printed and issued once when the board records it (lib/documents); read by every signed-in user, as
// award decisions are public (award.read).

export interface DecisionRecord {
  id: string;
  yearId: string;
  year: number;
  bloc: { name: string; place: string | null };
  number: string;
  signedOn: Date;
  signerName: string;
  signerTitle: string | null;
  recordedAt: Date;
  recordedBy: { name: string; title: string | null } | null;
  awards: { code: string; name: string; agencies: { code: string; name: string }[] }[];
  total: number;
}

/** The decision's record, read as it stands (null: no such decision). */
export async function readDecisionRecord(
  client: Tx | typeof db,
  decisionId: string,
): Promise<DecisionRecord | null> {
  const decision = await client.awardDecision.findUnique({
    where: { id: decisionId },
    select: {
      id: true,
      number: true,
      signedOn: true,
      signerName: true,
      signerTitle: true,
      recordedAt: true,
      recordedById: true,
      year: { select: { id: true, year: true, rules: true, bloc: { select: { name: true, place: true } } } },
      nominations: {
        select: { awardCode: true, awardName: true, agency: { select: { code: true, name: true } } },
      },
    },
  });
  if (!decision) return null;
  const recorder = await client.user.findUnique({
    where: { id: decision.recordedById },
    select: { name: true, title: true },
  });
  const order = rulesOf(decision.year.rules).awards.map((award) => award.code);
  const position = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
  const awards = new Map<string, DecisionRecord["awards"][number]>();
  for (const nomination of [...decision.nominations].sort(
    (a, b) => position(a.awardCode) - position(b.awardCode) || a.awardCode.localeCompare(b.awardCode),
  )) {
    const award = awards.get(nomination.awardCode) ?? {
      code: nomination.awardCode,
      name: nomination.awardName,
      agencies: [],
    };
    award.agencies.push(nomination.agency);
    awards.set(nomination.awardCode, award);
  }
  for (const award of awards.values()) award.agencies.sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return {
    id: decision.id,
    yearId: decision.year.id,
    year: decision.year.year,
    bloc: decision.year.bloc,
    number: decision.number,
    signedOn: decision.signedOn,
    signerName: decision.signerName,
    signerTitle: decision.signerTitle,
    recordedAt: decision.recordedAt,
    recordedBy: recorder,
    awards: [...awards.values()],
    total: decision.nominations.length,
  };
}
