import { describeWithoutUserinfo, fromSource } from "./describe-value";
import { BuildInfoError } from "./errors";

const schemeForm = /^[a-z][a-z0-9+.-]*:\/\//i;
const scpForm = /^(?:([^@\s/]+)@)?([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(?!\/\/)(.+)$/;
const localPathForm = /^(?:\/|\.{1,2}[\\/]|~|file:|[A-Za-z]:[\\/]|\\\\)/i;
const sshSchemes = new Set(["ssh:", "git:", "git+ssh:", "ssh+git:"]);
const httpsOnlyHosts = new Set(["bitbucket.org", "github.com", "gitlab.com", "dev.azure.com"]);

interface RemoteParts {
  protocol: "https:" | "http:";
  host: string;
  path: string;
}

/** A checkout cloned from the file system: Octopus cannot link to it, so it is dropped rather than sent. */
export function isLocalRepositoryPath(raw: string | undefined): boolean {
  return raw !== undefined && localPathForm.test(raw.trim());
}

/**
 * The repository URL in the one form Octopus builds working links from: `https://host/path`, without
 * credentials, `.git`, a trailing `/`, a query or a fragment.
 */
export function normalizeVcsRoot(raw: string | undefined, source?: string): string | undefined {
  const value = raw?.trim() ?? "";
  if (value === "") return undefined;
  const parts = isLocalRepositoryPath(value) ? undefined : parseRemote(value);
  if (!parts) {
    throw new BuildInfoError(
      "E_INVALID_VCS_ROOT",
      `Invalid VcsRoot ${describeWithoutUserinfo(value)}${fromSource(source)}: expected a repository URL such as https://host/owner/repo, ssh://git@host/owner/repo or git@host:owner/repo.`,
      { source },
    );
  }
  const path = parts.path
    .replace(/\/+$/, "")
    .replace(/\.git$/i, "")
    .replace(/\/+$/, "");
  const azure = azureDevOpsSshRoot(parts.host, path);
  if (azure) return azure;
  const protocol = httpsOnlyHosts.has(parts.host) ? "https:" : parts.protocol;
  return `${protocol}//${parts.host}${path}`;
}

function parseRemote(value: string): RemoteParts | undefined {
  if (schemeForm.test(value)) {
    const url = tryUrl(value);
    if (!url || url.hostname === "") return undefined;
    if (url.protocol === "https:" || url.protocol === "http:") {
      return { protocol: url.protocol, host: url.host, path: url.pathname };
    }
    if (sshSchemes.has(url.protocol)) return { protocol: "https:", host: url.hostname, path: url.pathname };
    return undefined;
  }
  const scp = scpForm.exec(value);
  if (!scp || (scp[1] === undefined && !scp[2]!.includes("."))) return undefined;
  const url = tryUrl(`https://${scp[2]}/${scp[3]!.replace(/^\/+/, "")}`);
  if (!url) return undefined;
  return { protocol: "https:", host: url.host, path: url.pathname };
}

function tryUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

function azureDevOpsSshRoot(host: string, path: string): string | undefined {
  const v3 = /^\/v3\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
  if (!v3) return undefined;
  const [, organization, project, repository] = v3;
  if (host === "ssh.dev.azure.com")
    return `https://dev.azure.com/${organization}/${project}/_git/${repository}`;
  if (host === "vs-ssh.visualstudio.com") {
    return `https://${organization}.visualstudio.com/${project}/_git/${repository}`;
  }
  return undefined;
}
