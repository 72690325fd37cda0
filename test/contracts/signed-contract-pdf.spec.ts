import { createHash } from 'node:crypto';
import { sanitiseContractHtml } from '../../src/contracts/contract-html';
import { checkPdfSignature, isIntact, sameCertificate, signPdf } from '../../src/contracts/pdf-signature';
import { signatureImage } from '../../src/contracts/signature-image';
import { makeSelfSignedIdentity } from '../../src/contracts/signing-identity';
import { renderContractPdf } from '../../src/documents/contract.pdf';
import type { ContractDocument } from '../../src/documents/document-types';
import { htmlToBlocks } from '../../src/documents/html-blocks';
import { account, company } from '../documents/document-fixtures';
import { PdfScratch, squeeze } from '../documents/pdf-text';
import { blankSignature, drawnSignature } from './signature-fixture';

const BODY = sanitiseContractHtml(
  '<h1>Residential service agreement</h1>' +
    '<p>This agreement is between <strong>Backhaul Networks</strong> and <em>Prairie Hardware LLC</em>, account 4217.</p>' +
    '<h2>Services</h2><table><thead><tr><th>Service</th><th>Quantity</th><th>Price per period</th></tr></thead>' +
    '<tbody><tr><td>Fiber 500</td><td>1</td><td>$59.99</td></tr><tr><td>Static IP</td><td>2</td><td>$10.00</td></tr></tbody></table>' +
    '<h2>Terms</h2><ol><li>The term is 12 months.</li><li>Either side may end it with 30 days notice.<ul><li>In writing.</li></ul></li></ol>' +
    '<blockquote>Read this carefully.</blockquote><hr><p>See <a href="https://backhaul.example/terms">our terms</a>.</p>',
);

describe('a signed contract PDF', () => {
  const scratch = new PdfScratch();
  afterAll(() => scratch.close());
  const identity = makeSelfSignedIdentity('Backhaul Networks (test)', 'secret');
  const other = makeSelfSignedIdentity('Someone else', '');

  const document = async (): Promise<ContractDocument> => ({
    company,
    account,
    contract: {
      id: 77,
      name: 'Residential service agreement',
      html: BODY,
      documentSha256: createHash('sha256').update(BODY).digest('hex'),
      expiresOn: '2026-12-01',
    },
    signing: {
      name: 'Jordan Example',
      email: 'jordan@example.net',
      signedAt: '2025-12-01T15:04:05.123Z',
      clientAddress: '203.0.113.9',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Test',
      method: 'link',
      signaturePng: await signatureImage((await drawnSignature()).dataUrl),
    },
  });

  let signed: Buffer;
  beforeAll(async () => {
    const pdf = await renderContractPdf(await document());
    signed = await signPdf(pdf, identity, {
      reason: 'Contract 77 signed by Jordan Example',
      name: 'Jordan Example',
      location: 'Signing link',
      contactInfo: 'jordan@example.net',
    });
  });

  it('prints the document with its headings, table and lists, the signature, and the certificate page', async () => {
    const pages = (await scratch.pages(signed)).map(squeeze);
    const text = pages.join('\n');
    expect(text).toContain('AGREEMENT');
    expect(text).toContain('Residential service agreement');
    expect(text).toContain('This agreement is between Backhaul Networks and Prairie Hardware LLC, account 4217.');
    expect(text).toMatch(/Fiber 500 1 \$59\.99/);
    expect(text).toMatch(/1\. The term is 12 months\./);
    expect(text).toMatch(/• In writing\./);
    expect(text).toContain('our terms (https://backhaul.example/terms)');
    expect(text).toContain('Signed electronically on 2025-12-01 15:04:05 UTC');
    const certificate = pages[pages.length - 1];
    expect(certificate).toContain('Signing certificate');
    expect(certificate).toContain('Signed by Jordan Example');
    expect(certificate).toContain('jordan@example.net');
    expect(certificate).toContain('203.0.113.9');
    expect(certificate).toContain('Mozilla/5.0 (X11; Linux x86_64) Test');
    expect(certificate).toContain('By a signing link sent by email');
    expect(certificate).toContain('77 (Residential service agreement)');
    expect(certificate.replace(/\s/g, '')).toContain(createHash('sha256').update(BODY).digest('hex'));
  });

  it('carries a signature poppler reports valid, and our own check finds intact and ours', async () => {
    const report = await scratch.signatures(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signer Certificate Common Name: Backhaul Networks (test)');
    const check = checkPdfSignature(signed);
    expect(check).toMatchObject({ signed: true, coversWholeFile: true, digestMatches: true, signatureValid: true, problem: null });
    expect(isIntact(check)).toBe(true);
    expect(sameCertificate(check.certificatePem as string, identity.certificatePem)).toBe(true);
    expect(sameCertificate(check.certificatePem as string, other.certificatePem)).toBe(false);
  });

  it('is reported altered, by poppler and by our check, when one byte of the signed content changes', async () => {
    const tampered = Buffer.from(signed);
    // A byte of the document's own content, well before the signature.
    const at = tampered.indexOf('Residential service agreement');
    expect(at).toBeGreaterThan(0);
    tampered[at] = 'r'.charCodeAt(0);
    const report = await scratch.signatures(tampered);
    expect(report).not.toContain('Signature is Valid');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    const check = checkPdfSignature(tampered);
    expect(check.digestMatches).toBe(false);
    expect(isIntact(check)).toBe(false);
    expect(check.problem).toBe('The file was changed after it was signed');
  });

  it('finds bytes added after the signature, a forged signature and an unsigned file', async () => {
    const appended = Buffer.concat([signed, Buffer.from('\n% added later\n')]);
    expect(checkPdfSignature(appended)).toMatchObject({
      coversWholeFile: false,
      problem: 'Bytes were added to the file after it was signed',
    });

    // The same document signed by someone else verifies as a signature, but not as ours.
    const theirs = await signPdf(await renderContractPdf(await document()), other, {
      reason: 'x',
      name: 'x',
      location: 'x',
      contactInfo: '',
    });
    const check = checkPdfSignature(theirs);
    expect(isIntact(check)).toBe(true);
    expect(sameCertificate(check.certificatePem as string, identity.certificatePem)).toBe(false);

    const unsigned = await renderContractPdf(await document());
    expect(checkPdfSignature(unsigned)).toMatchObject({ signed: false, problem: 'The file holds no signature' });
  });

  it('refuses a signature pad image with nothing drawn, or something that is not a PNG', async () => {
    await expect(signatureImage(await blankSignature())).rejects.toMatchObject({ details: [{ field: 'signature', rule: 'notEmpty' }] });
    await expect(signatureImage(`data:image/png;base64,${Buffer.from('GIF89a not a png').toString('base64')}`)).rejects.toMatchObject({
      details: [{ field: 'signature' }],
    });
  });
});

describe('document HTML as blocks', () => {
  it('keeps every word, with styles, list markers, tables and links', () => {
    const blocks = htmlToBlocks(
      '<h2>Terms  of <em>service</em></h2><p>One <strong>bold\nword</strong><br>next line</p>' +
        '<ul><li>a</li><li>b<ol start="3"><li>c</li></ol></li></ul><table><tr><td>x</td><td>y</td></tr></table><p><a href="mailto:a@b.c">write</a></p>',
    );
    expect(blocks).toEqual([
      {
        kind: 'heading',
        level: 2,
        runs: [
          { text: 'Terms of ', bold: true },
          { text: 'service', bold: true, italic: true },
        ],
      },
      { kind: 'paragraph', indent: 0, runs: [{ text: 'One ' }, { text: 'bold word', bold: true }, { text: '\nnext line' }] },
      { kind: 'paragraph', indent: 16, marker: '•', runs: [{ text: 'a' }] },
      { kind: 'paragraph', indent: 16, marker: '•', runs: [{ text: 'b' }] },
      { kind: 'paragraph', indent: 32, marker: '3.', runs: [{ text: 'c' }] },
      { kind: 'table', header: null, rows: [['x', 'y']] },
      { kind: 'paragraph', indent: 0, runs: [{ text: 'write', underline: true }, { text: ' (a@b.c)' }] },
    ]);
  });
});
