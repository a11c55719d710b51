import "server-only";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

// Tinos: metric-compatible with Times New Roman, the typeface of official documents (Nghị định
// 30/2020), with every Vietnamese glyph. Full TrueType files from an npm package, embedded (subset)
// in each PDF.
const TINOS = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "tinos");

let registered = false;

export function registerOfficialFonts(): void {
  if (registered) return;
  Font.register({
    family: "Tinos",
    fonts: [
      { src: path.join(TINOS, "400Regular", "Tinos_400Regular.ttf") },
      { src: path.join(TINOS, "400Regular_Italic", "Tinos_400Regular_Italic.ttf"), fontStyle: "italic" },
      { src: path.join(TINOS, "700Bold", "Tinos_700Bold.ttf"), fontWeight: 700 },
      { src: path.join(TINOS, "700Bold_Italic", "Tinos_700Bold_Italic.ttf"), fontWeight: 700, fontStyle: "italic" },
    ],
  });
  // Vietnamese words must not be split with hyphens.
  Font.registerHyphenationCallback((word) => [word]);
  registered = true;
}
