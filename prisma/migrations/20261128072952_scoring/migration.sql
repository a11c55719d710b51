-- CreateEnum
CREATE TYPE "CriterionKind" AS ENUM ('BASE', 'BONUS', 'DEDUCTION');

-- CreateEnum
CREATE TYPE "AssessmentStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED');

-- AlterTable
ALTER TABLE "EmulationYear" ADD COLUMN     "criteriaRevision" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "CriteriaGroup" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "CriterionKind" NOT NULL,
    "maxX100" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CriteriaGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "groupId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "kind" "CriterionKind" NOT NULL,
    "maxX100" INTEGER NOT NULL,
    "evidenceRequired" BOOLEAN NOT NULL DEFAULT false,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assessment" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "status" "AssessmentStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "submittedById" UUID,
    "returnedAt" TIMESTAMPTZ(3),
    "returnedById" UUID,
    "returnComment" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Assessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "selfX100" INTEGER,
    "selfNote" TEXT,
    "selfUpdatedAt" TIMESTAMPTZ(3),
    "selfUpdatedById" UUID,
    "finalX100" INTEGER,
    "finalReason" TEXT,
    "finalUpdatedAt" TIMESTAMPTZ(3),
    "finalUpdatedById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreHistory" (
    "id" BIGSERIAL NOT NULL,
    "scoreId" UUID NOT NULL,
    "field" TEXT NOT NULL,
    "fromX100" INTEGER,
    "toX100" INTEGER,
    "note" TEXT,
    "actorId" UUID,
    "actorName" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ScoreHistory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrossScore" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "scorerAgencyId" UUID NOT NULL,
    "targetAgencyId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "pointsX100" INTEGER NOT NULL,
    "scorerId" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CrossScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CrossScoringCompletion" (
    "yearId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "completedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedById" UUID NOT NULL,

    CONSTRAINT "CrossScoringCompletion_pkey" PRIMARY KEY ("yearId","agencyId")
);

-- CreateTable
CREATE TABLE "RankingPublication" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "publishedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishedById" UUID NOT NULL,
    "entries" JSONB NOT NULL,
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenedById" UUID,
    "reopenReason" TEXT,

    CONSTRAINT "RankingPublication_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CriteriaGroup_yearId_code_key" ON "CriteriaGroup"("yearId", "code");

-- CreateIndex
CREATE INDEX "Criterion_groupId_idx" ON "Criterion"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_yearId_code_key" ON "Criterion"("yearId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Assessment_yearId_agencyId_key" ON "Assessment"("yearId", "agencyId");

-- CreateIndex
CREATE INDEX "Score_yearId_criterionId_idx" ON "Score"("yearId", "criterionId");

-- CreateIndex
CREATE UNIQUE INDEX "Score_yearId_agencyId_criterionId_key" ON "Score"("yearId", "agencyId", "criterionId");

-- CreateIndex
CREATE INDEX "ScoreHistory_scoreId_at_idx" ON "ScoreHistory"("scoreId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_yearId_agencyId_idx" ON "Evidence"("yearId", "agencyId");

-- CreateIndex
CREATE INDEX "CrossScore_yearId_targetAgencyId_idx" ON "CrossScore"("yearId", "targetAgencyId");

-- CreateIndex
CREATE UNIQUE INDEX "CrossScore_yearId_scorerAgencyId_targetAgencyId_criterionId_key" ON "CrossScore"("yearId", "scorerAgencyId", "targetAgencyId", "criterionId");

-- CreateIndex
CREATE INDEX "RankingPublication_yearId_publishedAt_idx" ON "RankingPublication"("yearId", "publishedAt");

-- AddForeignKey
ALTER TABLE "CriteriaGroup" ADD CONSTRAINT "CriteriaGroup_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "CriteriaGroup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assessment" ADD CONSTRAINT "Assessment_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreHistory" ADD CONSTRAINT "ScoreHistory_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "Score"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossScore" ADD CONSTRAINT "CrossScore_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossScore" ADD CONSTRAINT "CrossScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CrossScoringCompletion" ADD CONSTRAINT "CrossScoringCompletion_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RankingPublication" ADD CONSTRAINT "RankingPublication_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express.
ALTER TABLE "CriteriaGroup" ADD CONSTRAINT "CriteriaGroup_max_positive" CHECK ("maxX100" > 0);
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_max_positive" CHECK ("maxX100" > 0);
ALTER TABLE "Score" ADD CONSTRAINT "Score_points_not_negative" CHECK (("selfX100" IS NULL OR "selfX100" >= 0) AND ("finalX100" IS NULL OR "finalX100" >= 0));
ALTER TABLE "CrossScore" ADD CONSTRAINT "CrossScore_points_not_negative" CHECK ("pointsX100" >= 0);
ALTER TABLE "CrossScore" ADD CONSTRAINT "CrossScore_not_self" CHECK ("scorerAgencyId" <> "targetAgencyId");
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_size_positive" CHECK ("sizeBytes" > 0);

-- The history of a cell is never rewritten.
CREATE FUNCTION score_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ScoreHistory is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "ScoreHistory_no_update" BEFORE UPDATE ON "ScoreHistory"
  FOR EACH ROW EXECUTE FUNCTION score_history_is_append_only();
