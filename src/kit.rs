//! The kit: a bundle's schemas, rubric and SLA policies, compiled once and reused for every
//! packet.
//!
//! Which schemas check a packet: the bundle's `packet_schema` when it names one (the built-in
//! `packet.schema.json` otherwise), plus the schema of the packet's scenario
//! (`handoff.scenario`) when the bundle or the built-ins define one. With an org
//! `packet_schema`, only the bundle's own scenarios apply (the built-in scenario schemas extend
//! the built-in packet schema, not the org's).

use crate::bundle::Bundle;
use crate::diagnostic::{Diagnostic, Severity, Source};
use crate::error::{Error, Result};
use crate::note::NoteConfig;
use crate::report::Report;
use crate::rubric::{Rubric, ScoreContext};
use crate::schema::store::BUILTIN_BASE;
use crate::schema::{SchemaStore, Validator};
use crate::sla::{CalendarRef, Deadline, DeadlineRequest, Sla, TeamSla};
use crate::tape::Node;
use crate::teams::Teams;
use crate::vocabulary::Vocabulary;
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, OnceLock};

/// Options for [`Kit::check`].
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The caller's "now" (RFC 3339). The core never reads a clock.
    pub now: Option<String>,
}

/// A compiled bundle. Cloning is cheap: kits of the same bundle share one compiled core (see
/// [`Kit::builtin`] and [`Kit::from_value`]).
#[derive(Clone)]
pub struct Kit {
    core: Arc<Core>,
}

/// What a bundle compiles to; shared by every kit of the same bundle.
struct Core {
    name: String,
    version: String,
    packet: Arc<Lazy>,
    scenarios: BTreeMap<String, Scenario>,
    vocabulary: Vocabulary,
    rubric: Rubric,
    sla: Sla,
    notes: NoteConfig,
    teams: Teams,
    /// The bundle's regression cases, as the meta-schema accepted them (run by `cases.rs`).
    cases: Vec<Value>,
}

/// A scenario's schema.
struct Scenario {
    validator: Arc<Lazy>,
    /// Built-in scenario schemas `$ref` the packet schema, so they alone check the packet.
    includes_packet: bool,
}

/// A validator compiled when it is first used: the built-in schemas are ours (checked by
/// `tests/schemas.rs`), so a kit need not compile the eight scenario schemas a page may never
/// see. An org's own schemas are compiled when the kit is built ([`Lazy::now`]), so a broken
/// one is refused then, as before.
struct Lazy {
    id: String,
    at: String,
    store: Arc<SchemaStore>,
    compiled: OnceLock<Result<Validator>>,
}

impl Lazy {
    fn later(id: String, at: &str, store: &Arc<SchemaStore>) -> Arc<Lazy> {
        Arc::new(Lazy {
            id,
            at: at.to_string(),
            store: Arc::clone(store),
            compiled: OnceLock::new(),
        })
    }

    fn now(id: String, at: &str, store: &Arc<SchemaStore>) -> Result<Arc<Lazy>> {
        let lazy = Lazy::later(id, at, store);
        lazy.get()?;
        Ok(lazy)
    }

    fn get(&self) -> Result<&Validator> {
        let compiled = self.compiled.get_or_init(|| {
            let schema = self.store.get(&self.id).ok_or_else(|| {
                Error::new(
                    "bundle",
                    format!("The bundle's {} names the schema \"{}\", which is neither built in nor in the bundle's schemas.", self.at, self.id),
                )
            })?;
            let validator = if self.id.starts_with(BUILTIN_BASE) && self.store.builtin_unchanged() {
                Validator::builtin(schema, &self.store)
            } else {
                Validator::new(schema, &self.store)
            };
            validator.map_err(|e| {
                Error::new(
                    "bundle",
                    format!(
                        "The bundle's schema \"{}\" ({}) cannot be used: {}",
                        self.id, self.at, e.message
                    ),
                )
            })
        });
        compiled.as_ref().map_err(Error::clone)
    }
}

/// How many distinct org bundles stay compiled ([`Kit::from_value`]); the least recently
/// built one is dropped first.
const BUNDLE_CACHE: usize = 8;

impl Kit {
    /// The kit of the built-in schemas. Compiled once per process (per wasm instance): every
    /// later call shares it.
    pub fn builtin() -> Result<Kit> {
        static BUILTIN: OnceLock<Result<Arc<Core>>> = OnceLock::new();
        let core = BUILTIN.get_or_init(|| {
            let bundle = Bundle {
                bundle: "built-in".to_string(),
                version: env!("CARGO_PKG_VERSION").to_string(),
                ..Bundle::default()
            };
            Core::from_bundle(bundle, None).map(Arc::new)
        });
        core.clone().map(|core| Kit { core })
    }

    /// A kit from bundle JSON text (see `schemas/org-bundle.schema.json`).
    pub fn from_json(text: &str) -> Result<Kit> {
        crate::error::check_bytes(
            "bundle-bytes",
            "The bundle",
            text,
            crate::limits::BUNDLE_BYTES,
        )?;
        let value = crate::error::parse_json("The bundle", text)?;
        Kit::from_value(&value)
    }

    /// A kit from a bundle document, checked against the org-bundle meta-schema first. The
    /// last few distinct bundles (by content) stay compiled: building a kit of one of them
    /// again shares its compiled core.
    pub fn from_value(bundle: &Value) -> Result<Kit> {
        static CACHE: Mutex<Vec<(String, Arc<Core>)>> = Mutex::new(Vec::new());
        let key = bundle.to_string();
        let cached = |cache: &mut Vec<(String, Arc<Core>)>| {
            let index = cache.iter().position(|(k, _)| *k == key)?;
            // Most recently used last.
            let entry = cache.remove(index);
            let core = Arc::clone(&entry.1);
            cache.push(entry);
            Some(core)
        };
        if let Some(core) = cached(&mut CACHE.lock().unwrap_or_else(|e| e.into_inner())) {
            return Ok(Kit { core });
        }
        let bundle = Bundle::from_value(bundle)?;
        let builtin = Kit::builtin()?;
        let core = Arc::new(Core::from_bundle(bundle, Some(&builtin.core))?);
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= BUNDLE_CACHE {
            cache.remove(0);
        }
        cache.push((key, Arc::clone(&core)));
        Ok(Kit { core })
    }

    /// Whether two kits share one compiled core.
    pub fn shares_core_with(&self, other: &Kit) -> bool {
        Arc::ptr_eq(&self.core, &other.core)
    }
}

impl Core {
    /// `builtin`: the built-in kit's core, whose validators an org bundle shares when it
    /// leaves the built-in schemas as they are.
    fn from_bundle(bundle: Bundle, builtin: Option<&Core>) -> Result<Core> {
        let store = Arc::new(SchemaStore::builtin().with_documents(&bundle.schemas)?);
        let shared = builtin.filter(|_| store.builtin_unchanged());
        let packet = match (&bundle.packet_schema, shared) {
            (Some(id), _) => Lazy::now(id.clone(), "packet_schema", &store)?,
            (None, Some(core)) => Arc::clone(&core.packet),
            (None, None) => Lazy::later(
                format!("{BUILTIN_BASE}packet.schema.json"),
                "packet_schema",
                &store,
            ),
        };
        if bundle.packet_schema.is_none() && !store.builtin_unchanged() {
            // An org schema replaces a built-in one that the built-in schemas `$ref`: check it
            // with them now, as before.
            packet.get()?;
        }
        let mut scenarios = BTreeMap::new();
        if bundle.packet_schema.is_none() {
            for name in crate::scenario::BUILTIN.map(|s| s.name) {
                let validator = match shared.and_then(|core| core.scenarios.get(name)) {
                    Some(scenario) => Arc::clone(&scenario.validator),
                    None => {
                        let id = format!("{BUILTIN_BASE}scenarios/{name}.schema.json");
                        let lazy = Lazy::later(id, "built-in scenario", &store);
                        if !store.builtin_unchanged() {
                            lazy.get()?;
                        }
                        lazy
                    }
                };
                scenarios.insert(
                    name.to_string(),
                    Scenario {
                        validator,
                        includes_packet: true,
                    },
                );
            }
        }
        for (name, scenario) in &bundle.scenarios {
            if let Some(id) = scenario.get("schema").and_then(Value::as_str) {
                let at = format!("scenario \"{name}\"");
                let validator = Lazy::now(id.to_string(), &at, &store)?;
                scenarios.insert(
                    name.clone(),
                    Scenario {
                        validator,
                        includes_packet: false,
                    },
                );
            }
        }
        let teams = Teams::from_bundle(&bundle.teams, &bundle.vocabulary, &bundle.calendars)?;
        let vocabulary =
            Vocabulary::from_bundle(&teams.vocabulary(&bundle.vocabulary), &bundle.scenarios)?;
        let rubric =
            Rubric::from_bundle(&bundle.rubric, &bundle.scenarios)?.with_vocabulary(&vocabulary);
        let sla = Sla::from_bundle(&bundle.calendars, &bundle.policies)?.with_teams(
            teams
                .iter()
                .map(|team| TeamSla {
                    id: team.id.clone(),
                    name: team.name.clone(),
                    calendar: team.calendar.clone(),
                })
                .collect(),
        );
        let notes = NoteConfig::from_bundle(&bundle.notes)?;
        Ok(Core {
            name: bundle.bundle,
            version: bundle.version,
            packet,
            scenarios,
            vocabulary,
            rubric,
            sla,
            notes,
            teams,
            cases: match bundle.cases {
                Value::Array(cases) => cases,
                _ => Vec::new(),
            },
        })
    }
}

impl Kit {
    /// The bundle's name and version.
    pub fn bundle(&self) -> (&str, &str) {
        (&self.core.name, &self.core.version)
    }

    /// The bundle's teams (`teams`): ids, the names pages show, calendars.
    pub fn teams(&self) -> &Teams {
        &self.core.teams
    }

    /// The scenarios this kit has schemas for.
    pub fn scenarios(&self) -> impl Iterator<Item = &str> {
        self.core.scenarios.keys().map(String::as_str)
    }

    /// Schema diagnostics for a packet, after the vocabulary has turned the words people use
    /// for teams and scenarios into ids. A packet that is not a JSON object is an error.
    pub fn validate(&self, packet: Value) -> Result<Vec<Diagnostic>> {
        self.validate_text(&packet.to_string())
    }

    /// [`Kit::validate`] for a packet as JSON text, read in place (no `Value` built).
    /// A text past [`crate::limits::PACKET_BYTES`] is an error of kind `limit`.
    pub fn validate_text(&self, packet: &str) -> Result<Vec<Diagnostic>> {
        check_packet_bytes(packet)?;
        let mut tape = crate::error::parse_tape("The packet", packet)?;
        require_object(tape.root())?;
        let mut diagnostics = self.core.vocabulary.normalise_tape(&mut tape);
        diagnostics.extend(self.validate_normalised(tape.root())?);
        Ok(diagnostics)
    }

    /// The full report for a packet: vocabulary, schema, score and SLA diagnostics.
    pub fn check(&self, packet: Value, options: &CheckOptions) -> Result<Report> {
        // A packet built in code (or read from a note, bounded by its own ceiling) is not
        // held to the packet text's ceiling.
        let text = packet.to_string();
        // Freed before the text is read: a packet read from a large note holds more memory as
        // values than as text.
        drop(packet);
        self.check_any_size(&text, options)
    }

    /// [`Kit::check`] for a packet as JSON text, read in place (no `Value` built): the path
    /// of the npm package and the CLI. A text past [`crate::limits::PACKET_BYTES`] is an error
    /// of kind `limit`.
    pub fn check_text(&self, packet: &str, options: &CheckOptions) -> Result<Report> {
        check_packet_bytes(packet)?;
        self.check_any_size(packet, options)
    }

    fn check_any_size(&self, packet: &str, options: &CheckOptions) -> Result<Report> {
        self.check_read(packet, options, |_, report| report)
    }

    /// [`Kit::check_text`], handing `read` the packet as the kit read it (after the vocabulary
    /// wrote its team and scenario ids) with the report, for a caller that needs more of the
    /// packet without reading its text a second time (`handoff audit`).
    pub fn check_text_with<R>(
        &self,
        packet: &str,
        options: &CheckOptions,
        read: impl FnOnce(Node<'_>, Report) -> R,
    ) -> Result<R> {
        check_packet_bytes(packet)?;
        self.check_read(packet, options, read)
    }

    fn check_read<R>(
        &self,
        packet: &str,
        options: &CheckOptions,
        read: impl FnOnce(Node<'_>, Report) -> R,
    ) -> Result<R> {
        let mut tape = crate::error::parse_tape("The packet", packet)?;
        require_object(tape.root())?;
        let mut diagnostics = self.core.vocabulary.normalise_tape(&mut tape);
        let packet = tape.root();
        let schema = self.validate_normalised(packet)?;
        let (sla, sla_diagnostics) = self.core.sla.for_node(packet, options.now.as_deref());
        // Timing is judged on the receiving team's calendar (the default one without a policy).
        let calendar = sla.as_ref().map_or("default", |r| r.calendar.as_str());
        let business_minutes =
            |from: i64, to: i64| self.core.sla.business_minutes_on(calendar, from, to);
        let context = ScoreContext {
            schema_diagnostics: &schema,
            business_minutes: Some(&business_minutes),
        };
        let (score, rubric) = self.core.rubric.score_node(packet, &context);
        diagnostics.extend(schema);
        diagnostics.extend(rubric);
        diagnostics.extend(sla_diagnostics);
        Ok(read(packet, Report::new(diagnostics, Some(score), sla)))
    }

    /// A deadline on a bundle calendar (by id) or an inline one.
    pub fn deadline(&self, request: &DeadlineRequest) -> Result<Deadline> {
        self.core.sla.deadline(request)
    }

    /// The bundle's calendars and SLA policies.
    pub fn sla(&self) -> &crate::sla::Sla {
        &self.core.sla
    }

    /// Open minutes of `calendar` between two instants (negative when `to` is before `from`).
    pub fn business_minutes_between(
        &self,
        calendar: &CalendarRef,
        from: &str,
        to: &str,
    ) -> Result<i64> {
        self.core.sla.business_minutes_between(calendar, from, to)
    }

    fn validate_normalised(&self, packet: Node<'_>) -> Result<Vec<Diagnostic>> {
        let scenario = packet
            .get("handoff")
            .and_then(|handoff| handoff.get("scenario"))
            .and_then(|scenario| scenario.as_str());
        Ok(
            match scenario.and_then(|name| self.core.scenarios.get(name)) {
                Some(s) if s.includes_packet => s.validator.get()?.validate_node(packet),
                Some(s) => {
                    let mut diagnostics = self.core.packet.get()?.validate_node(packet);
                    diagnostics.extend(s.validator.get()?.validate_node(packet));
                    dedup(diagnostics)
                }
                None => {
                    let mut diagnostics = self.core.packet.get()?.validate_node(packet);
                    if let Some(name) = scenario.filter(|name| !self.knows_scenario(name)) {
                        diagnostics.push(self.unknown_scenario(name));
                    }
                    diagnostics
                }
            },
        )
    }

    /// Built-in scenarios stay known with an org packet schema: the SLA policies and the
    /// rubric still use them, only their built-in schemas do not apply.
    fn knows_scenario(&self, name: &str) -> bool {
        crate::scenario::is_builtin(name) || self.core.scenarios.contains_key(name)
    }

    fn unknown_scenario(&self, name: &str) -> Diagnostic {
        let mut known: Vec<&str> = crate::scenario::BUILTIN.map(|s| s.name).to_vec();
        known.extend(self.scenarios().filter(|s| !crate::scenario::is_builtin(s)));
        Diagnostic::new(
            "schema/unknown-scenario",
            Severity::Warning,
            Source::Schema,
            "/handoff/scenario",
            format!("\u{201c}{name}\u{201d} is not a scenario this organisation has defined, so only the base packet is checked."),
        )
        .with_hint(format!("Use one of: {}.", known.join(", ")))
    }
}

fn check_packet_bytes(packet: &str) -> Result<()> {
    crate::error::check_bytes(
        "packet-bytes",
        "The packet",
        packet,
        crate::limits::PACKET_BYTES,
    )
}

fn require_object(packet: Node<'_>) -> Result<()> {
    if packet.is_object() {
        return Ok(());
    }
    let kind = if packet.is_array() {
        "a list"
    } else if packet.as_str().is_some() {
        "a text string"
    } else if packet.as_number().is_some() {
        "a number"
    } else if packet.as_bool().is_some() {
        "true/false"
    } else {
        "null"
    };
    Err(Error::new(
        "input",
        format!("The packet must be a JSON object (a group of fields such as ticket, handoff and owner), not {kind}."),
    ))
}

fn dedup(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = std::collections::HashSet::new();
    diagnostics.retain(|d| seen.insert((d.code.clone(), d.path.clone(), d.message.clone())));
    diagnostics
}

mod cases;
mod note;
#[cfg(test)]
mod tests;
