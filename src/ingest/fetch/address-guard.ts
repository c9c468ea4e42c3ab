import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { isIP, type LookupFunction } from 'node:net'
import ipaddr from 'ipaddr.js'
import { AppError } from '../../shared/errors.js'

/**
 * The SSRF guard: every outbound connection must land on a public unicast address. Names are checked
 * after resolution (in the socket's `lookup`), IP literals before connecting (they skip `lookup`).
 * Tests and the demo may allow exact `host:port` pairs or CIDR ranges; nothing is allowed by default.
 */
export interface AllowList {
  /** `host:port` pairs reachable whatever they resolve to (lowercase host, IPv6 without brackets) */
  hostPorts: Set<string>
  cidrs: [ipaddr.IPv4 | ipaddr.IPv6, number][]
}

type Ip = ipaddr.IPv4 | ipaddr.IPv6

/** Parses `host:port`, `[v6]:port`, `10.0.0.0/8`, `::1/128` or a bare IP into an allow list. */
export function parseAllowList(entries: readonly string[] = []): AllowList {
  const list: AllowList = { hostPorts: new Set(), cidrs: [] }
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase()
    if (ipaddr.isValidCIDR(entry)) list.cidrs.push(ipaddr.parseCIDR(entry))
    else if (ipaddr.isValid(entry) && isIP(entry)) {
      const ip = ipaddr.parse(entry)
      list.cidrs.push([ip, ip.kind() === 'ipv4' ? 32 : 128])
    } else {
      const m = HOST_PORT.exec(entry)
      if (!m) throw new AppError('CONFIG_INVALID', `allowPrivate entry is not host:port or CIDR: ${raw}`)
      list.hostPorts.add(`${m[1] ?? m[2]}:${m[3]}`)
    }
  }
  return list
}
const HOST_PORT = /^(?:\[([0-9a-f:.]+)\]|([a-z0-9.-]+)):(\d{1,5})$/

/** Reads an address the way the socket will use it; IPv4-mapped IPv6 is judged as the IPv4 it carries. */
function toIp(address: string): Ip | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!isIP(bare)) return null
  const ip = ipaddr.parse(bare)
  return ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()
    ? (ip as ipaddr.IPv6).toIPv4Address()
    : ip
}

/** True unless the address is public unicast or inside an allowed range. Unparseable → blocked. */
export function isBlockedAddress(address: string, allow?: AllowList): boolean {
  const ip = toIp(address)
  if (!ip) return true
  if (allow?.cidrs.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return false
  return ip.range() !== 'unicast'
}

export function isAllowedHostPort(host: string, port: number | string, allow?: AllowList): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return allow?.hostPorts.has(`${h}:${port}`) ?? false
}

export const blockedError = (host: string, address: string) =>
  new AppError('FETCH_BLOCKED', `blocked address ${address} for host ${host}`, {
    details: { reason: 'blocked', host, address },
  })

/**
 * A `lookup` for net/tls sockets that resolves with `base` (node's dns.lookup unless a test passes one)
 * and fails the connection when any resolved address is not public unicast. Rejecting on *any* bad
 * address (not just the first) stops a name that resolves to both a public and a private address.
 */
export function guardedLookup(
  allow: AllowList,
  base: LookupFunction = dnsLookup as LookupFunction,
): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, { ...options, all: true }, (err, result) => {
      if (err) return callback(err, '', 0)
      const list = (Array.isArray(result) ? result : [{ address: result, family: 4 }]) as LookupAddress[]
      const bad = list.find((a) => isBlockedAddress(a.address, allow))
      if (bad || list.length === 0) {
        return callback(blockedError(hostname, bad?.address ?? 'none') as NodeJS.ErrnoException, '', 0)
      }
      if (options.all) return (callback as AllCallback)(null, list)
      const first = list[0]!
      callback(null, first.address, first.family)
    })
  }
}
type AllCallback = (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void
