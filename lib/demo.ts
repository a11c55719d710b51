// The demo bloc's accounts and names (demo mode): one module, imported by the seed (prisma/seed) and by
// the sign-in page, which lists the accounts. Pure data: no database, no server-only code.
// The real bloc behind this project (PRODUCT.md): Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định.
// People's names are fictional.

export const DEMO_PASSWORD = "ThiDua@2026";
export const DEMO_BLOC = {
  name: "Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định",
  shortName: "Khối các cơ quan Đảng",
  description: "Khối thi đua gồm 10 cơ quan tham mưu, giúp việc và đơn vị sự nghiệp của Tỉnh ủy Nam Định.",
  place: "Nam Định",
};

export interface DemoAgency {
  code: string;
  name: string;
  shortName: string;
  leader: { name: string; title: string };
  staff: { name: string; title: string };
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: "btc",
    name: "Ban Tổ chức Tỉnh ủy",
    shortName: "Ban Tổ chức",
    leader: { name: "Nguyễn Văn An", title: "Trưởng ban" },
    staff: { name: "Trần Thị Bích", title: "Chuyên viên" },
  },
  {
    code: "ubkt",
    name: "Ủy ban Kiểm tra Tỉnh ủy",
    shortName: "Ủy ban Kiểm tra",
    leader: { name: "Lê Minh Cường", title: "Chủ nhiệm" },
    staff: { name: "Phạm Thu Dung", title: "Kiểm tra viên" },
  },
  {
    code: "bnc",
    name: "Ban Nội chính Tỉnh ủy",
    shortName: "Ban Nội chính",
    leader: { name: "Hoàng Đức Em", title: "Trưởng ban" },
    staff: { name: "Vũ Thị Giang", title: "Chuyên viên" },
  },
  {
    code: "btg",
    name: "Ban Tuyên giáo Tỉnh ủy",
    shortName: "Ban Tuyên giáo",
    leader: { name: "Đặng Thị Hà", title: "Trưởng ban" },
    staff: { name: "Bùi Văn Hùng", title: "Chuyên viên" },
  },
  {
    code: "bdv",
    name: "Ban Dân vận Tỉnh ủy",
    shortName: "Ban Dân vận",
    leader: { name: "Đỗ Quang Khải", title: "Trưởng ban" },
    staff: { name: "Ngô Thị Lan", title: "Chuyên viên" },
  },
  {
    code: "bao",
    name: "Báo Nam Định",
    shortName: "Báo Nam Định",
    leader: { name: "Dương Văn Long", title: "Tổng Biên tập" },
    staff: { name: "Lý Thị Mai", title: "Phóng viên" },
  },
  {
    code: "vptu",
    name: "Văn phòng Tỉnh ủy",
    shortName: "Văn phòng Tỉnh ủy",
    leader: { name: "Phan Thanh Nam", title: "Chánh Văn phòng" },
    staff: { name: "Trịnh Thị Oanh", title: "Chuyên viên" },
  },
  {
    code: "tct",
    name: "Trường Chính trị Trường Chinh",
    shortName: "Trường Chính trị",
    leader: { name: "Vương Đình Phúc", title: "Hiệu trưởng" },
    staff: { name: "Mai Thị Quỳnh", title: "Giảng viên" },
  },
  {
    code: "dukcq",
    name: "Đảng ủy Khối các Cơ quan và Doanh nghiệp tỉnh",
    shortName: "Đảng ủy Khối CQ&DN",
    leader: { name: "Tạ Văn Sơn", title: "Bí thư Đảng ủy Khối" },
    staff: { name: "Cao Thị Tâm", title: "Chuyên viên" },
  },
  {
    code: "bbvsk",
    name: "Ban Bảo vệ chăm sóc sức khỏe cán bộ tỉnh",
    shortName: "Ban BVCSSK cán bộ",
    leader: { name: "Hồ Minh Tuấn", title: "Trưởng ban" },
    staff: { name: "Kiều Thị Uyên", title: "Chuyên viên" },
  },
];

/** Thư ký khối: staff of the leader agency of 2021 (btg) and of 2022 (bdv). */
export const DEMO_SECRETARIES = [
  {
    email: "thuky.btg@khoithidua.local",
    agencyCode: "btg",
    name: "Lưu Thị Vân",
    title: "Chuyên viên, Thư ký Khối năm 2021",
  },
  {
    email: "thuky.bdv@khoithidua.local",
    agencyCode: "bdv",
    name: "Quách Văn Xuân",
    title: "Chuyên viên, Thư ký Khối năm 2022",
  },
];

export const DEMO_ADMIN = {
  email: "admin@khoithidua.local",
  name: "Quản trị hệ thống",
  title: "Ban Thi đua – Khen thưởng tỉnh",
};
export const DEMO_BOARD = {
  email: "board@khoithidua.local",
  name: "Chuyên viên Ban Thi đua – Khen thưởng",
  title: "Chuyên viên",
};

export const leaderEmail = (code: string) => `lanhdao.${code}@khoithidua.local`;
export const staffEmail = (code: string) => `canbo.${code}@khoithidua.local`;

/** Every demo account, in the order of the README table. */
export function demoAccountEmails(): string[] {
  return [
    DEMO_ADMIN.email,
    DEMO_BOARD.email,
    ...DEMO_SECRETARIES.map((s) => s.email),
    ...DEMO_AGENCIES.flatMap((a) => [leaderEmail(a.code), staffEmail(a.code)]),
  ];
}
