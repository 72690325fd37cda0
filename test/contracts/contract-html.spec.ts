import { escapeHtml, sanitiseContractHtml } from '../../src/contracts/contract-html';
import { contractTemplateErrors, renderContractHtml, type ContractMergeValues } from '../../src/contracts/contract-merge-fields';

describe('contract HTML', () => {
  it('keeps what an agreement needs: headings, emphasis, lists, tables, rules and links', () => {
    const html =
      '<h1>Service agreement</h1><p>Between <strong>us</strong> and <em>you</em>.</p>' +
      '<ol start="2"><li>One</li><li>Two</li></ol><table><tr><th>A</th></tr><tr><td colspan="2">b</td></tr></table><hr>' +
      '<p><a href="https://example.net/terms">terms</a></p>';
    const clean = sanitiseContractHtml(html);
    for (const kept of [
      '<h1>',
      '<strong>us</strong>',
      '<em>you</em>',
      '<ol start="2">',
      '<li>Two</li>',
      '<th>A</th>',
      '<td colspan="2">',
      '<hr />',
    ]) {
      expect(clean).toContain(kept);
    }
    expect(clean).toContain('<a href="https://example.net/terms">terms</a>');
  });

  it('removes scripts, event handlers, styles, remote resources and script links', () => {
    const html =
      '<p onclick="steal()">Hello<script>alert(1)</script></p><img src="https://tracker.example/p.gif" onerror="alert(2)">' +
      '<p style="background:url(https://x.example/a)">styled</p><iframe src="https://evil.example"></iframe>' +
      '<a href="javascript:alert(3)">click</a><svg><script>alert(4)</script></svg><link rel="stylesheet" href="https://x.example/s.css">';
    const clean = sanitiseContractHtml(html);
    for (const gone of [
      'script',
      'alert',
      'onclick',
      'onerror',
      '<img',
      'tracker',
      'style=',
      'url(',
      'iframe',
      'evil',
      'javascript:',
      'svg',
      '<link',
    ]) {
      expect(clean).not.toContain(gone);
    }
    expect(clean).toContain('Hello');
    expect(clean).toContain('styled');
    expect(clean).toContain('click');
  });

  it('escapes text so that a value can never become markup', () => {
    expect(escapeHtml(`<b onmouseover="x">Tom & "Jerry's"</b>`)).toBe(
      '&lt;b onmouseover=&quot;x&quot;&gt;Tom &amp; &quot;Jerry&#39;s&quot;&lt;/b&gt;',
    );
  });
});

describe('contract merge fields', () => {
  const values: ContractMergeValues = {
    text: { 'account.name': "<script>alert(1)</script> O'Brien & Sons", 'account.id': '42', 'contract.term': '12 months' },
    services: [
      { name: 'Fiber 500 <fast>', quantity: 1, price: '$59.99' },
      { name: 'Static IP', quantity: 2, price: '$10.00' },
    ],
  };

  it('names each unknown field and an unclosed one', () => {
    const errors = contractTemplateErrors('bodyHtml', '<p>{{account.name}} {{account.nickname}} {{ invoice.total }} {{account.id</p>');
    expect(errors.map((e) => e.rule)).toEqual(['mergeField', 'mergeField', 'unclosedMergeField']);
    expect(errors[0].message).toContain('{{account.nickname}}');
    expect(errors[1].message).toContain('{{invoice.total}}');
    expect(errors.every((e) => e.field === 'bodyHtml')).toBe(true);
    expect(contractTemplateErrors('bodyHtml', '<p>{{ account.name }} for {{contract.term}}: {{account.services}}</p>')).toEqual([]);
  });

  it('fills fields in as escaped text, and the services as a table', () => {
    const html = renderContractHtml(
      '<h2>{{account.name}}</h2><p>Account {{ account.id }}, {{contract.term}}.</p>{{account.services}}',
      values,
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; O'Brien &amp; Sons");
    expect(html).toContain('Account 42, 12 months.');
    expect(html).toContain('<td>Fiber 500 &lt;fast&gt;</td><td>1</td><td>$59.99</td>');
    expect(html).toContain('<th>Service</th>');
    expect(html).toContain('<td>Static IP</td><td>2</td><td>$10.00</td>');
  });

  it('prints a field without a value as nothing, and an account without services as a line saying so', () => {
    const html = renderContractHtml('<p>[{{contact.phone}}]</p>{{account.services}}', { text: {}, services: [] });
    expect(html).toBe('<p>[]</p><p><em>No services.</em></p>');
  });
});
