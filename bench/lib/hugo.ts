/**
 * Hugo, the fastest peer: Debian's `hugo` package, installed with apt when it is missing
 * (saying so, and showing apt's output).
 */
import { execFileSync, spawnSync } from 'node:child_process';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

export function hugoVersion(): string | undefined {
  if (!which('hugo')) return undefined;
  try {
    return execFileSync('hugo', ['version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** Returns Hugo's version line, installing the Debian package first if needed; undefined if it cannot be had. */
export function ensureHugo(log: (line: string) => void): string | undefined {
  const have = hugoVersion();
  if (have) return have;
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : which('sudo') ? ['sudo'] : undefined;
  if (!which('apt-get') || !sudo) {
    log('hugo is not installed and apt-get (as root or with sudo) is not available: Hugo is left out');
    return undefined;
  }
  const run = (args: string[]) => {
    const [cmd, ...rest] = [...sudo, 'apt-get', ...args];
    log(`hugo is not installed: running \`${[cmd, ...rest].join(' ')}\``);
    return (
      spawnSync(cmd!, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
        .status === 0
    );
  };
  if (!run(['install', '-y', '--no-install-recommends', 'hugo'])) {
    run(['update', '-qq']);
    run(['install', '-y', '--no-install-recommends', 'hugo']);
  }
  const version = hugoVersion();
  if (!version) log('installing hugo failed: Hugo is left out');
  return version;
}
