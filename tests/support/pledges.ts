// Helpers for the pledge tests: a year in the pledging phase with signed-in actors for its roles,
// pledge content, and reading back what the pledge code wrote.
import { db } from "@/lib/db";
import type { Phase } from "@/lib/generated/prisma/enums";
import type { PledgeContent } from "@/lib/pledges/schemas";
import {
  makeBlocWithYear,
  makePledgeSignature,
  makePledgeVersion,
  uniqueToken,
} from "@/prisma/seed/factories";
import { actorFor } from "./dal";

/** The key lib/pledges seals with in the integration tier (tests/integration/setup.ts). */
export const sealKey = () => process.env.SIGNATURE_SEAL_KEY!;

/** Pledge content with Markdown in it; `token` makes the title unique. */
export function pledgeContent(overrides: Partial<PledgeContent> = {}): PledgeContent {
  return {
    title: `Giao ước thi đua năm 2022 ${uniqueToken()}`,
    preamble: "Thực hiện **Luật Thi đua, khen thưởng** năm 2022, các cơ quan thành viên thống nhất:",
    goals: "- Hoàn thành *xuất sắc* nhiệm vụ\n- Xây dựng cơ quan vững mạnh",
    targets: "1. 100% chỉ tiêu\n2. Không có cán bộ vi phạm kỷ luật",
    movement: "Đẩy mạnh phong trào thi đua yêu nước.",
    commitments: "Cam kết thực hiện đầy đủ các nội dung giao ước.",
    criteriaReference: "Bảng tiêu chí chấm điểm năm 2022 (kèm theo).",
    ...overrides,
  };
}

/**
 * A bloc with one year in `phase` (PLEDGING by default), `memberCount` members (the first leads),
 * a leader and a staff account per member, the leader agency's secretariat, and their actors.
 */
export async function pledgingYear(options: { memberCount?: number; phase?: Phase } = {}) {
  const setup = await makeBlocWithYear(db, {
    phase: options.phase ?? "PLEDGING",
    memberCount: options.memberCount ?? 3,
  });
  const secretariat = await actorFor(setup.secretariat);
  const leaders = [];
  for (const leader of setup.leaders) leaders.push(await actorFor(leader));
  return { ...setup, secretariatActor: secretariat, leaderActors: leaders };
}

export type PledgingYear = Awaited<ReturnType<typeof pledgingYear>>;

/** Opens a version through the factory (as lib/pledges does) and has the leaders at `signers` sign it. */
export async function openWithSignatures(
  setup: PledgingYear,
  signers: number[] = [],
  content: Partial<PledgeContent> = {},
) {
  const version = await makePledgeVersion(db, {
    yearId: setup.year.id,
    createdById: setup.secretariat.id,
    content,
  });
  const signatures = [];
  for (const index of signers) {
    signatures.push(
      await makePledgeSignature(db, {
        versionId: version.id,
        signerId: setup.leaders[index]!.id,
        sealKey: sealKey(),
      }),
    );
  }
  return { version, signatures };
}

export function versionRow(id: string) {
  return db.pledgeVersion.findUniqueOrThrow({ where: { id } });
}

export function notificationsOf(userIds: string[]) {
  return db.notification.findMany({ where: { userId: { in: userIds } }, orderBy: { createdAt: "asc" } });
}
