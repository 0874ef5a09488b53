/** The dark palette: for `theme: 'dark'`, and for `'auto'` when the system prefers dark. */
const DARK = `
  --pkd-bg: #16181d;
  --pkd-surface: #20242b;
  --pkd-text: #e6edf3;
  --pkd-muted: #a3adb8;
  --pkd-border: #3d444d;
  --pkd-accent: #79b8ff;
  --pkd-focus: #79b8ff;
  --pkd-error: #ff9b94;
  --pkd-error-bg: #3b1714;
  --pkd-join: #56d364;
  --pkd-leave: #ff9b94;
  --pkd-update: #79b8ff;
  --pkd-typing: #d2a8ff;
  --pkd-commit: #a3adb8;
  color-scheme: dark;
`

/**
 * The panel's stylesheet, inside its shadow root: nothing leaks into the page and nothing of the
 * page's styles leaks in. Colours meet WCAG AA on their backgrounds in both themes.
 */
export const PANEL_CSS = `
:host {
  all: initial;
  display: block;
  --pkd-bg: #ffffff;
  --pkd-surface: #f3f5f8;
  --pkd-text: #1b1f24;
  --pkd-muted: #4f5863;
  --pkd-border: #c9d1d9;
  --pkd-accent: #0b5cad;
  --pkd-focus: #0b5cad;
  --pkd-error: #a4161a;
  --pkd-error-bg: #fdecea;
  --pkd-join: #1a7f37;
  --pkd-leave: #a4161a;
  --pkd-update: #0b5cad;
  --pkd-typing: #8250df;
  --pkd-commit: #4f5863;
  color-scheme: light;
}
:host([data-theme='dark']) {${DARK}}
@media (prefers-color-scheme: dark) {
  :host([data-theme='auto']) {${DARK}}
}
:host([data-placement='overlay']) {
  position: fixed;
  right: 0;
  bottom: 0;
  z-index: 2147483000;
  width: min(440px, 100vw);
  height: min(70vh, 640px);
}
:host([data-placement='inline']) {
  height: 100%;
  min-height: 320px;
}
* { box-sizing: border-box; }
.panel {
  display: flex;
  flex-direction: column;
  height: 100%;
  background: var(--pkd-bg);
  color: var(--pkd-text);
  border: 1px solid var(--pkd-border);
  border-radius: 8px 8px 0 0;
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  overflow: hidden;
}
:host([data-placement='inline']) .panel { border-radius: 8px; }
.bar {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 10px;
  padding: 8px 10px;
  border-bottom: 1px solid var(--pkd-border);
  background: var(--pkd-surface);
}
h2 { font-size: 14px; margin: 0; flex: 1 1 auto; }
h3 { font-size: 13px; margin: 10px 0 4px; }
label { display: inline-flex; align-items: center; gap: 4px; }
button, select, input {
  font: inherit;
  color: var(--pkd-text);
  background: var(--pkd-bg);
  border: 1px solid var(--pkd-border);
  border-radius: 6px;
  padding: 3px 8px;
  min-height: 28px;
}
button { cursor: pointer; }
button:disabled { cursor: not-allowed; color: var(--pkd-muted); }
button[aria-pressed='true'] { background: var(--pkd-accent); color: var(--pkd-bg); border-color: var(--pkd-accent); }
:focus-visible { outline: 2px solid var(--pkd-focus); outline-offset: 1px; }
[role='tablist'] {
  display: flex;
  flex-wrap: wrap;
  gap: 2px;
  padding: 4px 6px 0;
  border-bottom: 1px solid var(--pkd-border);
}
[role='tab'] {
  border: none;
  border-bottom: 2px solid transparent;
  border-radius: 0;
  background: transparent;
  padding: 4px 8px;
}
[role='tab'][aria-selected='true'] { border-bottom-color: var(--pkd-accent); font-weight: 600; }
[role='tabpanel'] { flex: 1 1 auto; overflow: auto; padding: 6px 10px 10px; }
[role='tabpanel'][hidden] { display: none; }
ul, ol { list-style: none; margin: 0; padding: 0; }
.cards > li, .members > li {
  border: 1px solid var(--pkd-border);
  border-radius: 6px;
  padding: 6px 8px;
  margin: 6px 0;
}
dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(110px, 1fr)); gap: 2px 10px; margin: 4px 0 0; }
dl div { display: flex; gap: 4px; flex-wrap: wrap; }
dt { color: var(--pkd-muted); }
dt::after { content: ':'; }
dd { margin: 0; font-weight: 600; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre {
  margin: 2px 0 0;
  padding: 4px 6px;
  background: var(--pkd-surface);
  border-radius: 4px;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
}
.head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
.badge {
  display: inline-block;
  padding: 0 6px;
  border: 1px solid var(--pkd-border);
  border-radius: 999px;
  font-size: 12px;
}
.muted { color: var(--pkd-muted); }
.connections > li { margin: 4px 0 0 10px; padding-left: 6px; border-left: 2px solid var(--pkd-border); }
.stats { margin: 6px 0; }
.filters { display: flex; flex-wrap: wrap; gap: 4px 10px; margin: 4px 0; border: none; padding: 0; }
.filters legend { padding: 0; font-weight: 600; }
.timeline > li {
  display: grid;
  grid-template-columns: auto auto 1fr;
  gap: 0 8px;
  padding: 2px 0 2px 6px;
  border-left: 3px solid var(--pkd-commit);
  border-bottom: 1px solid var(--pkd-surface);
  overflow-wrap: anywhere;
}
.timeline > li > .summary { grid-column: 1 / -1; }
.timeline > li[data-kind='join'] { border-left-color: var(--pkd-join); }
.timeline > li[data-kind='leave'] { border-left-color: var(--pkd-leave); }
.timeline > li[data-kind='update'], .timeline > li[data-kind='snapshot'] { border-left-color: var(--pkd-update); }
.timeline > li[data-kind='typing'] { border-left-color: var(--pkd-typing); }
.timeline > li[data-kind='error'] { border-left-color: var(--pkd-error); background: var(--pkd-error-bg); }
.kind { font-weight: 600; }
.error { color: var(--pkd-error); }
.actions section { margin: 4px 0 10px; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.visually-hidden {
  position: absolute;
  width: 1px;
  height: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
@media (prefers-reduced-motion: no-preference) {
  button { transition: background-color 120ms; }
}
`
