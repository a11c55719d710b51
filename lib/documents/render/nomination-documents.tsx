import { Document, Text, View } from "@react-pdf/renderer";
import type { ScoreTable, ToTrinh, ToTrinhNominee } from "@/lib/nominations/documents";
import { formatSignedX100, formatX100 } from "@/lib/scores/points";
import type { PrintStamp } from "./jobs";
import {
  OfficialHeader,
  OfficialPage,
  VerificationBlock,
  longDate,
  officialStyles,
  placeAndDate,
} from "./official";

// The tờ trình đề nghị khen thưởng (in the manner of Mẫu 01, Nghị định 98/2023/NĐ-CP) in the layout of
// Nghị định 30/2020/NĐ-CP, and the score table (bảng tổng hợp điểm) that goes with it, landscape.

const BOARD = "Hội đồng Thi đua – Khen thưởng tỉnh";

/** Luật Thi đua, khen thưởng 2022 and Nghị định 98/2023/NĐ-CP took effect on 1 January 2024. */
const NEW_LAW_IN_FORCE = new Date("2024-01-01T00:00:00+07:00");

/** The law and decree in force on the day of the tờ trình: its first grounds. */
export function lawsInForce(date: Date): string[] {
  if (date >= NEW_LAW_IN_FORCE) {
    return [
      "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022",
      "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
    ];
  }
  return [
    "Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013",
    "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
  ];
}

/** "7/9 phiếu đồng ý", or a dash when the award needs no vote. */
export function voteInWords(vote: ToTrinhNominee["vote"]): string {
  return vote ? `${vote.for}/${vote.ballots} phiếu đồng ý` : "—";
}

const cell = {
  paddingVertical: 2,
  paddingHorizontal: 3,
  borderRightWidth: 0.5,
  borderRightColor: "#666",
} as const;
const centered = { ...cell, textAlign: "center" } as const;
const last = { borderRightWidth: 0 } as const;

interface Column<Row> {
  label: string;
  width: string;
  value: (row: Row, index: number) => string;
  align?: "center";
  bold?: boolean;
}

function Table<Row>({
  rows,
  columns,
  fontSize,
  rowKey,
}: {
  rows: Row[];
  columns: Column<Row>[];
  fontSize: number;
  rowKey: (row: Row) => string;
}) {
  return (
    <View style={{ borderWidth: 0.5, borderColor: "#666", fontSize, marginVertical: 4 }}>
      <View style={{ flexDirection: "row", backgroundColor: "#eee", fontWeight: 700 }} wrap={false} fixed>
        {columns.map((column, index) => (
          <Text
            key={column.label}
            style={{ ...centered, width: column.width, ...(index === columns.length - 1 ? last : {}) }}
          >
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row, rowIndex) => (
        <View
          key={rowKey(row)}
          style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: "#666" }}
          wrap={false}
        >
          {columns.map((column, index) => (
            <Text
              key={column.label}
              style={{
                ...(column.align ? centered : cell),
                width: column.width,
                fontWeight: column.bold ? 700 : 400,
                ...(index === columns.length - 1 ? last : {}),
              }}
            >
              {column.value(row, rowIndex)}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

const NOMINEE_COLUMNS: Column<ToTrinhNominee>[] = [
  { label: "STT", width: "7%", value: (_row, index) => String(index + 1), align: "center" },
  { label: "Tên đơn vị", width: "37%", value: (row) => row.agency.name },
  { label: "Xếp hạng", width: "10%", value: (row) => String(row.rank), align: "center" },
  { label: "Tổng điểm", width: "12%", value: (row) => formatX100(row.totalX100), align: "center" },
  { label: "Xếp loại", width: "14%", value: (row) => row.classification ?? "—", align: "center" },
  { label: "Kết quả bỏ phiếu", width: "20%", value: (row) => voteInWords(row.vote), align: "center" },
];

/** "1 tập thể" / "12 tập thể". */
const collectives = (count: number) => `${count} tập thể`;

export function ToTrinhDocument({ doc, stamp }: { doc: ToTrinh; stamp: PrintStamp }) {
  const line = { ...officialStyles.paragraph, marginBottom: 3 };
  const basis = [
    ...lawsInForce(doc.date),
    ...(doc.basis.pledge
      ? [
          `Căn cứ Bản giao ước thi đua năm ${doc.year} của ${doc.bloc.name} (phiên bản số ${doc.basis.pledge.number}${doc.basis.pledge.openedAt ? `, mở ký ${longDate(doc.basis.pledge.openedAt)}` : ""}; ${doc.basis.pledge.signed}/${doc.basis.pledge.members} cơ quan thành viên đã ký)`,
        ]
      : []),
    ...(doc.basis.ranking
      ? [
          `Căn cứ kết quả chấm điểm, xếp hạng thi đua năm ${doc.year} của ${doc.bloc.name} công bố ${longDate(doc.basis.ranking.publishedAt)}`,
        ]
      : []),
    ...(doc.basis.minutes
      ? [
          `Căn cứ Biên bản họp bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm ${doc.year} của ${doc.bloc.name} ${longDate(doc.basis.minutes.date)}`,
        ]
      : []),
  ];
  const person = doc.leader?.person ?? null;
  return (
    <Document
      title={`Tờ trình đề nghị khen thưởng năm ${doc.year}`}
      author={doc.bloc.name}
      subject="Tờ trình đề nghị khen thưởng"
      language="vi"
    >
      <OfficialPage stamp={stamp} label={`Tờ trình đề nghị khen thưởng năm ${doc.year}`}>
        <OfficialHeader
          issuer={doc.bloc.name}
          issuerNote={doc.leader ? `(Khối trưởng: ${doc.leader.agencyName})` : undefined}
          identifier="Số:      /TTr-KTĐ"
          place={doc.bloc.place}
          date={doc.date}
        />
        <Text style={officialStyles.docType}>Tờ trình</Text>
        <Text style={officialStyles.docTitle}>Về việc đề nghị khen thưởng năm {doc.year}</Text>
        <Text style={{ textAlign: "center", marginBottom: 10 }}>Kính gửi: {BOARD}.</Text>

        {basis.map((text, index) => (
          <Text key={text} style={{ ...line, fontStyle: "italic" }}>
            {text}
            {index === basis.length - 1 ? "," : ";"}
          </Text>
        ))}
        <Text style={line}>
          {doc.bloc.name} kính đề nghị {BOARD} xem xét, khen thưởng năm {doc.year} cho{" "}
          {collectives(doc.total)} có thành tích xuất sắc trong phong trào thi đua, cụ thể như sau:
        </Text>

        {doc.awards.length === 0 ? <Text style={line}>(Không có đề nghị khen thưởng.)</Text> : null}
        {doc.awards.map((award, index) => (
          <View key={award.code} style={{ marginTop: 4 }}>
            <Text style={{ fontWeight: 700, marginBottom: 2 }} minPresenceAhead={90}>
              {index + 1}. {award.name}: {collectives(award.nominees.length)}
            </Text>
            <Table
              rows={award.nominees}
              columns={NOMINEE_COLUMNS}
              fontSize={10.5}
              rowKey={(row) => row.agency.code}
            />
            <Text style={{ ...line, fontStyle: "italic" }}>
              Tổng số đề nghị {award.name}: {collectives(award.nominees.length)}.
            </Text>
          </View>
        ))}
        <Text style={{ ...line, fontWeight: 700, marginTop: 4 }}>Tổng cộng: {collectives(doc.total)}.</Text>
        <Text style={line}>
          (Hồ sơ kèm theo: Bảng tổng hợp kết quả chấm điểm, xếp hạng; Biên bản họp bình xét, suy tôn; Bản giao
          ước thi đua đã ký; báo cáo thành tích của các tập thể được đề nghị.)
        </Text>
        <Text style={line}>
          {doc.bloc.name} kính trình {BOARD} xem xét, quyết định./.
        </Text>

        <View style={{ flexDirection: "row", marginTop: 12 }} wrap={false}>
          <View style={{ width: "45%", fontSize: 11 }}>
            <Text style={{ fontWeight: 700, fontStyle: "italic", fontSize: 12 }}>Nơi nhận:</Text>
            <Text>- Như trên;</Text>
            <Text>- Ban Thi đua – Khen thưởng tỉnh;</Text>
            <Text>- Các cơ quan thành viên Khối;</Text>
            <Text>- Lưu: VT, Khối.</Text>
          </View>
          <View style={{ width: "55%", alignItems: "center", textAlign: "center" }}>
            <Text style={{ fontWeight: 700 }}>TM. KHỐI THI ĐUA</Text>
            <Text style={{ fontWeight: 700 }}>KHỐI TRƯỞNG</Text>
            {doc.leader ? (
              <Text style={{ fontSize: 11.5 }}>
                {[person?.title, doc.leader.agencyName].filter(Boolean).join(" ")}
              </Text>
            ) : null}
            <Text style={{ fontStyle: "italic", fontSize: 11 }}>(Ký, ghi rõ họ tên, đóng dấu)</Text>
            <Text style={{ fontWeight: 700, marginTop: 56 }}>{person?.name ?? ""}</Text>
          </View>
        </View>
        <VerificationBlock stamp={stamp} />
      </OfficialPage>
    </Document>
  );
}

type Entry = ScoreTable["entries"][number];

function scoreColumns(table: ScoreTable): Column<Entry>[] {
  // Group columns share what the fixed columns leave (100 − 6 − 26 − 9 − 7 − 10 = 42%).
  const codes =
    table.groups.length > 0
      ? table.groups.map((group) => group.code)
      : [...new Set(table.entries.flatMap((entry) => entry.groups.map((group) => group.code)))];
  const titleOf = new Map(table.groups.map((group) => [group.code, group]));
  const width = `${(42 / Math.max(codes.length, 1)).toFixed(2)}%`;
  return [
    { label: "STT", width: "6%", value: (_row, index) => String(index + 1), align: "center" },
    { label: "Đơn vị", width: codes.length > 0 ? "26%" : "68%", value: (row) => row.agency.name },
    ...codes.map((code) => {
      const group = titleOf.get(code);
      return {
        label: group
          ? `${code}. ${group.title} (${group.kind === "DEDUCTION" ? "trừ tối đa" : "tối đa"} ${formatX100(group.maxX100)})`
          : code,
        width,
        align: "center" as const,
        value: (row: Entry) => {
          if (row.notScored) return "—";
          const points = row.groups.find((g) => g.code === code);
          if (!points) return "—";
          return formatSignedX100(points.x100, points.kind);
        },
      };
    }),
    // A member left out of the scoring ("không chấm") is printed as such, never as 0 points.
    {
      label: "Tổng điểm",
      width: "9%",
      value: (row) => (row.notScored ? "Chưa chấm" : formatX100(row.totalX100)),
      align: "center",
      bold: true,
    },
    { label: "Xếp hạng", width: "7%", value: (row) => String(row.rank), align: "center", bold: true },
    {
      label: "Xếp loại",
      width: "10%",
      value: (row) => (row.notScored ? `Không chấm: ${row.notScored}` : (row.classification?.label ?? "—")),
      align: "center",
    },
  ];
}

export function ScoreTableDocument({ table, stamp }: { table: ScoreTable; stamp: PrintStamp }) {
  return (
    <Document
      title={`Bảng tổng hợp điểm thi đua năm ${table.year}`}
      author={table.bloc.name}
      subject="Bảng tổng hợp kết quả chấm điểm, xếp hạng"
      language="vi"
    >
      <OfficialPage stamp={stamp} label={`Bảng tổng hợp điểm thi đua năm ${table.year}`} landscape>
        <View style={officialStyles.headerRow}>
          <View style={{ width: "45%", alignItems: "center", textAlign: "center" }}>
            <Text style={officialStyles.caps}>{table.bloc.name}</Text>
            <View style={officialStyles.rule} />
          </View>
          <View style={{ width: "55%", alignItems: "center", textAlign: "center" }}>
            <Text style={officialStyles.caps}>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</Text>
            <Text style={officialStyles.motto}>Độc lập - Tự do - Hạnh phúc</Text>
            <View style={officialStyles.rule} />
          </View>
        </View>
        <Text style={{ ...officialStyles.docType, marginTop: 10 }}>
          Bảng tổng hợp kết quả chấm điểm, xếp hạng thi đua năm {table.year}
        </Text>
        <Text style={{ textAlign: "center", fontStyle: "italic", marginBottom: 8 }}>
          (Kèm theo Tờ trình đề nghị khen thưởng năm {table.year} của {table.bloc.name}; kết quả công bố{" "}
          {longDate(table.publishedAt)})
        </Text>
        <Table
          rows={table.entries}
          columns={scoreColumns(table)}
          fontSize={9.5}
          rowKey={(row) => row.agency.code}
        />
        <Text style={{ fontSize: 11, marginTop: 4 }}>
          Tổng số: {table.entries.length} cơ quan thành viên.
        </Text>
        <Text style={{ fontSize: 11, fontStyle: "italic", textAlign: "right", marginTop: 6 }}>
          {placeAndDate(table.bloc.place, table.publishedAt)}
        </Text>
        <VerificationBlock stamp={stamp} />
      </OfficialPage>
    </Document>
  );
}
