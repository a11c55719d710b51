import { useTranslations } from "next-intl";
import type { Block } from "@/lib/pledges/markdown";
import type { PledgeContent } from "@/lib/pledges/schemas";
import { MarkdownView } from "./markdown-view";

export const PLEDGE_SECTIONS = ["goals", "targets", "movement", "commitments"] as const;

/** The text of a pledge version, in the order of the printed document. */
export function PledgeText({
  content,
  rendered,
}: {
  content: PledgeContent;
  rendered: Record<"preamble" | (typeof PLEDGE_SECTIONS)[number], Block[]>;
}) {
  const t = useTranslations("pledge");
  return (
    <article className="text-[15px] leading-relaxed text-slate-900">
      <h2 className="text-center text-lg font-bold">{content.title}</h2>
      <MarkdownView blocks={rendered.preamble} />
      {PLEDGE_SECTIONS.map((section, index) => (
        <section key={section}>
          <h3 className="mt-4 font-bold uppercase">
            {["I", "II", "III", "IV"][index]}. {t(`sections.${section}`)}
          </h3>
          <MarkdownView blocks={rendered[section]} />
        </section>
      ))}
      <h3 className="mt-4 font-bold uppercase">V. {t("sections.criteriaReference")}</h3>
      <p className="my-2">{content.criteriaReference}</p>
    </article>
  );
}
