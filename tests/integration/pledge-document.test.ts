import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getSignedDocument } from "@/lib/pledges/document";
import { pledgeFile } from "@/lib/documents/downloads";
import { signPledge } from "@/lib/pledges/signatures";
import { makeAgency, makeBlocWithYear, makePledgeVersion, TEST_PASSWORD } from "@/prisma/seed/factories";
import { actorFor, newAdmin, signedIn } from "../support/dal";
import { openWithSignatures, pledgeContent, pledgingYear } from "../support/pledges";
import { pdfPages as pdfText } from "../support/pdf-text";

const MISSING_ID = "00000000-0000-4000-8000-000000000000";

describe("getSignedDocument", () => {
  it("gives the frozen version, each member frozen into it with its signature or none, and the verification URL", async () => {
    const setup = await pledgingYear();
    await db.bloc.update({ where: { id: setup.bloc.id }, data: { place: "Nam Định" } });
    const { version, signatures } = await openWithSignatures(setup, [0, 2]);
    // A member added after the version opened is not bound by it.
    const newcomer = await makeAgency(db);
    await db.yearMember.create({ data: { yearId: setup.year.id, agencyId: newcomer.id } });

    const doc = await getSignedDocument(await actorFor(setup.staff[1]!), version.id);
    expect(doc).toMatchObject({
      bloc: { name: setup.bloc.name, place: "Nam Định" },
      year: 2022,
      version: {
        id: version.id,
        number: 1,
        status: "OPEN",
        sha256: version.sha256,
        content: { title: version.title },
      },
      verificationUrl: `http://localhost:3000/verify/pledge/${version.id}`,
    });
    expect(doc.members.map((member) => member.code)).toEqual(
      setup.agencies.map((agency) => agency.code).sort(),
    );
    const byCode = new Map(doc.members.map((member) => [member.code, member]));
    expect(byCode.get(setup.agencies[0]!.code)).toMatchObject({
      name: setup.agencies[0]!.name,
      signature: { id: signatures[0]!.id, seal: signatures[0]!.seal },
    });
    expect(byCode.get(setup.agencies[1]!.code)!.signature).toBeNull();
    expect(byCode.get(setup.agencies[2]!.code)!.signature).toMatchObject({
      id: signatures[1]!.id,
      signerName: setup.leaders[2]!.name,
    });
    expect(byCode.has(newcomer.code)).toBe(false);
  });

  it("is readable by the board and the admin, CONFLICT for a draft, NOT_FOUND outside the year or for an unknown id", async () => {
    const setup = await pledgingYear();
    const { version } = await openWithSignatures(setup);
    for (const actor of [(await signedIn("BOARD")).actor, await newAdmin()]) {
      await expect(getSignedDocument(actor, version.id)).resolves.toMatchObject({
        version: { id: version.id },
      });
    }
    const draft = await makePledgeVersion(db, {
      yearId: setup.year.id,
      createdById: setup.secretariat.id,
      status: "DRAFT",
    });
    await expect(getSignedDocument(setup.leaderActors[0]!, draft.id)).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "errors.pledge.notOpen",
    });
    const other = await makeBlocWithYear(db, { phase: "PLEDGING", memberCount: 2 });
    await expect(getSignedDocument(await actorFor(other.leaders[0]!), version.id)).rejects.toMatchObject({
      code: "NOT_FOUND",
      messageKey: "errors.pledge.versionNotFound",
    });
    for (const id of ["ban-in", MISSING_ID]) {
      await expect(getSignedDocument(setup.leaderActors[0]!, id)).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });
});

describe("the signed pledge PDF (pledgeFile)", () => {
  it("prints the signed pledge in the official layout with every signer, then the certificate with every seal", async () => {
    const setup = await pledgingYear();
    await db.bloc.update({ where: { id: setup.bloc.id }, data: { place: "Nam Định" } });
    const title = "Giao ước thi đua năm 2022 của Khối";
    const { version } = await openWithSignatures(
      setup,
      [0, 1],
      pledgeContent({ title, targets: "1. Hoàn thành **100%** chỉ tiêu được giao" }),
    );
    const { signature } = await signPledge(setup.leaderActors[2]!, version.id, {
      password: TEST_PASSWORD,
      consent: true,
    });

    const buffer = (await pledgeFile(setup.leaderActors[0]!, version.id)).bytes;
    expect(Buffer.isBuffer(buffer)).toBe(true);
    expect(buffer.subarray(0, 4).toString("latin1")).toBe("%PDF");

    const pages = await pdfText(buffer);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join("\n");
    const [certificate] = pages.slice(-1);
    // The document type is printed in capitals by the layout.
    expect(all).toContain("BẢN GIAO ƯỚC THI ĐUA NĂM 2022");
    expect(all).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(all).toContain(title);
    expect(all).toContain("Hoàn thành 100% chỉ tiêu được giao");
    expect(all).toContain("Nam Định");
    for (const leader of setup.leaders) expect(all).toContain(leader.name);

    expect(certificate).toContain("CHỨNG NHẬN CHỮ KÝ ĐIỆN TỬ");
    // Long hex strings wrap inside their table cell: compare them without the line breaks.
    const compact = certificate!.replace(/\s+/g, "");
    expect(compact).toContain(version.sha256!);
    const rows = await db.pledgeSignature.findMany({ where: { versionId: version.id } });
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(compact).toContain(row.seal);
      expect(certificate).toContain(row.signerName);
      expect(certificate).toContain(row.agencyName);
    }
    expect(compact).toContain(signature.seal);
    expect(certificate).toContain("Ký trực tuyến, xác thực lại bằng mật khẩu");
    expect(certificate).toContain(`/verify/pledge/${version.id}`);
  }, 60_000);

  it("marks members that have not signed, and a superseded version as such", async () => {
    const setup = await pledgingYear({ memberCount: 2 });
    const { version } = await openWithSignatures(setup, [0]);
    await openWithSignatures(setup, [], { targets: "Chỉ tiêu của phiên bản 2" });

    const pages = await pdfText((await pledgeFile(setup.secretariatActor, version.id)).bytes);
    const all = pages.join("\n");
    expect(all).toContain("(Chưa ký)");
    expect(all).toContain("đã được thay thế bằng phiên bản mới");
    expect(all).toContain(setup.leaders[0]!.name);
    expect(all).not.toContain(setup.leaders[1]!.name);
  }, 60_000);
});
