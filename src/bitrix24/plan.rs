//! The plan of `regl push` (SPEC §8): the portal's current state, read in as few requests as
//! the REST API allows, compared with [`Desired`] part by part — what would be created (`+`),
//! updated (`~`, with each attribute's old and new value), left as it is, and what only the
//! portal has (listed, never deleted).
//!
//! A user field is found by its `FIELD_NAME`, its list items by their `XML_ID` (SPEC §3) and,
//! where a portal drops item `XML_ID`s, by their value; an item found keeps its `ID`, so a
//! renamed label is an update. A field whose type differs is a conflict: Bitrix24 cannot
//! change a field's type, so it is reported and left alone.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::client::{Client, Command, Error};
use super::desired::{Desired, Entity, ListItem, UserField};
use super::openlines::{self, PortalLine};
use super::scope::Scope;
use crate::model::enums::{FieldType, StageSemantics};

/// A part of the portal `--only` can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Fields,
    Stages,
    Sources,
    Openlines,
}

impl Part {
    pub const ALL: [Part; 4] = [Part::Fields, Part::Stages, Part::Sources, Part::Openlines];

    pub fn as_str(self) -> &'static str {
        match self {
            Part::Fields => "fields",
            Part::Stages => "stages",
            Part::Sources => "sources",
            Part::Openlines => "openlines",
        }
    }
}

/// A user field as the portal holds it.
#[derive(Debug, Clone, PartialEq)]
pub struct PortalField {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub label_ru: String,
    pub label_en: String,
    pub items: Vec<PortalItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PortalItem {
    pub id: String,
    pub value: String,
    pub sort: u64,
    pub xml_id: String,
}

/// A stage or a source (`crm.status.*`).
#[derive(Debug, Clone, PartialEq)]
pub struct PortalStatus {
    /// The row's `ID`, what `crm.status.update` takes.
    pub id: String,
    pub status_id: String,
    pub name: String,
    pub sort: u64,
}

/// What `push` reads of a portal.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PortalState {
    /// `crm.settings.mode.get`: 1 with leads, 2 simple.
    pub mode: Option<u64>,
    pub fields: Vec<PortalField>,
    pub stages: Vec<PortalStatus>,
    pub sources: Vec<PortalStatus>,
    pub lines: Vec<PortalLine>,
}

/// One attribute that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub attribute: String,
    pub old: String,
    pub new: String,
}

/// What the plan does with one thing of a part.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    Create {
        id: String,
        summary: String,
    },
    Update {
        id: String,
        changes: Vec<Change>,
    },
    /// Cannot be made as asked (a field of another type): reported, never changed.
    Conflict {
        id: String,
        portal: String,
        wanted: String,
    },
}

/// The plan of one part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartPlan {
    pub part: Part,
    pub actions: Vec<Action>,
    pub unchanged: Vec<String>,
    pub portal_only: Vec<String>,
    /// Open Lines only: locations whose line has no welcome bot chosen yet, so how long the
    /// bot holds a dialogue cannot be set until it is.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub without_bot: Vec<String>,
    /// The commands that carry out the creates and updates, in order.
    #[serde(skip)]
    pub commands: Vec<Command>,
}

impl PartPlan {
    pub(super) fn new(part: Part) -> Self {
        Self {
            part,
            actions: Vec::new(),
            unchanged: Vec::new(),
            portal_only: Vec::new(),
            without_bot: Vec::new(),
            commands: Vec::new(),
        }
    }

    /// Creates and updates, which `--apply` carries out.
    pub fn changes(&self) -> usize {
        self.commands.len()
    }

    pub fn conflicts(&self) -> usize {
        self.actions
            .iter()
            .filter(|a| matches!(a, Action::Conflict { .. }))
            .count()
    }
}

/// The whole plan, in the order of [`Part::ALL`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub parts: Vec<PartPlan>,
}

impl Plan {
    pub fn changes(&self) -> usize {
        self.parts.iter().map(PartPlan::changes).sum()
    }

    pub fn conflicts(&self) -> usize {
        self.parts.iter().map(PartPlan::conflicts).sum()
    }

    pub fn commands(&self) -> Vec<Command> {
        self.parts.iter().flat_map(|p| p.commands.clone()).collect()
    }
}

/// The method family of the record's user fields: `crm.lead.userfield`.
pub fn userfield_method(d: &Desired, verb: &str) -> String {
    format!("crm.{}.userfield.{verb}", d.record.as_str())
}

/// Reads the mode and every part in `parts` in one `batch`: the labels need two field
/// lists (one per language, SPEC's two labels), the stages and sources one status list each.
/// A list longer than one page is read on with [`Client::list_all`].
pub fn read(client: &Client, d: &Desired, parts: &[Part]) -> Result<PortalState, Error> {
    let uf_list = userfield_method(d, "list");
    let mut commands = vec![Command::new("mode", "crm.settings.mode.get", json!({}))];
    let has = |p: Part| parts.contains(&p);
    if has(Part::Fields) {
        for lang in ["ru", "en"] {
            commands.push(Command::new(
                format!("fields_{lang}"),
                &uf_list,
                json!({ "filter": { "LANG": lang } }),
            ));
        }
    }
    if has(Part::Stages) {
        let filter =
            json!({ "filter": { "ENTITY_ID": d.stage_entity_id() }, "order": { "SORT": "ASC" } });
        commands.push(Command::new("stages", "crm.status.list", filter));
    }
    if has(Part::Sources) {
        let filter = json!({ "filter": { "ENTITY_ID": "SOURCE" }, "order": { "SORT": "ASC" } });
        commands.push(Command::new("sources", "crm.status.list", filter));
    }
    if has(Part::Openlines) {
        commands.push(Command::new(
            "lines",
            "imopenlines.config.list.get",
            openlines::list_params(),
        ));
    }
    let mut lists: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    let mut mode = None;
    for (command, answer) in commands.iter().zip(client.batch(&commands)) {
        let reply = answer.map_err(|e| e.error().clone())?;
        if command.id == "mode" {
            mode = super::client::count(&reply.result);
            continue;
        }
        let records = if reply.next.is_some() {
            client.list_all(&command.method, &command.params)?
        } else {
            match reply.result {
                Value::Array(a) => a,
                _ => Vec::new(),
            }
        };
        lists.insert(command.id.clone(), records);
    }
    let en: BTreeMap<String, String> = lists
        .get("fields_en")
        .into_iter()
        .flatten()
        .map(|f| (text(f, "ID"), text(f, "EDIT_FORM_LABEL")))
        .collect();
    let fields = lists
        .get("fields_ru")
        .into_iter()
        .flatten()
        .map(|f| {
            let id = text(f, "ID");
            PortalField {
                label_en: en.get(&id).cloned().unwrap_or_default(),
                label_ru: text(f, "EDIT_FORM_LABEL"),
                name: text(f, "FIELD_NAME"),
                kind: text(f, "USER_TYPE_ID"),
                items: f
                    .get("LIST")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .map(|i| PortalItem {
                        id: text(i, "ID"),
                        value: text(i, "VALUE"),
                        sort: number(i, "SORT"),
                        xml_id: text(i, "XML_ID"),
                    })
                    .collect(),
                id,
            }
        })
        .collect();
    let statuses = |key: &str| -> Vec<PortalStatus> {
        lists
            .get(key)
            .into_iter()
            .flatten()
            .map(|s| PortalStatus {
                id: text(s, "ID"),
                status_id: text(s, "STATUS_ID"),
                name: text(s, "NAME"),
                sort: number(s, "SORT"),
            })
            .collect()
    };
    Ok(PortalState {
        mode,
        fields,
        stages: statuses("stages"),
        sources: statuses("sources"),
        lines: lists
            .get("lines")
            .into_iter()
            .flatten()
            .filter_map(|l| {
                Some(PortalLine {
                    id: text(l, "ID"),
                    params: l.as_object()?.clone(),
                })
            })
            .collect(),
    })
}

/// Compares `portal` with `d` for what `scope` covers.
pub fn plan(d: &Desired, portal: &PortalState, scope: &Scope) -> Plan {
    let parts = scope
        .parts
        .iter()
        .map(|&p| match p {
            Part::Fields => fields(d, portal),
            Part::Stages => statuses(
                Part::Stages,
                d.stage_entity_id(),
                &d.stages
                    .iter()
                    .map(|s| (s.id.as_str(), s.name.as_str(), s.sort, Some(s.semantics)))
                    .collect::<Vec<_>>(),
                &portal.stages,
            ),
            Part::Sources => statuses(
                Part::Sources,
                "SOURCE",
                &d.sources
                    .iter()
                    .map(|s| (s.id.as_str(), s.name.as_str(), s.sort, None))
                    .collect::<Vec<_>>(),
                &portal.sources,
            ),
            Part::Openlines => openlines::plan(d, &portal.lines, scope),
        })
        .collect();
    Plan { parts }
}

fn fields(d: &Desired, portal: &PortalState) -> PartPlan {
    let mut out = PartPlan::new(Part::Fields);
    for (n, f) in d.fields.iter().enumerate() {
        let cid = format!("field_{n}");
        let Some(p) = portal.fields.iter().find(|p| p.name == f.code) else {
            out.actions.push(Action::Create {
                id: f.code.clone(),
                summary: summary(f),
            });
            out.commands.push(Command::new(
                cid,
                userfield_method(d, "add"),
                json!({ "fields": add_fields(f) }),
            ));
            continue;
        };
        if p.kind != f.kind.as_str() {
            out.actions.push(Action::Conflict {
                id: f.code.clone(),
                portal: p.kind.clone(),
                wanted: f.kind.as_str().to_owned(),
            });
            continue;
        }
        let mut changes = Vec::new();
        let mut update = serde_json::Map::new();
        if p.label_ru != f.label.ru || p.label_en != f.label.en {
            changes.extend(differ("label.ru", &p.label_ru, &f.label.ru));
            changes.extend(differ("label.en", &p.label_en, &f.label.en));
            let label = json!({ "ru": f.label.ru, "en": f.label.en });
            for kind in ["EDIT_FORM_LABEL", "LIST_COLUMN_LABEL", "LIST_FILTER_LABEL"] {
                update.insert(kind.into(), label.clone());
            }
        }
        let mut list = Vec::new();
        let mut matched: Vec<&str> = Vec::new();
        for item in &f.items {
            let found = p
                .items
                .iter()
                .find(|i| i.xml_id == item.xml_id)
                .or_else(|| {
                    p.items
                        .iter()
                        .find(|i| i.xml_id.is_empty() && i.value == item.label)
                });
            match found {
                None => {
                    changes.push(Change {
                        attribute: format!("item {}", item.key),
                        old: String::new(),
                        new: item.label.clone(),
                    });
                    list.push(new_item(item));
                }
                Some(i) => {
                    matched.push(&i.id);
                    let mut c = differ(&format!("item {}", item.key), &i.value, &item.label);
                    c.extend(differ(
                        &format!("item {} sort", item.key),
                        &i.sort.to_string(),
                        &item.sort.to_string(),
                    ));
                    if !c.is_empty() || i.xml_id != item.xml_id {
                        changes.extend(c);
                        list.push(json!({ "ID": i.id, "VALUE": item.label, "SORT": item.sort, "XML_ID": item.xml_id }));
                    }
                }
            }
        }
        for i in p.items.iter().filter(|i| !matched.contains(&i.id.as_str())) {
            out.portal_only.push(format!("{} item {}", f.code, i.value));
        }
        if !list.is_empty() {
            update.insert("LIST".into(), Value::Array(list));
        }
        if update.is_empty() {
            out.unchanged.push(f.code.clone());
        } else {
            out.actions.push(Action::Update {
                id: f.code.clone(),
                changes,
            });
            out.commands.push(Command::new(
                cid,
                userfield_method(d, "update"),
                json!({ "id": p.id, "fields": Value::Object(update) }),
            ));
        }
    }
    for p in &portal.fields {
        if !d.fields.iter().any(|f| f.code == p.name) {
            out.portal_only.push(p.name.clone());
        }
    }
    out
}

/// Stages or sources: `(STATUS_ID, NAME, SORT, semantics)` wanted against the portal's.
fn statuses(
    part: Part,
    entity: &str,
    wanted: &[(&str, &str, u32, Option<StageSemantics>)],
    portal: &[PortalStatus],
) -> PartPlan {
    let mut out = PartPlan::new(part);
    for (n, &(id, name, sort, semantics)) in wanted.iter().enumerate() {
        let cid = format!("{}_{n}", part.as_str());
        match portal.iter().find(|p| p.status_id == id) {
            None => {
                let mut fields =
                    json!({ "ENTITY_ID": entity, "STATUS_ID": id, "NAME": name, "SORT": sort });
                if let Some(s) = semantics {
                    let (color, code) = match s {
                        StageSemantics::InProgress => ("#39A8EF", ""),
                        StageSemantics::Success => ("#7BD500", "S"),
                        StageSemantics::Failure => ("#FF5752", "F"),
                    };
                    fields["COLOR"] = json!(color);
                    if !code.is_empty() {
                        fields["SEMANTICS"] = json!(code);
                    }
                }
                out.actions.push(Action::Create {
                    id: id.to_owned(),
                    summary: name.to_owned(),
                });
                out.commands.push(Command::new(
                    cid,
                    "crm.status.add",
                    json!({ "fields": fields }),
                ));
            }
            Some(p) => {
                let mut changes = differ("name", &p.name, name);
                changes.extend(differ("sort", &p.sort.to_string(), &sort.to_string()));
                if changes.is_empty() {
                    out.unchanged.push(id.to_owned());
                } else {
                    out.actions.push(Action::Update {
                        id: id.to_owned(),
                        changes,
                    });
                    out.commands.push(Command::new(
                        cid,
                        "crm.status.update",
                        json!({ "id": p.id, "fields": { "NAME": name, "SORT": sort } }),
                    ));
                }
            }
        }
    }
    for p in portal {
        if !wanted.iter().any(|w| w.0 == p.status_id) {
            out.portal_only.push(p.status_id.clone());
        }
    }
    out
}

/// The `fields` of the `*.userfield.add` that creates `f`: the labels in both languages, not
/// mandatory (staff also create records by hand; the bot enforces `[crm].required`).
fn add_fields(f: &UserField) -> Value {
    let label = json!({ "ru": f.label.ru, "en": f.label.en });
    let mut uf = json!({
        "FIELD_NAME": f.name,
        "USER_TYPE_ID": f.kind.as_str(),
        "XML_ID": f.code,
        "EDIT_FORM_LABEL": label,
        "LIST_COLUMN_LABEL": label,
        "LIST_FILTER_LABEL": label,
        "MULTIPLE": "N",
        "MANDATORY": "N",
        "SHOW_FILTER": "Y",
    });
    if f.kind == FieldType::Enumeration {
        uf["LIST"] = Value::Array(f.items.iter().map(new_item).collect());
    }
    uf
}

fn new_item(item: &ListItem) -> Value {
    json!({ "VALUE": item.label, "SORT": item.sort, "DEF": "N", "XML_ID": item.xml_id })
}

fn summary(f: &UserField) -> String {
    if f.items.is_empty() {
        f.kind.as_str().to_owned()
    } else {
        let keys: Vec<&str> = f.items.iter().map(|i| i.key.as_str()).collect();
        format!("{}: {}", f.kind.as_str(), keys.join(", "))
    }
}

fn differ(attribute: &str, old: &str, new: &str) -> Vec<Change> {
    if old == new {
        return Vec::new();
    }
    vec![Change {
        attribute: attribute.to_owned(),
        old: old.to_owned(),
        new: new.to_owned(),
    }]
}

fn text(v: &Value, key: &str) -> String {
    match v.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

fn number(v: &Value, key: &str) -> u64 {
    v.get(key)
        .and_then(super::client::count)
        .unwrap_or_default()
}

/// What the portal assigned, for the bot runtime (`OUT/bitrix24-portal.json`, SPEC §8):
/// sorted maps, so the file is the same for the same portal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assigned {
    pub portal: String,
    pub entity: Entity,
    pub fields: BTreeMap<String, AssignedField>,
    pub stages: BTreeMap<String, String>,
    pub sources: BTreeMap<String, String>,
    /// Open Line ids by location.
    pub lines: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AssignedField {
    pub id: String,
    /// List item ids by the item's key.
    pub items: BTreeMap<String, String>,
}

impl Assigned {
    /// The ids of what `d` asks for, as `portal` holds them.
    pub fn new(d: &Desired, portal: &PortalState) -> Self {
        let fields = d
            .fields
            .iter()
            .filter_map(|f| {
                let p = portal.fields.iter().find(|p| p.name == f.code)?;
                let items = f
                    .items
                    .iter()
                    .filter_map(|i| {
                        let found = p.items.iter().find(|x| x.xml_id == i.xml_id)?;
                        Some((i.key.clone(), found.id.clone()))
                    })
                    .collect();
                Some((
                    f.code.clone(),
                    AssignedField {
                        id: p.id.clone(),
                        items,
                    },
                ))
            })
            .collect();
        let ids = |wanted: Vec<&str>, have: &[PortalStatus]| {
            have.iter()
                .filter(|s| wanted.contains(&s.status_id.as_str()))
                .map(|s| (s.status_id.clone(), s.id.clone()))
                .collect()
        };
        Self {
            portal: d.portal.clone(),
            entity: d.record,
            fields,
            stages: ids(
                d.stages.iter().map(|s| s.id.as_str()).collect(),
                &portal.stages,
            ),
            sources: ids(
                d.sources.iter().map(|s| s.id.as_str()).collect(),
                &portal.sources,
            ),
            lines: d
                .open_lines
                .iter()
                .filter_map(|l| {
                    let p = portal.lines.iter().find(|p| p.name() == l.name)?;
                    Some((l.location.clone(), p.id.clone()))
                })
                .collect(),
        }
    }
}
