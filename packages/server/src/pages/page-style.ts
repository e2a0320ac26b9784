/** How a record, its work items and rendered notes look: the preview file and the server's pages share it. */
export const recordStyle = `body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;margin:0;background:#f5f7fa}
main{max-width:60rem;margin:0 auto;padding:1.5rem}h1{font-size:1.5rem;margin:0 0 1rem}
section{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.25rem}
h2{font-size:1.2rem;margin:0 0 .5rem}h2 .version{color:#52606d;font-weight:normal}h3{font-size:1rem;margin:1rem 0 .4rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #e4e7eb}
.fields th{width:9rem;color:#52606d;font-weight:normal}.commits{padding-left:1.2rem}.commits li{margin:.2rem 0}
.message{white-space:pre-wrap}code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
.status{display:inline-block;white-space:nowrap;border-radius:3px;padding:0 .4rem;font-size:.85rem}
.linked .status{background:#e3f9e5;color:#05400a}.unconfirmed .status{background:#fffbea;color:#8d2b0b}
.ignored .status{background:#f0f4f8;color:#3e4c59}.reason,.suggestion{font-size:.85rem;color:#52606d}
.suggestion::before{content:"Instead: ";font-weight:600}.notes pre{background:#f0f4f8;padding:.5rem;overflow:auto}
.diagnostics li{color:#8d2b0b}.summary{color:#52606d;margin:-.5rem 0 1rem}.work-items td:first-child{white-space:nowrap}a{color:#0b69a3}`;
