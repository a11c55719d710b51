import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import { Table, td, th } from "@/components/ui/table";
import type { ResultsDto } from "@/lib/votes/schemas";

type Row = ResultsDto["candidates"][number];

/** Kết quả of a closed session: counts per candidate, quorum, outcome, ties, and the receipt hashes. */
export function ResultsView({ results }: { results: ResultsDto }) {
  const t = useTranslations("votes.results");
  const num = "px-3 py-2 text-right tabular-nums";

  const outcome = (row: Row, election: boolean) =>
    row.tied ? (
      <Badge tone="amber">{t("tied")}</Badge>
    ) : row.passed ? (
      <Badge tone="green">{election ? t("elected") : t("passed")}</Badge>
    ) : (
      <Badge tone="slate">{election ? t("notElected") : t("failed")}</Badge>
    );

  return (
    <div className="space-y-4" data-testid="results">
      <ul className="space-y-1 text-sm">
        <li className="font-semibold" data-testid="results-ballots">
          {t("ballots", { ballots: results.ballots, roll: results.rollSize })}
        </li>
        <li
          data-testid="results-quorum"
          className={results.quorumMet ? "text-green-800" : "font-semibold text-red-700"}
        >
          {results.quorumMet
            ? t("quorumMet", { required: results.quorumRequired })
            : t("quorumNotMet", { required: results.quorumRequired })}
        </li>
        <li>{t("passRequired", { count: results.passRequired })}</li>
      </ul>
      {results.hasTies && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-900">
          {t("ties")}
        </p>
      )}

      {results.method === "ELECTION" ? (
        <>
          {results.elected && (
            <ul
              className="space-y-1 rounded-md bg-blue-50 px-3 py-2 text-sm font-semibold text-blue-900"
              data-testid="elected"
            >
              {(["LEADER", "DEPUTY"] as const).map((post) => (
                <li key={post}>
                  {results.elected![post]
                    ? t("electedLine", { post: t(`post.${post}`), agency: results.elected![post]!.name })
                    : t("noneElected", { post: t(`post.${post}`) })}
                </li>
              ))}
            </ul>
          )}
          {(["LEADER", "DEPUTY"] as const).map((post) => {
            const rows = results.candidates.filter((row) => row.post === post).sort((a, b) => b.for - a.for);
            return (
              <div key={post} className="space-y-2">
                <h3 className="font-semibold">{t(`post.${post}`)}</h3>
                <Table
                  caption={t(`post.${post}`)}
                  head={
                    <tr>
                      <th className={th}>{t("agency")}</th>
                      <th className={`${th} text-right`}>{t("votes")}</th>
                      <th className={th}>{t("outcome")}</th>
                    </tr>
                  }
                >
                  {rows.map((row) => (
                    <tr key={row.code} data-testid={`result-${post}-${row.code}`}>
                      <td className={td}>{row.name}</td>
                      <td className={num}>{row.for}</td>
                      <td className={td}>{row.for > 0 || row.tied ? outcome(row, true) : null}</td>
                    </tr>
                  ))}
                </Table>
                <p className="text-xs text-slate-600">
                  {t("blankBallots", { count: rows[0]?.abstain ?? 0 })}
                </p>
              </div>
            );
          })}
        </>
      ) : (
        <Table
          caption={t("title")}
          head={
            <tr>
              <th className={th}>{t("agency")}</th>
              <th className={`${th} text-right`}>{results.method === "APPROVAL" ? t("for") : t("picked")}</th>
              <th className={`${th} text-right`}>
                {results.method === "APPROVAL" ? t("against") : t("notPicked")}
              </th>
              {results.method === "APPROVAL" && <th className={`${th} text-right`}>{t("abstain")}</th>}
              <th className={th}>{t("outcome")}</th>
            </tr>
          }
        >
          {results.candidates.map((row) => (
            <tr key={row.code} data-testid={`result-${row.code}`}>
              <td className={td}>{row.name}</td>
              <td className={num} data-col="for">
                {row.for}
              </td>
              <td className={num} data-col="against">
                {row.against}
              </td>
              {results.method === "APPROVAL" && (
                <td className={num} data-col="abstain">
                  {row.abstain}
                </td>
              )}
              <td className={td} data-col="outcome">
                {outcome(row, false)}
              </td>
            </tr>
          ))}
        </Table>
      )}

      <details className="rounded-md border border-slate-200 p-3" data-testid="receipt-hashes">
        <summary className="cursor-pointer py-1 text-sm font-semibold">
          {t("hashesTitle", { count: results.receiptHashes.length })}
        </summary>
        <p className="mt-2 text-xs text-slate-600">{t("hashesHint")}</p>
        <ol className="mt-2 space-y-1">
          {results.receiptHashes.map((hash) => (
            <li key={hash} className="break-all font-mono text-xs">
              {hash}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
