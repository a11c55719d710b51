-- CreateEnum
CREATE TYPE "VoteKind" AS ENUM ('AWARD_PROPOSAL', 'LEADERSHIP_ELECTION');

-- CreateEnum
CREATE TYPE "VoteMethod" AS ENUM ('APPROVAL', 'PICK_UP_TO_QUOTA', 'ELECTION');

-- CreateTable
CREATE TABLE "VoteSession" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "kind" "VoteKind" NOT NULL,
    "method" "VoteMethod" NOT NULL,
    "awardCode" TEXT,
    "title" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "candidates" JSONB NOT NULL,
    "roll" JSONB NOT NULL,
    "opensAt" TIMESTAMPTZ(3) NOT NULL,
    "closesAt" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMPTZ(3),
    "closedById" UUID,
    "results" JSONB,
    "cancelledAt" TIMESTAMPTZ(3),
    "cancelledById" UUID,
    "cancelReason" TEXT,

    CONSTRAINT "VoteSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VoteParticipation" (
    "sessionId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "votedById" UUID NOT NULL,
    "votedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VoteParticipation_pkey" PRIMARY KEY ("sessionId","agencyId")
);

-- CreateTable
CREATE TABLE "Ballot" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sessionId" UUID NOT NULL,
    "receiptHash" TEXT NOT NULL,
    "choices" JSONB NOT NULL,

    CONSTRAINT "Ballot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VoteSession_yearId_createdAt_idx" ON "VoteSession"("yearId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ballot_receiptHash_key" ON "Ballot"("receiptHash");

-- CreateIndex
CREATE INDEX "Ballot_sessionId_idx" ON "Ballot"("sessionId");

-- AddForeignKey
ALTER TABLE "VoteSession" ADD CONSTRAINT "VoteSession_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VoteSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VoteParticipation" ADD CONSTRAINT "VoteParticipation_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ballot" ADD CONSTRAINT "Ballot_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "VoteSession"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express.
ALTER TABLE "VoteSession" ADD CONSTRAINT "VoteSession_window_order" CHECK ("closesAt" > "opensAt");
ALTER TABLE "VoteSession" ADD CONSTRAINT "VoteSession_award_code" CHECK (("kind" = 'AWARD_PROPOSAL') = ("awardCode" IS NOT NULL));

-- A ballot and the record that an agency voted are never changed or removed.
CREATE FUNCTION vote_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "Ballot_append_only" BEFORE UPDATE OR DELETE ON "Ballot"
  FOR EACH ROW EXECUTE FUNCTION vote_record_is_append_only();
CREATE TRIGGER "Ballot_no_truncate" BEFORE TRUNCATE ON "Ballot"
  FOR EACH STATEMENT EXECUTE FUNCTION vote_record_is_append_only();
CREATE TRIGGER "VoteParticipation_append_only" BEFORE UPDATE OR DELETE ON "VoteParticipation"
  FOR EACH ROW EXECUTE FUNCTION vote_record_is_append_only();
CREATE TRIGGER "VoteParticipation_no_truncate" BEFORE TRUNCATE ON "VoteParticipation"
  FOR EACH STATEMENT EXECUTE FUNCTION vote_record_is_append_only();
