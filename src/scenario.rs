//! The built-in scenarios: the kinds of handoff that have their own schema
//! (`schemas/scenarios/<name>.schema.json`), and the team each one hands the case to. The kit,
//! the SLA policies and the rubric's `wrong-team` check all read this one list; a bundle's
//! `scenarios` extend or override it.

/// One built-in scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltinScenario {
    /// The id used in `handoff.scenario`.
    pub name: &'static str,
    /// The canonical id of the team that receives it.
    pub team: &'static str,
}

/// The eight built-in scenarios of the product brief, with their receiving teams.
pub const BUILTIN: [BuiltinScenario; 8] = [
    BuiltinScenario {
        name: "billing_to_finance",
        team: "finance",
    },
    BuiltinScenario {
        name: "support_to_engineering",
        team: "engineering",
    },
    BuiltinScenario {
        name: "tier1_to_tier2",
        team: "tier2",
    },
    BuiltinScenario {
        name: "bot_to_human",
        team: "support",
    },
    BuiltinScenario {
        name: "agent_to_supervisor",
        team: "supervisor",
    },
    BuiltinScenario {
        name: "sales_to_success",
        team: "customer_success",
    },
    BuiltinScenario {
        name: "support_to_fulfillment",
        team: "fulfillment",
    },
    BuiltinScenario {
        name: "voice_to_chat",
        team: "chat_support",
    },
];

/// Whether `name` is a built-in scenario.
pub fn is_builtin(name: &str) -> bool {
    BUILTIN.iter().any(|s| s.name == name)
}

/// The team a built-in scenario hands to.
pub fn receiving_team(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|s| s.name == name).map(|s| s.team)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_builtin_scenario_has_a_schema_and_a_team() {
        let store = crate::schema::SchemaStore::builtin();
        for scenario in BUILTIN {
            let id = format!(
                "{}scenarios/{}.schema.json",
                crate::schema::store::BUILTIN_BASE,
                scenario.name
            );
            assert!(store.get(&id).is_some(), "{id}");
            assert_eq!(receiving_team(scenario.name), Some(scenario.team));
        }
        assert!(!is_builtin("an_orgs_own"));
        assert_eq!(receiving_team("an_orgs_own"), None);
    }
}
