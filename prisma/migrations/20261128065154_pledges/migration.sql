-- CreateEnum
CREATE TYPE "PledgeVersionStatus" AS ENUM ('DRAFT', 'OPEN', 'SUPERSEDED');

-- AlterTable
ALTER TABLE "Bloc" ADD COLUMN     "place" TEXT;

-- CreateTable
CREATE TABLE "Pledge" (
    "id" UUID NOT NULL,
    "yearId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeVersion" (
    "id" UUID NOT NULL,
    "pledgeId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "status" "PledgeVersionStatus" NOT NULL DEFAULT 'DRAFT',
    "title" TEXT NOT NULL,
    "preamble" TEXT NOT NULL,
    "goals" TEXT NOT NULL,
    "targets" TEXT NOT NULL,
    "movement" TEXT NOT NULL,
    "commitments" TEXT NOT NULL,
    "criteriaReference" TEXT NOT NULL,
    "canonicalContent" TEXT,
    "sha256" TEXT,
    "openedAt" TIMESTAMPTZ(3),
    "openedById" UUID,
    "supersededAt" TIMESTAMPTZ(3),
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PledgeVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeSignature" (
    "id" UUID NOT NULL,
    "versionId" UUID NOT NULL,
    "agencyId" UUID NOT NULL,
    "signerId" UUID NOT NULL,
    "agencyCode" TEXT NOT NULL,
    "agencyName" TEXT NOT NULL,
    "signerName" TEXT NOT NULL,
    "signerTitle" TEXT,
    "documentSha256" TEXT NOT NULL,
    "authMethod" TEXT NOT NULL,
    "authenticatedAt" TIMESTAMPTZ(3) NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "signedAt" TIMESTAMPTZ(3) NOT NULL,
    "sealKeyId" TEXT NOT NULL,
    "seal" TEXT NOT NULL,

    CONSTRAINT "PledgeSignature_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "href" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "emailedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_yearId_key" ON "Pledge"("yearId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeVersion_pledgeId_number_key" ON "PledgeVersion"("pledgeId", "number");

-- CreateIndex
CREATE INDEX "PledgeSignature_signerId_idx" ON "PledgeSignature"("signerId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeSignature_versionId_agencyId_key" ON "PledgeSignature"("versionId", "agencyId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeVersion" ADD CONSTRAINT "PledgeVersion_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeSignature" ADD CONSTRAINT "PledgeSignature_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "PledgeVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeSignature" ADD CONSTRAINT "PledgeSignature_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeSignature" ADD CONSTRAINT "PledgeSignature_signerId_fkey" FOREIGN KEY ("signerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma's schema language cannot express (its diff leaves triggers and CHECK constraints alone).

ALTER TABLE "PledgeVersion" ADD CONSTRAINT "PledgeVersion_frozen_when_not_draft" CHECK (
  "status" = 'DRAFT' OR ("canonicalContent" IS NOT NULL AND "sha256" IS NOT NULL AND "openedAt" IS NOT NULL)
);

-- A version opened for signing is immutable: only OPEN -> SUPERSEDED (with its time) may change.
CREATE FUNCTION pledge_version_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD."status" <> 'DRAFT' THEN
      RAISE EXCEPTION 'PledgeVersion % is frozen: DELETE is not allowed', OLD."id" USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD."status" <> 'DRAFT' AND NOT (
    OLD."status" = 'OPEN' AND NEW."status" = 'SUPERSEDED' AND NEW."supersededAt" IS NOT NULL
    AND (NEW."title", NEW."preamble", NEW."goals", NEW."targets", NEW."movement", NEW."commitments", NEW."criteriaReference",
         NEW."canonicalContent", NEW."sha256", NEW."openedAt", NEW."openedById", NEW."number", NEW."pledgeId", NEW."revision")
      IS NOT DISTINCT FROM
        (OLD."title", OLD."preamble", OLD."goals", OLD."targets", OLD."movement", OLD."commitments", OLD."criteriaReference",
         OLD."canonicalContent", OLD."sha256", OLD."openedAt", OLD."openedById", OLD."number", OLD."pledgeId", OLD."revision")
  ) THEN
    RAISE EXCEPTION 'PledgeVersion % is frozen: only OPEN -> SUPERSEDED is allowed', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "PledgeVersion_frozen" BEFORE UPDATE OR DELETE ON "PledgeVersion"
  FOR EACH ROW EXECUTE FUNCTION pledge_version_is_frozen();

-- Signatures are never changed or removed.
CREATE FUNCTION pledge_signature_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'PledgeSignature is immutable: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "PledgeSignature_immutable" BEFORE UPDATE OR DELETE ON "PledgeSignature"
  FOR EACH ROW EXECUTE FUNCTION pledge_signature_is_immutable();
CREATE TRIGGER "PledgeSignature_no_truncate" BEFORE TRUNCATE ON "PledgeSignature"
  FOR EACH STATEMENT EXECUTE FUNCTION pledge_signature_is_immutable();
