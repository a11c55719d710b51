import { Document, Text, View } from "@react-pdf/renderer";
import { formatNumber } from "@/lib/format";
import type { MinutesPerson, MinutesSession, VoteMinutes } from "@/lib/votes/minutes";
import type { CandidateResult, Fraction, Post } from "@/lib/votes/tally";
import type { PrintStamp } from "./jobs";
import { OfficialHeader, OfficialPage, VerificationBlock, longDate, officialStyles } from "./official";

// Biên bản họp bình xét, suy tôn in the layout of Nghị định 30/2020/NĐ-CP: the counts of each closed
// session as stored when it closed, never anything of a single ballot.

const POST_NAMES: Record<Post, string> = { LEADER: "Khối trưởng", DEPUTY: "Khối phó" };

/** "14 giờ 05 phút" in Asia/Ho_Chi_Minh. */
function clock(date: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Asia/Ho_Chi_Minh",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.hour} giờ ${parts.minute} phút`;
}

const fraction = (f: Fraction) => `${f.numerator}/${f.denominator}`;

/** "ít nhất 2/3 tổng số thành viên (7/10 thành viên)". */
export function quorumInWords(session: MinutesSession): string {
  const { results, rules } = session;
  return `ít nhất ${fraction(rules.quorum)} tổng số thành viên (${results.quorumRequired}/${results.rollSize} thành viên)`;
}

/** "trên 1/2 tổng số thành viên (ít nhất 6 phiếu)", or "... số phiếu bầu". */
export function thresholdInWords(session: MinutesSession): string {
  const { results, rules } = session;
  const base = rules.passBase === "MEMBERS" ? "tổng số thành viên" : "số phiếu bầu";
  return `${rules.passStrictlyAbove ? "trên" : "từ"} ${fraction(rules.pass)} ${base}${rules.passStrictlyAbove ? "" : " trở lên"} (ít nhất ${results.passRequired} phiếu)`;
}

export function methodInWords(session: MinutesSession): string {
  if (session.method === "ELECTION")
    return "mỗi phiếu chọn một cơ quan cho chức danh Khối trưởng và một cơ quan khác cho chức danh Khối phó (có thể để trống)";
  if (session.method === "PICK_UP_TO_QUOTA")
    return `mỗi phiếu chọn tối đa ${session.rules.quota ?? session.candidates.length} đơn vị trong danh sách`;
  return "mỗi phiếu ghi đồng ý, không đồng ý hoặc không biểu quyết đối với từng đơn vị trong danh sách";
}

export function outcomeOf(row: Pick<CandidateResult, "passed" | "tied">, election: boolean): string {
  if (row.tied) return "Bằng phiếu – cần bỏ phiếu lại";
  if (row.passed) return election ? "Trúng cử" : "Đạt";
  return election ? "Không trúng cử" : "Không đạt";
}

const percent = (count: number, base: number) => (base > 0 ? `${formatNumber((count * 100) / base)}%` : "—");

const cell = {
  paddingVertical: 2,
  paddingHorizontal: 3,
  borderRightWidth: 0.5,
  borderRightColor: "#666",
} as const;
const number = { ...cell, textAlign: "center" } as const;

interface Column {
  label: string;
  width: string;
  value: (row: CandidateResult, index: number) => string;
  align?: "center";
}

function ResultTable({ rows, columns }: { rows: CandidateResult[]; columns: Column[] }) {
  return (
    <View style={{ borderWidth: 0.5, borderColor: "#666", fontSize: 10.5, marginVertical: 4 }}>
      <View style={{ flexDirection: "row", backgroundColor: "#eee", fontWeight: 700 }} wrap={false}>
        {columns.map((column, index) => (
          <Text
            key={column.label}
            style={{
              ...number,
              width: column.width,
              ...(index === columns.length - 1 ? { borderRightWidth: 0 } : {}),
            }}
          >
            {column.label}
          </Text>
        ))}
      </View>
      {rows.map((row, rowIndex) => (
        <View
          key={`${row.post ?? ""}${row.code}`}
          style={{ flexDirection: "row", borderTopWidth: 0.5, borderTopColor: "#666" }}
          wrap={false}
        >
          {columns.map((column, index) => (
            <Text
              key={column.label}
              style={{
                ...(column.align ? number : cell),
                width: column.width,
                ...(index === columns.length - 1 ? { borderRightWidth: 0 } : {}),
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

function approvalColumns(session: MinutesSession): Column[] {
  const base = session.results.passBase;
  const pick = session.method === "PICK_UP_TO_QUOTA";
  return [
    { label: "STT", width: "7%", value: (_row, index) => String(index + 1), align: "center" },
    { label: "Đơn vị", width: pick ? "39%" : "31%", value: (row) => row.name },
    { label: pick ? "Được chọn" : "Đồng ý", width: "11%", value: (row) => String(row.for), align: "center" },
    {
      label: pick ? "Không chọn" : "Không đồng ý",
      width: "12%",
      value: (row) => String(row.against),
      align: "center",
    },
    ...(pick
      ? []
      : [
          {
            label: "Không biểu quyết",
            width: "12%",
            value: (row: CandidateResult) => String(row.abstain),
            align: "center" as const,
          },
        ]),
    { label: "Tỷ lệ", width: "10%", value: (row) => percent(row.for, base), align: "center" },
    { label: "Kết quả", width: "21%", value: (row) => outcomeOf(row, false), align: "center" },
  ];
}

function electionColumns(session: MinutesSession): Column[] {
  const base = session.results.passBase;
  return [
    { label: "STT", width: "7%", value: (_row, index) => String(index + 1), align: "center" },
    { label: "Cơ quan", width: "45%", value: (row) => row.name },
    { label: "Số phiếu", width: "12%", value: (row) => String(row.for), align: "center" },
    { label: "Tỷ lệ", width: "12%", value: (row) => percent(row.for, base), align: "center" },
    { label: "Kết quả", width: "24%", value: (row) => outcomeOf(row, true), align: "center" },
  ];
}

const names = (rows: { name: string }[]) => rows.map((row) => row.name).join("; ");

function SessionSection({
  session,
  number: index,
  year,
}: {
  session: MinutesSession;
  number: number;
  year: number;
}) {
  const { results } = session;
  const election = session.method === "ELECTION";
  const line = { ...officialStyles.paragraph, marginBottom: 2 };
  const passed = results.candidates.filter((row) => row.passed);
  const tied = results.candidates.filter((row) => row.tied);
  return (
    <View style={{ marginTop: 6 }}>
      <Text style={{ fontWeight: 700, marginBottom: 2 }} minPresenceAhead={60}>
        {index}. {session.title}
      </Text>
      <Text style={line}>- Hình thức: bỏ phiếu kín trực tuyến; {methodInWords(session)}.</Text>
      <Text style={line}>- Phiên hợp lệ khi có {quorumInWords(session)} bỏ phiếu.</Text>
      <Text style={line}>
        - {election ? "Cơ quan trúng cử khi được" : "Đơn vị đạt khi được"} {thresholdInWords(session)}{" "}
        {election ? "bầu" : "đồng ý"}
        {!election
          ? `; số lượng tối đa: ${session.rules.quota === null ? "không giới hạn" : `${session.rules.quota} đơn vị`}`
          : ""}
        .
      </Text>
      <Text style={line}>
        - Số phiếu bầu: {results.ballots}/{results.rollSize} thành viên;{" "}
        {results.quorumMet
          ? "đủ số thành viên tham gia theo quy định."
          : `không đủ số thành viên tham gia theo quy định (cần ${results.quorumRequired}): phiên không có kết quả.`}
      </Text>
      {election ? (
        (["LEADER", "DEPUTY"] as const).map((post) => {
          const rows = results.candidates
            .filter((row) => row.post === post)
            .sort((a, b) => b.for - a.for || a.name.localeCompare(b.name, "vi"));
          const blank = rows[0]?.abstain ?? 0;
          return (
            <View key={post}>
              <Text style={{ ...line, fontStyle: "italic", marginTop: 4 }}>
                Bầu {POST_NAMES[post]} năm {year + 1} (phiếu để trống: {blank}):
              </Text>
              <ResultTable rows={rows.filter((row) => row.for > 0)} columns={electionColumns(session)} />
            </View>
          );
        })
      ) : (
        <ResultTable rows={results.candidates} columns={approvalColumns(session)} />
      )}
      <Text style={{ ...line, fontWeight: 700, marginTop: 3 }}>Kết quả:</Text>
      {election ? (
        (["LEADER", "DEPUTY"] as const).map((post) => {
          const agencyId = results.elected?.[post] ?? null;
          const winner = session.candidates.find((candidate) => candidate.agencyId === agencyId);
          const postTied = results.candidates.filter((row) => row.post === post && row.tied);
          return (
            <Text key={post} style={line}>
              - {POST_NAMES[post]} năm {year + 1}:{" "}
              {winner
                ? winner.name
                : postTied.length > 0
                  ? `chưa bầu được (bằng phiếu – cần bỏ phiếu lại: ${names(postTied)})`
                  : "chưa bầu được (không có cơ quan đạt số phiếu quy định)"}
              .
            </Text>
          );
        })
      ) : (
        <>
          <Text style={line}>
            - Đề nghị {session.awardName ?? session.awardCode ?? ""}:{" "}
            {passed.length > 0 ? `${names(passed)} (${passed.length} đơn vị)` : "không có đơn vị đạt"}.
          </Text>
          {tied.length > 0 ? <Text style={line}>- Bằng phiếu – cần bỏ phiếu lại: {names(tied)}.</Text> : null}
        </>
      )}
    </View>
  );
}

function personLine(person: MinutesPerson | null, fallbackAgency: string | null): string {
  if (!person) return fallbackAgency ? `(chưa có tài khoản) – ${fallbackAgency}` : "—";
  return [person.name, person.title, person.agencyName ?? fallbackAgency].filter(Boolean).join(", ");
}

/** THƯ KÝ on the left, CHỦ TRÌ on the right: row by row, so that both names stand on one line. */
function SignatureBlocks({
  secretary,
  chair,
}: {
  secretary: MinutesPerson | null;
  chair: VoteMinutes["chair"];
}) {
  const blocks = [
    { role: "Thư ký", person: secretary, agencyName: secretary?.agencyName ?? null },
    { role: "Chủ trì", person: chair?.person ?? null, agencyName: chair?.agencyName ?? null },
  ];
  const row = (
    key: string,
    render: (block: (typeof blocks)[number]) => string,
    style: Record<string, string | number>,
  ) => (
    <View key={key} style={{ flexDirection: "row" }}>
      {blocks.map((block) => (
        <Text key={block.role} style={{ width: "50%", textAlign: "center", paddingHorizontal: 4, ...style }}>
          {render(block)}
        </Text>
      ))}
    </View>
  );
  return (
    <View style={{ marginTop: 10 }} wrap={false}>
      {row("role", (block) => block.role, { fontWeight: 700, textTransform: "uppercase" })}
      {row("title", (block) => [block.person?.title, block.agencyName].filter(Boolean).join(" – "), {
        fontSize: 11.5,
      })}
      {row("hint", () => "(Ký, ghi rõ họ tên)", { fontStyle: "italic", fontSize: 11 })}
      {row("name", (block) => block.person?.name ?? "", { fontWeight: 700, marginTop: 56 })}
    </View>
  );
}

export function MinutesDocument({ minutes, stamp }: { minutes: VoteMinutes; stamp: PrintStamp }) {
  const present = minutes.members.filter((member) => member.present);
  const absent = minutes.members.filter((member) => !member.present);
  const sameDay = longDate(minutes.startedAt) === longDate(minutes.date);
  const line = { ...officialStyles.paragraph, marginBottom: 3 };
  return (
    <Document
      title={`Biên bản họp bình xét, suy tôn năm ${minutes.year}`}
      author={minutes.bloc.name}
      subject="Biên bản họp bình xét, suy tôn"
      language="vi"
    >
      <OfficialPage stamp={stamp} label={`Biên bản họp bình xét, suy tôn năm ${minutes.year}`}>
        <OfficialHeader
          issuer={minutes.bloc.name}
          identifier="Số:      /BB-KTĐ"
          place={minutes.bloc.place}
          date={minutes.date}
        />
        <Text style={officialStyles.docType}>Biên bản</Text>
        <Text style={{ ...officialStyles.docTitle, marginBottom: 0 }}>
          Họp bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm {minutes.year}
        </Text>
        <Text style={officialStyles.docTitle}>của {minutes.bloc.name}</Text>

        <Text style={line}>
          Vào hồi {clock(minutes.startedAt)} {longDate(minutes.startedAt)}
          {minutes.bloc.place ? `, tại ${minutes.bloc.place}` : ""}, {minutes.bloc.name} tổ chức họp bình xét,
          suy tôn danh hiệu thi đua, hình thức khen thưởng năm {minutes.year}; việc biểu quyết được thực hiện
          bằng phiếu kín trên hệ thống phần mềm của Khối.
        </Text>
        <Text style={officialStyles.heading}>I. Thành phần</Text>
        <Text style={line}>
          - Chủ trì:{" "}
          {minutes.chair
            ? `${personLine(minutes.chair.person, minutes.chair.agencyName)} (Khối trưởng)`
            : "—"}
          .
        </Text>
        <Text style={line}>- Thư ký: {personLine(minutes.secretary, null)}.</Text>
        <Text style={line}>
          - Thành viên có mặt: {present.length}/{minutes.members.length} cơ quan thành viên:{" "}
          {present.length > 0 ? names(present) : "không có"}.
        </Text>
        <Text style={line}>
          - Vắng mặt: {absent.length > 0 ? `${absent.length} cơ quan: ${names(absent)}` : "không"}.
        </Text>

        <Text style={officialStyles.heading}>II. Nội dung và kết quả bỏ phiếu</Text>
        {minutes.sessions.map((session, index) => (
          <SessionSection key={session.id} session={session} number={index + 1} year={minutes.year} />
        ))}

        <Text style={{ ...line, marginTop: 10 }} minPresenceAhead={140}>
          Biên bản được lập xong lúc {clock(minutes.date)} {sameDay ? "cùng ngày" : longDate(minutes.date)},
          đã thông qua tại cuộc họp.
        </Text>
        <SignatureBlocks secretary={minutes.secretary} chair={minutes.chair} />
        <VerificationBlock stamp={stamp} />
      </OfficialPage>
    </Document>
  );
}
