// The báo cáo thành tích of a demo nominee (2021): a short report in the official layout, as the
// agency would have written it, uploaded by the bloc's secretariat through the data layer. Plain
// module (no server-only imports): scripts/db/demo-reports.ts renders it in a process of its own.
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { DOCUMENT_FONT, registerFreshFonts } from "@/lib/documents/render/fonts";

const styles = StyleSheet.create({
  page: {
    fontFamily: DOCUMENT_FONT,
    fontSize: 13,
    lineHeight: 1.35,
    paddingTop: 57,
    paddingBottom: 57,
    paddingLeft: 85,
    paddingRight: 57,
  },
  headerRow: { flexDirection: "row", justifyContent: "space-between" },
  issuer: { width: "42%", alignItems: "center", textAlign: "center" },
  nation: { width: "58%", alignItems: "center", textAlign: "center" },
  caps: { fontSize: 12, fontWeight: 700, textTransform: "uppercase" },
  rule: { width: 110, borderBottomWidth: 0.8, borderBottomColor: "#000", marginTop: 2, marginBottom: 6 },
  docType: { marginTop: 18, fontSize: 14, fontWeight: 700, textAlign: "center", textTransform: "uppercase" },
  docTitle: { fontSize: 14, fontWeight: 700, textAlign: "center", marginBottom: 12 },
  heading: { fontWeight: 700, marginTop: 10, marginBottom: 3, textTransform: "uppercase" },
  paragraph: { textAlign: "justify", marginBottom: 4, textIndent: 28 },
});

const two = (n: number) => String(n).padStart(2, "0");

export interface DemoReport {
  agencyName: string;
  leaderName: string;
  leaderTitle: string;
  awardName: string;
  year: number;
  rank: number;
  total: number;
  classification: string | null;
  date: Date;
}

function ReportDocument({ report }: { report: DemoReport }) {
  return (
    <Document
      title={`Báo cáo thành tích năm ${report.year} — ${report.agencyName}`}
      author={report.agencyName}
      language="vi"
    >
      <Page size="A4" style={styles.page}>
        <View style={styles.headerRow}>
          <View style={styles.issuer}>
            <Text style={styles.caps}>Tỉnh ủy Nam Định</Text>
            <Text style={styles.caps}>{report.agencyName}</Text>
            <View style={styles.rule} />
          </View>
          <View style={styles.nation}>
            <Text style={styles.caps}>Cộng hòa xã hội chủ nghĩa Việt Nam</Text>
            <Text style={{ fontWeight: 700 }}>Độc lập - Tự do - Hạnh phúc</Text>
            <View style={styles.rule} />
            <Text style={{ fontStyle: "italic" }}>
              Nam Định, ngày {two(report.date.getUTCDate())} tháng {two(report.date.getUTCMonth() + 1)} năm{" "}
              {report.date.getUTCFullYear()}
            </Text>
          </View>
        </View>
        <Text style={styles.docType}>Báo cáo thành tích</Text>
        <Text style={styles.docTitle}>
          Đề nghị tặng {report.awardName}
          {"\n"}năm {report.year}
        </Text>
        <Text style={styles.heading}>I. Sơ lược đặc điểm, tình hình</Text>
        <Text style={styles.paragraph}>
          {report.agencyName} là cơ quan thành viên Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định; thực
          hiện chức năng tham mưu, giúp việc Ban Chấp hành, Ban Thường vụ Tỉnh ủy trong lĩnh vực được giao.
        </Text>
        <Text style={styles.heading}>II. Thành tích đạt được</Text>
        <Text style={styles.paragraph}>
          Năm {report.year}, cơ quan hoàn thành xuất sắc các nhiệm vụ chính trị được giao; chất lượng tham mưu
          được nâng lên; tổ chức cơ sở đảng được xếp loại hoàn thành tốt nhiệm vụ trở lên; thực hiện nghiêm
          túc các nội dung giao ước thi đua của Khối.
        </Text>
        <Text style={styles.paragraph}>
          Kết quả chấm điểm thi đua của Khối: {report.total.toLocaleString("vi-VN")} điểm, xếp thứ{" "}
          {report.rank}
          {report.classification ? `, xếp loại ${report.classification}` : ""}.
        </Text>
        <Text style={styles.heading}>III. Các hình thức khen thưởng đã đạt được</Text>
        <Text style={styles.paragraph}>
          Các năm trước liền kề: theo hồ sơ thi đua, khen thưởng của cơ quan.
        </Text>
        <View style={{ marginTop: 24, marginLeft: "50%", alignItems: "center" }}>
          <Text style={{ fontWeight: 700, textTransform: "uppercase" }}>{report.leaderTitle}</Text>
          <Text style={{ marginTop: 48, fontWeight: 700 }}>{report.leaderName}</Text>
        </View>
      </Page>
    </Document>
  );
}

export async function renderDemoReportPdf(report: DemoReport): Promise<Buffer> {
  // Fresh fonts for each report: react-pdf's shared font state drops letters from later PDFs' text.
  await registerFreshFonts();
  return renderToBuffer(<ReportDocument report={report} />);
}
