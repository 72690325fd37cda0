import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

/** The instance's signing identity: a PKCS#12 bundle (key and certificate) and its passphrase. */
export interface SigningIdentity {
  p12: Buffer;
  passphrase: string;
  /** The certificate alone (PEM), to tell our signatures from others'. */
  certificatePem: string;
}

/** What the signature dictionary says, in words any PDF reader shows beside the signature. */
export interface SignatureDetails {
  reason: string;
  name: string;
  location: string;
  contactInfo: string;
}

/** Room for the CMS signature inside the file: a 2048- or 4096-bit key, its certificate and the attributes fit with room to spare. */
const SIGNATURE_BYTES = 16_384;

/**
 * Signs a finished PDF (PAdES basic: a detached CMS signature over the whole file but the signature
 * itself, as ISO 32000 describes), so any reader can tell whether a byte of it was changed since.
 */
export async function signPdf(pdf: Buffer, identity: SigningIdentity, details: SignatureDetails): Promise<Buffer> {
  const prepared = plainAddPlaceholder({ pdfBuffer: pdf, ...details, signatureLength: SIGNATURE_BYTES });
  const signer = new P12Signer(identity.p12, { passphrase: identity.passphrase });
  return new SignPdf().sign(prepared, signer);
}

/** What a signed PDF tells of itself, checked against its own bytes. */
export interface PdfSignatureCheck {
  /** A signature dictionary with a byte range and contents was found. */
  signed: boolean;
  /** The signature covers every byte of the file but its own contents, and nothing was appended. */
  coversWholeFile: boolean;
  /** The digest signed for equals the digest of the covered bytes. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the certificate it carries. */
  signatureValid: boolean;
  /** The certificate that signed (PEM), when one was found. */
  certificatePem: string | null;
  /** Why the check failed, in words, when it did. */
  problem: string | null;
}

const OID_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const OID_SHA256 = '2.16.840.1.101.3.4.2.1';

const notSigned = (problem: string): PdfSignatureCheck => ({
  signed: false,
  coversWholeFile: false,
  digestMatches: false,
  signatureValid: false,
  certificatePem: null,
  problem,
});

/** True when every part of the check holds: the file is exactly what was signed. */
export const isIntact = (check: PdfSignatureCheck): boolean =>
  check.signed && check.coversWholeFile && check.digestMatches && check.signatureValid;

/**
 * Checks the last signature of a PDF against the file's bytes, without trusting anything in the
 * file: the covered bytes are hashed here, the signed digest compared, and the signature over the
 * signed attributes verified with the certificate's key. Whose certificate it is, the caller decides.
 */
export function checkPdfSignature(pdf: Buffer): PdfSignatureCheck {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) return notSigned('The file holds no signature');
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) return notSigned('The signature byte range does not fit the file');
  const contents = /^<([0-9A-Fa-f]*)>/.exec(text.slice(b, c));
  if (!contents) return notSigned('The signature contents are not where the byte range says');
  const coversWholeFile = c + d === pdf.length;

  let cms: forge.asn1.Asn1;
  try {
    const der = Buffer.from(contents[1].replace(/(00)+$/, ''), 'hex');
    cms = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')), false);
  } catch {
    return { ...notSigned('The signature is not a CMS structure'), signed: true, coversWholeFile };
  }
  const parts = signerParts(cms);
  if (!parts) return { ...notSigned('The signature is not a CMS structure with one signer'), signed: true, coversWholeFile };

  const covered = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const digest = createHash('sha256').update(covered).digest();
  const digestMatches = parts.digestOid === OID_SHA256 && parts.messageDigest !== null && digest.equals(parts.messageDigest);
  let signatureValid = false;
  try {
    signatureValid = verifySignature('sha256', parts.signedAttributes, parts.certificatePem, parts.signature);
  } catch {
    signatureValid = false;
  }
  const check: PdfSignatureCheck = {
    signed: true,
    coversWholeFile,
    digestMatches,
    signatureValid,
    certificatePem: parts.certificatePem,
    problem: null,
  };
  if (!coversWholeFile) check.problem = 'Bytes were added to the file after it was signed';
  else if (!digestMatches) check.problem = 'The file was changed after it was signed';
  else if (!signatureValid) check.problem = 'The signature does not verify with its certificate';
  return check;
}

interface SignerParts {
  digestOid: string;
  messageDigest: Buffer | null;
  /** The signed attributes as the signature covers them: re-tagged as a SET (RFC 5652, 5.4). */
  signedAttributes: Buffer;
  signature: Buffer;
  certificatePem: string;
}

const { Class, Type } = forge.asn1;
const children = (node: forge.asn1.Asn1 | undefined): forge.asn1.Asn1[] => (node && Array.isArray(node.value) ? node.value : []);
const bytesOf = (node: forge.asn1.Asn1 | undefined): Buffer =>
  Buffer.from(node && typeof node.value === 'string' ? node.value : '', 'binary');
const oidOf = (node: forge.asn1.Asn1 | undefined): string =>
  node && node.type === Type.OID && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : '';

/** The one signer of a ContentInfo holding SignedData (RFC 5652), or null for anything else. */
function signerParts(contentInfo: forge.asn1.Asn1): SignerParts | null {
  const signedData = children(children(contentInfo)[1])[0];
  const fields = children(signedData);
  const signerInfos = fields.at(-1);
  const signers = children(signerInfos);
  if (signers.length !== 1) return null;
  const certificates = children(fields.find((f) => f.tagClass === Class.CONTEXT_SPECIFIC && f.type === 0));
  const signer = children(signers[0]);
  const attributes = signer.find((f) => f.tagClass === Class.CONTEXT_SPECIFIC && f.type === 0);
  const signature = signer.find((f) => f.tagClass === Class.UNIVERSAL && f.type === Type.OCTETSTRING);
  const digestAlgorithm = signer.find((f) => f.tagClass === Class.UNIVERSAL && f.type === Type.SEQUENCE && oidOf(children(f)[0]) !== '');
  if (!attributes || !signature || !digestAlgorithm || !certificates.length) return null;

  let messageDigest: Buffer | null = null;
  for (const attribute of children(attributes)) {
    const [oid, values] = children(attribute);
    if (oidOf(oid) === OID_MESSAGE_DIGEST) messageDigest = bytesOf(children(values)[0]);
  }
  const asSet = forge.asn1.create(Class.UNIVERSAL, Type.SET, true, children(attributes));
  const signedAttributes = Buffer.from(forge.asn1.toDer(asSet).getBytes(), 'binary');
  // The signer's certificate is the one whose key verifies; with our own signatures there is one.
  const certificatePem = certificatePemOf(certificates[0]);
  if (!certificatePem) return null;
  return { digestOid: oidOf(children(digestAlgorithm)[0]), messageDigest, signedAttributes, signature: bytesOf(signature), certificatePem };
}

function certificatePemOf(node: forge.asn1.Asn1): string | null {
  try {
    const der = Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
    return new X509Certificate(der).toString();
  } catch {
    return null;
  }
}

/** Whether two PEM certificates are the same certificate. */
export function sameCertificate(a: string, b: string): boolean {
  try {
    return new X509Certificate(a).fingerprint256 === new X509Certificate(b).fingerprint256;
  } catch {
    return false;
  }
}
