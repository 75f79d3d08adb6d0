// RFC 6238 codes computed in the test, independently of mamori's C++ (node's HMAC-SHA1), so the
// suites check the server against the standard rather than against itself.
import { createHmac } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const c of text.replace(/[\s=-]/g, '').toUpperCase()) {
    const index = ALPHABET.indexOf(c);
    if (index < 0) throw new Error(`not base32: ${c}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

export function totpAt(secret, step) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[19] & 0x0f;
  const binary = ((mac[offset] & 0x7f) << 24) | (mac[offset + 1] << 16) | (mac[offset + 2] << 8) | mac[offset + 3];
  return String(binary % 1000000).padStart(6, '0');
}

export const stepNow = () => Math.floor(Date.now() / 1000 / 30);

//! An authenticator app that never hands out a step twice: the server refuses a used step and
//! any older one, so each code is for a step newer than the last, waiting when it must.
export class Authenticator {
  constructor(secret) {
    this.secret = secret;
    this.last = -Infinity;
  }

  //! Marks the step of a code the server has already accepted (the one that confirmed enrolment).
  used(step) {
    this.last = Math.max(this.last, step);
  }

  async nextCode() {
    for (;;) {
      const now = stepNow();
      const step = Math.max(this.last + 1, now);
      if (step <= now + 1) {
        this.last = step;
        return totpAt(this.secret, step);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  //! The code of the step the last code was for: what a replay sends.
  lastCode() {
    return totpAt(this.secret, this.last);
  }
}
