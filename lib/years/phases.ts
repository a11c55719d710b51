import type { Phase } from "@/lib/generated/prisma/enums";

/** The phases of an emulation year, in order (PRODUCT.md). */
export const PHASES = [
  "SETUP",
  "PLEDGING",
  "SELF_ASSESSMENT",
  "REVIEW",
  "VOTING",
  "NOMINATION",
  "BOARD_REVIEW",
  "CLOSED",
] as const satisfies readonly Phase[];

export type { Phase };

export function phaseIndex(phase: Phase): number {
  return PHASES.indexOf(phase);
}

export function nextPhase(phase: Phase): Phase | null {
  return PHASES[phaseIndex(phase) + 1] ?? null;
}

export type PhaseMove = "forward" | "skip" | "back" | "none";

/** forward: the next phase; skip: further ahead; back: any earlier phase. */
export function classifyMove(from: Phase, to: Phase): PhaseMove {
  const delta = phaseIndex(to) - phaseIndex(from);
  if (delta === 0) return "none";
  if (delta === 1) return "forward";
  return delta > 1 ? "skip" : "back";
}

/** Rules shape scoring: they can change until review scoring starts. */
export function rulesEditable(phase: Phase): boolean {
  return phaseIndex(phase) <= phaseIndex("SELF_ASSESSMENT");
}

/** Membership shapes every later step: it can change until self-assessment starts. */
export function membersEditable(phase: Phase): boolean {
  return phaseIndex(phase) <= phaseIndex("PLEDGING");
}
