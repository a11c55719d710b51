/** Badge colours of the three kinds of points. */
export const KIND_TONES = { BASE: "blue", BONUS: "green", DEDUCTION: "red" } as const;
