import type { PledgeContent } from "./schemas";

/** The first draft a secretariat starts from: the usual structure of a bloc's pledge, to be edited. */
export function pledgeTemplate(year: number, blocName: string): PledgeContent {
  return {
    title: `Giao ước thi đua năm ${year}`,
    preamble: `Thực hiện Luật Thi đua, khen thưởng năm 2022 và hướng dẫn của cấp trên về công tác thi đua, khen thưởng năm ${year}, các cơ quan thành viên ${blocName} thống nhất ký kết giao ước thi đua với các nội dung sau:`,
    goals:
      "- Thi đua hoàn thành xuất sắc nhiệm vụ chính trị được giao năm " +
      year +
      ".\n- Xây dựng cơ quan, đơn vị trong sạch, vững mạnh.",
    targets:
      "1. 100% cơ quan thành viên hoàn thành các chỉ tiêu, nhiệm vụ trọng tâm theo chương trình công tác năm.\n2. 100% cán bộ, đảng viên hoàn thành tốt nhiệm vụ trở lên.",
    movement:
      "Đẩy mạnh phong trào thi đua yêu nước, gắn với việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
    commitments:
      "Các cơ quan thành viên cam kết thực hiện đầy đủ các nội dung giao ước; định kỳ sơ kết, đánh giá kết quả thực hiện.",
    criteriaReference: `Bảng tiêu chí chấm điểm thi đua năm ${year} của Khối (kèm theo Giao ước này).`,
  };
}
