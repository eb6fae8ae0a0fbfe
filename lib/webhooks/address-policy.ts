import 'server-only';
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { getConfig } from '../config/get-config';

export type TAddressPolicy = {
  /** Demo mode: every address is allowed, so that a receiver on this machine can be tried out. */
  allowAll: boolean;
  allowedNetworks: [ipaddr.IPv4 | ipaddr.IPv6, number][];
};

export function addressPolicyFromConfig(): TAddressPolicy {
  const { mode, webhookAllowedNetworks } = getConfig();
  return { allowAll: mode === 'demo', allowedNetworks: webhookAllowedNetworks.map((cidr) => ipaddr.parseCIDR(cidr)) };
}

// IPv6's global unicast block. Outside it (the IPv4-compatible ::/96 among others) nothing is public.
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

/** Public: IPv4 unicast outside every special range, or IPv6 global unicast outside every special range. */
function isGlobalUnicast(ip: ipaddr.IPv4 | ipaddr.IPv6): boolean {
  if (ip.range() !== 'unicast') return false;
  return ip.kind() === 'ipv4' || ip.match(GLOBAL_UNICAST_V6);
}

/**
 * Whether a webhook may be sent to this address: global unicast ones always; private, loopback,
 * link-local, carrier-grade NAT, IPv4-compatible, 6to4, NAT64 and the other special ranges only in
 * demo mode or when an allowed network covers them. IPv4-mapped IPv6 addresses are judged as the
 * IPv4 address they carry.
 */
export function isAddressAllowed(address: string, policy: TAddressPolicy): boolean {
  if (policy.allowAll) return true;
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  if (isGlobalUnicast(ip)) return true;
  return policy.allowedNetworks.some(([network, bits]) => network.kind() === ip.kind() && ip.match(network, bits));
}

// One answer for every refusal: whether an internal name resolves, and to what, is not the caller's to learn.
const REFUSED = 'the host is not a public internet address that webhooks may reach';

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** The URL's host as an address literal (brackets removed from IPv6), or undefined for a name. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  return ipaddr.isValid(bare) ? bare : undefined;
}

/**
 * Resolves the host and refuses it when any of its addresses is not allowed: a name that resolves
 * to both a public and an internal address could otherwise be steered to the internal one.
 */
export async function assertHostAllowed(hostname: string, policy: TAddressPolicy): Promise<void> {
  if (policy.allowAll) return;
  const literal = literalAddress(hostname);
  let addresses: string[];
  try {
    addresses = literal ? [literal] : (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new RefusedAddressError(REFUSED);
  }
  if (addresses.some((address) => !isAddressAllowed(address, policy))) throw new RefusedAddressError(REFUSED);
}

/**
 * A `lookup` for node:http that resolves the name and refuses internal addresses at connection
 * time, so that a name re-pointed after the check (DNS rebinding) cannot reach them either.
 */
export function guardedLookup(policy: TAddressPolicy) {
  return (
    hostname: string,
    options: { family?: number | string; all?: boolean },
    callback: (error: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void,
  ) => {
    lookup(hostname, { all: true, verbatim: true }).then(
      (addresses) => {
        if (addresses.some((a) => !isAddressAllowed(a.address, policy))) {
          callback(new RefusedAddressError(REFUSED), '');
        } else if (options.all) {
          callback(null, addresses);
        } else {
          callback(null, addresses[0]!.address, addresses[0]!.family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/**
 * The connection options for a request to a merchant's URL under the policy (a webhook, a logo):
 * an address literal is checked here, a name as it is connected to (guardedLookup), and no agent
 * keeps a socket to be reused past those checks. Throws RefusedAddressError for a refused literal.
 */
export async function guardedConnection(target: URL, policy: TAddressPolicy): Promise<{ lookup: never; agent: false }> {
  const literal = literalAddress(target.hostname);
  if (literal) await assertHostAllowed(literal, policy);
  return { lookup: (policy.allowAll ? undefined : guardedLookup(policy)) as never, agent: false };
}
