import { createHash, createHmac } from 'node:crypto';
import {
  clientsConf,
  confString,
  defaultSite,
  mariadbClientOptions,
  radiusdConf,
  siteListens,
  sqlModule,
} from '../../src/dev-tools/network-lab/freeradius-config';
import { controlSocketPath, keaConfig, MAX_SOCKET_PATH } from '../../src/dev-tools/network-lab/kea-config';
import { checkDatabaseName, databaseLogin, databaseUrlFor } from '../../src/dev-tools/network-lab/lab-database';
import { isStatusAccept, statusServerRequest } from '../../src/network-sync/radius-status';
import { decodeDhcpReply, encodeDhcpRequest } from '../support/dhcp-client';

// The network lab's configuration and packets, without a server: the shapes below are cut
// down from Debian's FreeRADIUS 3.2 files, keeping what the edits depend on.

const STOCK_RADIUSD = `prefix = /usr
logdir = /var/log/freeradius
raddbdir = /etc/freeradius/3.0
run_dir = \${localstatedir}/run/\${name}
security {
	user = freerad
	group = freerad
	allow_core_dumps = no
	reject_delay = 1
	status_server = yes
}
$INCLUDE sites-enabled/
`;

const STOCK_DEFAULT_SITE = `# the default site { with a brace in a comment
server default {
listen {
	type = auth
	ipaddr = *
	port = 0
	limit {
	      max_connections = 16
	}
}
listen {
	ipaddr = *
	port = 0
	type = acct
}
#listen {
#	type = coa
#}
listen {
	type = auth
	ipv6addr = ::	# any.  ::1 == localhost
	port = 0
}
authorize {
	filter_username
	-sql
	update reply { Reply-Message := "hello {world}" }
}
}
`;

const LOGIN = { host: '127.0.0.1', port: 3307, user: 'radius', password: "p'a\\ss", database: 'lab_radius' };

describe('FreeRADIUS configuration for a private instance', () => {
  it('takes strings literally, quotes and backslashes escaped', () => {
    expect(confString("it's ${x}\\")).toBe("'it\\'s ${x}\\\\'");
  });

  it('moves its paths into the scratch directory, keeps root, answers rejects at once and Status-Server', () => {
    const text = radiusdConf(STOCK_RADIUSD, { raddbDir: '/s/raddb', logDir: '/s/log', runDir: '/s/run' });
    expect(text).toContain("logdir = '/s/log'");
    expect(text).toContain("raddbdir = '/s/raddb'");
    expect(text).toContain("run_dir = '/s/run'");
    expect(text).not.toMatch(/^\s*(user|group)\s*=/m);
    expect(text).toMatch(/^\s*#user = freerad/m);
    expect(text).toMatch(/^\s*reject_delay = 0$/m);
    expect(text).toMatch(/^\s*status_server = yes$/m);
    expect(text).toContain('prefix = /usr');
  });

  it('refuses a radiusd.conf that lacks a setting it must change', () => {
    expect(() => radiusdConf(STOCK_RADIUSD.replace(/\treject_delay.*\n/, ''), { raddbDir: '/a', logDir: '/b', runDir: '/c' })).toThrow(
      /reject_delay/,
    );
  });

  it('replaces every listener of the default site by two on loopback and keeps the rest', () => {
    const site = defaultSite(STOCK_DEFAULT_SITE, { host: '127.0.0.1', authPort: 41812, acctPort: 41813 });
    expect(site).not.toContain('ipaddr = *');
    expect(site).not.toContain('ipv6addr');
    expect(site).toMatch(/listen \{\n\ttype = auth\n\tipaddr = 127\.0\.0\.1\n\tport = 41812\n\}/);
    expect(site).toMatch(/listen \{\n\ttype = acct\n\tipaddr = 127\.0\.0\.1\n\tport = 41813\n\}/);
    expect(site.match(/^listen \{/gm)).toHaveLength(2);
    expect(site).toContain('#listen {');
    expect(site).toContain('update reply { Reply-Message := "hello {world}" }');
    const braces = (text: string) => (text.match(/\{/g)?.length ?? 0) - (text.match(/\}/g)?.length ?? 0);
    expect(braces(site.replace(/#.*$/gm, ''))).toBe(0);
  });

  it('refuses a site without the default server', () => {
    expect(() => defaultSite('server other {\n}\n', { host: '127.0.0.1', authPort: 1, acctPort: 2 })).toThrow(/server default/);
  });

  it('tells sites that open sockets of their own from those that do not', () => {
    expect(siteListens('server inner-tunnel {\nlisten {\n\tipaddr = 127.0.0.1\n\tport = 18120\n\ttype = auth\n}\n}\n')).toBe(true);
    expect(siteListens('server quiet {\n#listen {\n#}\nauthorize {\n}\n}\n')).toBe(false);
  });

  it('writes its own SQL module for MariaDB over TCP, without the stock TLS block', () => {
    const sql = sqlModule({ database: LOGIN, readClients: false });
    expect(sql).toContain('driver = "rlm_sql_mysql"');
    expect(sql).toContain('dialect = "mysql"');
    expect(sql).toContain("server = '127.0.0.1'");
    expect(sql).toContain('port = 3307');
    expect(sql).toContain("login = 'radius'");
    expect(sql).toContain("password = 'p\\'a\\\\ss'");
    expect(sql).toContain("radius_db = 'lab_radius'");
    expect(sql).toContain('read_clients = no');
    expect(sql).toContain('$INCLUDE ${modconfdir}/${.:name}/main/${dialect}/queries.conf');
    expect(sql).not.toContain('tls');
    expect(sqlModule({ database: LOGIN, readClients: true })).toContain('read_clients = yes');
  });

  it('reaches the database through its socket when given one', () => {
    const sql = sqlModule({ database: LOGIN, socket: '/run/mysqld/mysqld.sock', readClients: false });
    expect(sql).toContain('server = "localhost"');
    expect(sql).not.toContain('port =');
    expect(mariadbClientOptions('/run/mysqld/mysqld.sock')).toMatch(/^\[freeradius\]\nsocket=\/run\/mysqld\/mysqld\.sock$/m);
  });

  it('knows one client, this machine, with the secret', () => {
    const clients = clientsConf('s3cret');
    expect(clients.match(/^client /gm)).toHaveLength(1);
    expect(clients).toContain('ipaddr = 127.0.0.1');
    expect(clients).toContain("secret = 's3cret'");
    expect(() => clientsConf('')).toThrow(/empty/);
  });
});

describe('Kea configuration for a private instance', () => {
  const config = keaConfig({
    database: LOGIN,
    controlSocket: '/s/kea.sock',
    logFile: '/s/kea.log',
    leaseFile: '/s/leases4.csv',
    subnets: [
      { id: 7, subnet: '100.64.0.0/24', pools: ['100.64.0.100 - 100.64.0.199'] },
      { id: 8, subnet: '100.65.0.0/24', relays: ['127.0.0.2'] },
    ],
  }).Dhcp4;

  it('serves loopback over UDP sockets, reservations by MAC from MariaDB', () => {
    expect(config['interfaces-config']).toEqual({ interfaces: ['lo'], 'dhcp-socket-type': 'udp' });
    expect(config['hosts-database']).toEqual({
      type: 'mysql',
      name: 'lab_radius',
      host: '127.0.0.1',
      port: 3307,
      user: 'radius',
      password: "p'a\\ss",
    });
    expect(config['host-reservation-identifiers']).toEqual(['hw-address']);
    expect(config['control-socket']).toEqual({ 'socket-type': 'unix', 'socket-name': '/s/kea.sock' });
    expect(config['lease-database']).toMatchObject({ type: 'memfile', persist: true, name: '/s/leases4.csv' });
    expect(config.loggers).toEqual([expect.objectContaining({ output_options: [expect.objectContaining({ output: '/s/kea.log' })] })]);
  });

  it('answers each subnet for its relays, 127.0.0.1 unless told', () => {
    expect(config.subnet4).toEqual([
      { id: 7, subnet: '100.64.0.0/24', pools: [{ pool: '100.64.0.100 - 100.64.0.199' }], relay: { 'ip-addresses': ['127.0.0.1'] } },
      { id: 8, subnet: '100.65.0.0/24', pools: [], relay: { 'ip-addresses': ['127.0.0.2'] } },
    ]);
  });

  it('puts the control socket in the directory, or under the temporary directory when the path would be too long', () => {
    expect(controlSocketPath('/tmp/lab/kea', '/tmp')).toBe('/tmp/lab/kea/kea.sock');
    const deep = `/tmp/${'very-deep-directory/'.repeat(6)}kea`;
    const short = controlSocketPath(deep, '/tmp');
    expect(short).toMatch(/^\/tmp\/kea-[0-9a-f]{12}\.sock$/);
    expect(short.length).toBeLessThan(MAX_SOCKET_PATH);
    expect(controlSocketPath(deep, '/tmp')).toBe(short);
    expect(controlSocketPath(`${deep}2`, '/tmp')).not.toBe(short);
  });
});

describe('lab databases', () => {
  it('reads a login from a URL and names another database on the same server', () => {
    expect(databaseLogin('mysql://u%40x:p%3Aw@db.local:3310/backhaul')).toEqual({
      host: 'db.local',
      port: 3310,
      user: 'u@x',
      password: 'p:w',
      database: 'backhaul',
    });
    expect(databaseLogin('mysql://root@127.0.0.1/x')).toMatchObject({ port: 3306, password: '' });
    // The servers' client library would take "localhost" for its default socket and ignore the port.
    expect(databaseLogin('mysql://root@localhost:3307/x')).toMatchObject({ host: '127.0.0.1', port: 3307 });
    expect(databaseUrlFor('mysql://root@127.0.0.1:3306/backhaul?ssl=1', 'backhaul_radius')).toBe(
      'mysql://root@127.0.0.1:3306/backhaul_radius',
    );
  });

  it('refuses names that would not be safe between backticks', () => {
    expect(() => checkDatabaseName('a`; DROP DATABASE x')).toThrow(/usable/);
    expect(checkDatabaseName('backhaul_test_1_kea')).toBe('backhaul_test_1_kea');
  });
});

describe('RADIUS Status-Server', () => {
  const authenticator = Buffer.alloc(16, 7);
  const request = statusServerRequest('s3cret', 42, authenticator);

  it('carries the Message-Authenticator RFC 5997 requires', () => {
    expect(request.length).toBe(38);
    expect([request[0], request[1], request.readUInt16BE(2)]).toEqual([12, 42, 38]);
    expect(request.subarray(4, 20)).toEqual(authenticator);
    expect([request[20], request[21]]).toEqual([80, 18]);
    const zeroed = Buffer.from(request);
    zeroed.fill(0, 22, 38);
    expect(request.subarray(22)).toEqual(createHmac('md5', 's3cret').update(zeroed).digest());
  });

  it('takes only an Access-Accept signed with the same secret as the answer', () => {
    const accept = (secret: string, id = 42) => {
      const reply = Buffer.alloc(20);
      reply.writeUInt8(2, 0);
      reply.writeUInt8(id, 1);
      reply.writeUInt16BE(20, 2);
      createHash('md5').update(reply.subarray(0, 4)).update(authenticator).update(secret).digest().copy(reply, 4);
      return reply;
    };
    expect(isStatusAccept(accept('s3cret'), request, 's3cret')).toBe(true);
    expect(isStatusAccept(accept('other'), request, 's3cret')).toBe(false);
    expect(isStatusAccept(accept('s3cret', 43), request, 's3cret')).toBe(false);
  });
});

describe('relayed DHCPv4 packets', () => {
  it('encodes a DISCOVER as a relay forwards it', () => {
    const packet = encodeDhcpRequest({ type: 'DISCOVER', xid: 0xdeadbeef, mac: '02:00:5e:10:00:01', relay: '127.0.0.1' });
    expect(packet.length).toBe(300);
    expect([packet[0], packet[1], packet[2], packet[3]]).toEqual([1, 1, 6, 1]);
    expect(packet.readUInt32BE(4)).toBe(0xdeadbeef);
    expect([...packet.subarray(24, 28)]).toEqual([127, 0, 0, 1]);
    expect(packet.subarray(28, 34).toString('hex')).toBe('02005e100001');
    expect(packet.readUInt32BE(236)).toBe(0x63825363);
    expect([...packet.subarray(240, 243)]).toEqual([53, 1, 1]);
  });

  it('asks for the offered address from the server that offered it', () => {
    const packet = encodeDhcpRequest({
      type: 'REQUEST',
      xid: 1,
      mac: '02:00:5e:10:00:01',
      relay: '127.0.0.1',
      requestedAddress: '100.64.0.9',
      serverId: '127.0.0.1',
    });
    expect([...packet.subarray(240, 255)]).toEqual([53, 1, 3, 50, 4, 100, 64, 0, 9, 54, 4, 127, 0, 0, 1]);
  });

  it('decodes a server reply, options padded, and ignores what is not one', () => {
    const reply = encodeDhcpRequest({ type: 'DISCOVER', xid: 77, mac: 'aa:bb:cc:dd:ee:ff', relay: '127.0.0.1' });
    reply.writeUInt8(2, 0);
    Buffer.from([100, 64, 0, 50]).copy(reply, 16);
    Buffer.from([0, 0, 53, 1, 2, 54, 4, 127, 0, 0, 1, 255]).copy(reply, 240);
    expect(decodeDhcpReply(reply)).toEqual({
      xid: 77,
      type: 'OFFER',
      yiaddr: '100.64.0.50',
      mac: 'aa:bb:cc:dd:ee:ff',
      serverId: '127.0.0.1',
    });
    expect(decodeDhcpReply(encodeDhcpRequest({ type: 'DISCOVER', xid: 1, mac: 'aa:bb:cc:dd:ee:ff', relay: '127.0.0.1' }))).toBeNull();
    expect(decodeDhcpReply(Buffer.from('not dhcp'))).toBeNull();
  });

  it('refuses a malformed MAC', () => {
    expect(() => encodeDhcpRequest({ type: 'DISCOVER', xid: 1, mac: 'aa:bb', relay: '127.0.0.1' })).toThrow(/MAC/);
  });
});
