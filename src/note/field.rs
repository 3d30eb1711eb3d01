//! The packet fields a note can fill, how each one's words are read, and the headings
//! agents write for it (English, plus German, French and Spanish synonyms).
//!
//! A field is named by its *key*: the dotted path of the packet field (`customer.sentiment`,
//! `billing.invoice_id`). Bundles use the same keys in `notes.headings`.

/// How the words under a heading become a packet value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The words as written (several lines kept).
    Text,
    /// One string per line or bullet.
    Lines,
    /// One string per line, bullet, comma or semicolon (`KB-12, KB-40`).
    Words,
    /// `actions_taken[] { action, outcome }` from "Checked the invoice → two charges".
    Actions,
    /// `next_steps[] { action, owner, due }` from "Refund — Dana, by 2026-11-27".
    NextSteps,
    /// `documents[] { name, url, provided_by }` from "invoice.pdf (from customer)".
    Documents,
    /// `{ name, team, email }` from "Dana Kim (Finance) <dana@example.com>".
    Person,
    /// `stakeholders[] { name, role, email }`, one person per line.
    People,
    /// `items[] { sku, name, quantity }` from "2 × Blue mug (SKU MUG-2)".
    Items,
    /// `{ value, currency }` from "€49.00" or "1.234,50 EUR".
    Amount,
    /// `{ product, version, platform, browser, os }` from "Product: Acme, Browser: Firefox".
    Environment,
    /// true / false from yes / no words.
    YesNo,
    /// A whole number ("about 40" → 40).
    Count,
    /// A share from 0 to 1 ("85%" → 0.85).
    Share,
    /// The first web address in the words.
    Link,
    /// An RFC 3339 date-time, as written.
    Instant,
    /// One value of a closed list, read through the synonyms of [`super::value`].
    Choice(super::choice::Choices),
}

/// One fillable field: its key, how it is read, and its built-in headings.
#[derive(Debug)]
pub(crate) struct FieldSpec {
    pub key: &'static str,
    pub kind: Kind,
    /// Built-in headings by language code; the first of a language is the template's.
    pub headings: &'static [(&'static str, &'static [&'static str])],
}

use super::choice::Choices;
use Kind::*;

macro_rules! field {
    ($key:literal, $kind:expr, en: $en:expr, de: $de:expr, fr: $fr:expr, es: $es:expr) => {
        FieldSpec {
            key: $key,
            kind: $kind,
            headings: &[("en", &$en), ("de", &$de), ("fr", &$fr), ("es", &$es)],
        }
    };
}

/// Every built-in field: the base packet first, then the scenario extras.
pub(crate) const FIELDS: &[FieldSpec] = &[
    field!("summary", Text, en: ["Summary", "Issue", "Problem"], de: ["Zusammenfassung", "Problem"], fr: ["Résumé", "Problème"], es: ["Resumen", "Problema"]),
    field!("actions_taken", Actions, en: ["Tried", "Actions taken", "What I did", "Steps taken"], de: ["Versucht", "Bisherige Schritte", "Maßnahmen"], fr: ["Essayé", "Actions menées"], es: ["Intentado", "Acciones realizadas"]),
    field!("customer.sentiment", Choice(Choices::Sentiment), en: ["Customer mood", "Mood", "Sentiment"], de: ["Kundenstimmung", "Stimmung"], fr: ["Humeur du client", "Humeur"], es: ["Ánimo del cliente", "Estado de ánimo"]),
    field!("customer.informed_of_handoff", YesNo, en: ["Customer informed", "Told customer"], de: ["Kunde informiert"], fr: ["Client informé"], es: ["Cliente informado"]),
    field!("customer.promised", Text, en: ["Promised", "Promise"], de: ["Zugesagt", "Versprochen"], fr: ["Promis", "Promesse"], es: ["Prometido", "Promesa"]),
    field!("requested_outcome", Text, en: ["Ask", "Customer wants", "Requested outcome"], de: ["Kundenwunsch", "Anliegen"], fr: ["Demande du client", "Demande"], es: ["Lo que pide", "Solicitud del cliente"]),
    field!("urgency", Choice(Choices::Urgency), en: ["Urgency", "Priority"], de: ["Dringlichkeit", "Priorität"], fr: ["Urgence", "Priorité"], es: ["Urgencia", "Prioridad"]),
    field!("owner", Person, en: ["Owner", "Assigned to", "New owner"], de: ["Verantwortlich", "Zuständig"], fr: ["Responsable"], es: ["Responsable"]),
    field!("handoff.to.team", Text, en: ["To", "Handing to", "Team"], de: ["An", "Übergabe an", "Team"], fr: ["Transféré à", "Équipe"], es: ["Para", "Equipo"]),
    field!("documents", Documents, en: ["Docs", "Documents", "Attachments"], de: ["Dokumente", "Anhänge"], fr: ["Documents", "Pièces jointes"], es: ["Documentos", "Adjuntos"]),
    field!("policy_refs", Words, en: ["Policy", "Policies", "KB"], de: ["Richtlinie", "Richtlinien"], fr: ["Politique", "Procédure"], es: ["Política", "Políticas"]),
    field!("next_steps", NextSteps, en: ["Next steps", "To do"], de: ["Nächste Schritte", "To-do"], fr: ["Prochaines étapes", "À faire"], es: ["Próximos pasos", "Pendiente"]),
    field!("ticket.id", Text, en: ["Ticket", "Ticket ID", "Case ID", "Case number"], de: ["Ticketnummer", "Vorgang"], fr: ["Numéro de ticket", "Dossier"], es: ["Número de ticket", "Caso"]),
    field!("ticket.channel", Choice(Choices::Channel), en: ["Channel"], de: ["Kanal"], fr: ["Canal"], es: ["Canal"]),
    field!("handoff.from.team", Text, en: ["From", "From team"], de: ["Von"], fr: ["De la part de"], es: ["Desde"]),
    field!("handoff.scenario", Text, en: ["Scenario"], de: ["Szenario"], fr: ["Scénario"], es: ["Escenario"]),
    field!("handoff.mode", Choice(Choices::Mode), en: ["Handoff mode", "Mode"], de: ["Übergabeart"], fr: ["Type de transfert"], es: ["Tipo de traspaso"]),
    field!("handoff.reason", Text, en: ["Reason for handoff", "Handoff reason"], de: ["Übergabegrund"], fr: ["Motif du transfert"], es: ["Motivo del traspaso"]),
    field!("customer.name", Text, en: ["Customer name"], de: ["Kundenname"], fr: ["Nom du client"], es: ["Nombre del cliente"]),
    field!("customer.deadline", Instant, en: ["Customer deadline", "Deadline"], de: ["Frist"], fr: ["Échéance"], es: ["Fecha límite"]),
    field!("tags", Words, en: ["Tags"], de: ["Schlagworte"], fr: ["Étiquettes"], es: ["Etiquetas"]),
    // billing_to_finance
    field!("billing.invoice_id", Text, en: ["Invoice", "Invoice ID", "Invoice number"], de: ["Rechnung", "Rechnungsnummer"], fr: ["Facture"], es: ["Factura"]),
    field!("billing.amount", Amount, en: ["Amount"], de: ["Betrag"], fr: ["Montant"], es: ["Importe", "Monto"]),
    field!("billing.charge_date", Text, en: ["Charge date"], de: ["Abbuchungsdatum"], fr: ["Date du prélèvement"], es: ["Fecha del cargo"]),
    field!("billing.payment_method", Text, en: ["Payment method"], de: ["Zahlungsart"], fr: ["Moyen de paiement"], es: ["Método de pago"]),
    field!("billing.dispute_reason", Text, en: ["Dispute reason"], de: ["Reklamationsgrund"], fr: ["Motif de contestation"], es: ["Motivo de la disputa"]),
    // support_to_engineering
    field!("engineering.reproduction_steps", Lines, en: ["Repro steps", "Steps to reproduce", "Reproduction steps"], de: ["Schritte zur Reproduktion"], fr: ["Étapes de reproduction"], es: ["Pasos para reproducir"]),
    field!("engineering.environment", Environment, en: ["Environment"], de: ["Umgebung"], fr: ["Environnement"], es: ["Entorno"]),
    field!("engineering.expected", Text, en: ["Expected", "Expected result"], de: ["Erwartet"], fr: ["Attendu"], es: ["Esperado"]),
    field!("engineering.actual", Text, en: ["Actual", "Actual result"], de: ["Tatsächlich"], fr: ["Constaté"], es: ["Resultado real"]),
    field!("engineering.error_text", Text, en: ["Error", "Error message"], de: ["Fehlermeldung", "Fehler"], fr: ["Message d'erreur", "Erreur"], es: ["Mensaje de error", "Error"]),
    field!("engineering.frequency", Choice(Choices::Frequency), en: ["Frequency", "How often"], de: ["Häufigkeit"], fr: ["Fréquence"], es: ["Frecuencia"]),
    field!("engineering.affected_users", Count, en: ["Affected users"], de: ["Betroffene Nutzer"], fr: ["Utilisateurs touchés"], es: ["Usuarios afectados"]),
    // tier1_to_tier2 and agent_to_supervisor
    field!("escalation.reason", Text, en: ["Escalation reason", "Reason for escalation"], de: ["Eskalationsgrund"], fr: ["Motif d'escalade"], es: ["Motivo de escalamiento"]),
    field!("escalation.category", Text, en: ["Category"], de: ["Kategorie"], fr: ["Catégorie"], es: ["Categoría"]),
    field!("escalation.checks_done", Lines, en: ["Checks done", "Already checked"], de: ["Bereits geprüft"], fr: ["Vérifications faites"], es: ["Comprobaciones hechas"]),
    field!("escalation.requested_by", Choice(Choices::RequestedBy), en: ["Requested by"], de: ["Angefordert von"], fr: ["Demandé par"], es: ["Solicitado por"]),
    field!("escalation.customer_request", Text, en: ["Customer request"], de: ["Kundenanfrage"], fr: ["Requête du client"], es: ["Petición del cliente"]),
    // bot_to_human
    field!("bot.intent", Text, en: ["Intent", "Bot intent"], de: ["Absicht"], fr: ["Intention"], es: ["Intención"]),
    field!("bot.confidence", Share, en: ["Bot confidence", "Confidence"], de: ["Konfidenz"], fr: ["Confiance"], es: ["Confianza"]),
    field!("bot.trigger", Choice(Choices::Trigger), en: ["Trigger"], de: ["Auslöser"], fr: ["Déclencheur"], es: ["Disparador"]),
    field!("bot.transcript_url", Link, en: ["Transcript", "Transcript URL"], de: ["Transkript", "Verlauf"], fr: ["Transcription"], es: ["Transcripción"]),
    // sales_to_success
    field!("account.company", Text, en: ["Company"], de: ["Firma", "Unternehmen"], fr: ["Entreprise", "Société"], es: ["Empresa"]),
    field!("account.deal_closed_at", Text, en: ["Deal closed", "Closed on"], de: ["Abschluss am"], fr: ["Contrat signé le"], es: ["Cierre del trato"]),
    field!("account.plan", Text, en: ["Plan"], de: ["Tarif"], fr: ["Offre"], es: ["Plan"]),
    field!("account.expectations", Lines, en: ["Expectations"], de: ["Erwartungen"], fr: ["Attentes"], es: ["Expectativas"]),
    field!("account.success_criteria", Lines, en: ["Success criteria"], de: ["Erfolgskriterien"], fr: ["Critères de succès"], es: ["Criterios de éxito"]),
    field!("account.red_flags", Lines, en: ["Red flags", "Risks"], de: ["Warnsignale", "Risiken"], fr: ["Signaux d'alerte", "Risques"], es: ["Señales de alerta", "Riesgos"]),
    field!("account.stakeholders", People, en: ["Stakeholders", "Contacts"], de: ["Ansprechpartner"], fr: ["Interlocuteurs"], es: ["Interlocutores"]),
    // support_to_fulfillment
    field!("fulfillment.order_id", Text, en: ["Order", "Order ID", "Order number"], de: ["Bestellung", "Bestellnummer"], fr: ["Commande"], es: ["Pedido"]),
    field!("fulfillment.issue", Choice(Choices::FulfillmentIssue), en: ["Order issue", "Fulfillment issue"], de: ["Lieferproblem"], fr: ["Problème de commande"], es: ["Problema del pedido"]),
    field!("fulfillment.items", Items, en: ["Items"], de: ["Artikel"], fr: ["Articles"], es: ["Artículos"]),
    field!("fulfillment.carrier", Text, en: ["Carrier"], de: ["Versanddienstleister"], fr: ["Transporteur"], es: ["Transportista"]),
    field!("fulfillment.tracking_number", Text, en: ["Tracking number", "Tracking"], de: ["Sendungsnummer"], fr: ["Numéro de suivi"], es: ["Número de seguimiento"]),
    // voice_to_chat
    field!("call.call_id", Text, en: ["Call ID"], de: ["Anruf-ID"], fr: ["Identifiant d'appel"], es: ["ID de llamada"]),
    field!("call.call_summary", Text, en: ["Call summary"], de: ["Gesprächszusammenfassung"], fr: ["Résumé de l'appel"], es: ["Resumen de la llamada"]),
    field!("call.identity_verified", YesNo, en: ["Identity verified", "ID verified"], de: ["Identität geprüft"], fr: ["Identité vérifiée"], es: ["Identidad verificada"]),
    field!("call.callback_requested", YesNo, en: ["Callback requested", "Callback"], de: ["Rückruf gewünscht"], fr: ["Rappel demandé"], es: ["Devolución de llamada"]),
    field!("call.preferred_channel", Text, en: ["Preferred channel"], de: ["Bevorzugter Kanal"], fr: ["Canal préféré"], es: ["Canal preferido"]),
];

/// The base template, in order: what every handoff note should cover.
pub(crate) const BASE_TEMPLATE: &[&str] = &[
    "summary",
    "actions_taken",
    "customer.sentiment",
    "customer.informed_of_handoff",
    "customer.promised",
    "requested_outcome",
    "urgency",
    "owner",
    "handoff.to.team",
    "documents",
    "policy_refs",
    "next_steps",
];

/// The extra headings each built-in scenario's template adds after the base ones.
pub(crate) const SCENARIO_TEMPLATES: &[(&str, &[&str])] = &[
    (
        "billing_to_finance",
        &[
            "billing.invoice_id",
            "billing.amount",
            "billing.charge_date",
            "billing.payment_method",
            "billing.dispute_reason",
        ],
    ),
    (
        "support_to_engineering",
        &[
            "engineering.reproduction_steps",
            "engineering.environment",
            "engineering.expected",
            "engineering.actual",
            "engineering.error_text",
            "engineering.frequency",
            "engineering.affected_users",
        ],
    ),
    (
        "tier1_to_tier2",
        &[
            "escalation.reason",
            "escalation.category",
            "escalation.checks_done",
        ],
    ),
    (
        "bot_to_human",
        &[
            "bot.intent",
            "bot.confidence",
            "bot.trigger",
            "bot.transcript_url",
        ],
    ),
    (
        "agent_to_supervisor",
        &[
            "escalation.reason",
            "escalation.requested_by",
            "escalation.customer_request",
        ],
    ),
    (
        "sales_to_success",
        &[
            "account.company",
            "account.deal_closed_at",
            "account.plan",
            "account.expectations",
            "account.success_criteria",
            "account.red_flags",
            "account.stakeholders",
        ],
    ),
    (
        "support_to_fulfillment",
        &[
            "fulfillment.order_id",
            "fulfillment.issue",
            "fulfillment.items",
            "fulfillment.carrier",
            "fulfillment.tracking_number",
        ],
    ),
    (
        "voice_to_chat",
        &[
            "call.call_id",
            "call.call_summary",
            "call.identity_verified",
            "call.callback_requested",
            "call.preferred_channel",
        ],
    ),
];

/// The built-in field with this key.
#[cfg(test)]
pub(crate) fn builtin(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|f| f.key == key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_key_is_a_field() {
        let keys = BASE_TEMPLATE
            .iter()
            .chain(SCENARIO_TEMPLATES.iter().flat_map(|(_, k)| k.iter()));
        for key in keys {
            assert!(builtin(key).is_some(), "{key}");
        }
    }

    #[test]
    fn every_field_has_an_english_heading() {
        for field in FIELDS {
            let en = field.headings.iter().find(|(lang, _)| *lang == "en");
            assert!(en.is_some_and(|(_, h)| !h.is_empty()), "{}", field.key);
        }
    }
}
