import { createHash } from "node:crypto";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SignPdf } from "@signpdf/signpdf";
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from "@signpdf/utils";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { SigningIdentity } from "./pkcs12";

// PAdES baseline B-B signatures (ETSI EN 319 142-1) on the documents the system issues: the signature
// dictionary's SubFilter is ETSI.CAdES.detached and its M entry the signing time; the CMS SignedData is
// detached, signed with SHA-256 and RSA, and its signed attributes are content-type, message-digest and
// ESS signing-certificate-v2 (no signing-time attribute: PAdES takes the time from M). @signpdf adds the
// placeholder and fills in the byte range; this signer makes the CMS with PKI.js.

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
} as const;

// Node's Web Crypto as the global (typed as the DOM's Crypto, which pkijs expects).
const subtleCrypto = globalThis.crypto;
const crypto = new pkijs.CryptoEngine({ name: "node", crypto: subtleCrypto });

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function parseCertificate(bytes: Buffer): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBuffer(bytes));
}

/** ESS signing-certificate-v2: the SHA-256 of the signer's certificate and its issuer and serial number. */
function signingCertificateV2(certificate: Buffer, parsed: pkijs.Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({
        names: [new pkijs.GeneralName({ type: 4, value: parsed.issuer })],
      }).toSchema(),
      parsed.serialNumber,
    ],
  });
  // hashAlgorithm is left out: its default is id-sha256 (RFC 5035).
  const essCertIdV2 = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: arrayBuffer(createHash("sha256").update(certificate).digest()) }),
      issuerSerial,
    ],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** The CMS signer for @signpdf: signs the bytes the ByteRange covers. */
export class PadesSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  async sign(data: Buffer): Promise<Buffer> {
    const certificate = parseCertificate(this.identity.certificate);
    const digest = createHash("sha256").update(data).digest();
    const signedData = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({
            issuer: certificate.issuer,
            serialNumber: certificate.serialNumber,
          }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new pkijs.Attribute({
                type: OID.contentType,
                values: [new asn1js.ObjectIdentifier({ value: OID.data })],
              }),
              new pkijs.Attribute({
                type: OID.messageDigest,
                values: [new asn1js.OctetString({ valueHex: arrayBuffer(digest) })],
              }),
              new pkijs.Attribute({
                type: OID.signingCertificateV2,
                values: [signingCertificateV2(this.identity.certificate, certificate)],
              }),
            ],
          }),
        }),
      ],
      certificates: [certificate, ...this.identity.chain.map(parseCertificate)],
    });
    const key = await subtleCrypto.subtle.importKey(
      "pkcs8",
      arrayBuffer(this.identity.privateKey),
      { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
      false,
      ["sign"],
    );
    await signedData.sign(key, 0, "SHA-256", undefined, crypto);
    const contentInfo = new pkijs.ContentInfo({
      contentType: OID.signedData,
      content: signedData.toSchema(true),
    });
    return Buffer.from(contentInfo.toSchema().toBER(false));
  }
}

export interface SignatureDetails {
  /** The signing time (the signature dictionary's M entry). */
  signingTime: Date;
  /** Who signs: the organisation. */
  name: string;
  reason: string;
  location: string;
  /** Where the document can be checked (its registry entry). */
  contactInfo: string;
}

/** Room for the CMS in the placeholder, in bytes (a 2048- or 4096-bit key and a short chain fit). */
const SIGNATURE_LENGTH = 16_384;

/** Signs a PDF (as an incremental update covering the whole file but the signature itself). */
export async function signPdf(
  pdf: Buffer,
  identity: SigningIdentity,
  details: SignatureDetails,
): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: details.name,
    location: details.location,
    signingTime: details.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  return new SignPdf().sign(withPlaceholder, new PadesSigner(identity), details.signingTime);
}
