import { Document, Text, View } from "@react-pdf/renderer";
import { formatDateTime } from "@/lib/format";
import type { SignedDocument } from "@/lib/pledges/document";
import type { PrintStamp } from "./jobs";
import { Blocks, OfficialHeader, OfficialPage, VerificationBlock, officialStyles } from "./official";

// Bản giao ước thi đua: the frozen version in the official layout with one signature block per member,
// then the certificate page (chứng nhận chữ ký điện tử) listing every signature with its seal.

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
    <View
      style={{
        width: "50%",
        alignItems: "center",
        textAlign: "center",
        marginBottom: 16,
        paddingHorizontal: 4,
      }}
      wrap={false}
    >
      <Text style={{ fontWeight: 700, fontSize: 11.5, textTransform: "uppercase" }}>{member.name}</Text>
      <Text style={{ fontWeight: 700, fontSize: 12, textTransform: "uppercase" }}>
        {signature?.signerTitle ?? "Thủ trưởng cơ quan"}
      </Text>
      {signature ? (
        <>
          <Text style={{ fontStyle: "italic", fontSize: 11, marginTop: 4 }}>
            (Đã ký điện tử lúc {formatDateTime(signature.signedAt)})
          </Text>
          <Text style={{ fontWeight: 700, marginTop: 6 }}>{signature.signerName}</Text>
          <Text style={{ fontSize: 9, color: "#333" }}>Mã niêm phong: {short(signature.seal)}</Text>
        </>
      ) : (
        <Text style={{ fontStyle: "italic", fontSize: 11, marginTop: 18, color: "#555" }}>(Chưa ký)</Text>
      )}
    </View>
  );
}

export function PledgeDocument({ doc, stamp }: { doc: SignedDocument; stamp: PrintStamp }) {
  const version = doc.version;
  // Only opened versions are printed (lib/pledges/document.ts); a render never reads the clock.
  const openedAt = new Date(version.openedAt ?? version.updatedAt);
  const label = `Giao ước thi đua năm ${doc.year}, phiên bản ${version.number}`;
  const cell = {
    paddingVertical: 3,
    paddingHorizontal: 4,
    borderRightWidth: 0.5,
    borderRightColor: "#666",
  } as const;
  return (
    <Document
      title={`Bản giao ước thi đua năm ${doc.year} — phiên bản ${version.number}`}
      author={doc.bloc.name}
      subject={version.content.title}
      language="vi"
    >
      <OfficialPage stamp={stamp} label={label}>
        <OfficialHeader
          issuer={doc.bloc.name}
          identifier={`Phiên bản số ${version.number}`}
          place={doc.bloc.place}
          date={openedAt}
        />
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

        <Text style={{ ...officialStyles.heading, textAlign: "center", marginTop: 18, marginBottom: 10 }}>
          Đại diện các cơ quan thành viên ký giao ước
        </Text>
        <View style={{ flexDirection: "row", flexWrap: "wrap" }}>
          {doc.members.map((member) => (
            <SignatureBlock key={member.code} member={member} />
          ))}
        </View>
      </OfficialPage>

      <OfficialPage stamp={stamp} label={label}>
        <Text style={officialStyles.docType}>Chứng nhận chữ ký điện tử</Text>
        <Text style={{ textAlign: "center", marginBottom: 10 }}>
          Bản giao ước thi đua năm {doc.year} — phiên bản số {version.number}
          {version.status === "SUPERSEDED" ? " (đã được thay thế bằng phiên bản mới)" : ""}
        </Text>
        <Text style={{ fontSize: 11 }}>Mở ký lúc: {formatDateTime(openedAt)} (giờ Việt Nam)</Text>
        <Text style={{ fontSize: 11 }}>Mã băm SHA-256 của văn bản (dạng chuẩn khoithidua.pledge.v1):</Text>
        <Text style={{ fontSize: 10, marginBottom: 10 }}>
          {(version.sha256 ?? "").match(/.{1,32}/g)?.join(" ")}
        </Text>
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
                <View
                  key={member.code}
                  style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: "#666" }}
                  wrap={false}
                >
                  <Text style={{ ...cell, width: "22%" }}>{signature.agencyName}</Text>
                  <Text
                    style={{ ...cell, width: "18%" }}
                  >{`${signature.signerName}${signature.signerTitle ? `, ${signature.signerTitle}` : ""}`}</Text>
                  <Text style={{ ...cell, width: "14%" }}>{formatDateTime(signature.signedAt)}</Text>
                  <Text style={{ ...cell, width: "18%" }}>
                    {METHODS[signature.authMethod] ?? signature.authMethod}
                  </Text>
                  <Text style={{ ...cell, width: "10%" }}>{signature.ip ?? "—"}</Text>
                  <Text style={{ ...cell, width: "18%", borderRightWidth: 0, fontSize: 7.5 }}>
                    {signature.seal.match(/.{1,16}/g)!.join("\n")}
                  </Text>
                </View>
              );
            })}
        </View>
        <Text style={{ fontSize: 11, marginTop: 10 }}>
          Kiểm tra văn bản và niêm phong của từng chữ ký (mã băm SHA-256 của văn bản: {short(version.sha256)}
          …): {doc.verificationUrl}
        </Text>
        <VerificationBlock stamp={stamp} />
      </OfficialPage>
    </Document>
  );
}
