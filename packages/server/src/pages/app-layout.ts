import type { OctopusSpace } from "../octopus-resources";
import { escapeHtml } from "./html";
import { appPaths } from "./page-paths";

/** Which of the pages a page is, so the navigation marks it. */
export type AppSection = "build-information" | "release-notes" | "deployment-changes";

export interface AppPage {
  title: string;
  section: AppSection;
  space: OctopusSpace;
  spaces: readonly OctopusSpace[];
  /** The page's own HTML, every value in it already escaped. */
  body: string;
}

const sections: [AppSection, string, (spaceId: string) => string][] = [
  ["build-information", "Build information", appPaths.buildInformation],
  ["release-notes", "Release notes preview", appPaths.releaseNotes],
  ["deployment-changes", "Deployment changes preview", appPaths.deploymentChanges],
];

/** A page of `buildinfo serve`: its stylesheet and script come from the server itself (the policy allows nothing else). */
export function appPageHtml(page: AppPage): string {
  const navigation = sections
    .map(([section, label, path]) => {
      const current = section === page.section ? ' aria-current="page"' : "";
      return `<li><a href="${escapeHtml(path(page.space.Id))}"${current}>${label}</a></li>`;
    })
    .join("");
  const spaces =
    page.spaces.length < 2
      ? ""
      : `<ul class="spaces" aria-label="Spaces">${page.spaces
          .map((space) => {
            const current = space.Id === page.space.Id ? ' aria-current="true"' : "";
            return `<li><a href="${escapeHtml(appPaths.buildInformation(space.Id))}"${current}>${escapeHtml(space.Name)}</a></li>`;
          })
          .join("")}</ul>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(page.title)} · ${escapeHtml(page.space.Name)} · buildinfo serve</title>
<link rel="stylesheet" href="${appPaths.stylesheet}"><link rel="icon" href="${appPaths.icon}"><script src="${appPaths.script}" defer></script></head>
<body><a class="skip" href="#content">Skip to content</a>
<header><p class="product">buildinfo serve <span>· local Octopus build information</span></p>
<nav aria-label="Pages"><ul>${navigation}</ul></nav>${spaces}</header>
<main id="content" tabindex="-1"><h1>${escapeHtml(page.title)}</h1>
${page.body}
</main></body></html>
`;
}
