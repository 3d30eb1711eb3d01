//! Generated cases for the `sla` and `schema` targets: calendars with many intervals, many
//! holidays and exceptions, odd zones, far instants and large targets; schemas deep, wide and
//! slow to evaluate, with instances to match. The generated case is then mutated like a seed.

use crate::json_tree::J;
use crate::rng::Rng;

fn s(text: &str) -> J {
    J::Str(text.to_string())
}

fn n(value: u64) -> J {
    J::Raw(value.to_string())
}

fn obj(members: Vec<(&str, J)>) -> J {
    J::Obj(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn pick<T: Copy>(rng: &mut Rng, items: &[T]) -> T {
    items[rng.below(items.len())]
}

const ZONES: &[&str] = &[
    "Europe/London",
    "America/New_York",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Asia/Kathmandu",
    "Pacific/Apia",
    "Africa/Casablanca",
    "UTC",
    "Etc/GMT-14",
    "Not/AZone",
    "",
];

fn hhmm(minute: usize) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// One day's intervals: `count` in order, or random ones (overlapping, past midnight).
fn day(rng: &mut Rng) -> J {
    let count = pick(rng, &[0, 1, 2, 5, 100, 720, 1_440, 1_441]);
    if rng.chance(4) {
        return J::Arr(
            (0..count.min(50))
                .map(|_| {
                    let a = rng.below(24 * 60);
                    let b = rng.below(24 * 60 + 1);
                    J::Arr(vec![s(&hhmm(a)), s(&hhmm(b))])
                })
                .collect(),
        );
    }
    let count = count.max(1);
    let step = (24 * 60 / count).max(1);
    J::Arr(
        (0..count)
            .map(|i| {
                let start = (i * step) % (24 * 60);
                let end = start + (step / 2).max(1);
                J::Arr(vec![s(&hhmm(start)), s(&hhmm(end.min(24 * 60)))])
            })
            .collect(),
    )
}

fn calendar(rng: &mut Rng) -> J {
    let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut week = Vec::new();
    for name in days {
        if rng.chance(2) {
            week.push((name, day(rng)));
        }
    }
    let holidays = pick(rng, &[0, 3, 100, 5_000, 10_000, 10_001]);
    let weekly = rng.chance(2);
    let holidays = (0..holidays)
        .map(|i| {
            if rng.chance(5) {
                s(&format!("*-{:02}-{:02}", 1 + i % 12, 1 + i % 29))
            } else if weekly {
                // Every seventh day from 2026-01-05 (a Monday): a weekly holiday.
                let d = jiff::civil::date(2026, 1, 5)
                    .checked_add(jiff::Span::new().days(7 * i as i64))
                    .unwrap_or(jiff::civil::date(2026, 1, 5));
                s(&d.to_string())
            } else {
                s(&format!(
                    "{}-{:02}-{:02}",
                    1990 + i % 120,
                    1 + i % 12,
                    1 + i % 28
                ))
            }
        })
        .collect();
    let exceptions = pick(rng, &[0, 2, 500, 10_001]);
    let exceptions = (0..exceptions)
        .map(|i| {
            obj(vec![
                (
                    "date",
                    s(&format!(
                        "{}-{:02}-{:02}",
                        2026 + i / 300,
                        1 + i % 12,
                        1 + i % 28
                    )),
                ),
                // A few exceptions get a generated day; the rest are closed or half days.
                (
                    "hours",
                    match i {
                        0..3 => day(rng),
                        _ if i % 3 == 0 => J::Arr(vec![]),
                        _ => J::Arr(vec![J::Arr(vec![s("09:00"), s("13:00")])]),
                    },
                ),
            ])
        })
        .collect();
    obj(vec![
        ("time_zone", s(pick(rng, ZONES))),
        (
            "week",
            J::Obj(week.into_iter().map(|(k, v)| (k.to_string(), v)).collect()),
        ),
        ("holidays", J::Arr(holidays)),
        ("exceptions", J::Arr(exceptions)),
    ])
}

fn instant(rng: &mut Rng) -> J {
    let year = pick(rng, &[1970, 2000, 2026, 2026, 2027, 2100, 2125, 9999]);
    let offset = pick(rng, &["Z", "+01:00", "-09:30", "+14:00", "+05:45"]);
    s(&format!(
        "{year}-{:02}-{:02}T{:02}:{:02}:00{offset}",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        rng.below(60)
    ))
}

fn target(rng: &mut Rng) -> J {
    let unit = pick(
        rng,
        &[
            "business_minutes",
            "business_hours",
            "business_days",
            "calendar_minutes",
            "weeks",
        ],
    );
    let value = pick(
        rng,
        &[
            0,
            1,
            4,
            60,
            3_000,
            33_000,
            2_000_000,
            2_000_001,
            5_300_001,
            u64::MAX,
        ],
    );
    obj(vec![("unit", s(unit)), ("value", n(value))])
}

fn pauses(rng: &mut Rng) -> J {
    let count = pick(rng, &[0, 1, 3, 1_000]);
    J::Arr(
        (0..count)
            .map(|_| obj(vec![("from", instant(rng)), ("to", instant(rng))]))
            .collect(),
    )
}

/// An SLA case: a bundle with a calendar and a policy, a deadline request, a count of
/// business minutes and a check of a packet, each on the bundle's or an inline calendar.
pub fn sla_case(rng: &mut Rng, packets: &[J]) -> J {
    let calendar = calendar(rng);
    let bundle = obj(vec![
        ("bundle", s("fuzz")),
        ("version", s("1.0.0")),
        ("calendars", obj(vec![("c", calendar.clone())])),
        (
            "policies",
            J::Arr(vec![obj(vec![
                ("id", s("p")),
                ("match", obj(vec![("team", s("finance"))])),
                ("calendar", s("c")),
                ("target", target(rng)),
                (
                    "warn_before",
                    obj(vec![("percent", n(25)), ("minutes", n(30))]),
                ),
            ])]),
        ),
    ]);
    let which = if rng.chance(2) { s("c") } else { calendar };
    let mut request = vec![
        ("calendar", which.clone()),
        ("start", instant(rng)),
        ("target", target(rng)),
        ("pauses", pauses(rng)),
    ];
    if rng.chance(2) {
        request.push(("now", instant(rng)));
    }
    let mut case = vec![
        ("bundle", bundle),
        ("deadline", obj(request)),
        (
            "minutes",
            obj(vec![
                ("calendar", which),
                ("from", instant(rng)),
                ("to", instant(rng)),
            ]),
        ),
    ];
    if let Some(packet) = packets.get(rng.below(packets.len().max(1))) {
        let mut packet = packet.clone();
        if let J::Obj(members) = &mut packet {
            members.push((
                "handoff".to_string(),
                obj(vec![
                    ("from", obj(vec![("team", s("support"))])),
                    ("to", obj(vec![("team", s("finance"))])),
                    ("at", instant(rng)),
                ]),
            ));
        }
        case.push((
            "check",
            obj(vec![("packet", packet), ("now", instant(rng))]),
        ));
    }
    obj(case)
}

/// A schema case: a schema (a built-in one, or one built deep, wide or slow) and an instance.
pub fn schema_case(rng: &mut Rng, schemas: &[J], instances: &[J]) -> J {
    let schema = match rng.below(9) {
        0 | 1 if !schemas.is_empty() => schemas[rng.below(schemas.len())].clone(),
        2 => {
            let depth = pick(rng, &[10, 100, 125, 126, 127, 200]);
            let keyword = pick(rng, &["not", "items", "additionalProperties", "contains"]);
            let mut schema = obj(vec![("type", s("string"))]);
            for _ in 0..depth {
                schema = obj(vec![(keyword, schema)]);
            }
            schema
        }
        3 => {
            let count = pick(rng, &[10, 1_600, 20_000]);
            let values = (0..count)
                .map(|i| obj(vec![("k", n(i as u64)), ("v", s(&"é".repeat(i % 7)))]))
                .collect();
            obj(vec![("enum", J::Arr(values))])
        }
        4 => {
            let pattern = pick(
                rng,
                &[
                    "^(a+)+$",
                    "^(a|a)*$",
                    "(x+x+)+y",
                    "\\p{L}{2,}",
                    "^(?=a)(?!b)",
                    "[",
                    "(?<n>a)\\k<n>",
                ],
            );
            obj(vec![
                ("type", s("object")),
                (
                    "patternProperties",
                    obj(vec![(pattern, obj(vec![("pattern", s(pattern))]))]),
                ),
                ("additionalProperties", obj(vec![("pattern", s(pattern))])),
            ])
        }
        5 => {
            let count = pick(rng, &[10, 1_000, 20_000]);
            let properties = (0..count)
                .map(|i| {
                    (
                        format!("p{i}"),
                        obj(vec![("type", s("string")), ("format", s("date-time"))]),
                    )
                })
                .collect();
            obj(vec![
                ("properties", J::Obj(properties)),
                (
                    "required",
                    J::Arr((0..count.min(100)).map(|i| s(&format!("p{i}"))).collect()),
                ),
                ("uniqueItems", J::Raw("true".to_string())),
            ])
        }
        6 => obj(vec![
            (
                "$defs",
                obj(vec![
                    ("a", obj(vec![("$ref", s("#/$defs/b"))])),
                    ("b", obj(vec![("$ref", s("#/$defs/a"))])),
                ]),
            ),
            (
                "$ref",
                s(pick(
                    rng,
                    &[
                        "#/$defs/a",
                        "#",
                        "http://example.com/nowhere",
                        "#/$defs/%ZZ",
                        "urn:x",
                    ],
                )),
            ),
        ]),
        7 => obj(vec![
            ("type", s("array")),
            ("uniqueItems", J::Raw("true".to_string())),
            ("contains", obj(vec![("type", s("object"))])),
            ("minContains", n(pick(rng, &[0, 2, 1_000_000]))),
            (
                "items",
                obj(vec![(
                    "anyOf",
                    J::Arr(vec![
                        obj(vec![("format", s("email"))]),
                        obj(vec![("format", s("uri"))]),
                        obj(vec![("format", s("regex"))]),
                    ]),
                )]),
            ),
        ]),
        _ => J::Raw(pick(rng, &["true", "false", "{}", "[]", "\"string\"", "1"]).to_string()),
    };
    let instance = match rng.below(4) {
        0 if !instances.is_empty() => instances[rng.below(instances.len())].clone(),
        1 => {
            let count = pick(rng, &[10, 5_000, 50_000]);
            J::Arr(
                (0..count)
                    .map(|i| obj(vec![("k", n(i as u64 % 100))]))
                    .collect(),
            )
        }
        2 => {
            let count = pick(rng, &[10, 9_999, 10_001]);
            J::Obj(
                (0..count)
                    .map(|i| (format!("p{i}"), s("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!")))
                    .collect(),
            )
        }
        _ => s(&"a".repeat(pick(rng, &[30, 10_000]))),
    };
    let mut case = vec![("schema", schema), ("instance", instance)];
    if rng.chance(4) {
        case.push(("assert_formats", J::Raw("false".to_string())));
    }
    obj(case)
}
