import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { sealKeyId, sealMatches } from "@/lib/pledges/canonical";
import { getPledgeOverview, openPledgeForSigning, savePledgeDraft } from "@/lib/pledges/pledges";
import { recordOf, signatureSelect, signPledge } from "@/lib/pledges/signatures";
import {
  makeAgency,
  makeBlocWithYear,
  makePledgeVersion,
  makeUser,
  makeYear,
  TEST_PASSWORD,
} from "@/prisma/seed/factories";
import { actorFor, auditCountBy, auditOf, newAdmin, signedIn, uniqueIp } from "../support/dal";
import { openWithSignatures, pledgeContent, pledgingYear, sealKey } from "../support/pledges";
import { setHeader } from "../support/request-context";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";
const SIGN = { password: TEST_PASSWORD, consent: true };

const signaturesOf = (versionId: string) =>
  db.pledgeSignature.findMany({ where: { versionId }, select: signatureSelect });
const failuresOf = (key: string) => db.signInFailure.count({ where: { key } });

describe("signPledge", () => {
  it("lets a member's leader sign the open version for their own agency: a sealed snapshot, audited", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const ip = uniqueIp();
    setHeader("x-forwarded-for", ip);
    setHeader("user-agent", "Mozilla/5.0 (ky giao uoc)");
    const leader = await actorFor(setup.leaders[1]!);

    const { signature, created } = await signPledge(leader, version.id, SIGN);

    expect(created).toBe(true);
    expect(signature).toEqual({
      id: expect.any(String),
      versionId: version.id,
      agency: { code: setup.agencies[1]!.code, name: setup.agencies[1]!.name },
      signerName: setup.leaders[1]!.name,
      signerTitle: "Trưởng ban",
      documentSha256: version.sha256,
      authMethod: "PASSWORD_REAUTH",
      signedAt: expect.any(String),
      seal: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const [row] = await signaturesOf(version.id);
    expect(row).toMatchObject({
      id: signature.id,
      agencyId: setup.agencies[1]!.id,
      signerId: leader.id,
      agencyCode: setup.agencies[1]!.code,
      agencyName: setup.agencies[1]!.name,
      ip,
      userAgent: "Mozilla/5.0 (ky giao uoc)",
      sealKeyId: sealKeyId(sealKey()),
      seal: signature.seal,
    });
    expect(row!.signedAt.toISOString()).toBe(signature.signedAt);
    expect(row!.authenticatedAt.getTime()).toBeLessThanOrEqual(row!.signedAt.getTime());
    expect(row!.signedAt.getTime() - row!.authenticatedAt.getTime()).toBeLessThan(60_000);
    // The seal is the HMAC of exactly this record with the key from the environment.
    expect(sealMatches(recordOf(row!), sealKey(), row!.seal)).toBe(true);
    expect(sealMatches(recordOf(row!), "another-key-0123456789abcdef0123456789", row!.seal)).toBe(false);

    const audit = await auditOf(signature.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "pledge.sign",
      entity: "PledgeSignature",
      blocId: setup.bloc.id,
      actorId: leader.id,
      ip,
      after: {
        version: 1,
        versionId: version.id,
        agency: setup.agencies[1]!.code,
        documentSha256: version.sha256,
        seal: signature.seal,
      },
    });

    const overview = await getPledgeOverview(leader, setup.year.id);
    expect(overview).toMatchObject({
      maySign: false,
      mustSignAgain: false,
      ownSignature: { id: signature.id, signerName: leader.name, seal: signature.seal },
    });
  });

  it("always signs for the signer's own agency", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    for (const index of [2, 0]) {
      const { signature } = await signPledge(setup.leaderActors[index]!, version.id, SIGN);
      expect(signature.agency.code).toBe(setup.agencies[index]!.code);
    }
    const rows = await signaturesOf(version.id);
    expect(rows.map((row) => [row.agencyId, row.signerId]).sort()).toEqual(
      [
        [setup.agencies[0]!.id, setup.leaders[0]!.id],
        [setup.agencies[2]!.id, setup.leaders[2]!.id],
      ].sort(),
    );
  });

  it("is idempotent: signing again returns the existing signature with created false", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const leader = setup.leaderActors[0]!;
    const first = await signPledge(leader, version.id, SIGN);
    const second = await signPledge(leader, version.id, SIGN);
    expect(first.created).toBe(true);
    expect(second).toEqual({ signature: first.signature, created: false });
    expect(await signaturesOf(version.id)).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "pledge.sign", actorId: leader.id } })).toBe(1);
  });

  it("gives exactly one signature when the same agency submits several times at once", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => signPledge(setup.leaderActors[1]!, version.id, SIGN)),
    );

    expect(await db.pledgeSignature.count({ where: { versionId: version.id } })).toBe(1);
    expect(new Set(results.map((result) => result.signature.id)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: "pledge.sign", entityId: results[0]!.signature.id } }),
    ).toBe(1);
  });

  it("gives exactly one signature when two leaders of the same agency sign at once", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const second = await actorFor(
      await makeUser(db, { role: "AGENCY_LEADER", agencyId: setup.agencies[2]!.id, title: "Phó Trưởng ban" }),
    );
    const results = await Promise.all([
      signPledge(setup.leaderActors[2]!, version.id, SIGN),
      signPledge(second, version.id, SIGN),
    ]);

    const rows = await signaturesOf(version.id);
    expect(rows).toHaveLength(1);
    expect(results.map((result) => result.signature.id)).toEqual([rows[0]!.id, rows[0]!.id]);
    expect(results.map((result) => result.created).sort()).toEqual([false, true]);
    const winner = results.find((result) => result.created)!.signature;
    expect(rows[0]!.signerName).toBe(winner.signerName);
  });

  it("is WRONG_PHASE outside pledging, even for a version still open, and checks no password", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    for (const phase of ["SELF_ASSESSMENT", "SETUP"] as const) {
      await db.emulationYear.update({ where: { id: setup.year.id }, data: { phase } });
      await expect(signPledge(setup.leaderActors[0]!, version.id, SIGN)).rejects.toMatchObject({
        code: "WRONG_PHASE",
        messageKey: "errors.pledge.wrongPhase",
      });
      await expect(
        signPledge(setup.leaderActors[0]!, version.id, { ...SIGN, password: "sai-mat-khau" }),
      ).rejects.toMatchObject({ code: "WRONG_PHASE" });
    }
    expect(await signaturesOf(version.id)).toHaveLength(0);
    expect(await failuresOf(`account:${setup.leaderActors[0]!.email}`)).toBe(0);
  });

  it("refuses a draft version (CONFLICT errors.pledge.notOpen)", async () => {
    const setup = await pledgingYear();
    const draft = await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    await expect(signPledge(setup.leaderActors[0]!, draft.id, SIGN)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.pledge.notOpen",
    });
    expect(await signaturesOf(draft.id)).toHaveLength(0);
  });

  it("refuses a superseded version; its signatures stay in history and everyone must sign the new one", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ targets: "Chỉ tiêu 1" }));
    const first = await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    const signed = await signPledge(setup.leaderActors[0]!, first.id, SIGN);
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent({ targets: "Chỉ tiêu 2" }));
    const second = await openPledgeForSigning(setup.secretariatActor, setup.year.id);

    for (const leader of [setup.leaderActors[0]!, setup.leaderActors[1]!]) {
      await expect(signPledge(leader, first.id, SIGN)).rejects.toMatchObject({
        code: "CONFLICT",
        messageKey: "errors.pledge.superseded",
      });
    }
    expect((await signaturesOf(first.id)).map((row) => row.id)).toEqual([signed.signature.id]);

    const overview = await getPledgeOverview(setup.leaderActors[0]!, setup.year.id);
    expect(overview.open).toMatchObject({ id: second.id, number: 2 });
    expect(overview.board).toHaveLength(3);
    expect(overview.board.every((row) => row.signature === null)).toBe(true);
    expect(overview).toMatchObject({ maySign: true, mustSignAgain: true, ownSignature: null });
    expect(overview.history).toEqual([
      expect.objectContaining({ id: second.id, number: 2, status: "OPEN", signatureCount: 0 }),
      expect.objectContaining({
        id: first.id,
        number: 1,
        status: "SUPERSEDED",
        signatureCount: 1,
        supersededAt: second.openedAt,
      }),
    ]);
    // A leader who had not signed the old version has nothing to sign "again".
    await expect(getPledgeOverview(setup.leaderActors[1]!, setup.year.id)).resolves.toMatchObject({
      maySign: true,
      mustSignAgain: false,
    });

    const again = await signPledge(setup.leaderActors[0]!, second.id, SIGN);
    expect(again).toMatchObject({
      created: true,
      signature: { versionId: second.id, documentSha256: second.sha256 },
    });
    expect(again.signature.id).not.toBe(signed.signature.id);
    await expect(getPledgeOverview(setup.leaderActors[0]!, setup.year.id)).resolves.toMatchObject({
      maySign: false,
      mustSignAgain: false,
    });
  });

  it("never writes a signature of a version superseded while signing", async () => {
    const setup = await pledgingYear();
    await savePledgeDraft(setup.secretariatActor, setup.year.id, pledgeContent());
    const first = await openPledgeForSigning(setup.secretariatActor, setup.year.id);
    await savePledgeDraft(
      setup.secretariatActor,
      setup.year.id,
      pledgeContent({ goals: "Mục tiêu sửa đổi" }),
    );

    const [signing, opening] = await Promise.allSettled([
      signPledge(setup.leaderActors[2]!, first.id, SIGN),
      openPledgeForSigning(setup.secretariatActor, setup.year.id),
    ]);
    expect(opening.status).toBe("fulfilled");
    const rows = await signaturesOf(first.id);
    if (signing.status === "fulfilled") {
      // Signed before the new version opened: a signature of version 1, which no longer counts.
      expect(rows.map((row) => row.id)).toEqual([signing.value.signature.id]);
      expect(signing.value.signature.documentSha256).toBe(first.sha256);
    } else {
      expect(signing.reason).toMatchObject({ code: "CONFLICT", messageKey: "errors.pledge.superseded" });
      expect(rows).toHaveLength(0);
    }
    const second = (opening as PromiseFulfilledResult<{ id: string }>).value;
    expect(await signaturesOf(second.id)).toHaveLength(0);
  });

  it.each(["AGENCY_STAFF", "SECRETARIAT", "BOARD", "ADMIN"] as const)(
    "is FORBIDDEN to %s, even of a member agency",
    async (role) => {
      const setup = await pledgingYear();
      const { version } = await openWithSignatures(setup);
      const actor =
        role === "ADMIN"
          ? await newAdmin()
          : (await signedIn(role, role === "BOARD" ? null : setup.leaderAgency.id)).actor;
      await expect(signPledge(actor, version.id, SIGN)).rejects.toMatchObject({
        code: "FORBIDDEN",
        messageKey: "errors.pledge.onlyLeaders",
      });
      expect(await signaturesOf(version.id)).toHaveLength(0);
      expect(await auditCountBy(actor.id)).toBe(0);
    },
  );

  it("names no agency: a request naming another agency is VALIDATION (strict schema)", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    for (const extra of [
      { agencyCode: setup.agencies[2]!.code },
      { agencyId: setup.agencies[2]!.id },
      { signerName: "Người khác" },
    ]) {
      await expect(
        signPledge(setup.leaderActors[0]!, version.id, { ...SIGN, ...extra }),
      ).rejects.toMatchObject({
        code: "VALIDATION",
        fieldIssues: [expect.objectContaining({ message: "validation.unknownFields" })],
      });
    }
    expect(await signaturesOf(version.id)).toHaveLength(0);
  });

  it("is NOT_FOUND to the leader of an agency outside the year, and for a malformed or unknown version id", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const other = await makeBlocWithYear(db, { phase: "PLEDGING", memberCount: 2 });
    // An agency of the same bloc in another year only.
    const former = await makeAgency(db);
    await makeYear(db, {
      blocId: setup.bloc.id,
      year: 2021,
      phase: "CLOSED",
      memberIds: [former.id, setup.agencies[0]!.id],
    });
    const formerLeader = await makeUser(db, { role: "AGENCY_LEADER", agencyId: former.id });
    for (const user of [other.leaders[0]!, formerLeader]) {
      await expect(signPledge(await actorFor(user), version.id, SIGN)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.pledge.versionNotFound",
      });
    }
    for (const id of ["phien-ban-1", MISSING_ID]) {
      await expect(signPledge(setup.leaderActors[0]!, id, SIGN)).rejects.toMatchObject({
        code: "NOT_FOUND",
        messageKey: "errors.pledge.versionNotFound",
      });
    }
    expect(await signaturesOf(version.id)).toHaveLength(0);
  });

  it("requires consent and a password (VALIDATION)", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const leader = setup.leaderActors[0]!;
    for (const input of [
      { password: TEST_PASSWORD },
      { password: TEST_PASSWORD, consent: false },
      { password: TEST_PASSWORD, consent: "true" },
    ]) {
      await expect(signPledge(leader, version.id, input)).rejects.toMatchObject({
        code: "VALIDATION",
        fieldIssues: [expect.objectContaining({ path: "consent", message: "validation.consentRequired" })],
      });
    }
    await expect(signPledge(leader, version.id, { password: "", consent: true })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [expect.objectContaining({ path: "password", message: "validation.required" })],
    });
    expect(await signaturesOf(version.id)).toHaveLength(0);
    expect(await failuresOf(`account:${leader.email}`)).toBe(0);
  });

  it("refuses a wrong password: VALIDATION on password, no signature, a counted failure and an audit row; locked after five", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    const ip = uniqueIp();
    setHeader("x-forwarded-for", ip);
    const leader = await actorFor(setup.leaders[0]!);

    await expect(
      signPledge(leader, version.id, { password: "MatKhauSai@1", consent: true }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fieldIssues: [{ path: "password", message: "validation.passwordWrong" }],
    });
    expect(await signaturesOf(version.id)).toHaveLength(0);
    expect(await failuresOf(`account:${leader.email}`)).toBe(1);
    expect(await failuresOf(`ip:${ip}`)).toBe(1);
    const audit = await auditOf(leader.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "auth.reauth.failed",
      entity: "User",
      entityId: leader.id,
      actorId: leader.id,
      ip,
      after: { purpose: "pledge.sign" },
    });

    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await expect(
        signPledge(leader, version.id, { password: `Sai${attempt}`, consent: true }),
      ).rejects.toMatchObject({ code: "VALIDATION" });
    }
    expect(await failuresOf(`account:${leader.email}`)).toBe(5);
    // Locked now, even with the right password.
    await expect(signPledge(leader, version.id, SIGN)).rejects.toMatchObject({
      code: "RATE_LIMITED",
      messageKey: "errors.rateLimited",
      params: { minutes: expect.any(Number) },
    });
    expect(await signaturesOf(version.id)).toHaveLength(0);
    expect(await db.auditLog.count({ where: { entityId: leader.id, action: "auth.reauth.failed" } })).toBe(5);

    // Another leader of the bloc is not affected by this account's failures.
    await expect(signPledge(setup.leaderActors[1]!, version.id, SIGN)).resolves.toMatchObject({
      created: true,
    });
  });
});

describe("the board of who has signed", () => {
  it("lists every member with its signature of the open version, for every reader", async () => {
    const setup = await pledgingYear({ memberCount: 4 });
    const { version, signatures } = await openWithSignatures(setup, [0, 3]);
    const readers = [
      setup.leaderActors[1]!,
      await actorFor(setup.staff[2]!),
      setup.secretariatActor,
      (await signedIn("BOARD")).actor,
    ];
    for (const reader of readers) {
      const overview = await getPledgeOverview(reader, setup.year.id);
      expect(overview.open).toMatchObject({ id: version.id, status: "OPEN", sha256: version.sha256 });
      const byCode = new Map(overview.board.map((row) => [row.agency.code, row.signature]));
      expect(byCode.size).toBe(4);
      expect(byCode.get(setup.agencies[0]!.code)).toEqual({
        id: signatures[0]!.id,
        signerName: setup.leaders[0]!.name,
        signerTitle: "Trưởng ban",
        signedAt: signatures[0]!.signedAt.toISOString(),
        seal: signatures[0]!.seal,
      });
      expect(byCode.get(setup.agencies[3]!.code)).toMatchObject({ id: signatures[1]!.id });
      expect(byCode.get(setup.agencies[1]!.code)).toBeNull();
      expect(byCode.get(setup.agencies[2]!.code)).toBeNull();
    }
    // Only leaders of members that have not signed may sign.
    await expect(getPledgeOverview(setup.leaderActors[1]!, setup.year.id)).resolves.toMatchObject({
      maySign: true,
    });
    await expect(getPledgeOverview(setup.leaderActors[0]!, setup.year.id)).resolves.toMatchObject({
      maySign: false,
      ownSignature: { id: signatures[0]!.id },
    });
    await expect(getPledgeOverview(await actorFor(setup.staff[1]!), setup.year.id)).resolves.toMatchObject({
      maySign: false,
    });
  });

  it("offers no signing outside pledging", async () => {
    const setup = await pledgingYear();
    await openWithSignatures(setup);
    await db.emulationYear.update({ where: { id: setup.year.id }, data: { phase: "SELF_ASSESSMENT" } });
    await expect(getPledgeOverview(setup.leaderActors[1]!, setup.year.id)).resolves.toMatchObject({
      maySign: false,
      mayDraft: false,
    });
  });
});
