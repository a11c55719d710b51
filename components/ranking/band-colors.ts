// Classification bands are data of the year (any number, any codes): colours follow their order,
// best first. Every bar and row also names its band in text, so colour is never the only signal.
const PALETTE = [
  "bg-green-600",
  "bg-blue-600",
  "bg-amber-500",
  "bg-orange-600",
  "bg-red-600",
  "bg-purple-600",
  "bg-teal-600",
  "bg-pink-600",
  "bg-lime-600",
  "bg-cyan-700",
];
const NONE = "bg-slate-400";

export function bandColor(bands: { code: string }[], code: string | null | undefined): string {
  const index = code ? bands.findIndex((band) => band.code === code) : -1;
  return index >= 0 ? (PALETTE[index % PALETTE.length] ?? NONE) : NONE;
}
