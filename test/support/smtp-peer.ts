import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/**
 * How the peer answers one message, in the order messages arrive (at MAIL FROM), so a
 * script reads as "first try, then…" whether each try has its own connection or a
 * batch sends many over a few.
 * - accept: 250 after DATA, and the message is kept.
 * - greet-421: the relay is busy: a connection whose first message this is is refused
 *   at the greeting; on a connection already open, 421 to MAIL FROM, and it is closed.
 * - defer-451: 451 after DATA (greylisting, a full queue).
 * - refuse-550: 550 to RCPT TO (no such mailbox).
 * - drop-mid-data: close the socket once some of the message has arrived, without any reply.
 * - accept-slowly: 250, but only SLOW_ACCEPT_MS after the message arrived.
 */
export type PeerAnswer = 'accept' | 'greet-421' | 'defer-451' | 'refuse-550' | 'drop-mid-data' | 'accept-slowly';

export const SLOW_ACCEPT_MS = 8000;

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * A real SMTP server on a free local port, scripted per test, that keeps every message
 * it accepted (parsed with mailparser) and counts the connections it saw.
 */
export class SmtpPeer {
  /** Messages the peer answered 250 to, in order. */
  readonly accepted: ParsedMail[] = [];
  /** Every message that arrived whole, whatever the answer (a 451 comes after the whole message). */
  readonly received: ParsedMail[] = [];
  /** Each message's answer, in order, for assertions on what was tried. */
  readonly answered: PeerAnswer[] = [];
  connections = 0;

  private readonly script: PeerAnswer[];
  /** The answer to the message each connection is sending now. */
  private readonly byConnection = new Map<string, PeerAnswer>();

  private constructor(
    script: PeerAnswer[],
    private readonly server: SMTPServer,
    readonly url: string,
  ) {
    this.script = [...script];
  }

  /**
   * Starts a peer; once the script runs out every further message is accepted. With
   * `login`, the peer demands AUTH and takes only that user and password.
   */
  static async start(script: PeerAnswer[] = [], login?: { user: string; pass: string }): Promise<SmtpPeer> {
    // The handlers need the peer, and the peer needs the server's port: they meet through this box.
    const box: { peer?: SmtpPeer } = {};
    const server = new SMTPServer({
      authOptional: !login,
      allowInsecureAuth: true,
      disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (login && auth.username === login.user && auth.password === login.pass) return callback(null, { user: auth.username });
        callback(smtpError('5.7.8 Authentication credentials invalid', 535));
      },
      onConnect: (session, callback) => box.peer!.onConnect(session, callback),
      onMailFrom: (_address, session, callback) => box.peer!.onMailFrom(session, callback),
      onRcptTo: (_address, session, callback) => box.peer!.onRcptTo(session, callback),
      onData: (stream, session, callback) => box.peer!.onData(stream, session, callback),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    box.peer = new SmtpPeer(script, server, `smtp://127.0.0.1:${port}`);
    return box.peer;
  }

  /** Waits until `count` messages were accepted, failing after a deadline. */
  async waitForAccepted(count: number, timeoutMs = 20_000): Promise<ParsedMail[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.accepted.length < count) {
      if (Date.now() > deadline) throw new Error(`the SMTP peer holds ${this.accepted.length} messages, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.accepted;
  }

  async close(): Promise<void> {
    for (const connection of this.server.connections) connection._socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private onConnect(session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    this.connections += 1;
    if (this.script[0] !== 'greet-421') return callback();
    this.answered.push(this.script.shift() as PeerAnswer);
    callback(smtpError('Too busy, try again later', 421));
  }

  private onMailFrom(session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    const answer = this.script.shift() ?? 'accept';
    this.answered.push(answer);
    this.byConnection.set(session.id, answer);
    if (answer !== 'greet-421') return callback();
    callback(smtpError('4.3.2 Too busy, closing the connection', 421));
    for (const connection of this.server.connections) if (connection.session.id === session.id) connection._socket.end();
  }

  private onRcptTo(session: SMTPServerSession, callback: (err?: Error | null) => void): void {
    if (this.byConnection.get(session.id) === 'refuse-550') return callback(smtpError('5.1.1 No such mailbox here', 550));
    callback();
  }

  private onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null, message?: string) => void): void {
    const answer = this.byConnection.get(session.id);
    if (answer === 'drop-mid-data') {
      stream.once('data', () => {
        for (const connection of this.server.connections) if (connection.session.id === session.id) connection._socket.destroy();
      });
      stream.resume();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      simpleParser(Buffer.concat(chunks))
        .then((mail) => {
          this.received.push(mail);
          if (answer === 'defer-451') return callback(smtpError('4.7.1 Greylisted, try again later', 451));
          const accept = () => {
            this.accepted.push(mail);
            callback(null, `2.0.0 Ok: queued as peer-${this.accepted.length}`);
          };
          if (answer === 'accept-slowly') setTimeout(accept, SLOW_ACCEPT_MS);
          else accept();
        })
        .catch((err: Error) => callback(err));
    });
  }
}
