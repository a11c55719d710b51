import "server-only";
// react-pdf's Image has no alt text (jsx-a11y would take it for next/image).
import { Document, Image as PdfImage, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import QRCode from "qrcode";
import { formatDateTime } from "@/lib/format";
import { registerOfficialFonts } from "@/lib/pdf/fonts";
import { Blocks, OfficialHeader, officialStyles } from "@/lib/pdf/official";
import type { SignedDocument } from "./document";

const SECTIONS = [
  { field: "goals", heading: "I. Mục tiêu" },
  { field: "targets", heading: "II. Chỉ tiêu" },
  { field: "movement", heading: "III. Nội dung phong trào thi đua" },
  { field: "commitments", heading: "IV. Cam kết" },
] as const;

const METHODS: Record<string, string> = {
  PASSWORD_REAUTH: "Ký trực tuyến, xác thực lại bằng mật khẩu",
  DEMO_SEED: "Dữ liệu mẫu (chế độ dùng thử)",
};

const short = (hex: string | null) => (hex ?? "").slice(0, 12).toUpperCase();

function SignatureBlock({ member }: { member: SignedDocument["members"][number] }) {
  const signature = member.signature;
  return (
    <View style={{ width: "50%", alignItems: "center", textAlign: "center", marginBottom: 16, paddingHorizontal: 4 }} wrap={false}>
      <Text style={{ fontWeight: 700, fontSize: 11.5, textTransform: "uppercase" }}>{member.name}</Text>
      <Text style={{ fontWeight: 700, fontSize: 12, textTransform: "uppercase" }}>{signature?.signerTitle ?? "Thủ trưởng cơ quan"}</Text>
      {signature ? (
        <>
          <Text style={{ fontStyle: "italic", fontSize: 11, marginTop: 4 }}>(Đã ký điện tử lúc {formatDateTime(signature.signedAt)})</Text>
          <Text style={{ fontWeight: 700, marginTop: 6 }}>{signature.signerName}</Text>
          <Text style={{ fontSize: 9, color: "#333" }}>Mã niêm phong: {short(signature.seal)}</Text>
        </>
      ) : (
        <Text style={{ fontStyle: "italic", fontSize: 11, marginTop: 18, color: "#555" }}>(Chưa ký)</Text>
      )}
    </View>
  );
}

function Footer({ sha256 }: { sha256: string | null }) {
  return (
    <View style={officialStyles.footer} fixed>
      <Text>SHA-256: {short(sha256)}…</Text>
      <Text render={({ pageNumber, totalPages }) => `Trang ${pageNumber}/${totalPages}`} />
    </View>
  );
}

function PledgeDocument({ doc, qr, openedAt }: { doc: SignedDocument; qr: string; openedAt: Date }) {
  const version = doc.version;
  const cell = { paddingVertical: 3, paddingHorizontal: 4, borderRightWidth: 0.5, borderRightColor: "#666" } as const;
  return (
    <Document title={`Bản giao ước thi đua năm ${doc.year} — phiên bản ${version.number}`} author={doc.bloc.name} subject={version.content.title} language="vi">
      <Page size="A4" style={officialStyles.page}>
        <OfficialHeader issuer={doc.bloc.name} identifier={`Phiên bản số ${version.number}`} place={doc.bloc.place} date={openedAt} />
        <Text style={officialStyles.docType}>Bản giao ước thi đua năm {doc.year}</Text>
        <Text style={officialStyles.docTitle}>{version.content.title}</Text>
        <Blocks blocks={version.rendered.preamble} />
        {SECTIONS.map((section) => (
          <View key={section.field}>
            <Text style={officialStyles.heading}>{section.heading}</Text>
            <Blocks blocks={version.rendered[section.field]} />
          </View>
        ))}
        <Text style={officialStyles.heading}>V. Bảng tiêu chí chấm điểm</Text>
        <Text style={officialStyles.paragraph}>{version.content.criteriaReference}</Text>

        <Text style={{ ...officialStyles.heading, textAlign: "center", marginTop: 18, marginBottom: 10 }}>Đại diện các cơ quan thành viên ký giao ước</Text>
        <View style={{ flexDirection: "row", flexWrap: "wrap" }}>
          {doc.members.map((member) => (
            <SignatureBlock key={member.code} member={member} />
          ))}
        </View>
        <Footer sha256={version.sha256} />
      </Page>

      <Page size="A4" style={officialStyles.page}>
        <Text style={officialStyles.docType}>Chứng nhận chữ ký điện tử</Text>
        <Text style={{ textAlign: "center", marginBottom: 10 }}>
          Bản giao ước thi đua năm {doc.year} — phiên bản số {version.number}
          {version.status === "SUPERSEDED" ? " (đã được thay thế bằng phiên bản mới)" : ""}
        </Text>
        <Text style={{ fontSize: 11 }}>Mở ký lúc: {formatDateTime(openedAt)} (giờ Việt Nam)</Text>
        <Text style={{ fontSize: 11 }}>Mã băm SHA-256 của văn bản (dạng chuẩn khoithidua.pledge.v1):</Text>
        <Text style={{ fontFamily: "Courier", fontSize: 9, marginBottom: 10 }}>{(version.sha256 ?? "").match(/.{1,32}/g)?.join(" ")}</Text>
        <View style={{ borderWidth: 0.5, borderColor: "#666", fontSize: 9 }}>
          <View style={{ flexDirection: "row", backgroundColor: "#eee", fontWeight: 700 }} fixed>
            <Text style={{ ...cell, width: "22%" }}>Cơ quan</Text>
            <Text style={{ ...cell, width: "18%" }}>Người ký</Text>
            <Text style={{ ...cell, width: "14%" }}>Thời điểm</Text>
            <Text style={{ ...cell, width: "18%" }}>Phương thức</Text>
            <Text style={{ ...cell, width: "10%" }}>Địa chỉ IP</Text>
            <Text style={{ ...cell, width: "18%", borderRightWidth: 0 }}>Niêm phong (HMAC-SHA256)</Text>
          </View>
          {doc.members
            .filter((member) => member.signature)
            .map((member) => {
              const signature = member.signature!;
              return (
                <View key={member.code} style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: "#666" }} wrap={false}>
                  <Text style={{ ...cell, width: "22%" }}>{signature.agencyName}</Text>
                  <Text style={{ ...cell, width: "18%" }}>{`${signature.signerName}${signature.signerTitle ? `, ${signature.signerTitle}` : ""}`}</Text>
                  <Text style={{ ...cell, width: "14%" }}>{formatDateTime(signature.signedAt)}</Text>
                  <Text style={{ ...cell, width: "18%" }}>{METHODS[signature.authMethod] ?? signature.authMethod}</Text>
                  <Text style={{ ...cell, width: "10%" }}>{signature.ip ?? "—"}</Text>
                  <Text style={{ ...cell, width: "18%", borderRightWidth: 0, fontFamily: "Courier", fontSize: 7 }}>{signature.seal.match(/.{1,16}/g)!.join("\n")}</Text>
                </View>
              );
            })}
        </View>
        <View style={{ flexDirection: "row", marginTop: 16, alignItems: "center" }} wrap={false}>
          <PdfImage src={qr} style={{ width: 96, height: 96 }} />
          <View style={{ flex: 1, paddingLeft: 12, fontSize: 11 }}>
            <Text>Kiểm tra tính toàn vẹn của văn bản và từng chữ ký tại:</Text>
            <Text style={{ fontFamily: "Courier", fontSize: 9 }}>{doc.verificationUrl}</Text>
            <Text style={{ marginTop: 4, fontStyle: "italic" }}>
              Trang kiểm tra tính lại mã băm của văn bản và niêm phong của từng chữ ký từ dữ liệu lưu trữ.
            </Text>
          </View>
        </View>
        <Footer sha256={version.sha256} />
      </Page>
    </Document>
  );
}

/** The signed pledge as a PDF: the document in the official layout, then the certificate page. */
export async function renderPledgePdf(doc: SignedDocument): Promise<Buffer> {
  registerOfficialFonts();
  const qr = await QRCode.toDataURL(doc.verificationUrl, { margin: 1, width: 384, errorCorrectionLevel: "M" });
  // Only opened versions are printed; a render must not read the clock.
  const openedAt = new Date(doc.version.openedAt ?? Date.now());
  return renderToBuffer(<PledgeDocument doc={doc} qr={qr} openedAt={openedAt} />);
}
