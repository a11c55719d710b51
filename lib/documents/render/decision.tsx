import { Document, Text, View } from "@react-pdf/renderer";
import type { DecisionRecord } from "@/lib/nominations/decision-record";
import type { PrintStamp } from "./jobs";
import { OfficialHeader, OfficialPage, VerificationBlock, longDate, officialStyles } from "./official";

// Thông báo kết quả khen thưởng: the board's record of an award decision (số, ngày, người ký) and the
// members it awards, per award, in the layout of Nghị định 30/2020/NĐ-CP.

const BOARD = "Ban Thi đua – Khen thưởng tỉnh";

export function DecisionDocument({ record, stamp }: { record: DecisionRecord; stamp: PrintStamp }) {
  const line = { ...officialStyles.paragraph, marginBottom: 3 };
  const cell = {
    paddingVertical: 2,
    paddingHorizontal: 4,
    borderRightWidth: 0.5,
    borderRightColor: "#666",
  } as const;
  const signer = [record.signerTitle, record.signerName].filter(Boolean).join(" ");
  return (
    <Document
      title={`Thông báo kết quả khen thưởng năm ${record.year} — ${record.number}`}
      author={BOARD}
      subject="Ghi nhận quyết định khen thưởng"
      language="vi"
    >
      <OfficialPage stamp={stamp} label={`Thông báo kết quả khen thưởng năm ${record.year}`}>
        <OfficialHeader
          issuer={BOARD}
          identifier="Số:      /TB-TĐKT"
          place={record.bloc.place}
          date={record.recordedAt}
        />
        <Text style={officialStyles.docType}>Thông báo</Text>
        <Text style={{ ...officialStyles.docTitle, marginBottom: 0 }}>
          Kết quả khen thưởng năm {record.year}
        </Text>
        <Text style={officialStyles.docTitle}>của {record.bloc.name}</Text>

        <Text style={{ ...line, fontStyle: "italic" }}>
          Căn cứ Quyết định số {record.number} {longDate(record.signedOn)}
          {signer ? ` của ${signer}` : ""} về việc khen thưởng năm {record.year};
        </Text>
        <Text style={line}>
          {BOARD} thông báo kết quả khen thưởng năm {record.year} đối với các tập thể thuộc {record.bloc.name}{" "}
          theo đề nghị của Khối, cụ thể như sau:
        </Text>
        {record.awards.map((award, index) => (
          <View key={award.code} style={{ marginTop: 4 }}>
            <Text style={{ fontWeight: 700, marginBottom: 2 }} minPresenceAhead={60}>
              {index + 1}. {award.name}: {award.agencies.length} tập thể
            </Text>
            <View style={{ borderWidth: 0.5, borderColor: "#666", fontSize: 11, marginVertical: 2 }}>
              <View style={{ flexDirection: "row", backgroundColor: "#eee", fontWeight: 700 }} wrap={false}>
                <Text style={{ ...cell, width: "12%", textAlign: "center" }}>STT</Text>
                <Text style={{ ...cell, width: "88%", borderRightWidth: 0 }}>Tên tập thể</Text>
              </View>
              {award.agencies.map((agency, row) => (
                <View
                  key={agency.code}
                  style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: "#666" }}
                  wrap={false}
                >
                  <Text style={{ ...cell, width: "12%", textAlign: "center" }}>{row + 1}</Text>
                  <Text style={{ ...cell, width: "88%", borderRightWidth: 0 }}>{agency.name}</Text>
                </View>
              ))}
            </View>
          </View>
        ))}
        <Text style={{ ...line, fontWeight: 700, marginTop: 4 }}>Tổng cộng: {record.total} tập thể.</Text>
        <Text style={line}>
          Quyết định khen thưởng đã được ghi nhận trên hệ thống; các tập thể được khen thưởng xem trong lịch
          sử khen thưởng của đơn vị./.
        </Text>

        <View style={{ flexDirection: "row", marginTop: 12 }} wrap={false}>
          <View style={{ width: "45%", fontSize: 11 }}>
            <Text style={{ fontWeight: 700, fontStyle: "italic", fontSize: 12 }}>Nơi nhận:</Text>
            <Text>- {record.bloc.name};</Text>
            <Text>- Các cơ quan thành viên Khối;</Text>
            <Text>- Lưu: VT.</Text>
          </View>
          <View style={{ width: "55%", alignItems: "center", textAlign: "center" }}>
            <Text style={{ fontWeight: 700, textTransform: "uppercase" }}>TM. {BOARD}</Text>
            {record.recordedBy?.title ? (
              <Text style={{ fontSize: 11.5 }}>{record.recordedBy.title}</Text>
            ) : null}
            <Text style={{ fontStyle: "italic", fontSize: 11 }}>(Ghi nhận trên hệ thống)</Text>
            <Text style={{ fontWeight: 700, marginTop: 40 }}>{record.recordedBy?.name ?? ""}</Text>
          </View>
        </View>
        <VerificationBlock stamp={stamp} />
      </OfficialPage>
    </Document>
  );
}
