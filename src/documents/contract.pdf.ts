import { DocumentLayout, printableDocument, printableText, type Pair } from './document-layout';
import type { ContractDocument, SigningMethod } from './document-types';
import { htmlToBlocks, type Block, type Run } from './html-blocks';

const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#c8c8c8';
const HEADING_SIZES = { 1: 15, 2: 13, 3: 11.5, 4: 10.5 } as const;
const BODY_SIZE = 10;
const SIGNATURE_BOX = { width: 220, height: 80 };

const METHOD_WORDS: Record<SigningMethod, string> = {
  in_person: 'In person, on the screen of a staff member',
  link: 'By a signing link sent by email',
};

function fontOf(run: Run): string {
  if (run.bold && run.italic) return 'Helvetica-BoldOblique';
  if (run.bold) return 'Helvetica-Bold';
  if (run.italic) return 'Helvetica-Oblique';
  return 'Helvetica';
}

/** Styled runs as one paragraph that wraps and carries on over pages. */
function drawRuns(layout: DocumentLayout, runs: Run[], size: number, indent: number, marker?: string): void {
  const { pdf } = layout;
  const x = layout.left + indent;
  const width = layout.width - indent;
  const plain = runs.map((run) => run.text).join('');
  pdf.font('Helvetica').fontSize(size);
  layout.ensureSpace(Math.min(pdf.heightOfString(plain, { width }), 3 * size * 1.2));
  if (marker) {
    pdf
      .font('Helvetica')
      .fontSize(size)
      .fillColor(INK)
      .text(marker, x - 14, layout.y, { width: 12, align: 'right', lineBreak: false });
  }
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    pdf.font(fontOf(run)).fontSize(size).fillColor(INK);
    if (i === 0) pdf.text(run.text, x, layout.y, { width, continued: !last, underline: Boolean(run.underline) });
    else pdf.text(run.text, { continued: !last, underline: Boolean(run.underline) });
  });
  layout.y = pdf.y;
}

function drawBlock(layout: DocumentLayout, block: Block): void {
  const { pdf } = layout;
  switch (block.kind) {
    case 'heading':
      layout.ensureSpace(HEADING_SIZES[block.level] * 4);
      layout.gap(block.level <= 2 ? 6 : 3);
      drawRuns(layout, block.runs, HEADING_SIZES[block.level], 0);
      layout.gap(5);
      return;
    case 'paragraph':
      if (block.quote) pdf.fillColor(MUTED);
      drawRuns(layout, block.runs, BODY_SIZE, block.indent, block.marker);
      layout.gap(block.marker ? 3 : 7);
      return;
    case 'table': {
      const columns = (block.header ?? block.rows[0] ?? []).map((header) => ({ header: block.header ? header : '', weight: 1 }));
      if (!columns.length) return;
      layout.table(
        columns,
        block.rows.map((cells) => [{ cells }]),
      );
      return;
    }
    case 'rule':
      layout.ensureSpace(12);
      pdf
        .moveTo(layout.left, layout.y + 4)
        .lineTo(layout.left + layout.width, layout.y + 4)
        .lineWidth(0.75)
        .strokeColor(RULE)
        .stroke();
      layout.gap(12);
      return;
  }
}

/**
 * A signed contract as a PDF: the document as it was written, the signature with the signer's
 * name and the date under it, and a last page recording how it was signed. The bytes depend only
 * on the data, so the same signing renders the same file; the digital signature is added after.
 */
export async function renderContractPdf(data: ContractDocument): Promise<Buffer> {
  const doc = printableDocument({ ...data, signing: { ...data.signing, signaturePng: Buffer.alloc(0) } });
  const { contract, signing } = doc;
  const signedOn = signing.signedAt.slice(0, 10);
  const layout = new DocumentLayout({
    title: `${contract.name} (contract ${contract.id})`,
    subject: `Contract ${contract.id} for account ${doc.account.id}`,
    company: doc.company,
    date: signedOn,
  });

  const facts: Pair[] = [
    { label: 'Contract', value: String(contract.id) },
    { label: 'Signed', value: signedOn },
    ...(contract.expiresOn ? [{ label: 'Expires', value: contract.expiresOn }] : []),
  ];
  layout.header('AGREEMENT', facts, 'Subscriber', doc.account);
  for (const block of htmlToBlocks(printableText(contract.html))) drawBlock(layout, block);

  const { pdf } = layout;
  layout.gap(12);
  layout.ensureSpace(SIGNATURE_BOX.height + 60);
  layout.heading('Signature', SIGNATURE_BOX.height + 30);
  const top = layout.y;
  pdf.image(data.signing.signaturePng, layout.left, top, { fit: [SIGNATURE_BOX.width, SIGNATURE_BOX.height] });
  layout.y = top + SIGNATURE_BOX.height + 4;
  pdf
    .moveTo(layout.left, layout.y)
    .lineTo(layout.left + SIGNATURE_BOX.width, layout.y)
    .lineWidth(0.75)
    .strokeColor(INK)
    .stroke();
  layout.gap(4);
  pdf.font('Helvetica-Bold').fontSize(BODY_SIZE).fillColor(INK).text(signing.name, layout.left, layout.y, { width: layout.width });
  pdf
    .font('Helvetica')
    .fontSize(9)
    .fillColor(MUTED)
    .text(`Signed electronically on ${signing.signedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}`, layout.left, pdf.y, {
      width: layout.width,
    });
  layout.y = pdf.y + 10;

  layout.newPage();
  layout.heading('Signing certificate');
  layout.paragraph(
    'This page records how the agreement above was signed. The file carries a digital signature of the issuer: ' +
      'a PDF reader shows whether a byte of it has changed since it was signed.',
    { color: MUTED },
  );
  layout.pairs(
    [
      { label: 'Signed by', value: signing.name, strong: true },
      { label: 'Email', value: signing.email ?? 'not given' },
      { label: 'Signed at', value: signing.signedAt },
      { label: 'Client address', value: signing.clientAddress ?? 'not known' },
      { label: 'Browser', value: signing.userAgent ?? 'not known' },
      { label: 'How it was signed', value: METHOD_WORDS[signing.method] },
      { label: 'Contract', value: `${contract.id} (${contract.name})` },
      { label: 'Account', value: `${doc.account.id} (${doc.account.name})` },
      { label: 'Document SHA-256 before signing', value: contract.documentSha256 },
    ],
    { x: layout.left, width: layout.width },
    0.35,
  );
  return layout.finish();
}
