-- AlterTable
ALTER TABLE "YearMember" ADD COLUMN     "notScoredAt" TIMESTAMPTZ(3),
ADD COLUMN     "notScoredById" UUID,
ADD COLUMN     "notScoredReason" TEXT;

-- "Không chấm" is a reason, when and by whom, all three or none; never an empty reason.
ALTER TABLE "YearMember" ADD CONSTRAINT "YearMember_not_scored_complete" CHECK (
  ("notScoredReason" IS NULL AND "notScoredAt" IS NULL AND "notScoredById" IS NULL)
  OR ("notScoredReason" IS NOT NULL AND length(btrim("notScoredReason")) > 0 AND "notScoredAt" IS NOT NULL AND "notScoredById" IS NOT NULL)
);
