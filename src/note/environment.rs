//! Where a bug happens: "Product: Acme Web 4.2, Chrome 120 on Windows 11".

use super::draft::{Draft, Obj};
use super::filler::Filler;

/// Labels agents write before each part, by the packet field they fill.
const LABELS: &[(&str, &[&str])] = &[
    (
        "product",
        &[
            "product",
            "produkt",
            "produit",
            "producto",
            "app",
            "application",
            "anwendung",
        ],
    ),
    (
        "version",
        &["version", "ver", "release", "build", "versión"],
    ),
    (
        "platform",
        &[
            "platform",
            "plattform",
            "plateforme",
            "plataforma",
            "device",
            "gerät",
            "appareil",
            "dispositivo",
        ],
    ),
    ("browser", &["browser", "navigateur", "navegador"]),
    (
        "os",
        &[
            "os",
            "operating system",
            "betriebssystem",
            "système",
            "système d'exploitation",
            "sistema operativo",
            "so",
        ],
    ),
];

const BROWSERS: &[&str] = &[
    "chrome", "chromium", "firefox", "safari", "edge", "opera", "brave", "vivaldi",
];
const SYSTEMS: &[&str] = &[
    "windows",
    "macos",
    "mac os",
    "os x",
    "ios",
    "ipados",
    "android",
    "linux",
    "ubuntu",
    "debian",
    "fedora",
    "chromeos",
    "chrome os",
];

/// Reads the environment object under `pointer`, marking each part's words.
pub(crate) fn read<'w>(f: &mut Filler<'_>, pointer: &str, body: &'w str) -> Draft<'w> {
    let mut env = Obj::new();
    let mut unlabelled = Vec::new();
    for part in body
        .split(['\n', ',', ';', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match labelled(part) {
            Some((field, value)) if !value.is_empty() => put(f, &mut env, pointer, field, value),
            Some(_) => {}
            None => unlabelled.extend(part.split(" on ").map(str::trim).filter(|p| !p.is_empty())),
        }
    }
    let mut leftover: Vec<&str> = Vec::new();
    for part in unlabelled {
        let lower = part.to_lowercase();
        let field = if BROWSERS.iter().any(|b| lower.starts_with(b)) {
            "browser"
        } else if SYSTEMS.iter().any(|s| lower.starts_with(s)) {
            "os"
        } else {
            leftover.push(part);
            continue;
        };
        if env.contains_key(field) {
            leftover.push(part);
        } else {
            put(f, &mut env, pointer, field, part);
        }
    }
    if !leftover.is_empty() && !env.contains_key("product") {
        let first = leftover.remove(0);
        put(f, &mut env, pointer, "product", first);
    }
    if !leftover.is_empty() {
        let mut product = env
            .get("product")
            .and_then(Draft::as_str)
            .unwrap_or("")
            .to_string();
        for part in leftover {
            product.push_str(", ");
            product.push_str(part);
        }
        env.insert("product", Draft::owned(product));
    }
    Draft::Object(env)
}

fn put<'w>(
    f: &mut Filler<'_>,
    env: &mut Obj<'w>,
    pointer: &str,
    field: &'static str,
    words: &'w str,
) {
    f.mark_child(pointer, field, words);
    env.insert(field, Draft::str(words));
}

/// "Browser: Firefox 128" → ("browser", "Firefox 128").
fn labelled(part: &str) -> Option<(&'static str, &str)> {
    let (label, value) = part.split_once([':', '='])?;
    let label = label.trim().to_lowercase();
    let field = LABELS
        .iter()
        .find(|(_, words)| words.contains(&label.as_str()))?
        .0;
    Some((field, value.trim()))
}
