// The text of a PDF as a reader (or a search index) extracts it, for tests of the generated documents
// (pledge, minutes, tờ trình, score table), in both the integration and the end-to-end tiers.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const STANDARD_FONTS = `${path.resolve(import.meta.dirname, "../../node_modules/pdfjs-dist/standard_fonts")}/`;

/** Each page's text, whitespace collapsed, in NFC. */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(
      content.items
        .map((item) => ("str" in item ? item.str : ""))
        .join(" ")
        .replace(/\s+/g, " ")
        .normalize("NFC"),
    );
  }
  await pdf.destroy();
  return pages;
}

/** The whole text, pages joined by a line break. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes)).join("\n");
}

/** The text as poppler's pdftotext extracts it in content-stream order (-raw), in NFC. */
export function popplerText(bytes: Uint8Array): string {
  return execFileSync("pdftotext", ["-raw", "-enc", "UTF-8", "-", "-"], {
    input: bytes,
    maxBuffer: 64 * 1024 * 1024,
  })
    .toString("utf8")
    .normalize("NFC");
}

/** Whitespace (spaces, line and page breaks) collapsed to single spaces. */
export const collapse = (text: string) => text.replace(/\s+/g, " ").trim();
