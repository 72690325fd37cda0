import { isEmailAddress, mailboxAddress } from '../../src/email/email-address';

describe('what counts as one email address', () => {
  it.each([
    'jane@example.com',
    'jane.doe+billing@mail.example.co.uk',
    "o'brien@example.ie",
    'x@xn--bcher-kva.example',
    'A_B-c@sub-domain.example.org',
  ])('takes %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each([
    '',
    'jane',
    'jane@',
    '@example.com',
    'jane@@example.com',
    'jane@example',
    'jane@example.c0m',
    'jane..doe@example.com',
    '.jane@example.com',
    'jane doe@example.com',
    'jane@exa mple.com',
    'jane@-example.com',
    'a@example.com, b@example.com',
    'Jane <jane@example.com>',
    'jane@example.com\r\nBcc: all@example.com',
    `${'a'.repeat(65)}@example.com`,
    `a@${'b'.repeat(250)}.com`,
  ])('refuses %j', (address) => {
    expect(isEmailAddress(address)).toBe(false);
  });

  it('reads the address out of a "Name <address>" sender', () => {
    expect(mailboxAddress('Backhaul <billing@backhaul.local>')).toBe('billing@backhaul.local');
    expect(mailboxAddress('billing@backhaul.local')).toBe('billing@backhaul.local');
  });
});
