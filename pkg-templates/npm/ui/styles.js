// The layer's CSS, scoped by its shadow root: nothing here can reach the host page and the
// page's rules cannot reach the layer (`all: initial` on the host resets what is inherited).
// Adopted as a constructed stylesheet where the browser has them, so a page whose CSP forbids
// inline <style> still styles the layer.

export const css = `
:host { all: initial; }
.root {
  position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible;
  z-index: 2147483646; pointer-events: none;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24;
}
.mirror {
  position: fixed; left: 0; top: 0; visibility: hidden; pointer-events: none;
  overflow: hidden; margin: 0; border-style: solid; border-color: transparent;
  box-sizing: border-box; white-space: pre-wrap; overflow-wrap: break-word;
}
.clip { position: fixed; overflow: hidden; pointer-events: none; }
.mark {
  position: absolute; pointer-events: none; box-sizing: border-box; height: 3px;
  border-bottom: 2px solid #c62828; min-width: 6px;
}
.mark.warning { border-bottom: 2px dashed #b26a00; }
.mark.info { border-bottom: 2px dotted #1565c0; }
.mark.at { border-bottom-width: 3px; }
.mark.active { background: rgba(255, 193, 7, 0.35); height: auto; }
.tooltip {
  position: fixed; max-width: 360px; padding: 8px 10px; border-radius: 6px;
  background: #1b1f24; color: #fff; box-shadow: 0 4px 14px rgba(0,0,0,.25);
  pointer-events: none; white-space: normal;
}
.tooltip[hidden], .panel[hidden], .sla[hidden], .errorbox[hidden], .cap[hidden], .notice[hidden],
.insert[hidden], .checks[hidden] { display: none; }
.tooltip .tip-message { font-weight: 600; }
.tooltip .tip-hint, .tooltip .tip-cost, .tooltip .tip-more { margin-top: 4px; color: #d6dbe1; }
.dock { position: fixed; pointer-events: auto; }
.toggle {
  font: inherit; font-weight: 600; cursor: pointer; border: 1px solid #6b7480; border-radius: 999px;
  padding: 3px 10px; background: #fff; color: #1b1f24; box-shadow: 0 1px 4px rgba(0,0,0,.2);
}
.toggle.grade-A, .toggle.grade-B { border-color: #1b7f3b; color: #125c2a; }
.toggle.grade-C { border-color: #8a5a00; color: #6b4500; }
.toggle.grade-D, .toggle.grade-F, .toggle.failed { border-color: #b3261e; color: #8c1d18; }
.toggle:focus-visible, .panel button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.panel {
  position: fixed; box-sizing: border-box;
  width: 340px; max-height: min(70vh, 560px); overflow: auto; background: #fff; color: #1b1f24;
  border: 1px solid #9aa3ad; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.2); padding: 10px 12px;
}
.panel h2 { font-size: 14px; margin: 0 0 6px; }
.panel h3 { font-size: 13px; margin: 10px 0 4px; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.score { font-size: 15px; font-weight: 700; }
.cap { color: #8c1d18; margin-top: 2px; }
.sla { margin-top: 8px; padding: 6px 8px; border-radius: 6px; background: #eef6ee; border-left: 4px solid #1b7f3b; }
.sla.at_risk { background: #fff4e0; border-left-color: #b26a00; }
.sla.breached { background: #fdecea; border-left-color: #b3261e; }
.sla.paused { background: #eef1f5; border-left-color: #5f6b7a; }
.sla .countdown { font-weight: 700; }
.conflict { margin-top: 4px; color: #8c1d18; font-weight: 600; }
.finding {
  display: block; width: 100%; text-align: left; font: inherit; color: inherit; cursor: pointer;
  background: none; border: 0; border-left: 4px solid #b3261e; padding: 4px 6px; margin: 2px 0;
  border-radius: 3px;
}
.finding:hover, .finding:focus { background: #f1f3f5; }
.finding.warning { border-left-color: #b26a00; }
.finding.info { border-left-color: #1565c0; }
.finding[aria-disabled="true"] { cursor: default; }
.finding .sev { font-weight: 700; text-transform: capitalize; }
.check { display: flex; justify-content: space-between; gap: 8px; padding: 1px 0; }
.check.failed .pts { color: #8c1d18; font-weight: 600; }
.check.not_applicable { color: #5f6b7a; }
.notice { margin: 0 0 8px; padding: 8px 10px; border-radius: 6px; background: #fff6e0; color: #6b4600; border: 1px solid #b7791f; }
.notice.block { background: #fde8e8; color: #7a1111; border-color: #c53030; }
.errorbox { margin-top: 6px; padding: 6px 8px; border-radius: 6px; background: #fdecea; color: #8c1d18; }
.insert {
  margin-top: 10px; font: inherit; cursor: pointer; border: 1px solid #1a73e8; color: #0b57d0;
  background: #fff; border-radius: 6px; padding: 4px 10px;
}
.sr-only {
  position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
`;

/** Styles a shadow root: a constructed sheet (CSP-proof) or, in old browsers, a <style>. */
export function adoptStyles(shadow, doc) {
  const view = doc.defaultView;
  if (view && typeof view.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in shadow) {
    try {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // fall through to a <style> element
    }
  }
  const style = doc.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
