import { describe, it, expect } from 'vitest';
import type { Value } from '../../../engine/transforms/transform.js';
import { failure, run } from './fixtures.js';
import { isEmailShape } from '../../../engine/transforms/contact.js';

describe('email', () => {
  it.each<[Value, Value]>([
    ['jane@acme.com', 'jane@acme.com'],
    ['  Jane.Doe@ACME.com ', 'jane.doe@acme.com'],
    ['Jane Doe <Jane@Acme.com>', 'jane@acme.com'],
    ['mailto:sales@acme.co.uk', 'sales@acme.co.uk'],
    ['first.last+crm@sub.example.org', 'first.last+crm@sub.example.org'],
    ["o'neil@example.ie", "o'neil@example.ie"],
    ['José@Exämple.de', 'josé@exämple.de'],
    ['用户@例子.广告', '用户@例子.广告'],
    ['', null],
    [null, null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('email', input)).toBe(expected);
  });

  it.each<[Value, string]>([
    ['jane', '"jane" is not an email address'],
    ['jane@', 'is not an email address'],
    ['@acme.com', 'is not an email address'],
    ['jane@acme', 'is not an email address'],
    ['jane@acme.c', 'is not an email address'],
    ['jane@@acme.com', 'is not an email address'],
    ['jane..doe@acme.com', 'is not an email address'],
    ['.jane@acme.com', 'is not an email address'],
    ['jane@-acme.com', 'is not an email address'],
    ['jane@acme.com.', 'is not an email address'],
    ['jane doe@acme.com', 'expected one address'],
    ['a@acme.com; b@acme.com', 'holds more than one email address'],
    ['a@acme.com, b@acme.com', 'holds more than one email address'],
  ])('given %j, throws a TransformError saying %j', (input, message) => {
    expect(failure('email', input).message).toContain(message);
  });

  it('accepts a plain ASCII address exactly when its shape is an address, at every edge of the shape', () => {
    const locals = ['a', 'a.b', '.a', 'a.', 'a..b', 'a_b', 'a+b', 'a-b', "o'n", 'A1', 'x'.repeat(64), 'x'.repeat(65)];
    const domains = ['acme.com', 'ACME.Com', 'acme-.com', '-acme.com', 'a.b.co', 'acme.c', 'acme.c0m', 'acme', 'acme..com', 'ac_me.com', '1acme.io', 'acme.com.', 'a-b.c-d.org'];
    const outcomes = locals.flatMap((local) =>
      domains.map((domain) => {
        const address = `${local}@${domain}`;
        let got: Value | Error;
        try {
          got = run('email', ` ${address} `);
        } catch (error) {
          got = error as Error;
        }
        return { address, got, shaped: isEmailShape(address.toLowerCase()) };
      }),
    );
    expect(outcomes).toHaveLength(156);
    for (const { address, got, shaped } of outcomes) {
      if (shaped) expect(got, address).toBe(address.toLowerCase());
      else expect((got as Error).message, address).toContain('is not an email address');
    }
    // Both kinds are among them, so neither branch above went untried.
    expect(outcomes.filter((o) => o.shaped).length).toBe(40); // 8 good local parts × 5 good domains
  });
});

describe('url', () => {
  it.each<[Value, Value]>([
    ['acme.com', 'https://acme.com'],
    ['www.acme.com/about?x=1', 'https://www.acme.com/about?x=1'],
    ['  acme.com  ', 'https://acme.com'],
    ['//cdn.acme.com/logo.png', 'https://cdn.acme.com/logo.png'],
    ['http://acme.com', 'http://acme.com'],
    ['HTTPS://Acme.com/Path', 'HTTPS://Acme.com/Path'],
    ['ftp://files.acme.com', 'ftp://files.acme.com'],
    ['münchen.de', 'https://münchen.de'],
    ['acme.com:8080/app', 'https://acme.com:8080/app'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['', null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('url', input)).toBe(expected);
  });

  it.each<[Value, string]>([
    ['n/a', '"n/a" is not a web address'],
    ['none', 'is not a web address'],
    ['acme dot com', 'is not a web address'],
    ['www.acme .com', 'is not a web address'],
    ['http://', 'is not a web address'],
  ])('given %j, throws a TransformError saying %j', (input, message) => {
    expect(failure('url', input).message).toContain(message);
  });
});

describe('phone', () => {
  it.each<[Value, Value]>([
    ['  +1 555 123 4567 ', '+1 555 123 4567'],
    ['+1   555    123 4567', '+1 555 123 4567'],
    ['(555) 123-4567', '555 123 4567'],
    ['+1 (555) 123-4567', '+1 555 123 4567'],
    ['555.123.4567', '555 123 4567'],
    ['+44 (0)20 7946 0958', '+44 20 7946 0958'],
    ['020 7946 0958', '020 7946 0958'],
    ['+49 30/1234567', '+49 30 1234567'],
    ['+ 33 1 23 45 67 89', '+33 1 23 45 67 89'],
    ['5551234567', '5551234567'],
    ['+44 161 193 1778', '+44 161 193 1778'],
    ['123', '123'],
    ['+1 234 567 890 123 456 7', '+1 234 567 890 123 456 7'],
    ['555-1234 ext. 12', '555 1234 x12'],
    ['555-1234 x12', '555 1234 x12'],
    ['555-1234 #12', '555 1234 x12'],
    ['\u00a0+81\u00a03-1234-5678\u00a0', '+81 3 1234 5678'],
    [5551234567, '5551234567'],
    ['', null],
  ])('given %j, returns %j', (input, expected) => {
    expect(run('phone', input)).toBe(expected);
  });

  it.each<[Value, string]>([
    ['call reception', '"call reception" is not a phone number'],
    ['12', 'is not a phone number'],
    ['555-CALL-NOW', 'is not a phone number'],
    ['+1 555 +123', 'is not a phone number'],
    ['☎ 555 1234', 'is not a phone number'],
    ['123456789012345678', 'is not a phone number'],
    ['+1 234 567 890 123 456 78', 'is not a phone number'],
    ['1 2', 'is not a phone number'],
    ['+', 'is not a phone number'],
  ])('given %j, throws a TransformError saying %j', (input, message) => {
    expect(failure('phone', input).message).toContain(message);
  });
});
