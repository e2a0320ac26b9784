import { appPaths } from "./page-paths";
import { recordStyle } from "./page-style";

/** The pages' stylesheet: the record's look, and the header, forms, tables and paging of the pages. */
const appStylesheet = `${recordStyle}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:1}
header{background:#102a43;color:#fff;padding:.6rem 1.5rem;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;align-items:center}
header .product{margin:0;font-weight:600}header .product span{font-weight:normal;color:#d9e2ec}
header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
header a{color:#fff}header a[aria-current]{font-weight:600;text-decoration-thickness:3px}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #f0b429;outline-offset:2px}
main:focus{outline:none}form.filter{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:0 0 1rem}
label{display:block;font-weight:600;margin:0 0 .2rem}input,select,textarea,button{font:inherit}
input,select,textarea{border:1px solid #829ab1;border-radius:4px;padding:.3rem .4rem;background:#fff;color:#1f2933}
textarea{width:100%;box-sizing:border-box;font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,monospace}
button{background:#0b69a3;color:#fff;border:0;border-radius:4px;padding:.35rem .9rem;cursor:pointer}
.records td{overflow-wrap:anywhere}.records time{white-space:nowrap}.count{color:#52606d}
nav.paging{display:flex;gap:1rem;align-items:center;margin:1rem 0}.hint{color:#52606d;font-size:.9rem}
.side-by-side{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.25rem}
@media (max-width:50rem){.side-by-side{grid-template-columns:1fr}}
.template{white-space:pre-wrap;background:#f0f4f8;padding:.5rem;margin:0;overflow:auto}
.field{margin:0 0 1rem}fieldset{border:1px solid #d9e2ec;border-radius:6px;margin:0 0 1rem;padding:.5rem 1rem}
legend{font-weight:600}.choices label{font-weight:normal;display:inline-block;margin-right:1rem}
.empty{color:#52606d}`;

/**
 * The pages' only script: Octopus's links (`/app#/Spaces-1/library/buildinformation/BuildInformation-1`, what
 * the CLI prints after a push) keep the page in the fragment, which never reaches the server. It turns the
 * ones this server has pages for into their paths; everything works without it.
 */
const appScript = `(function () {
  var hash = location.hash;
  var id = "[A-Za-z0-9][A-Za-z0-9_.-]*";
  var routes = [
    [new RegExp("^#/(" + id + ")/library/buildinformation(?:/(" + id + "))?/?$"), function (m) {
      return "/app/" + m[1] + "/library/buildinformation" + (m[2] ? "/" + m[2] : "");
    }],
    [new RegExp("^#/spaces/(" + id + ")/?$"), function (m) {
      return "/app/" + m[1] + "/library/buildinformation";
    }],
    [new RegExp("^#/(" + id + ")/deployments/(" + id + ")/?$"), function (m) {
      return "/app/" + m[1] + "/deployment-changes?deployment=" + m[2];
    }]
  ];
  if (location.pathname !== "/app" && location.pathname !== "/app/") return;
  for (var i = 0; i < routes.length; i++) {
    var match = routes[i][0].exec(hash);
    if (match) { location.replace(routes[i][1](match)); return; }
  }
})();
`;

// The browser asks for an icon on every site; one from the server keeps it from asking for /favicon.ico.
const appIcon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#102a43"/><path d="M4 4h5a2 2 0 0 1 0 4H4zm0 4h6a2 2 0 0 1 0 4H4z" fill="none" stroke="#fff" stroke-width="1.5"/></svg>`;

/** The files the pages load, by path. */
export const appAssets: Readonly<Record<string, { contentType: string; body: string }>> = {
  [appPaths.stylesheet]: { contentType: "text/css; charset=utf-8", body: appStylesheet },
  [appPaths.script]: { contentType: "text/javascript; charset=utf-8", body: appScript },
  [appPaths.icon]: { contentType: "image/svg+xml", body: appIcon },
};
