import { sanitizeMailHtml, textOfHtml } from '../../src/inbound-mail/mail-html';

/** The HTML of inbound mail, as it is kept and shown: formatting stays, anything that runs or loads goes. */
describe('the inbound mail HTML sanitiser', () => {
  const sut = sanitizeMailHtml;

  it('removes script elements with their content', () => {
    const out = sut('<p>Hello</p><script>alert(document.cookie)</script><SCRIPT src="https://evil.example/x.js"></SCRIPT>');
    expect(out).toBe('<p>Hello</p>');
  });

  it('removes event handlers and style, keeping the element', () => {
    const out = sut('<p onclick="steal()" style="background:url(https://evil.example/t.png)">Hi <b onmouseover="x()">there</b></p>');
    expect(out).toBe('<p>Hi <b>there</b></p>');
  });

  it('drops javascript:, vbscript: and data: links however they are disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java&#x09;script:alert(1)',
      'vbscript:msgbox',
      'data:text/html,<script>x</script>',
    ]) {
      const out = sut(`<a href="${href}">click</a>`);
      expect(out).not.toMatch(/script:|data:/i);
      expect(out).toContain('click');
    }
  });

  it('keeps web and mail links, opening them in a new tab without a referrer', () => {
    expect(sut('<a href="https://isp.example/help" onclick="x()">help</a>')).toBe(
      '<a href="https://isp.example/help" rel="noopener noreferrer nofollow" target="_blank">help</a>',
    );
    expect(sut('<a href="mailto:support@isp.example">write</a>')).toContain('href="mailto:support@isp.example"');
    expect(sut('<a href="/api/accounts/1">relative</a>')).toBe('<a rel="noopener noreferrer nofollow" target="_blank">relative</a>');
  });

  it('removes images from the internet unless they are allowed, and always SVG', () => {
    const html = '<p>Logo<img src="https://tracker.example/pixel.gif?id=42" alt="logo"><img src="x" onerror="alert(1)"></p>';
    expect(sut(html)).toBe('<p>Logo</p>');
    expect(sut(html, { remoteImages: true })).toBe('<p>Logo<img src="https://tracker.example/pixel.gif?id=42" alt="logo" /></p>');
    expect(sut('<img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">')).toBe('');
    expect(sut('<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline">')).toBe(
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline" />',
    );
  });

  it('removes frames, forms, style sheets, objects, meta refreshes and base URLs', () => {
    const out = sut(
      '<style>body{display:none}</style><iframe src="https://evil.example"></iframe><form action="https://evil.example"><input name="p"></form>' +
        '<object data="x.swf"></object><embed src="x"><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/">' +
        '<svg><script>alert(1)</script></svg><math><mtext></mtext></math>ok',
    );
    expect(out).toBe('ok');
  });

  it('keeps tables and text formatting as mail clients write them', () => {
    const html =
      '<table border="0" cellpadding="2"><tr><td colspan="2" align="right"><font color="#336699">Total</font></td></tr></table><ul><li><i>one</i></li></ul>';
    expect(sut(html)).toBe(html);
  });

  it('gives plain text for an HTML-only message', () => {
    expect(textOfHtml('<p>Line one<br>Line &amp; two</p><script>bad()</script><div>Three &lt;3</div>')).toBe(
      'Line one\nLine & two\nThree <3',
    );
  });
});
