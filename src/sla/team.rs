//! The bundle's teams as the SLA sees them (`teams`): the name a team's findings use, and the
//! calendar its policies count on when a policy names none.

use super::policy::Policy;

/// What the SLA knows of a bundle team (`teams`): its id, the name its deadlines are told
/// with, and the calendar of its policies that name none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TeamSla {
    pub id: String,
    pub name: Option<String>,
    pub calendar: Option<String>,
}

/// The team `id` of `teams` (one look per check, over the few teams a bundle has).
pub(crate) fn team<'a>(teams: &'a [TeamSla], id: &str) -> Option<&'a TeamSla> {
    teams.iter().find(|team| team.id == id)
}

/// The calendar a policy counts on for a handoff to `team`: the policy's own when it names
/// one, else the team's (bundle `teams`), else `"default"`.
pub(crate) fn calendar_for<'a>(
    policy: &'a Policy,
    id: Option<&str>,
    teams: &'a [TeamSla],
) -> &'a str {
    let team_calendar = || team(teams, id?)?.calendar.as_deref();
    match policy.names_calendar {
        true => &policy.calendar,
        false => team_calendar().unwrap_or(&policy.calendar),
    }
}
