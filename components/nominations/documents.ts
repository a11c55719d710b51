/** The generated documents of a year's dossier: tờ trình, score table, biên bản and the whole ZIP. */
export function dossierDocuments(yearId: string) {
  return [
    { key: "toTrinh", href: `/api/v1/years/${yearId}/to-trinh.pdf` },
    { key: "scoreTable", href: `/api/v1/years/${yearId}/score-table.pdf` },
    { key: "minutes", href: `/api/v1/years/${yearId}/vote-minutes.pdf` },
    { key: "zip", href: `/api/v1/years/${yearId}/dossier.zip` },
  ] as const;
}
