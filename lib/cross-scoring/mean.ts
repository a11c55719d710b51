/**
 * The final of a criterion from the peers' cross-scores (chấm chéo): their mean, or — when the year's
 * rules say so and there are at least three — the mean without the single highest and lowest score.
 * Rounded to the hundredth; null without scores.
 */
export function crossScoreFinal(scoresX100: readonly number[], trimExtremes: boolean): number | null {
  if (scoresX100.length === 0) return null;
  const sorted = [...scoresX100].sort((a, b) => a - b);
  const kept = trimExtremes && sorted.length >= 3 ? sorted.slice(1, -1) : sorted;
  return Math.round(kept.reduce((sum, value) => sum + value, 0) / kept.length);
}
