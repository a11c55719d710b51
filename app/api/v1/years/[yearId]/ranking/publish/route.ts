import { apiRoute, withStatus } from "@/lib/http/api";
import { publishRanking } from "@/lib/ranking/ranking";

export const POST = apiRoute<{ yearId: string }>(async ({ actor, params }) => {
  const publication = await publishRanking(actor, params.yearId);
  return withStatus({ id: publication.id, entries: publication.entries.length }, 201);
});
