//! `contentEncoding` (asserted by draft-06 and draft-07 schemas) decodes RFC 4648 as
//! `data-encoding`, the crate jsonschema used before (vendor/jsonschema/PATCHED.md, change 9),
//! decodes it: on random texts over each alphabet and its padding, valid ones included.

use data_encoding::{Encoding, BASE32, BASE32HEX, BASE64, BASE64URL, HEXUPPER};
use proptest::prelude::*;
use serde_json::json;

fn validator(encoding: &str) -> jsonschema::Validator {
    jsonschema::draft7::new(&json!({ "contentEncoding": encoding })).unwrap()
}

/// What data-encoding says, base16 case-insensitive as jsonschema's check is.
fn oracle(encoding: &Encoding, base16: bool, text: &str) -> bool {
    encoding.decode(text.as_bytes()).is_ok()
        || (base16 && encoding.decode(text.to_uppercase().as_bytes()).is_ok())
}

/// Texts that are often valid: bytes encoded, then perhaps one symbol changed, padding moved,
/// a block's encoding appended or the end cut.
fn texts(encoding: Encoding, symbols: &'static str) -> impl Strategy<Value = String> {
    let alphabet: Vec<char> = format!("{symbols}=a").chars().collect();
    (
        proptest::collection::vec(any::<u8>(), 0..12),
        proptest::collection::vec(any::<u8>(), 0..4),
        any::<u8>(),
        0usize..8,
        0usize..3,
    )
        .prop_map(move |(bytes, more, pick, at, how)| {
            let mut text: Vec<char> = encoding.encode(&bytes).chars().collect();
            match how {
                0 if !text.is_empty() => {
                    let at = at % text.len();
                    text[at] = alphabet[usize::from(pick) % alphabet.len()];
                }
                1 => text.extend(encoding.encode(&more).chars()),
                _ => text.truncate(text.len().saturating_sub(at)),
            }
            text.into_iter().collect()
        })
}

fn agrees(name: &str, encoding: &Encoding, text: &str) -> Result<(), TestCaseError> {
    let expected = oracle(encoding, name == "base16", text);
    let got = validator(name).is_valid(&json!(text));
    prop_assert_eq!(got, expected, "{} of {:?}", name, text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn base64_decodes_as_data_encoding(text in texts(BASE64, "AZaz09+/")) {
        agrees("base64", &BASE64, &text)?;
    }

    #[test]
    fn base64url_decodes_as_data_encoding(text in texts(BASE64URL, "AZaz09-_+")) {
        agrees("base64url", &BASE64URL, &text)?;
    }

    #[test]
    fn base32_decodes_as_data_encoding(text in texts(BASE32, "AZ27a8")) {
        agrees("base32", &BASE32, &text)?;
    }

    #[test]
    fn base32hex_decodes_as_data_encoding(text in texts(BASE32HEX, "09AVWZ")) {
        agrees("base32hex", &BASE32HEX, &text)?;
    }

    #[test]
    fn base16_decodes_as_data_encoding(text in texts(HEXUPPER, "09AFafG")) {
        agrees("base16", &HEXUPPER, &text)?;
    }

    /// Any text at all over a few symbols and the padding, mostly invalid.
    #[test]
    fn any_text_decodes_as_data_encoding(text in "[AQgw+/=_-]{0,17}") {
        for (name, encoding) in [
            ("base64", &BASE64),
            ("base64url", &BASE64URL),
            ("base32", &BASE32),
            ("base32hex", &BASE32HEX),
            ("base16", &HEXUPPER),
        ] {
            agrees(name, encoding, &text)?;
        }
    }
}

#[test]
fn padded_blocks_may_follow_one_another_and_trailing_bits_must_be_zero() {
    let base64 = validator("base64");
    assert!(base64.is_valid(&json!("Zg==Zm9v")));
    assert!(base64.is_valid(&json!("")));
    assert!(!base64.is_valid(&json!("Zh==")));
    assert!(!base64.is_valid(&json!("Zg=")));
    assert!(!base64.is_valid(&json!("Z===")));
    assert!(!base64.is_valid(&json!("Z=g=")));
    assert!(!base64.is_valid(&json!("====")));
    assert!(!base64.is_valid(&json!("Zg======")));
    for text in [
        "====", "Zg======", "Zh==", "Zg=", "Z===", "Z=g=", "Zg==Zm9v", "=",
    ] {
        assert_eq!(
            base64.is_valid(&json!(text)),
            oracle(&BASE64, false, text),
            "{text}"
        );
    }
    assert!(validator("base16").is_valid(&json!("666f6F")));
    assert!(!validator("base16").is_valid(&json!("666")));
    assert!(validator("base32").is_valid(&json!("MZXW6YTBOI======")));
}
