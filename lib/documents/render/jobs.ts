import type { DecisionRecord } from "@/lib/nominations/decision-record";
import type { ScoreTable, ToTrinh } from "@/lib/nominations/documents";
import type { SignedDocument } from "@/lib/pledges/document";
import type { VoteMinutes } from "@/lib/votes/minutes";

// What a render worker is asked to print: the kind of document, its data (plain objects and dates,
// cloned into the worker) and its stamp. Only types are imported here: the worker never loads the data
// layer.

/** The kinds of document the system prints, as the registry names them. */
export const DOCUMENT_KINDS = [
  "PLEDGE",
  "VOTE_MINUTES",
  "TO_TRINH",
  "SCORE_TABLE",
  "AWARD_DECISION",
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A draft (printed on demand, marked "DỰ THẢO") or an issued document (its registry entry). */
export type DocumentStamp =
  | { status: "DRAFT" }
  | {
      status: "ISSUED";
      /** Registry id. */
      id: string;
      /** Short code printed on every page. */
      code: string;
      /** The registry entry's public address (also in the QR code). */
      url: string;
      issuedAt: Date;
      /** Who signs the PDF (the certificate's organisation). */
      signedBy: string;
    };

interface Job<K extends DocumentKind, D> {
  kind: K;
  data: D;
  stamp: DocumentStamp;
}

export type RenderJob =
  | Job<"PLEDGE", SignedDocument>
  | Job<"VOTE_MINUTES", VoteMinutes>
  | Job<"TO_TRINH", ToTrinh>
  | Job<"SCORE_TABLE", ScoreTable>
  | Job<"AWARD_DECISION", DecisionRecord>;

/** A QR code as vector art: the side in modules (quiet zone included) and one SVG path of the dark modules. */
export interface QrPath {
  size: number;
  path: string;
}

/** The stamp as templates print it: an issued one carries the QR code of its address. */
export type PrintStamp =
  { status: "DRAFT" } | (Extract<DocumentStamp, { status: "ISSUED" }> & { qr: QrPath });
