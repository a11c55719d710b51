// The demo bloc's pledges: 2021 signed by all ten members (the year is closed), 2022 open for signing
// with four members signed, so a newcomer sees signing at work. Signatures are sealed with the real
// key; their method says they are demo data.
import type { Prisma } from "@/lib/db/client";
import { DEMO_AGENCIES, leaderEmail } from "./demo-data";
import { makePledgeSignature, makePledgeVersion } from "./factories";

const CONTENT = (year: number) => ({
  title: `Giao ước thi đua năm ${year} của Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy`,
  preamble:
    // The law in force when the bloc signed (Luật Thi đua, khen thưởng 2022 took effect in 2024).
    `Thực hiện Luật Thi đua, khen thưởng năm 2003 (sửa đổi, bổ sung năm 2013), Nghị định số 91/2017/NĐ-CP của Chính phủ và Kế hoạch công tác thi đua, khen thưởng năm ${year} của Tỉnh ủy, ` +
    "các cơ quan thành viên Khối thi đua các cơ quan Đảng thuộc Tỉnh ủy Nam Định thống nhất ký kết giao ước thi đua với những nội dung sau:",
  goals:
    `- Thi đua hoàn thành **xuất sắc** nhiệm vụ chính trị được Ban Chấp hành, Ban Thường vụ Tỉnh ủy giao năm ${year}.\n` +
    "- Nâng cao chất lượng tham mưu, giúp việc; xây dựng cơ quan trong sạch, vững mạnh.\n" +
    "- Phát hiện, bồi dưỡng, nhân rộng các điển hình tiên tiến.",
  targets:
    "1. 100% cơ quan thành viên hoàn thành các chỉ tiêu, nhiệm vụ trọng tâm theo chương trình công tác năm.\n" +
    "2. 100% tổ chức cơ sở đảng trong các cơ quan được xếp loại hoàn thành tốt nhiệm vụ trở lên.\n" +
    "3. Tỷ lệ văn bản điện tử, ký số trong điều hành đạt trên 90%.",
  movement:
    "Đẩy mạnh phong trào thi đua yêu nước gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; " +
    "thực hiện *Quy định nêu gương* của cán bộ, đảng viên; thi đua chuyển đổi số trong cơ quan Đảng.",
  commitments:
    "Các cơ quan thành viên cam kết thực hiện nghiêm túc, đầy đủ các nội dung giao ước; định kỳ sáu tháng, một năm sơ kết, tổng kết, " +
    "chấm điểm theo bảng tiêu chí và bình xét, suy tôn đúng quy định.",
  criteriaReference: `Bảng tiêu chí chấm điểm thi đua năm ${year} của Khối (100 điểm, kèm theo Giao ước này).`,
});

async function leaderId(tx: Prisma.TransactionClient, code: string): Promise<string> {
  return (await tx.user.findUniqueOrThrow({ where: { email: leaderEmail(code) }, select: { id: true } })).id;
}

const PLANS: Record<number, { openedAt: string; signers: string[] }> = {
  2021: { openedAt: "2021-02-22T02:00:00.000Z", signers: DEMO_AGENCIES.map((agency) => agency.code) },
  2022: { openedAt: "2022-03-01T02:00:00.000Z", signers: ["bdv", "btg", "vptu", "bao"] },
};

/**
 * The pledge of a demo year (2021 or 2022) with its signatures, unless the year has one. Returns the
 * version and when its last signature landed (the signed pledge is issued then).
 */
export async function seedDemoPledge(
  tx: Prisma.TransactionClient,
  year: number,
  yearId: string,
  createdById: string,
  sealKey: string,
): Promise<{ versionId: string; lastSignedAt: Date } | null> {
  const plan = PLANS[year]!;
  if (await tx.pledge.findUnique({ where: { yearId } })) return null;
  const version = await makePledgeVersion(tx, {
    yearId,
    createdById,
    content: CONTENT(year),
    openedAt: new Date(plan.openedAt),
  });
  let minute = 0;
  let lastSignedAt = new Date(plan.openedAt);
  for (const code of plan.signers) {
    minute += 23;
    lastSignedAt = new Date(new Date(plan.openedAt).getTime() + minute * 60_000);
    await makePledgeSignature(tx, {
      versionId: version.id,
      signerId: await leaderId(tx, code),
      sealKey,
      signedAt: lastSignedAt,
      authMethod: "DEMO_SEED",
      ip: null,
      userAgent: null,
    });
  }
  return { versionId: version.id, lastSignedAt };
}
