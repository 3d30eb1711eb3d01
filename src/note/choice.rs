//! Closed lists written in words: mood, urgency, channel, frequency and the like.
//!
//! Each list maps the packet's allowed values to the words agents use for them, in the
//! languages of the built-in headings ("furious" → angry, "ASAP" → urgent).

use super::value::{find_phrase, normalise};
use std::sync::OnceLock;

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

#[rustfmt::skip]
const SENTIMENT: Table = &[
    ("calm", &["calm", "happy", "relaxed", "patient", "fine", "pleased", "satisfied", "friendly", "ruhig", "zufrieden", "gelassen", "calme", "content", "satisfait", "tranquilo", "tranquila", "contento", "contenta", "🙂", "😊", "😀"]),
    ("neutral", &["neutral", "ok", "okay", "so-so", "normal", "indifferent", "neutre", "😐"]),
    ("concerned", &["concerned", "worried", "anxious", "nervous", "uneasy", "confused", "unsure", "besorgt", "beunruhigt", "unsicher", "inquiet", "inquiète", "préoccupé", "préoccupée", "preocupado", "preocupada", "😟", "😕"]),
    ("frustrated", &["frustrated", "upset", "annoyed", "unhappy", "not happy", "irritated", "disappointed", "impatient", "fed up", "frustriert", "verärgert", "genervt", "unzufrieden", "enttäuscht", "frustré", "frustrée", "agacé", "agacée", "mécontent", "mécontente", "déçu", "déçue", "frustrado", "frustrada", "molesto", "molesta", "decepcionado", "decepcionada", "😤", "😞", "😒"]),
    ("angry", &["angry", "furious", "livid", "irate", "mad", "outraged", "hostile", "threatening", "wütend", "sauer", "stinksauer", "empört", "furieux", "furieuse", "en colère", "enojado", "enojada", "furioso", "furiosa", "enfadado", "enfadada", "😡", "😠", "🤬"]),
];

#[rustfmt::skip]
const URGENCY: Table = &[
    ("standard", &["standard", "normal", "low", "medium", "routine", "regular", "p3", "p4", "niedrig", "mittel", "basse", "moyenne", "baja", "media"]),
    ("urgent", &["urgent", "high", "asap", "critical", "p1", "p2", "dringend", "hoch", "kritisch", "haute", "élevée", "critique", "urgente", "alta", "crítica"]),
    ("executive", &["executive", "exec", "vip", "c-level", "ceo", "board", "executive visibility", "geschäftsführung", "vorstand", "direction", "dirección", "ejecutivo"]),
];

#[rustfmt::skip]
const CHANNEL: Table = &[
    ("email", &["email", "e-mail", "mail"]),
    ("chat", &["chat", "live chat"]),
    ("phone", &["phone", "call", "telephone", "telefon", "téléphone", "teléfono"]),
    ("web_form", &["web form", "web_form", "form", "contact form", "formular", "formulaire", "formulario"]),
    ("social", &["social", "twitter", "x", "facebook", "instagram", "linkedin"]),
    ("messaging", &["messaging", "whatsapp", "sms", "messenger", "telegram"]),
    ("in_app", &["in app", "in-app", "in_app", "app"]),
    ("other", &["other", "sonstige", "autre", "otro"]),
];

#[rustfmt::skip]
const MODE: Table = &[
    ("transfer", &["transfer", "handover", "hand over", "übergabe", "transfert", "traspaso"]),
    ("consult", &["consult", "consultation", "second opinion", "rückfrage", "consultation", "consulta"]),
];

#[rustfmt::skip]
const FREQUENCY: Table = &[
    ("always", &["always", "every time", "each time", "100%", "consistently", "immer", "toujours", "siempre"]),
    ("often", &["often", "frequently", "mostly", "usually", "oft", "häufig", "souvent", "a menudo", "frecuentemente"]),
    ("sometimes", &["sometimes", "intermittent", "intermittently", "occasionally", "randomly", "flaky", "manchmal", "gelegentlich", "parfois", "a veces"]),
    ("once", &["once", "one time", "only once", "one-off", "einmal", "une fois", "una vez"]),
];

#[rustfmt::skip]
const REQUESTED_BY: Table = &[
    ("customer", &["customer", "client", "the customer", "caller", "kunde", "kundin", "cliente"]),
    ("agent", &["agent", "me", "myself", "i", "ich", "moi", "yo"]),
    ("policy", &["policy", "rule", "process", "richtlinie", "politique", "política"]),
];

#[rustfmt::skip]
const TRIGGER: Table = &[
    ("customer_request", &["customer request", "customer asked", "asked for a human", "asked for an agent", "requested a human", "customer_request"]),
    ("low_confidence", &["low confidence", "low_confidence", "not sure", "unsure", "did not understand", "didn't understand"]),
    ("negative_sentiment", &["negative sentiment", "negative_sentiment", "angry", "frustrated", "upset"]),
    ("policy", &["policy", "rule", "compliance"]),
    ("loop", &["loop", "looping", "stuck", "repeated", "going in circles"]),
    ("other", &["other"]),
];

#[rustfmt::skip]
const FULFILLMENT_ISSUE: Table = &[
    ("not_delivered", &["not delivered", "not_delivered", "never arrived", "not arrived", "didn't arrive", "did not arrive", "lost", "lost in transit", "nicht geliefert", "nicht angekommen", "non livré", "no entregado"]),
    ("damaged", &["damaged", "broken", "smashed", "defective", "beschädigt", "kaputt", "endommagé", "cassé", "dañado", "roto"]),
    ("wrong_item", &["wrong item", "wrong_item", "wrong product", "wrong size", "wrong colour", "wrong color", "falscher artikel", "mauvais article", "artículo equivocado"]),
    ("missing_item", &["missing item", "missing_item", "item missing", "missing", "incomplete", "fehlt", "manquant", "falta"]),
    ("return", &["return", "send back", "rücksendung", "retour", "devolución"]),
    ("exchange", &["exchange", "swap", "umtausch", "échange", "cambio"]),
    ("refund", &["refund", "money back", "erstattung", "rückerstattung", "remboursement", "reembolso"]),
];

#[rustfmt::skip]
const PROVIDED_BY: Table = &[
    ("customer", &["customer", "client", "the customer", "user", "caller", "kunde", "kundin", "kunden", "cliente", "usuario"]),
    ("agent", &["agent", "me", "us", "we", "i", "myself", "support", "internal", "our side", "ich", "uns", "wir", "intern", "moi", "nous", "interne", "agente", "nosotros", "yo", "interno"]),
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

    /// Each allowed value with its words, normalised once per process (normalising them on
    /// every read was most of the time a long note spent on its closed lists).
    fn phrases(self) -> &'static [Vec<String>] {
        const LISTS: usize = Choices::ProvidedBy as usize + 1;
        static PHRASES: [OnceLock<Vec<Vec<String>>>; LISTS] = [const { OnceLock::new() }; LISTS];
        PHRASES[self as usize].get_or_init(|| {
            self.table()
                .iter()
                .map(|(value, synonyms)| {
                    std::iter::once(*value)
                        .chain(synonyms.iter().copied())
                        .map(normalise)
                        .collect()
                })
                .collect()
        })
    }

    /// Whether several matches resolve to the strongest (mood, urgency) or the first written.
    fn strongest_wins(self) -> bool {
        matches!(self, Choices::Sentiment | Choices::Urgency)
    }

    /// The allowed values, for messages.
    pub(crate) fn values(self) -> Vec<String> {
        self.table()
            .iter()
            .map(|(v, _)| v.replace('_', " "))
            .collect()
    }

    /// Words that map, for hints ("furious" for angry).
    pub(crate) fn example(self) -> &'static str {
        match self {
            Choices::Sentiment => "“upset” means frustrated, “furious” means angry",
            Choices::Urgency => "“high” or “ASAP” means urgent",
            Choices::Channel => "“e-mail” means email, “WhatsApp” means messaging",
            Choices::Mode => "“handover” means transfer",
            Choices::Frequency => "“every time” means always",
            Choices::RequestedBy => "“the customer” means customer",
            Choices::Trigger => "“asked for a human” means customer request",
            Choices::FulfillmentIssue => "“never arrived” means not delivered",
            Choices::ProvidedBy => "“from the client” means customer",
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
        for (index, phrases) in self.phrases().iter().enumerate() {
            let found = phrases.iter().filter_map(|w| find_phrase(&text, w)).min();
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
}
