import { describe, expect, it } from "vitest";
import { tally, type BallotChoices, type Candidate } from "@/lib/votes/tally";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { DEMO_AGENCIES } from "./demo-data";
import { demoBallot2021 } from "./demo-votes";

// The candidates of 2021's sessions as lib/votes/sessions.ts picks them from the published ranking
// (tests/integration/demo-seed.test.ts checks the real sessions): the first for the Government's flag,
// the four Xuất sắc for the provincial flag, all ten (Tốt or better) for the provincial merit.
const ORDER = ["btg", "bdv", "vptu", "bao", "btc", "ubkt", "tct", "bnc", "dukcq", "bbvsk"];
const CANDIDATES: Record<string, string[]> = {
  GOV_FLAG: ORDER.slice(0, 1),
  PROVINCIAL_FLAG: ORDER.slice(0, 4),
  PROVINCIAL_MERIT: ORDER,
};
const candidate = (code: string): Candidate => ({
  agencyId: `id-${code}`,
  code,
  name: DEMO_AGENCIES.find((a) => a.code === code)!.name,
});
const roll = DEMO_AGENCIES.map((a) => candidate(a.code));
const total = DEMO_AGENCIES.length;

/** The ten ballots of a session (by agency id, as stored) and its tally. */
function session(awardCode: string | null) {
  const codes = awardCode ? CANDIDATES[awardCode]! : roll.map((voter) => voter.code);
  const ballots: BallotChoices[] = DEMO_AGENCIES.map((_, index) =>
    Object.fromEntries(
      Object.entries(demoBallot2021(awardCode, codes, index, total)).map(([key, value]) =>
        awardCode ? [`id-${key}`, value] : [key, value === null ? null : `id-${value}`],
      ),
    ),
  );
  const results = tally({
    method: awardCode ? "APPROVAL" : "ELECTION",
    rules: { ...DEFAULT_RULES.voting, quota: null },
    candidates: codes.map(candidate),
    rollSize: total,
    ballots,
  });
  return { codes, ballots, results };
}

describe("2021's demo ballots", () => {
  const passed = (awardCode: string) =>
    session(awardCode)
      .results.candidates.filter((c) => c.passed)
      .map((c) => c.code)
      .sort();

  it("propose btg for the Government's flag, bdv, vptu and bao for the provincial flag, the other six for the provincial merit", () => {
    expect(passed("GOV_FLAG")).toEqual(["btg"]);
    expect(passed("PROVINCIAL_FLAG")).toEqual(["bao", "bdv", "vptu"]);
    expect(passed("PROVINCIAL_MERIT")).toEqual(["bbvsk", "bnc", "btc", "dukcq", "tct", "ubkt"]);
    for (const awardCode of Object.keys(CANDIDATES))
      expect(session(awardCode).results).toMatchObject({
        rollSize: 10,
        ballots: 10,
        quorumMet: true,
        hasTies: false,
      });
  });

  it("elect bdv Khối trưởng and vptu Khối phó for 2022, with valid ballots (never one agency for both posts)", () => {
    const election = session(null);
    expect(election.results.elected).toEqual({ LEADER: "id-bdv", DEPUTY: "id-vptu" });
    for (const ballot of election.ballots)
      expect(ballot.LEADER === null || ballot.LEADER !== ballot.DEPUTY).toBe(true);
  });

  it("give every approval ballot a choice for every candidate", () => {
    for (const awardCode of Object.keys(CANDIDATES)) {
      const { codes, ballots } = session(awardCode);
      for (const ballot of ballots)
        expect(Object.keys(ballot).sort()).toEqual(codes.map((code) => `id-${code}`).sort());
    }
  });
});
