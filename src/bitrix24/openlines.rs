//! The `openlines` part of the plan (SPEC §8.1): one Open Line per location, found by its
//! `LINE_NAME`, carrying what the SLA asks where Open Lines can enforce it — working hours in
//! the location's time zone, the first-answer KPI with its alert, leads made in the CRM — and
//! the list of what they cannot, with where it is enforced instead.
//!
//! Facts from `imopenlines.config.add/update/get` (b24restdocs, with the core's
//! `config.php`): `WORKTIME_FROM`/`TO` are `G.i` ("9", "18.30"), not "HH:MM", and taken only
//! as a pair; one window serves every working day; the KPI time is in seconds.

use serde_json::{Map, Value, json};

use super::client::Command;
use super::desired::{Desired, Entity, OpenLine};
use super::plan::{Action, Change, Part, PartPlan};
use crate::i18n::{Text, t};
use crate::model::hours::DAYS;

/// A line as the portal holds it: its `ID` and parameters as strings.
#[derive(Debug, Clone, PartialEq)]
pub struct PortalLine {
    pub id: String,
    pub params: Map<String, Value>,
}

/// What `imopenlines.config.list.get` is asked for: the parameters push sets.
pub fn list_params() -> Value {
    let mut select = vec!["ID", "LINE_NAME"];
    select.extend(PARAMS);
    json!({ "PARAMS": { "select": select } })
}

const PARAMS: [&str; 9] = [
    "WORKTIME_ENABLE",
    "WORKTIME_FROM",
    "WORKTIME_TO",
    "WORKTIME_TIMEZONE",
    "WORKTIME_DAYOFF",
    "KPI_FIRST_ANSWER_TIME",
    "KPI_FIRST_ANSWER_ALERT",
    "CRM",
    "CRM_CREATE",
];

/// The parameters a location's line should have.
pub fn wanted(d: &Desired, line: &OpenLine) -> Map<String, Value> {
    // One window for all working days: the first of the location's; the rest is the bot
    // runtime's (listed by `gaps`).
    let (from, to) = line
        .hours
        .first()
        .map_or((9 * 60, 18 * 60), |h| (h.start, h.end));
    let covered = |i: usize| line.hours.iter().any(|h| h.covers(i));
    let dayoff: Vec<Value> = (0..DAYS.len())
        .filter(|&i| !covered(i))
        .map(|i| json!(DAYS[i][..2].to_uppercase()))
        .collect();
    let mut p = Map::new();
    p.insert("LINE_NAME".into(), json!(line.name));
    p.insert("WORKTIME_ENABLE".into(), json!("Y"));
    p.insert("WORKTIME_FROM".into(), json!(g_i(from)));
    p.insert("WORKTIME_TO".into(), json!(g_i(to)));
    p.insert("WORKTIME_TIMEZONE".into(), json!(line.timezone));
    p.insert("WORKTIME_DAYOFF".into(), Value::Array(dayoff));
    p.insert(
        "KPI_FIRST_ANSWER_TIME".into(),
        json!(line.first_answer_s.to_string()),
    );
    p.insert("KPI_FIRST_ANSWER_ALERT".into(), json!("Y"));
    p.insert("CRM".into(), json!("Y"));
    let create = if d.record == Entity::Deal {
        "deal"
    } else {
        "lead"
    };
    p.insert("CRM_CREATE".into(), json!(create));
    p
}

/// Minutes after midnight as the core's `G.i`: 540 → "9", 1110 → "18.30".
fn g_i(minutes: u16) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        h.to_string()
    } else {
        format!("{h}.{m:02}")
    }
}

/// A parameter as comparable text: lists joined with commas.
fn shown(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| shown(Some(x)))
            .collect::<Vec<_>>()
            .join(","),
        Some(other) => other.to_string(),
    }
}

pub fn plan(d: &Desired, portal: &[PortalLine]) -> PartPlan {
    let mut out = PartPlan::new(Part::Openlines);
    for (n, line) in d.open_lines.iter().enumerate() {
        let want = wanted(d, line);
        let cid = format!("openlines_{n}");
        let found = portal
            .iter()
            .find(|p| shown(p.params.get("LINE_NAME")) == line.name);
        let Some(p) = found else {
            out.actions.push(Action::Create {
                id: line.location.clone(),
                summary: line.name.clone(),
            });
            out.commands.push(Command::new(
                cid,
                "imopenlines.config.add",
                json!({ "PARAMS": Value::Object(want) }),
            ));
            continue;
        };
        let changes: Vec<Change> = want
            .iter()
            .filter_map(|(k, v)| {
                let (old, new) = (shown(p.params.get(k)), shown(Some(v)));
                (old != new).then(|| Change {
                    attribute: k.clone(),
                    old,
                    new,
                })
            })
            .collect();
        if changes.is_empty() {
            out.unchanged.push(line.location.clone());
        } else {
            out.actions.push(Action::Update {
                id: line.location.clone(),
                changes,
            });
            // Every parameter, so the working hours always travel as a pair.
            out.commands.push(Command::new(
                cid,
                "imopenlines.config.update",
                json!({ "CONFIG_ID": p.id, "PARAMS": Value::Object(want) }),
            ));
        }
    }
    for p in portal {
        let name = shown(p.params.get("LINE_NAME"));
        if !d.open_lines.iter().any(|l| l.name == name) {
            out.portal_only.push(name);
        }
    }
    out
}

/// What the SLA asks that Open Lines cannot enforce, and where it is enforced instead.
pub fn gaps() -> Vec<Text> {
    vec![
        t!(
            "different hours on different days: a line has one window for all working days; \
             the bot runtime answers by the location's full hours",
            "разные часы по дням: у линии одно окно на все рабочие дни; по полному графику \
             филиала отвечает среда выполнения бота"
        ),
        t!(
            "the AI's 3-second first response: Open Lines do not measure it; the bot runtime \
             does",
            "первый ответ ИИ за 3 секунды: открытые линии его не измеряют; его обеспечивает \
             среда выполнения бота"
        ),
        t!(
            "reminders before a visit: sent by the bot runtime",
            "напоминания перед визитом: их отправляет среда выполнения бота"
        ),
        t!(
            "the escalation response time: the KPI only alerts; a Bitrix24 robot and the duty \
             roster enforce it",
            "время реакции на эскалацию: KPI только оповещает; его обеспечивают робот \
             Битрикс24 и график дежурств"
        ),
    ]
}
