import { MERGE_FIELDS, renderTemplate, templateErrors } from '../../src/correspondence-templates/merge-fields';

describe('merge fields in a template', () => {
  it('fills in every known field, with or without spaces inside the braces', () => {
    const sut = renderTemplate('Dear {{contact.name}}, invoice {{ invoice.number }} is {{invoice.total}}.', {
      'contact.name': 'Ada',
      'invoice.number': 'INV-7',
      'invoice.total': '12.50 USD',
    });
    expect(sut).toBe('Dear Ada, invoice INV-7 is 12.50 USD.');
  });

  it('leaves a field empty when the message is not about what it names', () => {
    expect(renderTemplate('Reason: {{payment.failure_reason}}.', {})).toBe('Reason: .');
  });

  it('accepts a template that names only known fields', () => {
    const all = Object.keys(MERGE_FIELDS)
      .map((f) => `{{${f}}}`)
      .join(' ');
    expect(templateErrors('bodyText', all)).toEqual([]);
  });

  it('names an unknown field and the request field it is in', () => {
    const errors = templateErrors('subject', 'Hello {{account.nmae}}');
    expect(errors).toEqual([{ field: 'subject', rule: 'mergeField', message: expect.stringContaining('{{account.nmae}}') }]);
  });

  it('reports an opening without its closing, with the line it is on', () => {
    const errors = templateErrors('bodyText', 'Hello\nTotal {{invoice.total\nBye');
    expect(errors).toEqual([{ field: 'bodyText', rule: 'unclosedMergeField', message: expect.stringContaining('line 2') }]);
  });

  it('reports the first of two openings when only the second is closed', () => {
    const errors = templateErrors('bodyText', 'A {{account.name B {{account.id}}');
    expect(errors.map((e) => e.rule)).toEqual(['unclosedMergeField']);
  });
});
