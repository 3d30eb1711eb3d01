//! HTML character references: the named ones rich-text editors emit, and numeric ones.
//!
//! Editors (CKEditor 5, Redactor, Summernote, TinyMCE) write `&nbsp;`, `&amp;`, `&lt;`,
//! typographic quotes and dashes, and sometimes accented letters by name. Anything else is
//! numeric (`&#8594;`, `&#x1F600;`). An unknown name is kept as written, as browsers do.

/// Named references this reader knows, without `&` and `;`.
const NAMED: &[(&str, &str)] = &[
    ("nbsp", "\u{a0}"),
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("bull", "•"),
    ("middot", "·"),
    ("rarr", "→"),
    ("larr", "←"),
    ("harr", "↔"),
    ("rArr", "⇒"),
    ("lArr", "⇐"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("minus", "−"),
    ("para", "¶"),
    ("sect", "§"),
    ("shy", "\u{ad}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("check", "✓"),
    ("Agrave", "À"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Aring", "Å"),
    ("AElig", "Æ"),
    ("Ccedil", "Ç"),
    ("Egrave", "È"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Euml", "Ë"),
    ("Igrave", "Ì"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Iuml", "Ï"),
    ("Ntilde", "Ñ"),
    ("Ograve", "Ò"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Oslash", "Ø"),
    ("Ugrave", "Ù"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Uuml", "Ü"),
    ("Yacute", "Ý"),
    ("szlig", "ß"),
    ("agrave", "à"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("aring", "å"),
    ("aelig", "æ"),
    ("ccedil", "ç"),
    ("egrave", "è"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("igrave", "ì"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("ograve", "ò"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("oslash", "ø"),
    ("ugrave", "ù"),
    ("uacute", "ú"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("yuml", "ÿ"),
    ("OElig", "Œ"),
    ("oelig", "œ"),
];

/// Names browsers also decode without the closing `;` (legacy documents).
const LEGACY: &[&str] = &["nbsp", "amp", "lt", "gt", "quot", "copy", "reg"];

/// Windows-1252 meanings of numeric references 0x80–0x9F, as the HTML standard requires.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Decodes the character reference at the start of `rest` (which begins with `&`).
/// Returns the decoded text and how many bytes of `rest` it used, or `None` when `rest`
/// does not start with a reference this reader knows (the `&` is then literal text).
pub(crate) fn decode_at(rest: &str) -> Option<(String, usize)> {
    let body = rest.strip_prefix('&')?;
    if let Some(numeric) = body.strip_prefix('#') {
        return decode_numeric(numeric).map(|(c, used)| (c.to_string(), used + 2));
    }
    let name_len = body
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(body.len());
    let name = body.get(..name_len)?;
    let has_semicolon = body.get(name_len..)?.starts_with(';');
    if has_semicolon {
        if let Some((_, text)) = NAMED.iter().find(|(n, _)| *n == name) {
            return Some(((*text).to_string(), name_len + 2));
        }
    }
    let legacy = LEGACY.iter().find(|n| name.starts_with(**n))?;
    let text = NAMED.iter().find(|(n, _)| n == legacy)?.1;
    Some((text.to_string(), legacy.len() + 1))
}

/// `123;`, `x1F600;` (the `;` optional): the character and the bytes used after `&#`.
fn decode_numeric(body: &str) -> Option<(char, usize)> {
    let (digits_start, radix) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (1, 16),
        _ => (0, 10),
    };
    let digits = body.get(digits_start..)?;
    let len = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if len == 0 {
        return None;
    }
    let number = digits
        .get(..len)
        .and_then(|d| u32::from_str_radix(d, radix).ok())
        .unwrap_or(u32::MAX);
    let semicolon = usize::from(digits.get(len..).is_some_and(|r| r.starts_with(';')));
    let c = match number {
        0x80..=0x9f => WINDOWS_1252
            .get((number - 0x80) as usize)
            .copied()
            .unwrap_or('\u{fffd}'),
        0 => '\u{fffd}',
        n => char::from_u32(n).unwrap_or('\u{fffd}'),
    };
    Some((c, digits_start + len + semicolon))
}

#[cfg(test)]
mod tests {
    use super::decode_at;

    fn decoded(s: &str) -> Option<(String, usize)> {
        decode_at(s)
    }

    #[test]
    fn named_references_editors_emit() {
        assert_eq!(decoded("&nbsp;x"), Some(("\u{a0}".into(), 6)));
        assert_eq!(decoded("&rarr; two"), Some(("→".into(), 6)));
        assert_eq!(decoded("&uuml;ber"), Some(("ü".into(), 6)));
        assert_eq!(decoded("&amp;"), Some(("&".into(), 5)));
    }

    #[test]
    fn numeric_references_decimal_and_hex() {
        assert_eq!(decoded("&#8594;"), Some(("→".into(), 7)));
        assert_eq!(decoded("&#x1F621;"), Some(("😡".into(), 9)));
        assert_eq!(decoded("&#39"), Some(("'".into(), 4)));
        assert_eq!(decoded("&#150;"), Some(("–".into(), 6)));
        assert_eq!(decoded("&#xD800;"), Some(("\u{fffd}".into(), 8)));
        assert_eq!(decoded("&#99999999999;"), Some(("\u{fffd}".into(), 14)));
    }

    #[test]
    fn unknown_or_bare_ampersands_stay_literal() {
        assert_eq!(decoded("&foo;"), None);
        assert_eq!(decoded("& more"), None);
        assert_eq!(decoded("&#;"), None);
        assert_eq!(decoded("&ampx"), Some(("&".into(), 4)));
    }
}
