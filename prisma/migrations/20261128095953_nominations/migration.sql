-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'AWARDED', 'WITHDRAWN');

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "awardCode" TEXT NOT NULL,
    "awardName" TEXT NOT NULL,
    "status" "NominationStatus" NOT NULL DEFAULT 'DRAFT',
    "basis" JSONB NOT NULL,
    "note" TEXT,
    "round" INTEGER NOT NULL DEFAULT 0,
    "decisionId" UUID,
    "withdrawReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationEvent" (
    "id" BIGSERIAL NOT NULL,
    "nominationId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "fromStatus" "NominationStatus",
    "toStatus" "NominationStatus" NOT NULL,
    "comment" TEXT,
    "actorId" UUID,
    "actorName" TEXT,
    "actorRole" "Role",
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NominationReport" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedById" UUID NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NominationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DossierSubmission" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "round" INTEGER NOT NULL,
    "submittedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedById" UUID NOT NULL,
    "nominations" JSONB NOT NULL,

    CONSTRAINT "DossierSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardDecision" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "signedOn" DATE NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT,
    "recordedById" UUID NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Nomination_yearId_status_idx" ON "Nomination"("yearId", "status");

-- CreateIndex
CREATE INDEX "Nomination_agencyId_status_idx" ON "Nomination"("agencyId", "status");

-- CreateIndex
CREATE INDEX "Nomination_status_awardCode_idx" ON "Nomination"("status", "awardCode");

-- CreateIndex
CREATE INDEX "NominationEvent_nominationId_id_idx" ON "NominationEvent"("nominationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "NominationReport_storageKey_key" ON "NominationReport"("storageKey");

-- CreateIndex
CREATE INDEX "NominationReport_nominationId_uploadedAt_idx" ON "NominationReport"("nominationId", "uploadedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DossierSubmission_yearId_round_key" ON "DossierSubmission"("yearId", "round");

-- CreateIndex
CREATE INDEX "AwardDecision_yearId_idx" ON "AwardDecision"("yearId");

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "AwardDecision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationEvent" ADD CONSTRAINT "NominationEvent_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NominationReport" ADD CONSTRAINT "NominationReport_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DossierSubmission" ADD CONSTRAINT "DossierSubmission_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AwardDecision" ADD CONSTRAINT "AwardDecision_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One achievement is rewarded once: at most one nomination per member and year, unless withdrawn.
CREATE UNIQUE INDEX "Nomination_one_per_member" ON "Nomination"("yearId", "agencyId") WHERE "status" <> 'WITHDRAWN';
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_awarded_has_decision" CHECK (("status" = 'AWARDED') = ("decisionId" IS NOT NULL));
ALTER TABLE "NominationReport" ADD CONSTRAINT "NominationReport_size_positive" CHECK ("sizeBytes" > 0);

-- The history of a nomination is never rewritten.
CREATE FUNCTION nomination_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'NominationEvent is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "NominationEvent_append_only" BEFORE UPDATE OR DELETE ON "NominationEvent"
  FOR EACH ROW EXECUTE FUNCTION nomination_event_is_append_only();
