import { createHash, generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

// The organisation's document certificate: a PKCS#12 file (private key and certificate chain) read
// with node-forge, and, for demo mode and tests, a self-signed one made the same way.

export interface SigningIdentity {
  /** PKCS#8 DER of the private key. */
  privateKey: Buffer;
  /** DER of the signer's certificate. */
  certificate: Buffer;
  /** DER of the other certificates of the file (its chain), signer's first issuer first. */
  chain: Buffer[];
  /** SHA-256 of the certificate's DER, hex: how the registry names it. */
  fingerprint: string;
  subject: string;
  /** The subject's O and CN, when present. */
  organisation: string | null;
  commonName: string | null;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** The certificate as PEM (kept in the registry so that documents stay verifiable after a rotation). */
  pem: string;
}

// @types/node-forge types valueTagClass as an asn1.Class; forge reads it as the value's asn1.Type.
const UTF8 = forge.asn1.Type.UTF8 as number as forge.asn1.Class;

const der = (asn1: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
const certDer = (cert: forge.pki.Certificate) => der(forge.pki.certificateToAsn1(cert));

// forge keeps UTF8String values as their UTF-8 bytes.
const text = (attribute: forge.pki.CertificateField) =>
  Number(attribute.valueTagClass) === UTF8
    ? forge.util.decodeUtf8(String(attribute.value))
    : String(attribute.value);

function distinguishedName(attributes: forge.pki.CertificateField[]): string {
  return attributes
    .map((attribute) => `${attribute.shortName ?? attribute.name}=${text(attribute)}`)
    .join(", ");
}

function field(attributes: forge.pki.CertificateField[], shortName: string): string | null {
  const attribute = attributes.find((candidate) => candidate.shortName === shortName);
  return attribute ? text(attribute) : null;
}

/** Reads a PKCS#12 file: its private key and the certificate that matches it, with the rest as its chain. */
export function readPkcs12(p12: Buffer, password: string): SigningIdentity {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(p12.toString("binary")), false, password);
  } catch (error) {
    throw new Error(
      `The document signing certificate (PKCS#12) cannot be read: ${error instanceof Error ? error.message : String(error)} (wrong password or not a .p12 file).`,
    );
  }
  const keyBags = [
    ...(parsed.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[
      forge.pki.oids.pkcs8ShroudedKeyBag!
    ] ?? []),
    ...(parsed.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const key = keyBags.find((bag) => bag.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new Error("The document signing certificate (PKCS#12) holds no RSA private key.");
  const certificates = (
    parsed.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []
  ).flatMap((bag) => (bag.cert ? [bag.cert] : []));
  const signer = certificates.find((cert) => {
    const publicKey = cert.publicKey as forge.pki.rsa.PublicKey;
    return publicKey.n?.equals(key.n) && publicKey.e?.equals(key.e);
  });
  if (!signer)
    throw new Error("The document signing certificate (PKCS#12) holds no certificate for its private key.");
  const certificate = certDer(signer);
  return {
    privateKey: der(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))),
    certificate,
    chain: certificates.filter((cert) => cert !== signer).map(certDer),
    fingerprint: createHash("sha256").update(certificate).digest("hex"),
    subject: distinguishedName(signer.subject.attributes),
    organisation: field(signer.subject.attributes, "O"),
    commonName: field(signer.subject.attributes, "CN"),
    issuer: distinguishedName(signer.issuer.attributes),
    serialNumber: signer.serialNumber,
    notBefore: signer.validity.notBefore,
    notAfter: signer.validity.notAfter,
    pem: forge.pki.certificateToPem(signer),
  };
}

export interface SelfSignedOptions {
  commonName: string;
  organization: string;
  password: string;
  notBefore: Date;
  notAfter: Date;
}

/**
 * A self-signed document certificate as a PKCS#12 file (RSA 2048, SHA-256, AES-256): for demo mode and
 * tests only. Its key usage allows digital signatures and non-repudiation (content commitment).
 */
export function createSelfSignedPkcs12(options: SelfSignedOptions): Buffer {
  const { privateKey: privatePem, publicKey: publicPem } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const key = forge.pki.privateKeyFromPem(privatePem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  // A positive serial of 16 random bytes.
  cert.serialNumber = `01${randomBytes(15).toString("hex")}`;
  cert.validity.notBefore = options.notBefore;
  cert.validity.notAfter = options.notAfter;
  const name = [
    // UTF8String: names are Vietnamese.
    { name: "commonName", value: options.commonName, valueTagClass: UTF8 },
    { name: "organizationName", value: options.organization, valueTagClass: UTF8 },
    { name: "countryName", value: "VN" },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(key, [cert], options.password, {
    algorithm: "aes256",
    friendlyName: options.commonName,
  });
  return der(p12);
}
