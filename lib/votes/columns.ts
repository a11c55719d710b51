import { z } from "zod";
import { jsonColumn } from "@/lib/db/json";
import {
  APPROVAL_CHOICES,
  POSTS,
  type BallotChoices,
  type Candidate,
  type SessionResult,
  type SessionRules,
} from "./tally";

// The JSON columns of vote sessions and ballots: what a session froze when it opened (its rules, its
// candidates, its roll of voters), its stored tally, and a ballot's choices.

const fraction = z.object({ numerator: z.number().int(), denominator: z.number().int() });
const candidate = z.object({
  agencyId: z.string(),
  code: z.string(),
  name: z.string(),
}) satisfies z.ZodType<Candidate>;

const rules = z.object({
  quorum: fraction,
  pass: fraction,
  passStrictlyAbove: z.boolean(),
  passBase: z.enum(["MEMBERS", "BALLOTS"]),
  quota: z.number().int().nullable(),
}) satisfies z.ZodType<SessionRules>;

const result = z.object({
  rollSize: z.number().int(),
  ballots: z.number().int(),
  quorumRequired: z.number().int(),
  quorumMet: z.boolean(),
  passBase: z.number().int(),
  passRequired: z.number().int(),
  candidates: z.array(
    candidate.extend({
      post: z.enum(POSTS).nullable(),
      for: z.number().int(),
      against: z.number().int(),
      abstain: z.number().int(),
      passed: z.boolean(),
      tied: z.boolean(),
    }),
  ),
  elected: z.object({ LEADER: z.string().nullable(), DEPUTY: z.string().nullable() }).nullable(),
  hasTies: z.boolean(),
}) satisfies z.ZodType<SessionResult>;

const choices = z.record(
  z.string(),
  z.union([z.enum(APPROVAL_CHOICES), z.string(), z.null()]),
) satisfies z.ZodType<BallotChoices>;

/** VoteSession.rules: the quorum, threshold and quota frozen at opening. */
export const sessionRulesColumn = jsonColumn(rules);
/** VoteSession.candidates and VoteSession.roll: agencies frozen at opening. */
export const agenciesColumn = jsonColumn(z.array(candidate));
/** VoteSession.results: the tally, stored once when the session closes (null until then). */
export const sessionResultColumn = jsonColumn(result);
/** Ballot.choices. */
export const ballotChoicesColumn = jsonColumn(choices);
