-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('PLEDGE', 'VOTE_MINUTES', 'TO_TRINH', 'SCORE_TABLE', 'AWARD_DECISION');

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentCertificate" (
    "id" UUID NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "serialNumber" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "pem" TEXT NOT NULL,
    "firstUsedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentCertificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" UUID NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "yearId" UUID NOT NULL,
    "subjectId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "facts" JSONB NOT NULL,
    "title" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "issuedAt" TIMESTAMPTZ(3) NOT NULL,
    "issuedById" UUID,
    "issuedByName" TEXT,
    "certificateId" UUID NOT NULL,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IssuedDocumentContent" (
    "documentId" UUID NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "IssuedDocumentContent_pkey" PRIMARY KEY ("documentId")
);

-- CreateIndex
CREATE INDEX "RateLimitHit_key_at_idx" ON "RateLimitHit"("key", "at");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentCertificate_fingerprint_key" ON "DocumentCertificate"("fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_code_key" ON "IssuedDocument"("code");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_sha256_key" ON "IssuedDocument"("sha256");

-- CreateIndex
CREATE INDEX "IssuedDocument_yearId_kind_idx" ON "IssuedDocument"("yearId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_kind_subjectId_version_key" ON "IssuedDocument"("kind", "subjectId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "IssuedDocument_kind_subjectId_state_key" ON "IssuedDocument"("kind", "subjectId", "state");

-- AddForeignKey
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "EmulationYear"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "DocumentCertificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IssuedDocumentContent" ADD CONSTRAINT "IssuedDocumentContent_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "IssuedDocument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Versions are numbered from 1; a stored document is a real SHA-256 of bytes that exist.
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_version_positive" CHECK ("version" >= 1);
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_sha256_hex" CHECK ("sha256" ~ '^[0-9a-f]{64}$');
ALTER TABLE "IssuedDocument" ADD CONSTRAINT "IssuedDocument_size_positive" CHECK ("sizeBytes" > 0);
ALTER TABLE "IssuedDocumentContent" ADD CONSTRAINT "IssuedDocumentContent_not_empty" CHECK (octet_length("bytes") > 0);

-- The registry of issued documents is append-only: no UPDATE, DELETE or TRUNCATE of a document, its
-- bytes or the certificates they were signed with, whoever asks. A new version is a new row.
CREATE FUNCTION document_registry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER "IssuedDocument_append_only" BEFORE UPDATE OR DELETE ON "IssuedDocument"
  FOR EACH ROW EXECUTE FUNCTION document_registry_is_append_only();
CREATE TRIGGER "IssuedDocument_no_truncate" BEFORE TRUNCATE ON "IssuedDocument"
  FOR EACH STATEMENT EXECUTE FUNCTION document_registry_is_append_only();
CREATE TRIGGER "IssuedDocumentContent_append_only" BEFORE UPDATE OR DELETE ON "IssuedDocumentContent"
  FOR EACH ROW EXECUTE FUNCTION document_registry_is_append_only();
CREATE TRIGGER "IssuedDocumentContent_no_truncate" BEFORE TRUNCATE ON "IssuedDocumentContent"
  FOR EACH STATEMENT EXECUTE FUNCTION document_registry_is_append_only();
CREATE TRIGGER "DocumentCertificate_append_only" BEFORE UPDATE OR DELETE ON "DocumentCertificate"
  FOR EACH ROW EXECUTE FUNCTION document_registry_is_append_only();
CREATE TRIGGER "DocumentCertificate_no_truncate" BEFORE TRUNCATE ON "DocumentCertificate"
  FOR EACH STATEMENT EXECUTE FUNCTION document_registry_is_append_only();
