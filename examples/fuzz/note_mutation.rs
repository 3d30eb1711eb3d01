//! Structure-aware mutation of notes: whole lines and blocks (sections) repeated, headings,
//! lists and tables inserted, HTML nested and left open, entities and odd characters.

use crate::json_tree::long_string;
use crate::rng::Rng;

const HEADINGS: &[&str] = &[
    "Summary:",
    "## Summary",
    "# Tried",
    "Tried:",
    "Next steps:",
    "Docs:",
    "Owner: Dana Kim (Finance)",
    "Customer mood: furious",
    "Urgency: high",
    "Promised: a call back by Friday",
    "Kurzfassung:",
    "Résumé :",
    "**Ask:** refund",
    "Invoice: INV-2041",
    "Amount: €49.00",
    "Deadline: 2026-11-27T17:00:00Z",
    "Unknown heading:",
    ":",
    "Summary: Summary: Summary:",
];

const LINES: &[&str] = &[
    "- Checked the invoice → two identical charges",
    "* Asked for a bank statement -> sent 📄",
    "1. bank-statement.pdf (from customer)",
    "| field | value |",
    "|---|---|",
    "| Owner | Dana Kim |",
    "> quoted reply from the customer",
    "    indented code",
    "```",
    "e\u{301}\u{301}\u{301} 😡\u{200D}🔥 \u{2028}",
    "\t\r",
    "",
];

const HTML: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<ul><li>",
    "</li></ul>",
    "<ol><li>",
    "<br>",
    "<br/>",
    "<strong>Summary:</strong>",
    "<h2>Tried</h2>",
    "<table><tr><td>Owner</td><td>Dana</td></tr></table>",
    "<td>",
    "<tr>",
    "<script>alert(1)</script>",
    "<style>p{}</style>",
    "<!-- comment",
    "-->",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "&#99999999;",
    "&#0;",
    "&unknown;",
    "&",
    "<",
    ">",
    "<p class=\"x\" data-a='b'>",
    "<pre>",
    "</pre>",
    "<b><i><u>",
    "</a>",
    "<a href=\"javascript:x\">",
    "<![CDATA[x]]>",
    "<span style=\"display:none\">hidden</span>",
    "<img src=x>",
    "<template>",
    "<textarea>",
];

/// Mutates a note in place; `html` adds markup mutations.
pub fn mutate(text: &mut String, rng: &mut Rng, html: bool, donors: &[String]) {
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        match rng.below(if html { 10 } else { 8 }) {
            // A block of lines (a section) repeated, sometimes thousands of times.
            0 => {
                let start = rng.below(lines.len());
                let end = (start + 1 + rng.below(8)).min(lines.len());
                let block = lines[start..end].to_vec();
                // At most about 8 MB of copies.
                let bytes = block.iter().map(|line| line.len() + 1).sum::<usize>();
                let times = [2, 50, 2_000][rng.below(3)].min(8_000_000 / bytes.max(1));
                let mut out = Vec::with_capacity(lines.len() + block.len() * times);
                out.extend_from_slice(&lines[..end]);
                for _ in 0..times {
                    out.extend_from_slice(&block);
                }
                out.extend_from_slice(&lines[end..]);
                lines = out;
            }
            // A heading.
            1 => {
                let at = rng.below(lines.len() + 1);
                lines.insert(at, HEADINGS[rng.below(HEADINGS.len())].to_string());
            }
            // A list item, table row or odd line.
            2 => {
                let at = rng.below(lines.len() + 1);
                lines.insert(at, LINES[rng.below(LINES.len())].to_string());
            }
            // A table of many rows.
            3 => {
                let at = rng.below(lines.len() + 1);
                let rows = [3, 300, 3_000][rng.below(3)];
                let mut table = vec!["| a | b | c |".to_string(), "|---|---|---|".to_string()];
                table.extend((0..rows).map(|i| format!("| {i} | é{i} | x |")));
                lines.splice(at..at, table);
            }
            // A long line.
            4 => {
                let at = rng.below(lines.len());
                let n = [1_000, 100_000][rng.below(2)];
                lines[at].push_str(&long_string(rng, n));
            }
            // Lines dropped, or lines from another note.
            5 if lines.len() > 1 => {
                let start = rng.below(lines.len());
                let end = (start + 1 + rng.below(5)).min(lines.len());
                lines.drain(start..end);
            }
            6 if !donors.is_empty() => {
                let donor = &donors[rng.below(donors.len())];
                let at = rng.below(lines.len() + 1);
                lines.splice(at..at, donor.split('\n').map(str::to_string));
            }
            // HTML: nested open tags, stray closing tags, entities.
            8 | 9 if html => {
                let at = rng.below(lines.len());
                let line = &mut lines[at];
                let mut cut = rng.below(line.len() + 1);
                while !line.is_char_boundary(cut) {
                    cut -= 1;
                }
                let piece = if rng.chance(3) {
                    let tag = ["<div>", "<ul><li>", "<b>", "<p>", "<table><tr><td>"][rng.below(5)];
                    tag.repeat([10, 500, 20_000][rng.below(3)])
                } else {
                    HTML[rng.below(HTML.len())].to_string()
                };
                line.insert_str(cut, &piece);
            }
            _ => {
                let at = rng.below(lines.len());
                lines[at] = lines[at].to_uppercase();
            }
        }
        *text = if rng.chance(8) {
            lines.join("\r\n")
        } else {
            lines.join("\n")
        };
    }
}
