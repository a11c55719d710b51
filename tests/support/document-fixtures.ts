// One document of every kind the system prints, built from data that is hard on a PDF's text layer:
// every precomposed Vietnamese letter (each vowel with each tone, lower and upper case, and đ/Đ) in
// regular, bold, italic and bold italic, and long agency names and headings that wrap in narrow
// columns. Each comes with the strings the reader must get back exactly (document-text.test.ts, bench).
import type { DocumentKind, RenderJob } from "@/lib/documents/render/jobs";
import type { DecisionRecord } from "@/lib/nominations/decision-record";
import type { ScoreTable, ToTrinh } from "@/lib/nominations/documents";
import type { SignedDocument } from "@/lib/pledges/document";
import { parseSafeMarkdown } from "@/lib/pledges/markdown";
import type { SignatureRow } from "@/lib/pledges/signatures";
import type { RankingEntry } from "@/lib/ranking/compute";
import type { VoteMinutes } from "@/lib/votes/minutes";

const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

/** The 132 precomposed vowels with a tone mark or a modifier (66 lower case, 66 upper case), and đ, Đ. */
export const PRECOMPOSED_LETTERS: string[] = (() => {
  const lower = VOWELS.flatMap((vowel) => [
    vowel,
    ...TONES.map((tone) => (vowel + tone).normalize("NFC")),
  ]).filter((letter) => !/^[aeiouy]$/.test(letter));
  return [...lower, "đ", ...lower.map((letter) => letter.toUpperCase()), "Đ"];
})();

/**
 * The 134 precomposed letters as a paragraph, a word per vowel, lower then upper case, and nothing else:
 * a face that prints only this holds the accented glyphs but not their base letters, which is how one
 * document's font subset used to leave the next document without those base letters.
 */
export const LETTERS_PARAGRAPH = (() => {
  const words = VOWELS.map((vowel) =>
    [
      ...(/^[aeiouy]$/.test(vowel) ? [] : [vowel]),
      ...TONES.map((tone) => (vowel + tone).normalize("NFC")),
    ].join(""),
  );
  return `${words.join(" ")} đ ${words.map((word) => word.toUpperCase()).join(" ")} Đ`;
})();

/** Real names that wrap inside syllables when a PDF's text state is broken. */
export const LONG_NAMES = [
  "Ban Bảo vệ chăm sóc sức khỏe cán bộ tỉnh",
  "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
  "Trường Chính trị Trường Chinh",
  "Ủy ban Kiểm tra Tỉnh ủy",
  "Ban Tuyên giáo Tỉnh ủy",
  "Báo Nam Định",
  "Văn phòng Tỉnh ủy",
  "Ban Dân vận Tỉnh ủy",
];

const BLOC = { name: "Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định", place: "Nam Định" };
const YEAR_ID = "00000000-0000-4000-8000-000000002022";
const at = (iso: string) => new Date(iso);
const agency = (index: number) => ({
  id: `00000000-0000-4000-8000-0000000001${String(index).padStart(2, "0")}`,
  code: `a${index}`,
  name: LONG_NAMES[index]!,
});
const hex = (seed: number) =>
  Array.from({ length: 64 }, (_, i) => ((seed * 7 + i * 13) % 16).toString(16)).join("");

function signature(index: number): SignatureRow {
  const { id, code, name } = agency(index);
  return {
    id: `00000000-0000-4000-8000-0000000003${String(index).padStart(2, "0")}`,
    versionId: "00000000-0000-4000-8000-000000000400",
    agencyId: id,
    signerId: `00000000-0000-4000-8000-0000000005${String(index).padStart(2, "0")}`,
    agencyCode: code,
    agencyName: name,
    signerName: ["Nguyễn Thị Hường", "Trần Quốc Việt", "Phạm Đức Thắng", "Lê Thị Hồng Nhung"][index % 4]!,
    signerTitle: "Trưởng ban",
    documentSha256: hex(1),
    authMethod: "PASSWORD_REAUTH",
    authenticatedAt: at("2022-02-21T03:00:00Z"),
    ip: `10.0.0.${index + 1}`,
    userAgent: "Chromium",
    signedAt: at(`2022-02-21T0${3 + (index % 5)}:1${index % 10}:00Z`),
    sealKeyId: "k1",
    seal: hex(index + 2),
  };
}

const PLEDGE_BODY = {
  title: `Giao ước thi đua năm 2022 của ${BLOC.name}`,
  preamble: `Thực hiện Luật Thi đua, khen thưởng năm 2022, các cơ quan thành viên thống nhất ký kết giao ước thi đua. ${LETTERS_PARAGRAPH}`,
  goals: `- Thi đua hoàn thành **xuất sắc** nhiệm vụ chính trị năm 2022.\n- **${LETTERS_PARAGRAPH}**`,
  targets: `1. 100% cơ quan thành viên hoàn thành chỉ tiêu.\n2. *${LETTERS_PARAGRAPH}*`,
  movement: `***${LETTERS_PARAGRAPH}***`,
  commitments: `Các cơ quan thành viên cam kết thực hiện nghiêm túc các nội dung giao ước; ${LONG_NAMES.join(", ")}.`,
  criteriaReference: "Bảng tiêu chí chấm điểm thi đua năm 2022 của Khối (100 điểm, kèm theo Giao ước này).",
};

/** The pledge fixture, with some of its Markdown fields replaced. */
export function pledgeFixture(body: Partial<typeof PLEDGE_BODY> = {}): SignedDocument {
  const content = { ...PLEDGE_BODY, ...body };
  const members = LONG_NAMES.map((_, index) => ({
    code: agency(index).code,
    name: agency(index).name,
    signature: index < 6 ? signature(index) : null,
  }));
  return {
    bloc: BLOC,
    yearId: YEAR_ID,
    year: 2022,
    version: {
      id: "00000000-0000-4000-8000-000000000400",
      number: 2,
      status: "OPEN",
      content,
      rendered: {
        preamble: parseSafeMarkdown(content.preamble),
        goals: parseSafeMarkdown(content.goals),
        targets: parseSafeMarkdown(content.targets),
        movement: parseSafeMarkdown(content.movement),
        commitments: parseSafeMarkdown(content.commitments),
      },
      sha256: hex(1),
      openedAt: "2022-02-21T02:00:00.000Z",
      supersededAt: null,
      revision: 3,
      updatedAt: "2022-02-21T02:00:00.000Z",
    },
    members: [...members].sort((a, b) => a.name.localeCompare(b.name, "vi")),
    verificationUrl: "http://localhost:3000/verify/pledge/00000000-0000-4000-8000-000000000400",
  };
}

function minutes(): VoteMinutes {
  const roll = LONG_NAMES.map((_, index) => agency(index));
  const candidates = roll.slice(0, 4).map(({ id, code, name }) => ({ agencyId: id, code, name }));
  const rules = {
    quorum: { numerator: 2, denominator: 3 },
    pass: { numerator: 1, denominator: 2 },
    passStrictlyAbove: true,
    passBase: "MEMBERS" as const,
    quota: 3,
  };
  return {
    bloc: BLOC,
    yearId: YEAR_ID,
    year: 2022,
    startedAt: at("2023-01-10T01:30:00Z"),
    date: at("2023-01-10T04:05:00Z"),
    members: roll.map((member, index) => ({ code: member.code, name: member.name, present: index !== 7 })),
    chair: {
      agencyName: LONG_NAMES[7]!,
      person: { name: "Trần Thị Thu Hương", title: "Trưởng ban", agencyName: LONG_NAMES[7]! },
    },
    secretary: { name: "Đỗ Văn Thường", title: "Chuyên viên", agencyName: LONG_NAMES[7]! },
    sessions: [
      {
        id: "00000000-0000-4000-8000-000000000601",
        title: `Bình xét, suy tôn Cờ thi đua của Ủy ban nhân dân tỉnh năm 2022 (${LETTERS_PARAGRAPH})`,
        kind: "AWARD_PROPOSAL",
        method: "APPROVAL",
        awardCode: "PROVINCIAL_FLAG",
        awardName: "Cờ thi đua của Ủy ban nhân dân tỉnh",
        rules,
        opensAt: at("2023-01-10T01:30:00Z"),
        closedAt: at("2023-01-10T02:30:00Z"),
        candidates,
        results: {
          rollSize: 8,
          ballots: 7,
          quorumRequired: 6,
          quorumMet: true,
          passBase: 8,
          passRequired: 5,
          candidates: candidates.map((candidate, index) => ({
            ...candidate,
            post: null,
            for: 7 - index,
            against: index,
            abstain: 0,
            passed: 7 - index >= 5,
            tied: false,
          })),
          elected: null,
          hasTies: false,
        },
      },
    ],
  };
}

const AWARDS = [
  { code: "GOV_FLAG", name: "Cờ thi đua của Chính phủ" },
  { code: "PROVINCIAL_FLAG", name: "Cờ thi đua của Ủy ban nhân dân tỉnh" },
  { code: "PROVINCIAL_MERIT", name: `Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh (${LETTERS_PARAGRAPH})` },
];

function toTrinh(): ToTrinh {
  return {
    yearId: YEAR_ID,
    year: 2022,
    bloc: BLOC,
    date: at("2023-01-12T02:00:00Z"),
    leader: { agencyName: LONG_NAMES[7]!, person: { name: "Trần Thị Thu Hương", title: "Trưởng ban" } },
    basis: {
      pledge: { number: 2, openedAt: at("2022-02-21T02:00:00Z"), signed: 8, members: 8 },
      ranking: { publishedAt: at("2023-01-05T02:00:00Z") },
      minutes: { date: at("2023-01-10T04:05:00Z") },
    },
    awards: AWARDS.map((award, awardIndex) => ({
      ...award,
      nominees: LONG_NAMES.map((_, index) => index)
        .filter((index) => index % 3 === awardIndex)
        .map((index) => ({
          agency: { code: agency(index).code, name: agency(index).name },
          rank: index + 1,
          totalX100: 9850 - index * 125,
          classification: "Xuất sắc",
          vote: { for: 7, ballots: 8 },
          status: "SUBMITTED" as const,
        })),
    })),
    total: LONG_NAMES.length,
  };
}

function scoreTable(): ScoreTable {
  const groups = [
    { code: "I", title: "Thực hiện nhiệm vụ chính trị được giao", kind: "BASE", maxX100: 4000 },
    { code: "II", title: "Công tác xây dựng Đảng, chăm lo đời sống cán bộ", kind: "BASE", maxX100: 3000 },
    { code: "III", title: `Điểm thưởng (${LETTERS_PARAGRAPH.slice(0, 40)})`, kind: "BONUS", maxX100: 500 },
    { code: "IV", title: "Điểm trừ", kind: "DEDUCTION", maxX100: 500 },
  ];
  const entries: RankingEntry[] = LONG_NAMES.map((_, index) => ({
    rank: index + 1,
    tied: false,
    agency: agency(index),
    baseX100: 6900 - index * 100,
    bonusX100: 300,
    deductionX100: index % 2 ? 50 : 0,
    totalX100: 7200 - index * 100 - (index % 2 ? 50 : 0),
    firstGroupBaseX100: 3900 - index * 50,
    classification: { code: "XUAT_SAC", label: index < 3 ? "Xuất sắc" : "Tốt" },
    groups: [
      { code: "I", kind: "BASE", x100: 3900 - index * 50 },
      { code: "II", kind: "BASE", x100: 3000 - index * 50 },
      { code: "III", kind: "BONUS", x100: 300 },
      { code: "IV", kind: "DEDUCTION", x100: index % 2 ? 50 : 0 },
    ],
  }));
  return {
    yearId: YEAR_ID,
    year: 2022,
    bloc: BLOC,
    publishedAt: at("2023-01-05T02:00:00Z"),
    groups,
    entries,
  };
}

function decision(): DecisionRecord {
  return {
    id: "00000000-0000-4000-8000-000000000701",
    yearId: YEAR_ID,
    year: 2022,
    bloc: BLOC,
    number: "512/QĐ-UBND",
    signedOn: at("2023-02-25T00:00:00Z"),
    signerName: "Phạm Đình Nghị",
    signerTitle: "Chủ tịch Ủy ban nhân dân tỉnh",
    recordedAt: at("2023-02-27T03:00:00Z"),
    recordedBy: { name: "Hoàng Thị Duyên", title: "Chuyên viên Ban Thi đua – Khen thưởng" },
    awards: AWARDS.map((award, awardIndex) => ({
      ...award,
      agencies: LONG_NAMES.map((_, index) => index)
        .filter((index) => index % 3 === awardIndex)
        .map((index) => ({ code: agency(index).code, name: agency(index).name })),
    })),
    total: LONG_NAMES.length,
  };
}

export interface DocumentFixture {
  kind: DocumentKind;
  job: Omit<RenderJob, "stamp">;
  /** Strings the document prints that its text layer must give back exactly. */
  expected: string[];
}

const upper = (text: string) => text.toUpperCase();

/** One fixture per kind of document. */
export function documentFixtures(): DocumentFixture[] {
  const pledgeDoc = pledgeFixture();
  const signed = pledgeDoc.members.filter((member) => member.signature);
  const minutesDoc = minutes();
  const toTrinhDoc = toTrinh();
  const table = scoreTable();
  const record = decision();
  return [
    {
      kind: "PLEDGE",
      job: { kind: "PLEDGE", data: pledgeDoc },
      expected: [
        "BẢN GIAO ƯỚC THI ĐUA NĂM 2022",
        PLEDGE_BODY.title,
        // Regular (preamble), bold (goals), italic (targets), bold italic (movement).
        LETTERS_PARAGRAPH,
        `Thi đua hoàn thành xuất sắc nhiệm vụ chính trị năm 2022. - ${LETTERS_PARAGRAPH}`,
        `100% cơ quan thành viên hoàn thành chỉ tiêu. 2. ${LETTERS_PARAGRAPH}`,
        PLEDGE_BODY.commitments,
        ...pledgeDoc.members.map((member) => upper(member.name)),
        ...signed.map((member) => member.signature!.signerName),
        ...signed.map((member) => member.signature!.agencyName),
        "CHỨNG NHẬN CHỮ KÝ ĐIỆN TỬ",
      ],
    },
    {
      kind: "VOTE_MINUTES",
      job: { kind: "VOTE_MINUTES", data: minutesDoc },
      expected: [
        "BIÊN BẢN",
        `Họp bình xét, suy tôn danh hiệu thi đua, hình thức khen thưởng năm 2022`,
        `của ${BLOC.name}`,
        `1. ${minutesDoc.sessions[0]!.title}`,
        `Thành viên có mặt: 7/8 cơ quan thành viên: ${minutesDoc.members
          .filter((m) => m.present)
          .map((m) => m.name)
          .join("; ")}`,
        `Vắng mặt: 1 cơ quan: ${LONG_NAMES[7]}`,
        ...minutesDoc.sessions[0]!.candidates.map((candidate) => candidate.name),
      ],
    },
    {
      kind: "TO_TRINH",
      job: { kind: "TO_TRINH", data: toTrinhDoc },
      expected: [
        "TỜ TRÌNH",
        "Về việc đề nghị khen thưởng năm 2022",
        "Kính gửi: Hội đồng Thi đua – Khen thưởng tỉnh.",
        ...toTrinhDoc.awards.map(
          (award, index) => `${index + 1}. ${award.name}: ${award.nominees.length} tập thể`,
        ),
        `Tổng số đề nghị ${AWARDS[2]!.name}`,
        ...LONG_NAMES,
        "Tổng cộng: 8 tập thể.",
        // Bold italic, as the pledge's last paragraph.
        "Nơi nhận:",
      ],
    },
    {
      kind: "SCORE_TABLE",
      job: { kind: "SCORE_TABLE", data: table },
      expected: [
        "BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM, XẾP HẠNG THI ĐUA NĂM 2022",
        `(Kèm theo Tờ trình đề nghị khen thưởng năm 2022 của ${BLOC.name}`,
        ...LONG_NAMES,
        "Tổng số: 8 cơ quan thành viên.",
      ],
    },
    {
      kind: "AWARD_DECISION",
      job: { kind: "AWARD_DECISION", data: record },
      expected: [
        "THÔNG BÁO",
        "Kết quả khen thưởng năm 2022",
        `của ${BLOC.name}`,
        "Căn cứ Quyết định số 512/QĐ-UBND ngày 25 tháng 02 năm 2023 của Chủ tịch Ủy ban nhân dân tỉnh Phạm Đình Nghị về việc khen thưởng năm 2022;",
        ...record.awards.map(
          (award, index) => `${index + 1}. ${award.name}: ${award.agencies.length} tập thể`,
        ),
        ...LONG_NAMES,
        "Nơi nhận:",
      ],
    },
  ];
}
