//! The blank note an agent fills in for a scenario.

use super::config::NoteConfig;
use super::field::{BASE_TEMPLATE, SCENARIO_TEMPLATES};

/// The blank note for `scenario`: one heading per line, each followed by a colon. The base
/// headings come first, then the scenario's extras, then the fields the bundle added (those
/// under another scenario's group, such as `billing.po_number`, only for that scenario).
/// An unknown scenario gets the base template.
pub fn template(scenario: &str, config: &NoteConfig) -> String {
    let extras = SCENARIO_TEMPLATES
        .iter()
        .find(|(name, _)| *name == scenario)
        .map_or(&[][..], |(_, keys)| *keys);
    let group = |key: &str| key.split('.').next().unwrap_or("").to_string();
    let scenario_groups: Vec<String> = SCENARIO_TEMPLATES
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|k| group(k)))
        .collect();
    let own_groups: Vec<String> = extras.iter().map(|k| group(k)).collect();
    let custom = config
        .custom_fields()
        .filter(|f| {
            let g = group(&f.key);
            own_groups.contains(&g) || !scenario_groups.contains(&g)
        })
        .map(|f| f.key.clone());
    let keys: Vec<String> = BASE_TEMPLATE
        .iter()
        .chain(extras)
        .map(|k| (*k).to_string())
        .chain(custom)
        .collect();
    let mut note = String::new();
    for key in keys {
        if let Some(heading) = config.template_heading(&key) {
            note.push_str(&heading);
            note.push_str(":\n");
        }
    }
    note
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_and_scenario_headings() {
        let config = NoteConfig::default();
        let billing = template("billing_to_finance", &config);
        assert!(
            billing.starts_with("Summary:\nTried:\nCustomer mood:\n"),
            "{billing}"
        );
        assert!(
            billing.contains("\nOwner:\n")
                && billing.ends_with(
                    "Invoice:\nAmount:\nCharge date:\nPayment method:\nDispute reason:\n"
                ),
            "{billing}"
        );
        let base = template("returns_desk", &config);
        assert!(
            base.ends_with("Next steps:\n") && !base.contains("Invoice"),
            "{base}"
        );
    }
}
