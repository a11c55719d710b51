import "server-only";
import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block, Inline } from "@/lib/pledges/markdown";

// Building blocks of an official document in the layout of Nghị định 30/2020/NĐ-CP: page margins,
// the Quốc hiệu and Tiêu ngữ beside the issuing body, place and date, document type and title.

export const officialStyles = StyleSheet.create({
  page: { fontFamily: "Tinos", fontSize: 13, lineHeight: 1.35, paddingTop: 57, paddingBottom: 57, paddingLeft: 85, paddingRight: 57 },
  headerRow: { flexDirection: "row", justifyContent: "space-between" },
  issuer: { width: "39%", alignItems: "center", textAlign: "center" },
  nation: { width: "61%", alignItems: "center", textAlign: "center" },
  caps: { fontSize: 12, fontWeight: 700, textTransform: "uppercase" },
  motto: { fontSize: 13, fontWeight: 700 },
  rule: { width: 110, borderBottomWidth: 0.8, borderBottomColor: "#000", marginTop: 2, marginBottom: 6 },
  placeDate: { fontStyle: "italic", marginTop: 2, fontSize: 13 },
  docType: { marginTop: 18, fontSize: 14, fontWeight: 700, textAlign: "center", textTransform: "uppercase" },
  docTitle: { fontSize: 14, fontWeight: 700, textAlign: "center", marginBottom: 12 },
  heading: { fontWeight: 700, marginTop: 10, marginBottom: 3, textTransform: "uppercase" },
  paragraph: { textAlign: "justify", marginBottom: 4, textIndent: 28 },
  listItem: { flexDirection: "row", marginBottom: 2, paddingLeft: 14 },
  bullet: { width: 18 },
  quote: { paddingLeft: 14, fontStyle: "italic" },
  footer: { position: "absolute", bottom: 24, left: 85, right: 57, fontSize: 9, color: "#444", flexDirection: "row", justifyContent: "space-between" },
});

/** dd, MM, yyyy of a moment in Asia/Ho_Chi_Minh. */
export function vnDateParts(date: Date): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return { day: parts.day!, month: parts.month!, year: parts.year! };
}

/** "Nam Định, ngày 01 tháng 03 năm 2022" (Nghị định 30/2020: months 1 and 2 written 01, 02). */
export function placeAndDate(place: string | null, date: Date): string {
  const { day, month, year } = vnDateParts(date);
  return `${place ? `${place}, ` : ""}ngày ${day} tháng ${month} năm ${year}`;
}

export function OfficialHeader({ issuer, issuerNote, identifier, place, date }: { issuer: string; issuerNote?: string; identifier: string; place: string | null; date: Date }) {
  return (
    <View style={officialStyles.headerRow}>
      <View style={officialStyles.issuer}>
        <Text style={officialStyles.caps}>{issuer}</Text>
        {issuerNote ? <Text style={{ fontSize: 11 }}>{issuerNote}</Text> : null}
        <View style={officialStyles.rule} />
        <Text style={{ fontSize: 13 }}>{identifier}</Text>
      </View>
      <View style={officialStyles.nation}>
        <Text style={officialStyles.caps}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</Text>
        <Text style={officialStyles.motto}>Độc lập - Tự do - Hạnh phúc</Text>
        <View style={officialStyles.rule} />
        <Text style={officialStyles.placeDate}>{placeAndDate(place, date)}</Text>
      </View>
    </View>
  );
}

function InlineText({ content }: { content: Inline[] }): ReactNode {
  return content.map((inline, index) => (
    <Text key={index} style={{ fontWeight: inline.bold ? 700 : 400, fontStyle: inline.italic ? "italic" : "normal" }}>
      {inline.text}
      {inline.br ? "\n" : ""}
    </Text>
  ));
}

/** The safe Markdown tree of lib/pledges/markdown.ts as document text. */
export function Blocks({ blocks }: { blocks: Block[] }): ReactNode {
  return blocks.map((block, index) => {
    switch (block.type) {
      case "heading":
        return (
          <Text key={index} style={{ fontWeight: 700, marginTop: 6, marginBottom: 2 }}>
            <InlineText content={block.content} />
          </Text>
        );
      case "paragraph":
        return (
          <Text key={index} style={officialStyles.paragraph}>
            <InlineText content={block.content} />
          </Text>
        );
      case "list":
        return (
          <View key={index} style={{ marginBottom: 4 }}>
            {block.items.map((item, i) => (
              <View key={i} style={officialStyles.listItem} wrap={false}>
                <Text style={officialStyles.bullet}>{block.ordered ? `${block.start + i}.` : "-"}</Text>
                <Text style={{ flex: 1, textAlign: "justify" }}>
                  <InlineText content={item} />
                </Text>
              </View>
            ))}
          </View>
        );
      case "quote":
        return (
          <View key={index} style={officialStyles.quote}>
            <Blocks blocks={block.blocks} />
          </View>
        );
    }
  });
}
