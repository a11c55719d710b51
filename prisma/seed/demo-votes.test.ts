import { describe, expect, it } from "vitest";
import type { RankingEntry } from "@/lib/ranking/compute";
import { DEFAULT_RULES } from "@/lib/years/rules";
import { DEMO_AGENCIES } from "./demo-data";
import { demoSessions2021 } from "./demo-votes";

/** 2021's published ranking as the demo seed gives it (tests/integration/demo-seed.test.ts pins it). */
const ORDER = ["btg", "bdv", "vptu", "bao", "btc", "ubkt", "tct", "bnc", "dukcq", "bbvsk"];
const agency = (code: string) => {
  const demo = DEMO_AGENCIES.find((a) => a.code === code)!;
  return { id: `id-${code}`, code, name: demo.name };
};
const entries = ORDER.map(
  (code, index) =>
    ({
      rank: index + 1,
      tied: false,
      agency: agency(code),
      classification: index < 4 ? { code: "XUAT_SAC", label: "Xuất sắc" } : { code: "TOT", label: "Tốt" },
    }) as RankingEntry,
);
const roll = DEMO_AGENCIES.map((a) => ({ agencyId: `id-${a.code}`, code: a.code, name: a.name }));

describe("2021's demo deliberation", () => {
  const sessions = demoSessions2021(entries, roll, DEFAULT_RULES);
  const passed = (awardCode: string) =>
    sessions
      .find((s) => s.awardCode === awardCode)!
      .results.candidates.filter((c) => c.passed)
      .map((c) => c.code)
      .sort();

  it("proposes btg for the Government's flag, bdv, vptu and bao for the provincial flag, the other six for the provincial merit", () => {
    expect(sessions.map((s) => s.title)).toEqual([
      "Bình xét, suy tôn Cờ thi đua của Chính phủ năm 2021",
      "Bình xét, suy tôn Cờ thi đua của UBND tỉnh năm 2021",
      "Bình xét, suy tôn Bằng khen của Chủ tịch UBND tỉnh năm 2021",
      "Bầu Khối trưởng, Khối phó năm 2022",
    ]);
    expect(passed("GOV_FLAG")).toEqual(["btg"]);
    expect(passed("PROVINCIAL_FLAG")).toEqual(["bao", "bdv", "vptu"]);
    expect(passed("PROVINCIAL_MERIT")).toEqual(["bbvsk", "bnc", "btc", "dukcq", "tct", "ubkt"]);
    for (const session of sessions) expect(session.results).toMatchObject({ rollSize: 10, ballots: 10, quorumMet: true, hasTies: false });
  });

  it("elects bdv Khối trưởng and vptu Khối phó for 2022, with valid ballots (never one agency for both posts)", () => {
    const election = sessions.at(-1)!;
    expect(election.results.elected).toEqual({ LEADER: "id-bdv", DEPUTY: "id-vptu" });
    for (const ballot of election.ballots) expect(ballot.LEADER === null || ballot.LEADER !== ballot.DEPUTY).toBe(true);
  });

  it("gives every approval ballot a choice for every candidate", () => {
    for (const session of sessions.filter((s) => s.method === "APPROVAL")) {
      expect(session.ballots).toHaveLength(10);
      for (const ballot of session.ballots) expect(Object.keys(ballot).sort()).toEqual(session.candidates.map((c) => c.agencyId).sort());
    }
  });
});
