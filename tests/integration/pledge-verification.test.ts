import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verificationSchema } from "@/lib/pledges/schemas";
import { signPledge } from "@/lib/pledges/signatures";
import { verifyPledgeVersion, verifyPledgeVersionPublicly } from "@/lib/pledges/verify";
import {
  makeBlocWithYear,
  makePledgeSignature,
  makePledgeVersion,
  TEST_PASSWORD,
} from "@/prisma/seed/factories";
import { actorFor, newAdmin, signedIn } from "../support/dal";
import { openWithSignatures, pledgingYear, versionRow } from "../support/pledges";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

/**
 * Changes stored rows behind the application's back, as someone with database access could: the
 * immutability triggers are bypassed for this transaction only (superuser, replica mode).
 */
async function tamper(sql: string, ...values: unknown[]): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    const changed = await tx.$executeRawUnsafe(sql, ...values);
    expect(changed).toBe(1);
  });
}

/** Runs `sql` in a transaction that is always rolled back; returns the database's error message, or "ok". */
async function attempt(sql: string, ...values: unknown[]): Promise<string> {
  const rollback = new Error("rollback");
  let outcome = "ok";
  await db
    .$transaction(async (tx) => {
      outcome = await tx.$executeRawUnsafe(sql, ...values).then(
        () => "ok",
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      );
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
  return outcome;
}

/** An open version of a fresh year signed by all three members (one through signPledge itself). */
async function signedVersion() {
  const setup = await pledgingYear();
  const { version, signatures } = await openWithSignatures(setup, [0, 1]);
  const { signature } = await signPledge(setup.leaderActors[2]!, version.id, {
    password: TEST_PASSWORD,
    consent: true,
  });
  return { setup, version, signatureIds: [...signatures.map((row) => row.id), signature.id] };
}

describe("verifyPledgeVersionPublicly", () => {
  it("recomputes the document hash and every seal of an untouched version: all valid", async () => {
    const { setup, version } = await signedVersion();
    const verification = await verifyPledgeVersionPublicly(version.id);
    expect(verificationSchema.parse(verification)).toEqual(verification);
    expect(verification).toMatchObject({
      versionId: version.id,
      number: 1,
      status: "OPEN",
      title: version.title,
      sha256: version.sha256,
      documentValid: true,
      valid: true,
    });
    expect(verification.signatures).toHaveLength(3);
    expect(verification.signatures.map((signature) => signature.agency.code).sort()).toEqual(
      setup.agencies.map((agency) => agency.code).sort(),
    );
    for (const signature of verification.signatures)
      expect(signature).toMatchObject({ valid: true, problem: null });
    const leader = verification.signatures.find(
      (signature) => signature.agency.code === setup.agencies[2]!.code,
    );
    expect(leader).toMatchObject({
      agency: { name: setup.agencies[2]!.name },
      signerName: setup.leaders[2]!.name,
    });
  });

  it("accepts an upper-case id and is NOT_FOUND for a draft, a malformed or an unknown id", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    await expect(verifyPledgeVersionPublicly(version.id.toUpperCase())).resolves.toMatchObject({
      versionId: version.id,
      valid: true,
      signatures: [],
    });
    const draft = await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    for (const id of [draft.id, "khong-co", MISSING_ID]) {
      await expect(verifyPledgeVersionPublicly(id)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.pledge.versionNotFound",
      });
    }
  });

  it("still verifies a superseded version and its signatures", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup, [1]);
    await openWithSignatures(setup, [], { targets: "Chỉ tiêu mới" });
    await expect(verifyPledgeVersionPublicly(version.id)).resolves.toMatchObject({
      status: "SUPERSEDED",
      documentValid: true,
      valid: true,
      signatures: [{ valid: true }],
    });
  });

  it("sees a signature row altered in SQL (signer's name) as invalid (SEAL_MISMATCH) and the others valid", async () => {
    const { setup, version, signatureIds } = await signedVersion();
    await tamper(
      `UPDATE "PledgeSignature" SET "signerName" = 'Người khác' WHERE id = $1::uuid`,
      signatureIds[1],
    );
    const verification = await verifyPledgeVersionPublicly(version.id);
    expect(verification).toMatchObject({ documentValid: true, valid: false });
    const byCode = new Map(verification.signatures.map((signature) => [signature.agency.code, signature]));
    expect(byCode.get(setup.agencies[1]!.code)).toMatchObject({
      signerName: "Người khác",
      valid: false,
      problem: "SEAL_MISMATCH",
    });
    expect(byCode.get(setup.agencies[0]!.code)).toMatchObject({ valid: true, problem: null });
    expect(byCode.get(setup.agencies[2]!.code)).toMatchObject({ valid: true, problem: null });
  });

  it("sees a moved signing time as invalid (SEAL_MISMATCH)", async () => {
    const { setup, version, signatureIds } = await signedVersion();
    await tamper(
      `UPDATE "PledgeSignature" SET "signedAt" = "signedAt" - interval '3 days' WHERE id = $1::uuid`,
      signatureIds[2],
    );
    const verification = await verifyPledgeVersionPublicly(version.id);
    expect(verification.valid).toBe(false);
    expect(verification.signatures.filter((signature) => !signature.valid)).toEqual([
      expect.objectContaining({
        agency: expect.objectContaining({ code: setup.agencies[2]!.code }),
        problem: "SEAL_MISMATCH",
      }),
    ]);
  });

  it("sees altered content of the version (targets) as an invalid document, the seals themselves intact", async () => {
    const { version } = await signedVersion();
    await tamper(`UPDATE "PledgeVersion" SET targets = '0% chỉ tiêu' WHERE id = $1::uuid`, version.id);
    const verification = await verifyPledgeVersionPublicly(version.id);
    expect(verification).toMatchObject({ documentValid: false, valid: false, sha256: version.sha256 });
    expect(verification.signatures.every((signature) => signature.valid)).toBe(true);
  });

  it("sees an altered frozen canonical form (members) as an invalid document", async () => {
    const { setup, version } = await signedVersion();
    const row = await versionRow(version.id);
    const forged = row.canonicalContent!.replace(
      JSON.stringify(setup.agencies[1]!.name),
      JSON.stringify("Cơ quan giả mạo"),
    );
    expect(forged).not.toBe(row.canonicalContent);
    await tamper(
      `UPDATE "PledgeVersion" SET "canonicalContent" = $1 WHERE id = $2::uuid`,
      forged,
      version.id,
    );
    await expect(verifyPledgeVersionPublicly(version.id)).resolves.toMatchObject({
      documentValid: false,
      valid: false,
    });
  });

  it("sees a replaced document hash as an invalid document and every signature as of another document", async () => {
    const { version } = await signedVersion();
    await tamper(`UPDATE "PledgeVersion" SET sha256 = $1 WHERE id = $2::uuid`, "0".repeat(64), version.id);
    const verification = await verifyPledgeVersionPublicly(version.id);
    expect(verification).toMatchObject({ documentValid: false, valid: false });
    expect(verification.signatures.map((signature) => signature.problem)).toEqual([
      "OTHER_DOCUMENT",
      "OTHER_DOCUMENT",
      "OTHER_DOCUMENT",
    ]);
  });

  it("sees a signature pointing at another document hash as OTHER_DOCUMENT", async () => {
    const { setup, version, signatureIds } = await signedVersion();
    await tamper(
      `UPDATE "PledgeSignature" SET "documentSha256" = $1 WHERE id = $2::uuid`,
      "f".repeat(64),
      signatureIds[0],
    );
    const verification = await verifyPledgeVersionPublicly(version.id);
    expect(verification).toMatchObject({ documentValid: true, valid: false });
    const invalid = verification.signatures.filter((signature) => !signature.valid);
    expect(invalid).toEqual([
      expect.objectContaining({
        agency: expect.objectContaining({ code: setup.agencies[0]!.code }),
        problem: "OTHER_DOCUMENT",
      }),
    ]);
  });

  it("sees a forged seal as SEAL_MISMATCH and a seal of another key as OTHER_KEY", async () => {
    const setup = await pledgingYear();
    const { version, signatures } = await openWithSignatures(setup, [0]);
    await makePledgeSignature(db, {
      versionId: version.id,
      signerId: setup.leaders[1]!.id,
      sealKey: "a-key-that-is-not-the-configured-one-0123",
    });
    await tamper(
      `UPDATE "PledgeSignature" SET seal = $1 WHERE id = $2::uuid`,
      "0".repeat(64),
      signatures[0]!.id,
    );
    const verification = await verifyPledgeVersionPublicly(version.id);
    const byCode = new Map(
      verification.signatures.map((signature) => [signature.agency.code, signature.problem]),
    );
    expect(byCode.get(setup.agencies[0]!.code)).toBe("SEAL_MISMATCH");
    expect(byCode.get(setup.agencies[1]!.code)).toBe("OTHER_KEY");
    expect(verification).toMatchObject({ documentValid: true, valid: false });
  });
});

describe("verifyPledgeVersion (signed in)", () => {
  it("verifies for members, the board and the admin", async () => {
    const { setup, version } = await signedVersion();
    for (const actor of [
      setup.leaderActors[0]!,
      await actorFor(setup.staff[1]!),
      (await signedIn("BOARD")).actor,
      await newAdmin(),
    ]) {
      await expect(verifyPledgeVersion(actor, version.id)).resolves.toMatchObject({
        versionId: version.id,
        valid: true,
      });
    }
  });

  it("is NOT_FOUND to users outside the year and for a draft", async () => {
    const { setup, version } = await signedVersion();
    const other = await makeBlocWithYear(db, { phase: "PLEDGING", memberCount: 2 });
    await expect(verifyPledgeVersion(await actorFor(other.leaders[0]!), version.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.pledge.versionNotFound",
    });
    const draft = await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    await expect(verifyPledgeVersion(setup.leaderActors[0]!, draft.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("immutability in the database", () => {
  it("rejects any change of an open version's content or hash, and its deletion", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    for (const sql of [
      `UPDATE "PledgeVersion" SET title = 'Tiêu đề khác' WHERE id = $1::uuid`,
      `UPDATE "PledgeVersion" SET sha256 = repeat('0', 64) WHERE id = $1::uuid`,
      `UPDATE "PledgeVersion" SET status = 'DRAFT' WHERE id = $1::uuid`,
      `UPDATE "PledgeVersion" SET status = 'SUPERSEDED', "supersededAt" = now(), targets = 'khác' WHERE id = $1::uuid`,
      `UPDATE "PledgeVersion" SET status = 'SUPERSEDED' WHERE id = $1::uuid`,
      `DELETE FROM "PledgeVersion" WHERE id = $1::uuid`,
    ]) {
      expect(await attempt(sql, version.id)).toContain("is frozen");
    }
    expect(await versionRow(version.id)).toEqual(version);
  });

  it("allows only OPEN -> SUPERSEDED with its time, and nothing after", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    await db.pledgeVersion.update({
      where: { id: version.id },
      data: { status: "SUPERSEDED", supersededAt: new Date() },
    });
    expect(
      await attempt(
        `UPDATE "PledgeVersion" SET status = 'OPEN', "supersededAt" = NULL WHERE id = $1::uuid`,
        version.id,
      ),
    ).toContain("is frozen");
    expect(
      await attempt(`UPDATE "PledgeVersion" SET "supersededAt" = now() WHERE id = $1::uuid`, version.id),
    ).toContain("is frozen");
    expect((await versionRow(version.id)).status).toBe("SUPERSEDED");
  });

  it("refuses to open a version without its frozen form and hash", async () => {
    const setup = await pledgingYear();
    const draft = await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    expect(
      await attempt(
        `UPDATE "PledgeVersion" SET status = 'OPEN', "openedAt" = now() WHERE id = $1::uuid`,
        draft.id,
      ),
    ).toContain("PledgeVersion_frozen_when_not_draft");
  });

  it("still lets a draft be edited and deleted", async () => {
    const setup = await pledgingYear();
    const draft = await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    await db.$executeRawUnsafe(
      `UPDATE "PledgeVersion" SET title = 'Dự thảo sửa', revision = revision + 1 WHERE id = $1::uuid`,
      draft.id,
    );
    expect(await versionRow(draft.id)).toMatchObject({ title: "Dự thảo sửa", revision: 2, status: "DRAFT" });
    expect(await attempt(`DELETE FROM "PledgeVersion" WHERE id = $1::uuid`, draft.id)).toBe("ok");
  });

  it("rejects UPDATE, DELETE and TRUNCATE of signatures", async () => {
    const setup = await pledgingYear();
    const { signatures } = await openWithSignatures(setup, [0]);
    const id = signatures[0]!.id;
    for (const sql of [
      `UPDATE "PledgeSignature" SET "signerName" = 'Người khác' WHERE id = $1::uuid`,
      `UPDATE "PledgeSignature" SET seal = repeat('0', 64) WHERE id = $1::uuid`,
      `DELETE FROM "PledgeSignature" WHERE id = $1::uuid`,
    ]) {
      expect(await attempt(sql, id)).toContain("PledgeSignature is immutable");
    }
    expect(await attempt(`TRUNCATE "PledgeSignature"`)).toContain("PledgeSignature is immutable");
    expect(await db.pledgeSignature.findUniqueOrThrow({ where: { id } })).toEqual(signatures[0]);
  });
});
