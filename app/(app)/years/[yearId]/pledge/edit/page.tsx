import type { Metadata } from "next";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PledgeEditor } from "@/components/pledges/pledge-editor";
import { Card, PageHeader } from "@/components/ui/card";
import { load, pageActor } from "@/lib/http/page";
import { getPledgeEditor } from "@/lib/pledges/pledges";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("pledge"))("editTitle") };
}

export default async function PledgeEditPage({ params }: { params: Promise<{ yearId: string }> }) {
  const { yearId } = await params;
  const actor = await pageActor();
  const editor = await load(() => getPledgeEditor(actor, yearId));
  const t = await getTranslations("pledge");
  return (
    <ClientMessages namespaces={["pledge"]}>
      <>
        <PageHeader
          title={t("editTitle")}
          description={`${editor.year.blocName} — ${editor.year.year}`}
          actions={
            <Link href={`/years/${yearId}/pledge`} className="text-sm font-semibold text-brand-700 underline">
              {t("backToPledge")}
            </Link>
          }
        />
        <Card>
          <PledgeEditor
            yearId={yearId}
            content={editor.content}
            revision={editor.draft?.revision ?? null}
            number={editor.nextNumber}
            openNumber={editor.openNumber}
          />
        </Card>
      </>
    </ClientMessages>
  );
}
