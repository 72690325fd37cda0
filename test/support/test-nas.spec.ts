import { execFile } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { DA_CODES, encodeDaRequest, verifyDaReply } from '../../src/network-sync/dynamic-authorization';
import { startTestNas, type TestNas } from './test-nas';

/** radclient (FreeRADIUS's own client, not our encoder) sending one request to the test NAS; its output, and whether it was answered. */
function radclient(nas: TestNas, command: 'coa' | 'disconnect', secret: string, attributes: Record<string, string | number>) {
  return new Promise<{ output: string; answered: boolean }>((resolve) => {
    const child = execFile(
      'radclient',
      ['-x', '-r', '1', '-t', '1', `${nas.host}:${nas.port}`, command, secret],
      { timeout: 20_000 },
      (_err, stdout, stderr) => {
        const output = `${stdout}${stderr}`;
        resolve({ output, answered: /Received (CoA|Disconnect)-(ACK|NAK)/.test(output) });
      },
    );
    child.stdin?.end(
      `${Object.entries(attributes)
        .map(([name, value]) => `${name} = ${typeof value === 'number' ? value : JSON.stringify(value)}`)
        .join('\n')}\n`,
    );
  });
}

/** Sends raw packets from one socket and collects what comes back within a moment. */
async function sendRaw(nas: TestNas, packets: Buffer[], waitMs = 300): Promise<Buffer[]> {
  const socket = createSocket('udp4');
  const replies: Buffer[] = [];
  socket.on('message', (reply) => replies.push(reply));
  await new Promise<void>((resolve) => socket.connect(nas.port, nas.host, () => resolve()));
  for (const packet of packets) await new Promise<void>((resolve, reject) => socket.send(packet, (err) => (err ? reject(err) : resolve())));
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  socket.close();
  return replies;
}

/** The test NAS is the oracle of every session-enforcement spec: here it is shown to tell a right secret from a wrong one, and a retransmission from a new request. */
describe('the test NAS', () => {
  let sut: TestNas;
  const secret = 'nas-shared-secret';

  beforeEach(async () => {
    sut = await startTestNas(secret);
  });
  afterEach(() => sut.close());

  it('answers radclient’s CoA-Request with a CoA-ACK radclient accepts, and records its attributes', async () => {
    const result = await radclient(sut, 'coa', secret, {
      'User-Name': 'alice',
      'Acct-Session-Id': 'sess-1',
      'Framed-IP-Address': '100.64.0.10',
      'Mikrotik-Rate-Limit': '256k/512k',
      'WISPr-Bandwidth-Max-Down': 512000,
    });
    expect(result.answered).toBe(true);
    expect(result.output).toContain('Received CoA-ACK');
    expect(sut.requests()).toEqual([
      expect.objectContaining({
        codeName: 'CoA-Request',
        attributes: expect.arrayContaining([
          ['User-Name', 'alice'],
          ['Acct-Session-Id', 'sess-1'],
          ['Framed-IP-Address', '100.64.0.10'],
          ['Mikrotik-Rate-Limit', '256k/512k'],
          ['WISPr-Bandwidth-Max-Down', 512000],
        ]),
        received: 1,
      }),
    ]);
  });

  it('does not answer or record a request signed with another secret, and counts it as refused', async () => {
    const result = await radclient(sut, 'disconnect', 'not-the-secret', { 'User-Name': 'alice', 'Acct-Session-Id': 'sess-1' });
    expect(result.answered).toBe(false);
    expect(sut.requests()).toEqual([]);
    expect(sut.rejected()).toBeGreaterThanOrEqual(1);

    // One octet of a well-signed packet's authenticator changed: refused too.
    const good = encodeDaRequest(DA_CODES['Disconnect-Request'], 7, [['User-Name', 'alice']], secret);
    const tampered = Buffer.from(good);
    tampered[10] ^= 0xff;
    const refusedBefore = sut.rejected();
    expect(await sendRaw(sut, [tampered])).toEqual([]);
    expect(sut.rejected()).toBe(refusedBefore + 1);
    expect(sut.packetsReceived()).toBe(0);
  });

  it('counts a retransmission as the same request and answers it with the same reply', async () => {
    const first = encodeDaRequest(
      DA_CODES['CoA-Request'],
      9,
      [
        ['User-Name', 'bob'],
        ['Mikrotik-Rate-Limit', '1k/2k'],
      ],
      secret,
    );
    const other = encodeDaRequest(
      DA_CODES['CoA-Request'],
      10,
      [
        ['User-Name', 'bob'],
        ['Mikrotik-Rate-Limit', '1k/2k'],
      ],
      secret,
    );
    const replies = await sendRaw(sut, [first, first, other]);
    expect(sut.packetsReceived()).toBe(3);
    expect(sut.requests().map((r) => [r.identifier, r.received])).toEqual([
      [9, 2],
      [10, 1],
    ]);
    const toFirst = replies.filter((r) => r[1] === 9);
    expect(toFirst).toHaveLength(2);
    expect(toFirst[0].equals(toFirst[1])).toBe(true);
    expect(verifyDaReply(toFirst[0], first, secret)).toEqual({ code: 44, codeName: 'CoA-ACK', errorCause: null });
  });

  it('answers a NAK with the Error-Cause it was told, stays silent when told, and keeps its earlier answer for a retransmission', async () => {
    sut.answer({ kind: 'nak', errorCause: 503 });
    const refused = await radclient(sut, 'coa', secret, { 'User-Name': 'carol', 'Acct-Session-Id': 'gone' });
    expect(refused.output).toContain('Received CoA-NAK');
    expect(refused.output).toMatch(/Error-Cause = Session-Context-Not-Found/);

    const packet = encodeDaRequest(DA_CODES['Disconnect-Request'], 20, [['User-Name', 'carol']], secret);
    sut.answer({ kind: 'silent' });
    expect(await sendRaw(sut, [packet])).toEqual([]);
    sut.answer({ kind: 'ack' });
    const [late] = await sendRaw(sut, [packet]);
    expect(verifyDaReply(late, packet, secret)).toEqual({ code: 41, codeName: 'Disconnect-ACK', errorCause: null });
    sut.answer({ kind: 'nak', errorCause: 504 });
    const [again] = await sendRaw(sut, [packet]);
    expect(again.equals(late)).toBe(true);
    expect(sut.requests().find((r) => r.identifier === 20)?.received).toBe(3);
  });
});
