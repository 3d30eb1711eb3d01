#!/usr/bin/env python3
"""Writes <fixture>.innertext.txt: what Chromium's `innerText` returns for each *.html fixture.

The note reader's HTML renderer must produce exactly this text (tests/note_html.rs), so spans
computed in Rust land on the same characters a content script sees in the editor.
Usage: python3 tests/notes/render-with-chromium.py   (needs `chromium` on PATH; headless)
"""
import html, json, pathlib, re, subprocess, sys, tempfile

here = pathlib.Path(__file__).parent
for fixture in sorted(here.glob("*.html")):
    page = (
        '<!doctype html><html><body><div id="editor" contenteditable="true"></div><pre id="out"></pre>'
        "<script>const e = document.getElementById('editor'); e.innerHTML = %s;"
        "document.getElementById('out').textContent = JSON.stringify(e.innerText);</script></body></html>"
        % json.dumps(fixture.read_text(encoding="utf-8")).replace("</", "<\\/")
    )
    with tempfile.NamedTemporaryFile("w", suffix=".html", delete=False, encoding="utf-8") as f:
        f.write(page)
    dom = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + f.name],
        capture_output=True, text=True, check=True, timeout=120,
    ).stdout
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    if not found:
        sys.exit(f"{fixture.name}: no output from chromium")
    text = json.loads(html.unescape(found.group(1)))
    fixture.with_suffix(".innertext.txt").write_text(text, encoding="utf-8")
    print(f"{fixture.name}: {len(text)} characters")
