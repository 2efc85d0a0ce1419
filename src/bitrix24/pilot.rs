//! The pilot on the portal (SPEC §8, `--test-leads` / `--remove-test-leads`): the records the
//! pilot plan's rows need before a tester writes (the booking a cancel or reminder row acts
//! on), and their removal afterwards.
//!
//! Every record regl makes, and every lead the bot runtime makes from a `[pilot].phones`
//! number, carries `ORIGINATOR_ID = "regl-pilot"`; `ORIGIN_ID` is the plan's row id, or the
//! runtime's own `<loc>:<channel>:<dialog>`. That marker is the only thing removal trusts:
//! a real client's lead is never matched by its phone, which a tester may share.
//!
//! The records come from [`test_plan_rows::rows_of`], the generator the plan itself is written
//! from, never from the `.xlsx` a tester may have edited.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::{Value, json};

use super::client::{Client, Command, CommandError, Error};
use super::desired::{Desired, Entity};
use crate::model::Business;
use crate::model::business::Location;
use crate::render::xlsx::test_plan_rows::{self, PlanRow};
use crate::scenario::generate;

/// The `ORIGINATOR_ID` of every pilot record.
pub const ORIGINATOR: &str = "regl-pilot";

/// One record a pilot row needs on the portal before it is played.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Needed {
    /// The plan's row id: the record's `ORIGIN_ID`.
    pub row: String,
    pub location: String,
    pub title: String,
    pub client: String,
    /// E.164, from `[pilot].phones`.
    pub phone: String,
    pub comments: String,
}

/// A pilot record found on or made on the portal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Record {
    /// `lead`, `deal` or `contact`.
    pub entity: &'static str,
    pub id: String,
    pub origin_id: String,
}

/// What `--test-leads` did.
#[derive(Debug, Default, Serialize)]
pub struct Prepared {
    pub created: Vec<Record>,
    /// Already on the portal from an earlier run: left as they are.
    pub present: Vec<Record>,
    #[serde(skip)]
    pub failed: Vec<CommandError>,
}

/// What `--remove-test-leads` did.
#[derive(Debug, Default, Serialize)]
pub struct Removed {
    pub deleted: Vec<Record>,
    #[serde(skip)]
    pub failed: Vec<CommandError>,
}

/// The records the rows of `locations` need: one per row whose scenario starts with a
/// booking, in the plan's order.
pub fn needed(b: &Business, locations: &[&Location]) -> Vec<Needed> {
    let phones: Vec<(String, String)> = b
        .pilot
        .as_ref()
        .map(|p| {
            p.phones
                .iter()
                .map(|x| (x.pretty(), x.e164().to_owned()))
                .collect()
        })
        .unwrap_or_default();
    let mut out = Vec::new();
    for loc in locations {
        let scenarios = generate::generate(b, loc);
        for row in test_plan_rows::rows_of(b, loc, &scenarios) {
            let Some(s) = scenarios.iter().find(|s| s.id == row.scenario) else {
                continue;
            };
            let Some((service, at)) = &s.given.visit else {
                continue;
            };
            let Some((_, phone)) = phones.iter().find(|(p, _)| *p == row.phone) else {
                continue;
            };
            out.push(Needed {
                title: format!("{}: {service} {}", row.id, at.format("%Y-%m-%d %H:%M")),
                location: loc.id.as_str().to_owned(),
                client: row.client.clone(),
                phone: phone.clone(),
                comments: comments(&row),
                row: row.id,
            });
        }
    }
    out
}

fn comments(row: &PlanRow) -> String {
    format!("{ORIGINATOR} {}: {}", row.scenario, row.preconditions)
}

/// Every pilot record of `entity` on the portal (paged), narrowed to `locations` by the
/// `ORIGIN_ID`'s location prefix when some are given.
pub fn find(client: &Client, entity: Entity, locations: &[String]) -> Result<Vec<Record>, Error> {
    let method = format!("crm.{}.list", entity.as_str());
    let params = json!({
        "filter": { "=ORIGINATOR_ID": ORIGINATOR },
        "select": ["ID", "ORIGINATOR_ID", "ORIGIN_ID"],
        "order": { "ID": "ASC" },
    });
    let rows = client.list_all(&method, &params)?;
    Ok(rows
        .iter()
        // The filter is the portal's; the marker is checked again so that nothing else is
        // ever deleted, whatever a portal makes of the filter.
        .filter(|r| text(r.get("ORIGINATOR_ID")) == ORIGINATOR)
        .map(|r| Record {
            entity: entity.as_str(),
            id: text(r.get("ID")),
            origin_id: text(r.get("ORIGIN_ID")),
        })
        .filter(|r| locations.is_empty() || locations.iter().any(|l| of_location(r, l)))
        .collect())
}

/// A plan row's id is `<loc>-tp-NNN`; the runtime's `ORIGIN_ID` is
/// `<loc>:<channel>:<dialog>` (`bitrix24-mapping.json`). Both are matched whole up to their
/// separator, so `ufa` never takes `ufa-2`'s records.
fn of_location(r: &Record, location: &str) -> bool {
    let id = r.origin_id.as_str();
    id.strip_prefix(location)
        .is_some_and(|rest| rest.starts_with("-tp-") || rest.starts_with(':'))
}

/// Makes the records of `needed` that the portal lacks (found by `ORIGIN_ID`), in batches
/// of at most 50: leads, or in simple mode a contact and then its deal.
pub fn prepare(
    client: &Client,
    desired: &Desired,
    needed: &[Needed],
    locations: &[String],
) -> Result<Prepared, Error> {
    let mut done = Prepared::default();
    let records = find(client, desired.record, locations)?;
    let have: BTreeSet<&str> = records.iter().map(|r| r.origin_id.as_str()).collect();
    let missing: Vec<&Needed> = needed
        .iter()
        .filter(|n| !have.contains(n.row.as_str()))
        .collect();
    done.present = records
        .iter()
        .filter(|r| needed.iter().any(|n| n.row == r.origin_id))
        .cloned()
        .collect();
    let mut contacts: Vec<Option<String>> = vec![None; missing.len()];
    if desired.person != desired.record {
        // Simple mode: the person is a contact, made (or found from a run cut short) first.
        let found = find(client, desired.person, locations)?;
        let mut commands = Vec::new();
        for (i, n) in missing.iter().enumerate() {
            match found.iter().find(|c| c.origin_id == n.row) {
                Some(c) => contacts[i] = Some(c.id.clone()),
                None => commands.push((i, person_fields(n))),
            }
        }
        let sent: Vec<Command> = commands
            .iter()
            .map(|(i, f)| Command::new(format!("c{i}"), "crm.contact.add", json!({"fields": f})))
            .collect();
        for ((i, _), reply) in commands.iter().zip(client.batch(&sent)) {
            match reply {
                Ok(r) => {
                    let id = text(Some(&r.result));
                    done.created.push(Record {
                        entity: Entity::Contact.as_str(),
                        id: id.clone(),
                        origin_id: missing[*i].row.clone(),
                    });
                    contacts[*i] = Some(id);
                }
                Err(e) => done.failed.push(e),
            }
        }
    }
    let simple = desired.person != desired.record;
    let method = format!("crm.{}.add", desired.record.as_str());
    let mut order = Vec::new();
    let mut commands = Vec::new();
    for (i, n) in missing.iter().enumerate() {
        let mut fields = if simple {
            let Some(contact) = &contacts[i] else {
                continue;
            };
            json!({ "CONTACT_ID": contact })
        } else {
            person_fields(n)
        };
        fields["TITLE"] = json!(n.title);
        fields["COMMENTS"] = json!(n.comments);
        fields["ORIGINATOR_ID"] = json!(ORIGINATOR);
        fields["ORIGIN_ID"] = json!(n.row);
        commands.push(Command::new(
            format!("r{i}"),
            method.as_str(),
            json!({"fields": fields}),
        ));
        order.push(i);
    }
    for (i, reply) in order.iter().zip(client.batch(&commands)) {
        match reply {
            Ok(r) => done.created.push(Record {
                entity: desired.record.as_str(),
                id: text(Some(&r.result)),
                origin_id: missing[*i].row.clone(),
            }),
            Err(e) => done.failed.push(e),
        }
    }
    Ok(done)
}

/// The name and phone, marked: the lead itself, or the contact in simple mode.
fn person_fields(n: &Needed) -> Value {
    json!({
        "NAME": n.client,
        "PHONE": [{ "VALUE": n.phone, "VALUE_TYPE": "MOBILE" }],
        "ORIGINATOR_ID": ORIGINATOR,
        "ORIGIN_ID": n.row,
    })
}

/// Lists every pilot record (deals before their contacts in simple mode), then deletes them
/// in batches of at most 50.
pub fn remove(client: &Client, desired: &Desired, locations: &[String]) -> Result<Removed, Error> {
    let mut found = find(client, desired.record, locations)?;
    if desired.person != desired.record {
        found.extend(find(client, desired.person, locations)?);
    }
    let commands: Vec<Command> = found
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Command::new(
                format!("d{i}"),
                format!("crm.{}.delete", r.entity),
                json!({"id": r.id}),
            )
        })
        .collect();
    let mut done = Removed::default();
    for (r, reply) in found.into_iter().zip(client.batch(&commands)) {
        match reply {
            Ok(_) => done.deleted.push(r),
            Err(e) => done.failed.push(e),
        }
    }
    Ok(done)
}

fn text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        _ => String::new(),
    }
}
