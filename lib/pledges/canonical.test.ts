import { describe, expect, it } from "vitest";
import {
  canonicalJson,
  canonicalPledge,
  canonicalSignature,
  documentFrame,
  normalizeText,
  sealKeyId,
  sealMatches,
  sealSignature,
  sha256Hex,
  type PledgeDocument,
  type SignatureRecord,
} from "./canonical";

const document: PledgeDocument = {
  bloc: { id: "0195f0a0-0000-7000-8000-000000000001", name: "Khối thi đua các cơ quan Đảng" },
  year: { id: "0195f0a0-0000-7000-8000-000000000002", year: 2022 },
  version: { id: "0195f0a0-0000-7000-8000-000000000003", number: 1 },
  members: [
    { code: "btg", name: "Ban Tuyên giáo Tỉnh ủy" },
    { code: "bdv", name: "Ban Dân vận Tỉnh ủy" },
  ],
  openedAt: "2022-03-01T02:00:00.000Z",
  title: "Giao ước thi đua năm 2022",
  preamble: "Thực hiện phong trào thi đua yêu nước…",
  goals: "- Hoàn thành xuất sắc nhiệm vụ",
  targets: "100% chỉ tiêu",
  movement: "Thi đua **lập thành tích**",
  commitments: "Cam kết thực hiện",
  criteriaReference: "Bảng tiêu chí năm 2022",
};

const record: SignatureRecord = {
  versionId: document.version.id,
  documentSha256: "a".repeat(64),
  agency: { id: "0195f0a0-0000-7000-8000-000000000004", code: "bdv", name: "Ban Dân vận Tỉnh ủy" },
  signer: { id: "0195f0a0-0000-7000-8000-000000000005", name: "Đỗ Quang Khải", title: "Trưởng ban" },
  authMethod: "PASSWORD_REAUTH",
  authenticatedAt: "2022-03-02T03:04:05.000Z",
  ip: "203.0.113.7",
  userAgent: "Mozilla/5.0",
  signedAt: "2022-03-02T03:04:05.678Z",
};

describe("canonical JSON", () => {
  it("sorts keys at every level, keeps array order and has no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null }, é: true })).toBe(
      '{"a":{"c":null,"d":[3,1]},"b":1,"é":true}',
    );
  });

  it("normalises strings to NFC, so the same Vietnamese text in another Unicode form hashes the same", () => {
    const decomposed = "Tiếng Việt".normalize("NFD");
    expect(decomposed).not.toBe("Tiếng Việt");
    expect(canonicalJson(decomposed)).toBe(canonicalJson("Tiếng Việt"));
  });

  it("refuses numbers that are not safe integers", () => {
    expect(() => canonicalJson(1.5)).toThrow();
  });
});

describe("the pledge's canonical form and hash", () => {
  it("is stable: a fixed document always gives the same bytes and the same SHA-256", () => {
    const canonical = canonicalPledge(document);
    expect(
      canonical.startsWith(
        '{"bloc":{"id":"0195f0a0-0000-7000-8000-000000000001","name":"Khối thi đua các cơ quan Đảng"},"commitments":"Cam kết thực hiện",',
      ),
    ).toBe(true);
    expect(sha256Hex(canonical)).toBe(sha256Hex(canonicalPledge({ ...document })));
    expect(sha256Hex(canonical)).toMatch(/^[0-9a-f]{64}$/);
    // Pinned: changing the canonical form must be a deliberate new format, never an accident.
    expect(sha256Hex(canonical)).toBe("1b6288c236412ce2a3311ecf7e7949a209786623ccea916df2701918d7bddc25");
  });

  it("does not depend on member order, line endings or trailing spaces", () => {
    const variant = {
      ...document,
      members: [...document.members].reverse(),
      preamble: `${document.preamble}  \r\n`,
      goals: document.goals.replace(/\n/g, "\r\n"),
    };
    expect(canonicalPledge(variant)).toBe(canonicalPledge(document));
  });

  it("changes with any word of the content or any member", () => {
    const base = sha256Hex(canonicalPledge(document));
    expect(sha256Hex(canonicalPledge({ ...document, targets: "99% chỉ tiêu" }))).not.toBe(base);
    expect(sha256Hex(canonicalPledge({ ...document, members: document.members.slice(1) }))).not.toBe(base);
    expect(sha256Hex(canonicalPledge({ ...document, version: { ...document.version, number: 2 } }))).not.toBe(
      base,
    );
  });

  it("gives back its frame to rebuild the document from the stored columns", () => {
    const frame = documentFrame(canonicalPledge(document));
    expect(canonicalPledge({ ...frame, ...document })).toBe(canonicalPledge(document));
    expect(frame.members.map((member) => member.code)).toEqual(["bdv", "btg"]);
  });

  it("trims and normalises text", () => {
    expect(normalizeText("  a  \r\nb\t\r\n\r\n")).toBe("a\nb");
  });
});

describe("signature seals", () => {
  const key = "k".repeat(48);

  it("verify the record they were made for", () => {
    const seal = sealSignature(record, key);
    expect(seal).toMatch(/^[0-9a-f]{64}$/);
    expect(sealMatches(record, key, seal)).toBe(true);
  });

  it("detect any change of the record, another key, or a mangled seal", () => {
    const seal = sealSignature(record, key);
    expect(sealMatches({ ...record, signer: { ...record.signer, name: "Người khác" } }, key, seal)).toBe(
      false,
    );
    expect(sealMatches({ ...record, signedAt: "2022-03-02T03:04:05.679Z" }, key, seal)).toBe(false);
    expect(sealMatches({ ...record, documentSha256: "b".repeat(64) }, key, seal)).toBe(false);
    expect(sealMatches({ ...record, ip: null }, key, seal)).toBe(false);
    expect(sealMatches(record, "x".repeat(48), seal)).toBe(false);
    expect(sealMatches(record, key, seal.slice(0, 63))).toBe(false);
    expect(sealMatches(record, key, "zz")).toBe(false);
  });

  it("seal a stable canonical record", () => {
    expect(canonicalSignature(record)).toContain('"format":"khoithidua.pledge-signature.v1"');
    expect(canonicalSignature({ ...record })).toBe(canonicalSignature(record));
  });

  it("name the key by a digest, not the key itself", () => {
    expect(sealKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(sealKeyId(key)).not.toContain("k");
    expect(sealKeyId(key)).not.toBe(sealKeyId("y".repeat(48)));
  });
});
