//! Single values written in words: moods, urgency and other closed lists, yes/no, counts,
//! shares, links and date-times.
//!
//! Each reader takes the words under a heading and returns the packet value, or `None` when
//! the words cannot be read (the caller then reports `rubric/note-unreadable-value`).

use serde_json::Value;

/// The closed lists a note can name in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Choices {
    Sentiment,
    Urgency,
    Channel,
    Mode,
    Frequency,
    RequestedBy,
    Trigger,
    FulfillmentIssue,
    ProvidedBy,
}

/// The allowed values with the words that mean each; mild to strong where that matters.
type Table = &'static [(&'static str, &'static [&'static str])];

const SENTIMENT: Table = &[
    (
        "calm",
        &[
            "calm",
            "happy",
            "relaxed",
            "patient",
            "fine",
            "pleased",
            "satisfied",
            "friendly",
            "ruhig",
            "zufrieden",
            "gelassen",
            "calme",
            "content",
            "satisfait",
            "tranquilo",
            "tranquila",
            "contento",
            "contenta",
            "🙂",
            "😊",
            "😀",
        ],
    ),
    (
        "neutral",
        &[
            "neutral",
            "ok",
            "okay",
            "so-so",
            "normal",
            "indifferent",
            "neutre",
            "😐",
        ],
    ),
    (
        "concerned",
        &[
            "concerned",
            "worried",
            "anxious",
            "nervous",
            "uneasy",
            "confused",
            "unsure",
            "besorgt",
            "beunruhigt",
            "unsicher",
            "inquiet",
            "inquiète",
            "préoccupé",
            "préoccupée",
            "preocupado",
            "preocupada",
            "😟",
            "😕",
        ],
    ),
    (
        "frustrated",
        &[
            "frustrated",
            "upset",
            "annoyed",
            "unhappy",
            "not happy",
            "irritated",
            "disappointed",
            "impatient",
            "fed up",
            "frustriert",
            "verärgert",
            "genervt",
            "unzufrieden",
            "enttäuscht",
            "frustré",
            "frustrée",
            "agacé",
            "agacée",
            "mécontent",
            "mécontente",
            "déçu",
            "déçue",
            "frustrado",
            "frustrada",
            "molesto",
            "molesta",
            "decepcionado",
            "decepcionada",
            "😤",
            "😞",
            "😒",
        ],
    ),
    (
        "angry",
        &[
            "angry",
            "furious",
            "livid",
            "irate",
            "mad",
            "outraged",
            "hostile",
            "threatening",
            "wütend",
            "sauer",
            "stinksauer",
            "empört",
            "furieux",
            "furieuse",
            "en colère",
            "enojado",
            "enojada",
            "furioso",
            "furiosa",
            "enfadado",
            "enfadada",
            "😡",
            "😠",
            "🤬",
        ],
    ),
];

const URGENCY: Table = &[
    (
        "standard",
        &[
            "standard", "normal", "low", "medium", "routine", "regular", "p3", "p4", "niedrig",
            "mittel", "basse", "moyenne", "baja", "media",
        ],
    ),
    (
        "urgent",
        &[
            "urgent", "high", "asap", "critical", "p1", "p2", "dringend", "hoch", "kritisch",
            "haute", "élevée", "critique", "urgente", "alta", "crítica",
        ],
    ),
    (
        "executive",
        &[
            "executive",
            "exec",
            "vip",
            "c-level",
            "ceo",
            "board",
            "executive visibility",
            "geschäftsführung",
            "vorstand",
            "direction",
            "dirección",
            "ejecutivo",
        ],
    ),
];

const CHANNEL: Table = &[
    ("email", &["email", "e-mail", "mail"]),
    ("chat", &["chat", "live chat"]),
    (
        "phone",
        &[
            "phone",
            "call",
            "telephone",
            "telefon",
            "téléphone",
            "teléfono",
        ],
    ),
    (
        "web_form",
        &[
            "web form",
            "web_form",
            "form",
            "contact form",
            "formular",
            "formulaire",
            "formulario",
        ],
    ),
    (
        "social",
        &[
            "social",
            "twitter",
            "x",
            "facebook",
            "instagram",
            "linkedin",
        ],
    ),
    (
        "messaging",
        &["messaging", "whatsapp", "sms", "messenger", "telegram"],
    ),
    ("in_app", &["in app", "in-app", "in_app", "app"]),
    ("other", &["other", "sonstige", "autre", "otro"]),
];

const MODE: Table = &[
    (
        "transfer",
        &[
            "transfer",
            "handover",
            "hand over",
            "übergabe",
            "transfert",
            "traspaso",
        ],
    ),
    (
        "consult",
        &[
            "consult",
            "consultation",
            "second opinion",
            "rückfrage",
            "consultation",
            "consulta",
        ],
    ),
];

const FREQUENCY: Table = &[
    (
        "always",
        &[
            "always",
            "every time",
            "each time",
            "100%",
            "consistently",
            "immer",
            "toujours",
            "siempre",
        ],
    ),
    (
        "often",
        &[
            "often",
            "frequently",
            "mostly",
            "usually",
            "oft",
            "häufig",
            "souvent",
            "a menudo",
            "frecuentemente",
        ],
    ),
    (
        "sometimes",
        &[
            "sometimes",
            "intermittent",
            "intermittently",
            "occasionally",
            "randomly",
            "flaky",
            "manchmal",
            "gelegentlich",
            "parfois",
            "a veces",
        ],
    ),
    (
        "once",
        &[
            "once",
            "one time",
            "only once",
            "one-off",
            "einmal",
            "une fois",
            "una vez",
        ],
    ),
];

const REQUESTED_BY: Table = &[
    (
        "customer",
        &[
            "customer",
            "client",
            "the customer",
            "caller",
            "kunde",
            "kundin",
            "cliente",
        ],
    ),
    ("agent", &["agent", "me", "myself", "i", "ich", "moi", "yo"]),
    (
        "policy",
        &[
            "policy",
            "rule",
            "process",
            "richtlinie",
            "politique",
            "política",
        ],
    ),
];

const TRIGGER: Table = &[
    (
        "customer_request",
        &[
            "customer request",
            "customer asked",
            "asked for a human",
            "asked for an agent",
            "requested a human",
            "customer_request",
        ],
    ),
    (
        "low_confidence",
        &[
            "low confidence",
            "low_confidence",
            "not sure",
            "unsure",
            "did not understand",
            "didn't understand",
        ],
    ),
    (
        "negative_sentiment",
        &[
            "negative sentiment",
            "negative_sentiment",
            "angry",
            "frustrated",
            "upset",
        ],
    ),
    ("policy", &["policy", "rule", "compliance"]),
    (
        "loop",
        &["loop", "looping", "stuck", "repeated", "going in circles"],
    ),
    ("other", &["other"]),
];

const FULFILLMENT_ISSUE: Table = &[
    (
        "not_delivered",
        &[
            "not delivered",
            "not_delivered",
            "never arrived",
            "not arrived",
            "didn't arrive",
            "did not arrive",
            "lost",
            "lost in transit",
            "nicht geliefert",
            "nicht angekommen",
            "non livré",
            "no entregado",
        ],
    ),
    (
        "damaged",
        &[
            "damaged",
            "broken",
            "smashed",
            "defective",
            "beschädigt",
            "kaputt",
            "endommagé",
            "cassé",
            "dañado",
            "roto",
        ],
    ),
    (
        "wrong_item",
        &[
            "wrong item",
            "wrong_item",
            "wrong product",
            "wrong size",
            "wrong colour",
            "wrong color",
            "falscher artikel",
            "mauvais article",
            "artículo equivocado",
        ],
    ),
    (
        "missing_item",
        &[
            "missing item",
            "missing_item",
            "item missing",
            "missing",
            "incomplete",
            "fehlt",
            "manquant",
            "falta",
        ],
    ),
    (
        "return",
        &["return", "send back", "rücksendung", "retour", "devolución"],
    ),
    (
        "exchange",
        &["exchange", "swap", "umtausch", "échange", "cambio"],
    ),
    (
        "refund",
        &[
            "refund",
            "money back",
            "erstattung",
            "rückerstattung",
            "remboursement",
            "reembolso",
        ],
    ),
];

const PROVIDED_BY: Table = &[
    (
        "customer",
        &[
            "customer",
            "client",
            "the customer",
            "user",
            "caller",
            "kunde",
            "kundin",
            "kunden",
            "cliente",
            "usuario",
        ],
    ),
    (
        "agent",
        &[
            "agent", "me", "us", "we", "i", "myself", "support", "internal", "our side", "ich",
            "uns", "wir", "intern", "moi", "nous", "interne", "agente", "nosotros", "yo",
            "interno",
        ],
    ),
];

impl Choices {
    fn table(self) -> Table {
        match self {
            Choices::Sentiment => SENTIMENT,
            Choices::Urgency => URGENCY,
            Choices::Channel => CHANNEL,
            Choices::Mode => MODE,
            Choices::Frequency => FREQUENCY,
            Choices::RequestedBy => REQUESTED_BY,
            Choices::Trigger => TRIGGER,
            Choices::FulfillmentIssue => FULFILLMENT_ISSUE,
            Choices::ProvidedBy => PROVIDED_BY,
        }
    }

    /// Whether several matches resolve to the strongest (mood, urgency) or the first written.
    fn strongest_wins(self) -> bool {
        matches!(self, Choices::Sentiment | Choices::Urgency)
    }

    /// The allowed values, for messages.
    pub(crate) fn values(self) -> Vec<&'static str> {
        self.table().iter().map(|(v, _)| *v).collect()
    }

    /// An example word that maps, for hints ("furious" for angry).
    pub(crate) fn example(self) -> &'static str {
        match self {
            Choices::Sentiment => "“upset” means frustrated, “furious” means angry",
            Choices::Urgency => "“high” or “ASAP” means urgent",
            Choices::Frequency => "“every time” means always",
            Choices::FulfillmentIssue => "“never arrived” means not_delivered",
            _ => "the value itself is always understood",
        }
    }

    /// Reads the words as one of the allowed values. The value itself, or any of its words
    /// as a whole word or phrase; for mood and urgency the strongest one mentioned wins
    /// ("calm now, but was furious" → angry), otherwise the first one written.
    pub(crate) fn read(self, words: &str) -> Option<&'static str> {
        let text = normalise(words);
        if text.is_empty() {
            return None;
        }
        let mut best: Option<(usize, usize)> = None; // (table index, position in text)
        for (index, (value, synonyms)) in self.table().iter().enumerate() {
            let found = std::iter::once(*value)
                .chain(synonyms.iter().copied())
                .filter_map(|w| find_phrase(&text, &normalise(w)))
                .min();
            if let Some(position) = found {
                let better = match best {
                    None => true,
                    Some((_, p)) if !self.strongest_wins() => position < p,
                    Some(_) => true, // tables list mild to strong
                };
                if better {
                    best = Some((index, position));
                }
            }
        }
        best.and_then(|(index, _)| self.table().get(index).map(|(v, _)| *v))
    }
}

/// Lower case, `_` and `-` as spaces, punctuation dropped, spaces collapsed.
fn normalise(s: &str) -> String {
    let mapped: String = s
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '_' | '-' | '/' | ',' | '.' | ';' | ':' | '!' | '?' | '(' | ')' | '"' | '*' => ' ',
            c => c,
        })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte position of `phrase` in `text` as whole words.
fn find_phrase(text: &str, phrase: &str) -> Option<usize> {
    if phrase.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|t| t.find(phrase)) {
        let at = from + found;
        let end = at + phrase.len();
        let starts = at == 0 || text.get(..at).is_some_and(|b| b.ends_with(' '));
        let ends = end == text.len() || text.get(end..).is_some_and(|a| a.starts_with(' '));
        if starts && ends {
            return Some(at);
        }
        from = at + phrase.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Yes / no in the languages of the built-in headings, judged by the first word.
pub(crate) fn yes_no(words: &str) -> Option<bool> {
    const YES: &[&str] = &[
        "yes", "y", "yep", "yeah", "true", "done", "told", "informed", "verified", "ja", "oui",
        "si", "sí", "✓", "✔", "✔️", "✅", "☑", "☑️", "👍",
    ];
    const NO: &[&str] = &[
        "no", "n", "nope", "not", "false", "pending", "nein", "non", "✗", "✘", "❌", "👎",
    ];
    let first = normalise(words);
    let first = first.split(' ').next().unwrap_or("");
    if YES.contains(&first) {
        Some(true)
    } else if NO.contains(&first) {
        Some(false)
    } else {
        None
    }
}

/// A whole number: the first one written, thousands separators allowed ("~1,200" → 1200).
pub(crate) fn count(words: &str) -> Option<Value> {
    let start = words.find(|c: char| c.is_ascii_digit())?;
    let digits: String = words
        .get(start..)?
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | '\'' | '\u{a0}' | '\u{202f}'))
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse::<u64>().ok().map(Value::from)
}

/// A share from 0 to 1: "0.85", "85%", "85" (read as a percentage when above 1).
pub(crate) fn share(words: &str) -> Option<Value> {
    let trimmed = words.trim();
    let (number, percent) = match trimmed.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (trimmed, false),
    };
    let value: f64 = number.replace(',', ".").parse().ok()?;
    let value = if percent || value > 1.0 {
        value / 100.0
    } else {
        value
    };
    (0.0..=1.0)
        .contains(&value)
        .then(|| serde_json::Number::from_f64(value).map(Value::Number))
        .flatten()
}

/// The first `http://` or `https://` address in the words (trailing punctuation dropped).
pub(crate) fn link(words: &str) -> Option<&str> {
    let lower = words.to_ascii_lowercase();
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    let rest = words.get(start..)?;
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
        .unwrap_or(rest.len());
    let url = rest
        .get(..end)?
        .trim_end_matches(['.', ',', ';', ')', ']', '!', '?']);
    (url.len() > "https://".len()).then_some(url)
}

/// An RFC 3339 date-time (`2026-11-24T17:00:00+01:00`, seconds optional), as written.
pub(crate) fn instant(words: &str) -> Option<&str> {
    let s = words.trim();
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
    };
    let date = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    let time = matches!(b.get(10), Some(b'T' | b't'))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16);
    if !(date && time) {
        return None;
    }
    let mut i = 16;
    if b.get(i) == Some(&b':') && digits(i + 1..i + 3) {
        i += 3;
        if b.get(i) == Some(&b'.') {
            i += 1;
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
    }
    let zone = match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            digits(i + 1..i + 3)
                && b.get(i + 3) == Some(&b':')
                && digits(i + 4..i + 6)
                && i + 6 == b.len()
        }
        _ => false,
    };
    zone.then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moods_in_words_and_emoji() {
        assert_eq!(Choices::Sentiment.read("furious"), Some("angry"));
        assert_eq!(
            Choices::Sentiment.read("Upset, wants this fixed today"),
            Some("frustrated")
        );
        assert_eq!(Choices::Sentiment.read("ok"), Some("neutral"));
        assert_eq!(
            Choices::Sentiment.read("calm now, but was furious"),
            Some("angry")
        );
        assert_eq!(
            Choices::Sentiment.read("ziemlich verärgert"),
            Some("frustrated")
        );
        assert_eq!(Choices::Sentiment.read("😡"), Some("angry"));
        assert_eq!(Choices::Sentiment.read("not happy"), Some("frustrated"));
        assert_eq!(Choices::Sentiment.read("meh"), None);
        assert_eq!(Choices::Sentiment.read(""), None);
    }

    #[test]
    fn other_lists() {
        assert_eq!(Choices::Urgency.read("High"), Some("urgent"));
        assert_eq!(Choices::Urgency.read("VIP account"), Some("executive"));
        assert_eq!(
            Choices::Frequency.read("every time I click save"),
            Some("always")
        );
        assert_eq!(
            Choices::FulfillmentIssue.read("Parcel never arrived"),
            Some("not_delivered")
        );
        assert_eq!(
            Choices::Trigger.read("customer asked for a human"),
            Some("customer_request")
        );
        assert_eq!(Choices::Channel.read("web-form"), Some("web_form"));
        assert_eq!(Choices::Mode.read("lunar"), None);
    }

    #[test]
    fn yes_and_no() {
        assert_eq!(yes_no("Yes, told her at 10:05"), Some(true));
        assert_eq!(yes_no("nein"), Some(false));
        assert_eq!(yes_no("✅"), Some(true));
        assert_eq!(yes_no("Not yet"), Some(false));
        assert_eq!(yes_no("maybe"), None);
    }

    #[test]
    fn numbers() {
        assert_eq!(count("about 40 users"), Some(Value::from(40)));
        assert_eq!(count("~1,200"), Some(Value::from(1200)));
        assert_eq!(count("many"), None);
        assert_eq!(
            share("85%"),
            serde_json::Number::from_f64(0.85).map(Value::Number)
        );
        assert_eq!(
            share("0.4"),
            serde_json::Number::from_f64(0.4).map(Value::Number)
        );
        assert_eq!(share("140%"), None);
        assert_eq!(share("high"), None);
    }

    #[test]
    fn links_and_instants() {
        assert_eq!(
            link("see https://bot.example.com/t/42."),
            Some("https://bot.example.com/t/42")
        );
        assert_eq!(link("attached"), None);
        assert_eq!(
            instant("2026-11-24T17:00:00+01:00"),
            Some("2026-11-24T17:00:00+01:00")
        );
        assert_eq!(instant(" 2026-11-24T17:00Z "), Some("2026-11-24T17:00Z"));
        assert_eq!(instant("Friday 5pm"), None);
        assert_eq!(instant("2026-11-24"), None);
    }
}
