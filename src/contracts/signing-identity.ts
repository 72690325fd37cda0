import { Inject, Injectable } from '@nestjs/common';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import forge from 'node-forge';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ContractsErrorCode } from './contracts.error-codes';
import { DomainException } from '../common/errors';
import type { SigningIdentity } from './pdf-signature';

/** The certificate a local instance makes for itself is good for ten years. */
const SELF_SIGNED_YEARS = 10;

/**
 * A self-signed certificate and its key as a PKCS#12 bundle, for an instance without its own:
 * readers show such a signature as valid (the file is as signed) from an issuer they do not
 * know, which is what a local or test instance needs.
 */
export function makeSelfSignedIdentity(commonName: string, passphrase: string): SigningIdentity {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  // A positive serial: the leading byte below 0x80.
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  const now = new Date();
  certificate.validity.notBefore = new Date(now.getTime() - 24 * 3600_000);
  certificate.validity.notAfter = new Date(now.getTime() + SELF_SIGNED_YEARS * 365 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: commonName },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const bundle = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, { algorithm: '3des' });
  return {
    p12: Buffer.from(forge.asn1.toDer(bundle).getBytes(), 'binary'),
    passphrase,
    certificatePem: forge.pki.certificateToPem(certificate),
  };
}

/** The certificate of a PKCS#12 bundle, as PEM; a wrong passphrase or a file without one throws. */
export function certificateOfBundle(p12: Buffer, passphrase: string): string {
  const bundle = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))), passphrase);
  const bags = bundle.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const certificate = bags.find((bag) => bag.cert)?.cert;
  if (!certificate) throw new Error('The PKCS#12 file holds no certificate');
  return forge.pki.certificateToPem(certificate);
}

/**
 * The instance's signing identity, loaded once: the configured bundle, or, on an instance that is
 * not in production and has none, one made on first use and kept under STORAGE_DIR so every
 * contract of the instance carries the same certificate.
 */
@Injectable()
export class SigningIdentityService {
  private loading: Promise<SigningIdentity> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  identity(): Promise<SigningIdentity> {
    this.loading ??= this.load().catch((err) => {
      this.loading = null;
      throw err;
    });
    return this.loading;
  }

  private async load(): Promise<SigningIdentity> {
    const passphrase = this.config.CONTRACT_SIGNING_P12_PASSPHRASE;
    if (this.config.CONTRACT_SIGNING_P12) {
      const p12 = await readFile(resolve(this.config.CONTRACT_SIGNING_P12));
      return { p12, passphrase, certificatePem: certificateOfBundle(p12, passphrase) };
    }
    if (this.config.NODE_ENV === 'production') {
      throw new DomainException(
        ContractsErrorCode.SigningNotConfigured,
        'Contracts cannot be signed until CONTRACT_SIGNING_P12 names the certificate that signs their PDFs',
      );
    }
    const path = resolve(this.config.STORAGE_DIR, 'contract-signing', 'self-signed.p12');
    try {
      const p12 = await readFile(path);
      return { p12, passphrase, certificatePem: certificateOfBundle(p12, passphrase) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const made = makeSelfSignedIdentity(`${this.config.COMPANY_NAME} (local contract signing)`, passphrase);
    await mkdir(dirname(path), { recursive: true });
    // Written aside and linked into place, which fails if another process got there first: then its
    // bundle is the instance's, and the API and the worker never sign with two different keys.
    const aside = `${path}.${process.pid}.tmp`;
    await writeFile(aside, made.p12, { mode: 0o600 });
    try {
      await link(aside, path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await rm(aside, { force: true });
    }
    const kept = await readFile(path);
    return { p12: kept, passphrase, certificatePem: certificateOfBundle(kept, passphrase) };
  }
}
