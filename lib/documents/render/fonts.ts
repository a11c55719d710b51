import { createRequire } from "node:module";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

// Tinos: metric-compatible with Times New Roman, the typeface of official documents (Nghị định
// 30/2020), with every Vietnamese glyph. Full TrueType files from an npm package, embedded (subset) in
// each PDF. Every text of every document is set in it: regular, italic, bold and bold italic.

export const DOCUMENT_FONT = "Tinos";

const TINOS = path.dirname(createRequire(import.meta.url).resolve("@expo-google-fonts/tinos/package.json"));

export const DOCUMENT_FACES = [
  { file: "400Regular/Tinos_400Regular.ttf", fontWeight: 400, fontStyle: "normal" },
  { file: "400Regular_Italic/Tinos_400Regular_Italic.ttf", fontWeight: 400, fontStyle: "italic" },
  { file: "700Bold/Tinos_700Bold.ttf", fontWeight: 700, fontStyle: "normal" },
  { file: "700Bold_Italic/Tinos_700Bold_Italic.ttf", fontWeight: 700, fontStyle: "italic" },
] as const;

/**
 * Registers the fonts anew for one render. react-pdf keeps one fontkit font object per registered face
 * for the life of the process, and fontkit caches each glyph with the code points it was first met
 * with: a glyph first loaded as a component of an accented letter while a PDF's font subset is built
 * keeps no code points. Every later PDF then loses that letter from its text layer, and the line
 * breaker, which maps glyphs back to characters, breaks lines inside syllables (react-pdf #3404). Fresh
 * font objects for every render leave no state from one document to the next. Renders run one at a time
 * per worker thread (lib/documents/render-pool.ts), so clearing the store cannot touch another render.
 */
export async function registerFreshFonts(): Promise<void> {
  Font.clear();
  // textkit's fallback family for a character the main font lacks (loaded up front, as react-pdf's own
  // store does); PDF standard fonts hold no state.
  const fallback = [
    { src: "Helvetica", fontWeight: 400, fontStyle: "normal" },
    { src: "Helvetica-Bold", fontWeight: 700, fontStyle: "normal" },
    { src: "Helvetica-Oblique", fontWeight: 400, fontStyle: "italic" },
    { src: "Helvetica-BoldOblique", fontWeight: 700, fontStyle: "italic" },
  ] as const;
  Font.register({ family: "Helvetica", fonts: [...fallback] });
  await Promise.all(
    fallback.map((face) =>
      Font.load({ fontFamily: "Helvetica", fontWeight: face.fontWeight, fontStyle: face.fontStyle }),
    ),
  );
  Font.register({
    family: DOCUMENT_FONT,
    fonts: DOCUMENT_FACES.map((face) => ({
      src: path.join(TINOS, face.file),
      fontWeight: face.fontWeight,
      fontStyle: face.fontStyle,
    })),
  });
  // Vietnamese syllables are separated by spaces: lines break between them, never with a hyphen.
  Font.registerHyphenationCallback((word) => [word]);
}
