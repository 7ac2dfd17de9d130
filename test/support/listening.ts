import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/**
 * The listening TCP sockets of a process and every process under it, read from /proc (what `ss -ltnp`
 * shows): each with its bound address and port. Judged from the bound addresses alone; nothing is sent.
 */
export interface ListeningSocket {
  pid: number;
  address: string;
  port: number;
}

/** `pid` and all its descendants, from each process's parent in /proc/<pid>/stat. */
export function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

/** 0100007F:1F90 (little-endian IPv4) or 32 hex digits (IPv6, four little-endian words) to text. */
function decodeAddress(hex: string): string {
  if (hex.length === 8) return Buffer.from(hex, "hex").reverse().join(".");
  const words = hex.match(/.{8}/g)!.map((word) => Buffer.from(word, "hex").reverse().toString("hex"));
  const groups = words
    .join("")
    .match(/.{4}/g)!
    .map((group) => group.replace(/^0+(?=.)/, ""));
  const text = groups.join(":");
  // IPv4-mapped (::ffff:a.b.c.d): a dual-stack socket bound to an IPv4 address.
  if (/^0:0:0:0:0:ffff:/.test(text)) return `::ffff:${Buffer.from(words[3]!, "hex").join(".")}`;
  return text.replace(/(^|:)0(:0)+(:|$)/, "::");
}

function listeningInodes(pid: number): Map<string, ListeningSocket> {
  const sockets = new Map<string, ListeningSocket>();
  for (const file of [`/proc/${pid}/net/tcp`, `/proc/${pid}/net/tcp6`]) {
    for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1]!, fields[3]!, fields[9]!];
      if (state !== "0A") continue; // LISTEN
      const [address, port] = local.split(":") as [string, string];
      sockets.set(inode, { pid, address: decodeAddress(address), port: parseInt(port, 16) });
    }
  }
  return sockets;
}

/** Every listening TCP socket held open by `pid` or a process under it. */
export function listeningSocketsOf(pid: number): ListeningSocket[] {
  const found: ListeningSocket[] = [];
  for (const member of processTree(pid)) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${member}/fd`);
    } catch {
      continue;
    }
    const listening = listeningInodes(member);
    for (const fd of fds) {
      let target: string;
      try {
        target = readlinkSync(`/proc/${member}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      const socket = inode ? listening.get(inode) : undefined;
      if (socket) found.push({ ...socket, pid: member });
    }
  }
  return found;
}

export const isLoopback = (address: string) => /^127\./.test(address) || address === "::1" || /^::ffff:127\./.test(address);
