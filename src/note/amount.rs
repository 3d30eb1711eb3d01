//! Money written by people: "€49.00", "49,00 €", "USD 1,200.50", "1.234,50 EUR".

/// An amount read from words; `currency` is an ISO 4217 code when one was named.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Amount<'a> {
    pub value: f64,
    /// The digits as written, a slice of the words.
    pub number: &'a str,
    pub currency: Option<(&'static str, &'a str)>,
}

/// Currency signs and the code each means (longest first, so "US$" wins over "$").
const SIGNS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("C$", "CAD"),
    ("A$", "AUD"),
    ("R$", "BRL"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("zł", "PLN"),
    ("Fr.", "CHF"),
];

/// ISO 4217 codes recognised in any case; other codes count when written in capitals.
const CODES: &[&str] = &[
    "AED", "AUD", "BRL", "CAD", "CHF", "CNY", "CZK", "DKK", "EUR", "GBP", "HKD", "HUF", "IDR",
    "ILS", "INR", "JPY", "KRW", "MXN", "MYR", "NOK", "NZD", "PHP", "PLN", "RON", "SAR", "SEK",
    "SGD", "THB", "TRY", "TWD", "USD", "ZAR",
];

/// Reads an amount; `None` when no number is written.
pub(crate) fn read(words: &str) -> Option<Amount<'_>> {
    let start = words.find(|c: char| c.is_ascii_digit())?;
    let tail = words.get(start..)?;
    let mut end = 0;
    for (i, c) in tail.char_indices() {
        if c.is_ascii_digit() {
            end = i + 1;
        } else if !matches!(c, '.' | ',' | '\'' | ' ' | '\u{a0}' | '\u{202f}') {
            break;
        }
    }
    let number = tail.get(..end)?;
    let negative = words
        .get(..start)
        .is_some_and(|b| b.trim_end().ends_with(['-', '−']));
    let value = parse_number(number)? * if negative { -1.0 } else { 1.0 };
    let before = words.get(..start).unwrap_or("");
    let after = words.get(start + end..).unwrap_or("");
    let currency = sign_in(
        before.trim_end().trim_end_matches(['-', '−']).trim_end(),
        true,
    )
    .or_else(|| sign_in(after.trim_start(), false))
    .or_else(|| code_in(before).or_else(|| code_in(after)));
    Some(Amount {
        value,
        number,
        currency,
    })
}

/// A currency sign right before (`at_end`) or right after the number.
fn sign_in(side: &str, at_end: bool) -> Option<(&'static str, &str)> {
    SIGNS.iter().find_map(|(sign, code)| {
        let found = if at_end {
            side.ends_with(sign)
        } else {
            side.starts_with(sign)
        };
        let at = if at_end {
            side.len().checked_sub(sign.len())?
        } else {
            0
        };
        found
            .then(|| side.get(at..at + sign.len()).map(|s| (*code, s)))
            .flatten()
    })
}

/// A three-letter currency code among the words.
fn code_in(side: &str) -> Option<(&'static str, &str)> {
    side.split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|word| {
            if word.len() != 3 {
                return None;
            }
            let upper = word.to_ascii_uppercase();
            CODES
                .iter()
                .find(|c| **c == upper)
                .map(|code| (*code, word))
        })
}

/// "1,234.56", "1.234,56", "49,00", "1 200" → the number. The last of `.` or `,` is the
/// decimal mark when both appear; a lone `,` followed by three digits groups thousands.
fn parse_number(written: &str) -> Option<f64> {
    let digits: String = written
        .chars()
        .filter(|c| !matches!(c, '\'' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let last_dot = digits.rfind('.');
    let last_comma = digits.rfind(',');
    let decimal = match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(d.max(c)),
        (Some(d), None) => (digits.matches('.').count() == 1).then_some(d),
        (None, Some(c)) => {
            (digits.matches(',').count() == 1 && digits.len() - c - 1 != 3).then_some(c)
        }
        (None, None) => None,
    };
    let plain: String = digits
        .char_indices()
        .filter_map(|(i, c)| match c {
            '.' | ',' if Some(i) == decimal => Some('.'),
            '.' | ',' => None,
            c => Some(c),
        })
        .collect();
    plain.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amount(words: &str) -> Option<(f64, Option<&'static str>)> {
        read(words).map(|a| (a.value, a.currency.map(|(code, _)| code)))
    }

    #[test]
    fn common_ways_of_writing_money() {
        assert_eq!(amount("€49.00"), Some((49.0, Some("EUR"))));
        assert_eq!(amount("49,00 €"), Some((49.0, Some("EUR"))));
        assert_eq!(amount("USD 1,200.50"), Some((1200.5, Some("USD"))));
        assert_eq!(
            amount("1.234,50 EUR (charged twice)"),
            Some((1234.5, Some("EUR")))
        );
        assert_eq!(amount("£1,200"), Some((1200.0, Some("GBP"))));
        assert_eq!(amount("CHF 12'500"), Some((12500.0, Some("CHF"))));
        assert_eq!(amount("19.99 usd"), Some((19.99, Some("USD"))));
        assert_eq!(amount("US$5"), Some((5.0, Some("USD"))));
        assert_eq!(amount("-20 EUR"), Some((-20.0, Some("EUR"))));
    }

    #[test]
    fn missing_parts() {
        assert_eq!(amount("49 per month"), Some((49.0, None)));
        assert_eq!(amount("a lot"), None);
    }
}
