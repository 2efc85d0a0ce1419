//! The stand-in portal's state and the methods push uses, answered in the shapes of Bitrix24's
//! REST reference (b24restdocs @5988ed13: the method pages under `api-reference/crm/` and
//! `api-reference/imopenlines/openlines/`, `settings/how-to-call-rest-api/batch.md`).
//!
//! Behaviour the reference documents is followed: error codes and texts, `UF_CRM_` prefixing,
//! list items kept by `ID` on update, immutable `STATUS_ID`/`SEMANTICS`, `false` from
//! `imopenlines.config.update` for an unknown line, 50 records a page. Where it is silent the
//! stand-in does the plausible thing and says so. All values are fixtures: no real portal,
//! user or secret.

#![allow(
    clippy::unnecessary_wraps,
    reason = "every method answers an `Outcome`, so that `call` dispatches them alike"
)]

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

/// A method's answer: `result` (with `total`/`next` for lists), or an error.
pub type Outcome = Result<Out, Fail>;

#[derive(Debug)]
pub struct Out {
    pub result: Value,
    pub total: Option<usize>,
    pub next: Option<usize>,
}

#[derive(Clone, Debug)]
pub struct Fail {
    pub status: u16,
    pub code: String,
    pub description: String,
}

pub fn fail(status: u16, code: &str, description: &str) -> Fail {
    Fail {
        status,
        code: code.into(),
        description: description.into(),
    }
}

pub(super) fn ok(result: Value) -> Outcome {
    Ok(Out {
        result,
        total: None,
        next: None,
    })
}

/// A refused value: HTTP 400 with an empty code, as the CRM methods answer.
pub(super) fn refused(description: &str) -> Fail {
    fail(400, "", description)
}

pub const LEAD: &str = "CRM_LEAD";
pub const DEAL: &str = "CRM_DEAL";
pub const CONTACT: &str = "CRM_CONTACT";

/// The languages the stand-in portal has; labels not given for one are set as the docs say.
pub const LANGUAGES: &[&str] = &["ru", "en", "de"];
pub(super) const LABELS: &[&str] = &[
    "EDIT_FORM_LABEL",
    "LIST_COLUMN_LABEL",
    "LIST_FILTER_LABEL",
    "ERROR_MESSAGE",
    "HELP_MESSAGE",
];
pub(super) const USER_TYPES: &[&str] = &[
    "string",
    "integer",
    "double",
    "boolean",
    "datetime",
    "date",
    "money",
    "url",
    "address",
    "enumeration",
    "file",
    "employee",
    "crm_status",
    "iblock_section",
    "iblock_element",
    "crm",
];
pub(super) const PAGE: usize = 50;

#[derive(Clone, Debug)]
pub struct UserField {
    pub id: u64,
    pub entity: String,
    pub field_name: String,
    pub user_type_id: String,
    pub xml_id: Option<String>,
    pub sort: i64,
    pub multiple: bool,
    pub mandatory: bool,
    pub show_filter: String,
    pub settings: Value,
    /// Label kind → language → text.
    pub labels: BTreeMap<String, BTreeMap<String, String>>,
    pub list: Vec<ListItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListItem {
    pub id: u64,
    pub value: String,
    pub sort: i64,
    pub def: bool,
    pub xml_id: String,
}

#[derive(Clone, Debug)]
#[allow(clippy::struct_field_names, reason = "the portal's own field names")]
pub struct Status {
    pub id: u64,
    pub entity_id: String,
    pub status_id: String,
    pub name: String,
    pub sort: i64,
    pub system: bool,
    pub color: String,
    /// `None` for a process stage, `S` success, `F` failure.
    pub semantics: Option<String>,
}

#[derive(Debug)]
pub struct Portal {
    pub user_id: u64,
    pub secret: String,
    pub admin: bool,
    pub scopes: Vec<String>,
    /// `crm.settings.mode.get`: 1 classic (with leads), 2 simple.
    pub mode: u8,
    pub user_fields: Vec<UserField>,
    pub statuses: Vec<Status>,
    pub leads: Vec<Map<String, Value>>,
    pub deals: Vec<Map<String, Value>>,
    pub contacts: Vec<Map<String, Value>>,
    pub lines: Vec<Map<String, Value>>,
    pub(super) next_id: u64,
}

impl Portal {
    /// A portal as Bitrix24 makes it: classic mode, the built-in lead stages and sources, no
    /// user fields, no leads, no Open Lines.
    pub fn fresh(user_id: u64, secret: &str) -> Self {
        let mut p = Self {
            user_id,
            secret: secret.into(),
            admin: true,
            scopes: vec!["crm".into(), "imopenlines".into(), "user".into()],
            mode: 1,
            user_fields: Vec::new(),
            statuses: Vec::new(),
            leads: Vec::new(),
            deals: Vec::new(),
            contacts: Vec::new(),
            lines: Vec::new(),
            next_id: 100,
        };
        let stages = [
            ("NEW", "Not processed", 10, None, "#39A8EF"),
            ("IN_PROCESS", "In progress", 20, None, "#2FC6F6"),
            ("PROCESSED", "Processed", 30, None, "#55D0E0"),
            ("CONVERTED", "Good lead", 40, Some("S"), "#7BD500"),
            ("JUNK", "Junk lead", 50, Some("F"), "#FF5752"),
        ];
        for (id, name, sort, semantics, color) in stages {
            let system = matches!(id, "NEW" | "CONVERTED" | "JUNK");
            p.push_status("STATUS", id, name, sort, (system, color, semantics));
        }
        let sources = [
            "CALL",
            "EMAIL",
            "WEB",
            "ADVERTISING",
            "PARTNER",
            "RECOMMENDATION",
            "TRADE_SHOW",
            "WEBFORM",
            "CALLBACK",
            "RC_GENERATOR",
            "STORE",
            "OTHER",
        ];
        for (i, id) in sources.iter().enumerate() {
            let sort = 10 * (i64::try_from(i).unwrap() + 1);
            p.push_status("SOURCE", id, &id.to_lowercase(), sort, (false, "", None));
        }
        p
    }

    pub(super) fn id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// `look`: whether it is a built-in value, its colour and its semantics.
    fn push_status(
        &mut self,
        entity: &str,
        id: &str,
        name: &str,
        sort: i64,
        look: (bool, &str, Option<&str>),
    ) {
        let (system, color, semantics) = look;
        let row = self.id();
        self.statuses.push(Status {
            id: row,
            entity_id: entity.into(),
            status_id: id.into(),
            name: name.into(),
            sort,
            system,
            color: color.into(),
            semantics: semantics.map(Into::into),
        });
    }

    /// One method, as called directly or from inside a `batch`.
    pub fn call(&mut self, method: &str, params: &Value) -> Outcome {
        let scope = scope_of(method);
        if scope != "basic" && !self.scopes.iter().any(|s| s == scope) {
            return Err(fail(
                403,
                "insufficient_scope",
                "The request requires higher privileges than provided by the webhook token",
            ));
        }
        let entity = |m: &str| match m.split('.').nth(1) {
            Some("lead") => LEAD,
            Some("deal") => DEAL,
            _ => CONTACT,
        };
        let changes_settings = method.contains(".userfield.add")
            || method.contains(".userfield.update")
            || method == "crm.status.add"
            || method == "crm.status.update";
        if changes_settings && !self.admin {
            // CRM settings need a CRM administrator; the CRM answers without a code.
            return Err(refused("Access denied."));
        }
        match method {
            "profile" => ok(json!({
                "ID": self.user_id.to_string(), "ADMIN": self.admin, "NAME": "Test",
                "LAST_NAME": "Owner", "PERSONAL_GENDER": "", "TIME_ZONE": "",
            })),
            "scope" => {
                let mut s = self.scopes.clone();
                if yes(params.get("full")) {
                    s = [
                        "crm",
                        "imopenlines",
                        "user",
                        "task",
                        "im",
                        "imbot",
                        "department",
                    ]
                    .map(String::from)
                    .to_vec();
                }
                ok(json!(s))
            }
            "crm.settings.mode.get" => ok(json!(self.mode)),
            "crm.lead.userfield.list"
            | "crm.deal.userfield.list"
            | "crm.contact.userfield.list" => self.user_field_list(entity(method), params),
            "crm.lead.userfield.get" | "crm.deal.userfield.get" | "crm.contact.userfield.get" => {
                self.user_field_get(entity(method), params)
            }
            "crm.lead.userfield.add" | "crm.deal.userfield.add" | "crm.contact.userfield.add" => {
                self.user_field_add(entity(method), params)
            }
            "crm.lead.userfield.update"
            | "crm.deal.userfield.update"
            | "crm.contact.userfield.update" => self.user_field_update(entity(method), params),
            "crm.status.list" => self.status_list(params),
            "crm.status.add" => self.status_add(params),
            "crm.status.update" => self.status_update(params),
            "crm.lead.list" | "crm.deal.list" | "crm.contact.list" => {
                self.record_list(entity(method), params)
            }
            "crm.lead.add" | "crm.deal.add" | "crm.contact.add" => {
                self.record_add(entity(method), params)
            }
            "crm.lead.delete" | "crm.deal.delete" | "crm.contact.delete" => {
                self.record_delete(entity(method), params)
            }
            "imopenlines.config.list.get" => self.line_list(params),
            "imopenlines.config.get" => self.line_get(params),
            "imopenlines.config.add" => self.line_add(params),
            "imopenlines.config.update" => self.line_update(params),
            _ => Err(fail(404, "ERROR_METHOD_NOT_FOUND", "Method not found!")),
        }
    }

    /// Runs one command of a `batch`.
    pub fn command_parsed(&mut self, method: &str, params: &Value) -> Outcome {
        if method == "batch" {
            return Err(fail(
                405,
                "ERROR_BATCH_METHOD_NOT_ALLOWED",
                "Method is not allowed for batch usage",
            ));
        }
        self.call(method, params)
    }
    // ---- statuses (crm.status.*): lead stages `STATUS`, sources `SOURCE`, deal stages

    fn status_list(&self, params: &Value) -> Outcome {
        let filter = params
            .get("filter")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut rows: Vec<&Status> = self
            .statuses
            .iter()
            .filter(|s| {
                let row = render_status(s);
                filter
                    .iter()
                    .all(|(k, v)| row.get(k).is_some_and(|x| text(x) == text(v)))
            })
            .collect();
        rows.sort_by_key(|s| (s.sort, s.id));
        let list: Vec<Value> = rows.into_iter().map(render_status).collect();
        let total = list.len();
        Ok(Out {
            result: Value::Array(list),
            total: Some(total),
            next: None,
        })
    }

    fn status_add(&mut self, params: &Value) -> Outcome {
        let Some(Value::Object(fields)) = params.get("fields") else {
            return Err(refused("Parameter 'fields' must be array."));
        };
        let entity = text_of(fields.get("ENTITY_ID"));
        let status_id = text_of(fields.get("STATUS_ID"));
        let mut missing = Vec::new();
        if entity.is_empty() {
            missing.push("The field ENTITY_ID is required.");
        }
        if status_id.is_empty() {
            missing.push("The field STATUS_ID is required.");
        }
        if !missing.is_empty() {
            return Err(refused(&missing.join(" ")));
        }
        if !matches!(entity.as_str(), "STATUS" | "SOURCE" | "DEAL_STAGE") {
            return Err(refused("Specified entity type is not supported."));
        }
        let name = text_of(fields.get("NAME"));
        if name.is_empty() {
            return Err(refused("The field Title is required."));
        }
        let max = if entity == "STATUS" { 21 } else { 22 };
        let well_formed = status_id.len() <= max
            && status_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        if !well_formed {
            // The reference names the limits but not the text of this refusal.
            return Err(refused("Error on creating status."));
        }
        if self
            .statuses
            .iter()
            .any(|s| s.entity_id == entity && s.status_id == status_id)
        {
            return Err(fail(
                400,
                "ERROR_CORE",
                "The specified status ID already exists.",
            ));
        }
        let semantics = match text_of(fields.get("SEMANTICS")).as_str() {
            "S" => Some("S"),
            "F" => Some("F"),
            _ => None,
        };
        let sort = number(fields.get("SORT")).map_or(10, |s| i64::try_from(s).unwrap());
        let color = text_of(fields.get("COLOR"));
        self.push_status(&entity, &status_id, &name, sort, (false, &color, semantics));
        ok(json!(self.next_id))
    }

    fn status_update(&mut self, params: &Value) -> Outcome {
        let Some(id) = number(params.get("id")) else {
            return Err(fail(
                400,
                "Invalid identifier.",
                "An incorrect identifier was passed.",
            ));
        };
        let Some(Value::Object(fields)) = params.get("fields") else {
            return Err(refused("Parameter 'fields' must be array."));
        };
        let Some(s) = self.statuses.iter_mut().find(|s| s.id == id) else {
            return Err(refused("Status is not found."));
        };
        // ENTITY_ID, STATUS_ID and SEMANTICS are immutable: ignored.
        if let Some(v) = fields.get("NAME") {
            s.name = text(v);
        }
        if let Some(v) = number(fields.get("SORT")) {
            s.sort = i64::try_from(v).unwrap();
        }
        if let Some(v) = fields.get("COLOR") {
            s.color = text(v);
        }
        ok(json!(true))
    }

    // ---- Open Lines (imopenlines.config.*); every value is stored and answered as a string

    fn line_list(&self, params: &Value) -> Outcome {
        let p = params.get("PARAMS").cloned().unwrap_or_else(|| json!({}));
        let filter = p
            .get("filter")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let select: Vec<String> = list_of(p.get("select")).iter().map(text).collect();
        let limit = number(p.get("limit")).map_or(50, |l| usize::try_from(l.min(200)).unwrap());
        let offset = number(p.get("offset")).map_or(0, |o| usize::try_from(o).unwrap());
        let rows: Vec<Value> = self
            .lines
            .iter()
            .filter(|l| {
                filter
                    .iter()
                    .all(|(k, v)| l.get(k).map(text).unwrap_or_default() == text(v))
            })
            .skip(offset)
            .take(limit)
            .map(|l| {
                let shown: Map<String, Value> = l
                    .iter()
                    .filter(|(k, _)| select.is_empty() || select.iter().any(|s| s == *k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                Value::Object(shown)
            })
            .collect();
        ok(Value::Array(rows))
    }

    fn line_get(&self, params: &Value) -> Outcome {
        let Some(id) = number(params.get("CONFIG_ID")) else {
            return Err(fail(400, "CONFIG_ID_EMPTY", "Config ID can't be empty"));
        };
        match self
            .lines
            .iter()
            .find(|l| l.get("ID").map(text) == Some(id.to_string()))
        {
            Some(l) => ok(Value::Object(l.clone())),
            // The reference does not say; a missing line reads as no result.
            None => ok(json!(false)),
        }
    }

    fn line_add(&mut self, params: &Value) -> Outcome {
        let id = self.id();
        let mut line = Map::new();
        for (k, v) in [
            ("ID", id.to_string()),
            ("LINE_NAME", "Open Channel".into()),
            ("ACTIVE", "Y".into()),
            ("QUEUE_TIME", "60".into()),
            ("NO_ANSWER_TIME", "60".into()),
            ("WELCOME_BOT_ENABLE", "N".into()),
            ("WELCOME_BOT_ID", "0".into()),
            ("WELCOME_BOT_JOIN", "first".into()),
            ("WELCOME_BOT_TIME", "600".into()),
            ("WELCOME_BOT_LEFT", "queue".into()),
            ("NO_ANSWER_RULE", "none".into()),
            ("AUTO_CLOSE_RULE", "none".into()),
            ("CRM", "Y".into()),
            ("CRM_CREATE", "lead".into()),
            ("AUTO_CLOSE_TIME", "14400".into()),
            ("WORKTIME_ENABLE", "N".into()),
            ("WORKTIME_FROM", "9".into()),
            ("WORKTIME_TO", "18.30".into()),
            ("KPI_FIRST_ANSWER_TIME", "0".into()),
            ("KPI_FIRST_ANSWER_ALERT", "N".into()),
        ] {
            line.insert(k.into(), Value::String(v));
        }
        self.lines.push(line);
        let at = self.lines.len() - 1;
        apply_line_params(&mut self.lines[at], params.get("PARAMS"));
        ok(json!(id))
    }

    fn line_update(&mut self, params: &Value) -> Outcome {
        let Some(id) = number(params.get("CONFIG_ID")) else {
            return Err(fail(400, "CONFIG_ID_EMPTY", "Config ID can't be empty"));
        };
        match self
            .lines
            .iter_mut()
            .find(|l| l.get("ID").map(text) == Some(id.to_string()))
        {
            Some(line) => {
                apply_line_params(line, params.get("PARAMS"));
                ok(json!(true))
            }
            None => ok(json!(false)),
        }
    }
}

/// Sets a line's parameters as strings. Working hours are taken only as a pair: a lone
/// `WORKTIME_FROM` or `WORKTIME_TO` is ignored, as the portal's core does. The welcome bot's
/// settings are read against `WELCOME_BOT_ENABLE` in the same call: sent without `Y` there,
/// each is stored as its fallback (core `config.php`, as read in the Open Lines research).
fn apply_line_params(line: &mut Map<String, Value>, params: Option<&Value>) {
    let Some(Value::Object(p)) = params else {
        return;
    };
    let pair = p.contains_key("WORKTIME_FROM") && p.contains_key("WORKTIME_TO");
    let bot_on = p.get("WELCOME_BOT_ENABLE").map(text).as_deref() == Some("Y");
    for (k, v) in p {
        if (k == "WORKTIME_FROM" || k == "WORKTIME_TO") && !pair {
            continue;
        }
        let fallback = match k.as_str() {
            "WELCOME_BOT_ID" => Some("0"),
            "WELCOME_BOT_TIME" => Some("600"),
            "WELCOME_BOT_LEFT" => Some("queue"),
            _ => None,
        };
        let stored = match (fallback, v) {
            (Some(f), _) if !bot_on => Value::String(f.into()),
            (_, Value::Array(_) | Value::Object(_)) => v.clone(),
            (_, other) => Value::String(text(other)),
        };
        line.insert(k.clone(), stored);
    }
}

fn render_status(s: &Status) -> Value {
    let mut m = json!({
        "ID": s.id.to_string(), "ENTITY_ID": s.entity_id, "STATUS_ID": s.status_id,
        "NAME": s.name, "NAME_INIT": if s.system { s.name.clone() } else { String::new() },
        "SORT": s.sort.to_string(), "SYSTEM": if s.system { "Y" } else { "N" },
        "CATEGORY_ID": null, "COLOR": s.color, "SEMANTICS": s.semantics,
    });
    if s.entity_id == "STATUS" || s.entity_id.starts_with("DEAL_STAGE") {
        let semantics = match s.semantics.as_deref() {
            Some("S") => "success",
            Some("F") => "failure",
            _ => "process",
        };
        m["EXTRA"] = json!({"SEMANTICS": semantics, "COLOR": s.color});
    }
    m
}

/// The scope a method needs (api-reference/scopes/permissions.md); the stand-in's own copy.
pub fn scope_of(method: &str) -> &'static str {
    match method.split('.').next().unwrap_or_default() {
        "crm" => "crm",
        "imopenlines" => "imopenlines",
        "user" => "user",
        _ => "basic",
    }
}

/// A list sent as a JSON array, or as PHP's object keyed `"0"`, `"1"`, … from a query string.
pub fn list_of(v: Option<&Value>) -> Vec<Value> {
    match v {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::Object(m)) => {
            let mut items: Vec<(u64, &Value)> = m
                .iter()
                .filter_map(|(k, v)| k.parse().ok().map(|i| (i, v)))
                .collect();
            items.sort_by_key(|(i, _)| *i);
            items.into_iter().map(|(_, v)| v.clone()).collect()
        }
        _ => Vec::new(),
    }
}

pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Bool(b) => if *b { "1" } else { "0" }.into(),
        other => other.to_string(),
    }
}

pub(super) fn text_of(v: Option<&Value>) -> String {
    v.map(text).unwrap_or_default()
}

pub fn number(v: Option<&Value>) -> Option<u64> {
    match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// `Y`, `1` or `true`.
pub(super) fn yes(v: Option<&Value>) -> bool {
    match v {
        Some(Value::Bool(b)) => *b,
        Some(v) => matches!(text(v).as_str(), "Y" | "y" | "1" | "true"),
        None => false,
    }
}
