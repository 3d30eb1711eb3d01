//! `handoff import rt --url URL --user U [--query TICKETSQL] [--out PATH]`: reads tickets and
//! their transactions from Request Tracker 5's REST 2 API and writes audit records (NDJSON) for
//! `handoff audit`. The mapping is `handoff_kit::audit::rt` (docs/audit.md); this module only
//! talks HTTP. The password comes from `RT_PASSWORD`, or a prompt on the terminal (no echo).

use crate::check::load_kit;
use crate::common::Outcome;
use base64::Engine;
use handoff_kit::audit::rt::{self, Ticket, Transaction};
use serde_json::Value;
use std::collections::HashMap;
use std::io::Write;
use std::time::Duration;

/// Read a helpdesk's handoffs into audit records (NDJSON).
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Request Tracker 5, through its REST 2 API.
    Rt(RtArgs),
}

#[derive(Debug, clap::Args)]
pub struct RtArgs {
    /// RT's base URL, e.g. https://rt.example.com (REST 2 is under /REST/2.0).
    #[arg(long)]
    pub url: String,
    /// The RT user; the password is read from RT_PASSWORD or asked for.
    #[arg(long)]
    pub user: String,
    /// Which tickets (TicketSQL).
    #[arg(long, default_value = "id > 0")]
    pub query: String,
    /// The bundle whose note headings read the comments.
    #[arg(long, value_name = "FILE")]
    pub bundle: Option<String>,
    /// Write here instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub out: Option<String>,
}

pub fn run(command: &Command) -> Outcome {
    let Command::Rt(args) = command;
    let password = match std::env::var("RT_PASSWORD") {
        Ok(password) => password,
        Err(_) => rpassword::prompt_password(format!("RT password for {}: ", args.user))
            .map_err(|e| format!("cannot read the password (set RT_PASSWORD): {e}"))?,
    };
    let kit = load_kit(args.bundle.as_deref())?;
    let rt = Rest::new(&args.url, &args.user, &password);
    let mut out: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut queues = HashMap::new();
    let query = format!(
        "tickets?query={}&fields=Owner,Priority,Due,Created,Resolved",
        encode(&args.query)
    );
    let (mut tickets, mut lines) = (0u64, 0u64);
    for item in rt.all(&query)? {
        let id = item["id"]
            .as_str()
            .map_or_else(|| item["id"].as_u64(), |s| s.parse().ok());
        let Some(id) = id else { continue };
        let ticket = rt.ticket(id, &item, &mut queues)?;
        for record in rt::records(&kit, &ticket, &queues) {
            writeln!(out, "{record}").map_err(|e| format!("cannot write the records: {e}"))?;
            lines += 1;
        }
        tickets += 1;
    }
    out.flush()
        .map_err(|e| format!("cannot write the records: {e}"))?;
    eprintln!("handoff: {tickets} tickets, {lines} records");
    Ok(true)
}

struct Rest {
    agent: ureq::Agent,
    base: String,
    auth: String,
}

/// Percent-encodes a query parameter.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A field REST 2 gives as an object (`{"id": "root", …}`) or a plain value.
fn name(value: &Value) -> String {
    match value {
        Value::Object(map) => map.get("id").map_or_else(String::new, name),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

impl Rest {
    fn new(url: &str, user: &str, password: &str) -> Rest {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(60)))
            .build();
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Rest {
            agent: config.into(),
            base: format!("{}/REST/2.0/", url.trim_end_matches('/')),
            auth: format!("Basic {token}"),
        }
    }

    fn get(&self, path: &str) -> Result<Value, String> {
        let url = format!("{}{path}", self.base);
        let mut response = self
            .agent
            .get(&url)
            .header("Authorization", &self.auth)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| format!("RT: GET {url}: {e}"))?;
        let text = response
            .body_mut()
            .with_config()
            .limit(64 << 20)
            .read_to_string()
            .map_err(|e| format!("RT: GET {url}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("RT: GET {url}: not JSON: {e}"))
    }

    /// Every item of a paged collection.
    fn all(&self, path: &str) -> Result<Vec<Value>, String> {
        let mut items = Vec::new();
        for page in 1.. {
            let sep = if path.contains('?') { '&' } else { '?' };
            let r = self.get(&format!("{path}{sep}per_page=100&page={page}"))?;
            if let Some(list) = r["items"].as_array() {
                items.extend(list.iter().cloned());
            }
            if r["pages"].as_u64().is_none_or(|pages| page >= pages) {
                break;
            }
        }
        Ok(items)
    }

    fn queue_name(&self, id: &str, queues: &mut HashMap<String, String>) -> Result<(), String> {
        if id.is_empty() || queues.contains_key(id) {
            return Ok(());
        }
        let queue = self.get(&format!("queue/{id}"))?;
        queues.insert(id.to_string(), name(&queue["Name"]));
        Ok(())
    }

    fn ticket(
        &self,
        id: u64,
        item: &Value,
        queues: &mut HashMap<String, String>,
    ) -> Result<Ticket, String> {
        let full = self.get(&format!("ticket/{id}"))?;
        let csat = full["CustomFields"].as_array().and_then(|fields| {
            fields
                .iter()
                .find(|f| {
                    f["name"]
                        .as_str()
                        .is_some_and(|n| n.eq_ignore_ascii_case("csat"))
                })
                .and_then(|f| f["values"][0].as_str())
                .and_then(|v| v.trim().parse::<u8>().ok())
                .filter(|v| (1..=5).contains(v))
        });
        let owner = name(&item["Owner"]);
        let history = self.all(&format!(
            "ticket/{id}/history?fields=Type,Created,Creator,Field,OldValue,NewValue"
        ))?;
        let mut transactions = Vec::with_capacity(history.len());
        for t in history {
            let mut transaction = Transaction {
                id: name(&t["id"]).parse().unwrap_or(0),
                kind: name(&t["Type"]),
                field: name(&t["Field"]),
                old_value: name(&t["OldValue"]),
                new_value: name(&t["NewValue"]),
                created: name(&t["Created"]),
                creator: name(&t["Creator"]),
                content: None,
            };
            if transaction.kind == "Set" && transaction.field == "Queue" {
                self.queue_name(&transaction.old_value, queues)?;
                self.queue_name(&transaction.new_value, queues)?;
            }
            if transaction.kind == "Comment" {
                transaction.content = self.first_text(transaction.id)?;
            }
            transactions.push(transaction);
        }
        transactions.sort_by_key(|t| t.id);
        let base = self.base.trim_end_matches("/REST/2.0/");
        Ok(Ticket {
            id,
            url: format!("{base}/Ticket/Display.html?id={id}"),
            created: rt::date(item["Created"].as_str()),
            resolved: rt::date(item["Resolved"].as_str()),
            due: rt::date(item["Due"].as_str()),
            owner: (!owner.is_empty() && owner != "Nobody").then_some(owner),
            priority: name(&item["Priority"]).parse().ok(),
            csat,
            transactions,
        })
    }

    /// The first text/plain or text/html attachment of a transaction, decoded.
    fn first_text(&self, transaction: u64) -> Result<Option<(String, bool)>, String> {
        let attachments = self.all(&format!(
            "transaction/{transaction}/attachments?fields=ContentType"
        ))?;
        for attachment in attachments {
            let kind = name(&attachment["ContentType"]).to_ascii_lowercase();
            if !(kind.starts_with("text/plain") || kind.starts_with("text/html")) {
                continue;
            }
            let full = self.get(&format!("attachment/{}", name(&attachment["id"])))?;
            let Some(content) = full["Content"].as_str() else {
                continue;
            };
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(content.replace(['\n', '\r'], ""))
                .map_err(|e| format!("RT: attachment of transaction {transaction}: {e}"))?;
            return Ok(Some((
                String::from_utf8_lossy(&bytes).into_owned(),
                kind.starts_with("text/html"),
            )));
        }
        Ok(None)
    }
}
