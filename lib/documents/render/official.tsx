import { Page, Path, StyleSheet, Svg, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";
import type { Block, Inline } from "@/lib/pledges/markdown";
import { DOCUMENT_FONT } from "./fonts";
import type { PrintStamp } from "./jobs";

// Building blocks of an official document in the layout of Nghị định 30/2020/NĐ-CP: page margins,
// the Quốc hiệu and Tiêu ngữ beside the issuing body, place and date, document type and title; and
// what every document the system prints carries: the mark of a draft, or the registry entry (code,
// address and QR code) where anyone can check an issued one.

export const officialStyles = StyleSheet.create({
  page: {
    fontFamily: DOCUMENT_FONT,
    fontSize: 13,
    paddingTop: 57,
    paddingBottom: 57,
    paddingLeft: 85,
    paddingRight: 57,
  },
  // Line spacing of the body, never of the page: react-pdf multiplies a lineHeight inherited by the
  // page-number text by the font size again on every page (react-pdf #3452), until a long document
  // fails with "unsupported number".
  body: { lineHeight: 1.35 },
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
  footer: {
    position: "absolute",
    bottom: 24,
    left: 85,
    right: 57,
    fontSize: 9,
    color: "#444",
    flexDirection: "row",
    justifyContent: "space-between",
  },
  draftMark: {
    position: "absolute",
    top: 330,
    left: 40,
    right: 40,
    textAlign: "center",
    fontSize: 88,
    fontWeight: 700,
    color: "#c8c8c8",
    opacity: 0.55,
    transform: "rotate(-35deg)",
  },
  draftBanner: {
    position: "absolute",
    top: 22,
    left: 85,
    right: 57,
    textAlign: "center",
    fontSize: 10,
    fontWeight: 700,
    color: "#9b1c1c",
  },
});

/** A page of an official document: its body, then the page furniture (PageFrame). */
export function OfficialPage({
  stamp,
  label,
  landscape = false,
  children,
}: {
  stamp: PrintStamp;
  label: string;
  landscape?: boolean;
  children: ReactNode;
}) {
  const style = landscape
    ? { ...officialStyles.page, paddingTop: 40, paddingBottom: 48, paddingLeft: 57, paddingRight: 40 }
    : officialStyles.page;
  return (
    <Page size="A4" orientation={landscape ? "landscape" : "portrait"} style={style}>
      <View style={officialStyles.body}>{children}</View>
      <PageFrame stamp={stamp} label={label} landscape={landscape} />
    </Page>
  );
}

/** Page furniture of every document: the draft mark on each page, and the footer with the registry code. */
function PageFrame({
  stamp,
  label,
  landscape = false,
}: {
  stamp: PrintStamp;
  label: string;
  landscape?: boolean;
}) {
  // Landscape pages (the score table) have narrower margins and less height.
  const margins = landscape ? { left: 57, right: 40 } : {};
  return (
    <>
      {stamp.status === "DRAFT" ? (
        <>
          <Text style={{ ...officialStyles.draftMark, ...(landscape ? { top: 200 } : {}) }} fixed>
            DỰ THẢO
          </Text>
          <Text style={{ ...officialStyles.draftBanner, ...margins }} fixed>
            DỰ THẢO – văn bản chưa được phát hành, không có giá trị pháp lý
          </Text>
        </>
      ) : null}
      <View style={{ ...officialStyles.footer, ...margins }} fixed>
        <Text>{stamp.status === "ISSUED" ? `${label} · Mã văn bản ${stamp.code}` : label}</Text>
        <Text render={({ pageNumber, totalPages }) => `Trang ${pageNumber}/${totalPages}`} />
      </View>
    </>
  );
}

/** Where an issued document is checked: its QR code and address (the registry entry); nothing on a draft. */
export function VerificationBlock({ stamp }: { stamp: PrintStamp }) {
  if (stamp.status !== "ISSUED") return null;
  return (
    <View style={{ flexDirection: "row", marginTop: 14, alignItems: "center", fontSize: 10 }} wrap={false}>
      <Svg viewBox={`0 0 ${stamp.qr.size} ${stamp.qr.size}`} style={{ width: 78, height: 78 }}>
        <Path d={stamp.qr.path} fill="#000" />
      </Svg>
      <View style={{ flex: 1, paddingLeft: 10 }}>
        <Text>
          Văn bản điện tử do hệ thống Khối thi đua phát hành {longDate(stamp.issuedAt)}, mã văn bản{" "}
          {stamp.code}, có chữ ký số của {stamp.signedBy}.
        </Text>
        <Text style={{ marginTop: 2 }}>Kiểm tra tính xác thực và toàn vẹn tại:</Text>
        <Text style={{ fontSize: 9 }}>{stamp.url}</Text>
      </View>
    </View>
  );
}

/** dd, MM, yyyy of a moment in Asia/Ho_Chi_Minh. */
export function vnDateParts(date: Date): { day: string; month: string; year: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return { day: parts.day!, month: parts.month!, year: parts.year! };
}

/** "ngày 05 tháng 01 năm 2022" */
export function longDate(date: Date): string {
  const { day, month, year } = vnDateParts(date);
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** "Nam Định, ngày 01 tháng 03 năm 2022" (Nghị định 30/2020: months 1 and 2 written 01, 02). */
export function placeAndDate(place: string | null, date: Date): string {
  return `${place ? `${place}, ` : ""}${longDate(date)}`;
}

export function OfficialHeader({
  issuer,
  issuerNote,
  identifier,
  place,
  date,
}: {
  issuer: string;
  issuerNote?: string;
  identifier: string;
  place: string | null;
  date: Date;
}) {
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
    <Text
      key={index}
      style={{ fontWeight: inline.bold ? 700 : 400, fontStyle: inline.italic ? "italic" : "normal" }}
    >
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
