// A fake SMTP relay for the tests: it speaks just enough SMTP for libcurl
// (greeting, EHLO, MAIL, RCPT, DATA, QUIT), accepts everything, and keeps each
// message with its envelope. Bodies are decoded from base64, so a test can
// look for Japanese text.
//
// As a module: `const relay = await startFakeSmtp(); … relay.messages; relay.close()`.
// As a script (for the bash CLI tests): `node fake_smtp.mjs PORT_FILE OUT_FILE`
// writes the port it listens on to PORT_FILE and appends each message as one
// JSON line to OUT_FILE, until killed.
import net from 'node:net';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

function decodeMessage(raw) {
  const split = raw.indexOf('\r\n\r\n');
  const headers = split < 0 ? raw : raw.slice(0, split);
  const body = split < 0 ? '' : raw.slice(split + 4);
  const subjectLine = (headers.match(/^Subject: (.*(?:\r\n .*)*)/m) || [, ''])[1];
  const subject = subjectLine
    .split(/\r\n /)
    .map((word) => {
      const encoded = word.match(/^=\?UTF-8\?B\?(.*)\?=$/);
      return encoded ? Buffer.from(encoded[1], 'base64').toString('utf8') : word;
    })
    .join('');
  const base64 = /Content-Transfer-Encoding: base64/i.test(headers);
  const text = base64 ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
  return { headers, subject, text };
}

export function startFakeSmtp({ onMessage } = {}) {
  const messages = [];
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let envelope = { from: '', to: [] };
    const reply = (line) => socket.write(line + '\r\n');
    reply('220 fake-smtp ready');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          const message = { from: envelope.from, to: envelope.to, ...decodeMessage(raw) };
          messages.push(message);
          if (onMessage) onMessage(message);
          envelope = { from: '', to: [] };
          reply('250 queued');
          continue;
        }
        const end = buffer.indexOf('\r\n');
        if (end < 0) return;
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 fake-smtp');
        else if (verb === 'MAIL') { envelope.from = (line.match(/<(.*)>/) || [, ''])[1]; reply('250 ok'); }
        else if (verb === 'RCPT') { envelope.to.push((line.match(/<(.*)>/) || [, ''])[1]); reply('250 ok'); }
        else if (verb === 'DATA') { inData = true; reply('354 end with .'); }
        else if (verb === 'QUIT') { reply('221 bye'); socket.end(); return; }
        else reply('250 ok');
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({ port: server.address().port, messages, close: () => new Promise((done) => server.close(done)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [portFile, outFile] = process.argv.slice(2);
  const relay = await startFakeSmtp({
    onMessage: (message) => fs.appendFileSync(outFile, JSON.stringify(message) + '\n'),
  });
  fs.writeFileSync(portFile, String(relay.port));
}
