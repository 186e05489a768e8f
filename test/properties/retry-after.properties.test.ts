import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseRetryAfter } from '../../src/request/retry-after.js';
import { anyString, FC_SETTINGS } from './fc-settings.js';

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const YEAR_MS = 366 * 24 * 3600 * 1000;
/** A clock reading anywhere from 1970 to 2100, with milliseconds. */
const now = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
/** Spaces and tabs a header value may carry around it (HTTP optional whitespace). */
const ows = fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 });

const headerLike = fc.oneof(
  anyString(),
  fc.nat().map(String),
  fc.bigInt({ min: 0n, max: 10n ** 30n }).map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('-5', '1.5', '1e3', '0x10', '+7', 'soon', 'Friday', '٣', '１２', '12:00 2026', 'Fri, 27 Nov 2026 12:02:00 PST'),
);

describe('parseRetryAfter (properties)', () => {
  it('never throws; gives undefined or a non-negative safe integer', () => {
    fc.assert(
      fc.property(fc.option(headerLike, { nil: undefined }), fc.boolean(), now, (value, asNull, clock) => {
        let seconds: number | undefined;
        const header = value === undefined && asNull ? null : value;
        expect(() => (seconds = parseRetryAfter(header, clock))).not.to.throw();
        if (seconds !== undefined) {
          expect(Number.isSafeInteger(seconds), String(seconds)).to.equal(true);
          expect(seconds).to.be.at.least(0);
          expect(Object.is(seconds, -0)).to.equal(false);
        }
      }),
      FC_SETTINGS,
    );
  });

  it('reads delay-seconds n (0…1e9, optional surrounding spaces) as n, whatever the clock', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), ows, ows, now, (n, before, after, clock) => {
        expect(parseRetryAfter(`${before}${n}${after}`, clock)).to.equal(n);
      }),
      FC_SETTINGS,
    );
  });

  it('refuses signed, fractional, exponent and non-ASCII-digit numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.constantFrom('-', '+', '.5', 'e3', '٣', '１'), fc.boolean(), (n, bent, prefix) => {
        const value = prefix ? `${bent}${n}` : `${n}${bent}`;
        expect(parseRetryAfter(value, NOW), value).to.equal(undefined);
      }),
      FC_SETTINGS,
    );
  });

  it('reads an IMF-fixdate within the next year as the whole seconds from now, rounded up', () => {
    // toUTCString() drops milliseconds, so the dates are whole seconds: the answer is exact.
    fc.assert(
      fc.property(now, fc.integer({ min: 0, max: YEAR_MS / 1000 }), ows, (clock, aheadSeconds, pad) => {
        const when = Math.ceil(clock / 1000) * 1000 + aheadSeconds * 1000;
        const header = new Date(when).toUTCString();
        expect(parseRetryAfter(`${pad}${header}${pad}`, clock), header).to.equal(Math.ceil((when - clock) / 1000));
      }),
      FC_SETTINGS,
    );
  });

  it('reads a past date as 0', () => {
    fc.assert(
      fc.property(now, fc.integer({ min: 0, max: YEAR_MS / 1000 }), (clock, agoSeconds) => {
        const when = Math.floor(clock / 1000) * 1000 - agoSeconds * 1000;
        fc.pre(when >= Date.UTC(1970, 0, 1));
        expect(parseRetryAfter(new Date(when).toUTCString(), clock)).to.equal(0);
      }),
      FC_SETTINGS,
    );
  });

  it('gives undefined for a value without a digit', () => {
    fc.assert(
      fc.property(anyString(), now, (value, clock) => {
        fc.pre(!/[0-9]/.test(value));
        expect(parseRetryAfter(value, clock)).to.equal(undefined);
      }),
      FC_SETTINGS,
    );
  });
});
