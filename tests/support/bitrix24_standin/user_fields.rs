//! The stand-in's user fields: `crm.lead.userfield.*` and the deal and contact twins
//! (b24restdocs `api-reference/crm/leads/userfield/`): `UF_CRM_` prefixing, labels per
//! language, list items kept by `ID` on update, type and multiplicity never changed.

#![allow(
    clippy::unnecessary_wraps,
    reason = "every method answers an `Outcome`, so that `call` dispatches them alike"
)]

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::portal::{
    LABELS, LANGUAGES, ListItem, Out, Outcome, Portal, USER_TYPES, UserField, fail, list_of,
    number, ok, refused, text, text_of, yes,
};

impl Portal {
    pub(super) fn user_field_list(&self, entity: &str, params: &Value) -> Outcome {
        let filter = match params.get("filter") {
            None => Map::new(),
            Some(Value::Object(m)) => m.clone(),
            Some(_) => return Err(refused("Parameter 'filter' must be array.")),
        };
        let lang = filter.get("LANG").map(text);
        let mut rows: Vec<&UserField> = self
            .user_fields
            .iter()
            .filter(|f| f.entity == entity)
            .filter(|f| {
                filter.iter().filter(|(k, _)| *k != "LANG").all(|(k, v)| {
                    let row = render_user_field(f, None);
                    row.get(k).is_some_and(|x| text(x) == text(v))
                })
            })
            .collect();
        rows.sort_by_key(|f| (f.sort, f.id));
        let list: Vec<Value> = rows
            .iter()
            .map(|f| Value::Object(render_user_field(f, lang.as_deref().map(Label::One))))
            .collect();
        let total = list.len();
        Ok(Out {
            result: Value::Array(list),
            total: Some(total),
            next: None,
        })
    }

    pub(super) fn user_field_get(&self, entity: &str, params: &Value) -> Outcome {
        let id = number(params.get("id")).ok_or_else(|| refused("ID is not defined or invalid"))?;
        match self
            .user_fields
            .iter()
            .find(|f| f.entity == entity && f.id == id)
        {
            Some(f) => ok(Value::Object(render_user_field(f, Some(Label::All)))),
            None => Err(fail(
                400,
                "ERROR_NOT_FOUND",
                &format!("The entity with ID '{id}' is not found"),
            )),
        }
    }

    pub(super) fn user_field_add(&mut self, entity: &str, params: &Value) -> Outcome {
        let Some(Value::Object(fields)) = params.get("fields") else {
            return Err(refused("Parameter 'fields' must be array."));
        };
        let name = fields.get("FIELD_NAME").map(text).unwrap_or_default();
        if name.is_empty() {
            return Err(refused("The 'FIELD_NAME' field is not found."));
        }
        let kind = fields.get("USER_TYPE_ID").map(text).unwrap_or_default();
        if kind.is_empty() {
            return Err(refused("The 'USER_TYPE_ID' field is not found."));
        }
        if !USER_TYPES.contains(&kind.as_str()) {
            return Err(fail(400, "ERROR_CORE", "Invalid custom type specified."));
        }
        let name = full_field_name(&name);
        if name.len() > 50 {
            return Err(fail(
                400,
                "ERROR_CORE",
                "Field name is too long (more than 50 characters).",
            ));
        }
        if !name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(fail(
                400,
                "ERROR_CORE",
                "Field name contains invalid characters. Allowed characters are: A-Z, 0-9 and _.",
            ));
        }
        if self
            .user_fields
            .iter()
            .any(|f| f.entity == entity && f.field_name == name)
        {
            // The reference gives no text for this case; the core refuses the twin.
            return Err(fail(
                400,
                "ERROR_CORE",
                "A field with this code already exists.",
            ));
        }
        let default_label = fields.get("LABEL").map_or_else(|| name.clone(), text);
        let mut labels = BTreeMap::new();
        for kind in LABELS {
            labels.insert(
                (*kind).to_owned(),
                lang_map(fields.get(*kind), &default_label),
            );
        }
        let mut list = Vec::new();
        for item in list_of(fields.get("LIST")) {
            let value = item.get("VALUE").map(text).unwrap_or_default();
            if value.is_empty() {
                continue;
            }
            let xml_id = item
                .get("XML_ID")
                .map(text)
                .filter(|x| !x.is_empty())
                .unwrap_or_else(|| format!("{:032x}", self.next_id * 7919 + 13));
            if list.iter().any(|i: &ListItem| i.xml_id == xml_id) {
                return Err(fail(
                    400,
                    "ERROR_CORE",
                    &format!("List item with XML_ID={xml_id} already exists."),
                ));
            }
            let id = self.id();
            list.push(ListItem {
                id,
                value,
                sort: number(item.get("SORT")).map_or(500, |s| i64::try_from(s).unwrap()),
                def: yes(item.get("DEF")),
                xml_id,
            });
        }
        let id = self.id();
        self.user_fields.push(UserField {
            id,
            entity: entity.into(),
            field_name: name,
            xml_id: fields.get("XML_ID").map(text),
            sort: number(fields.get("SORT")).map_or(100, |s| i64::try_from(s).unwrap()),
            multiple: kind != "boolean" && yes(fields.get("MULTIPLE")),
            mandatory: yes(fields.get("MANDATORY")),
            show_filter: if yes(fields.get("SHOW_FILTER")) {
                "E".into()
            } else {
                "N".into()
            },
            settings: fields.get("SETTINGS").cloned().unwrap_or_else(|| json!({})),
            user_type_id: kind,
            labels,
            list,
        });
        ok(json!(id))
    }

    pub(super) fn user_field_update(&mut self, entity: &str, params: &Value) -> Outcome {
        let id = number(params.get("id")).ok_or_else(|| refused("ID is not defined or invalid"))?;
        let Some(Value::Object(fields)) = params.get("fields") else {
            return Err(refused("Parameter 'fields' must be array"));
        };
        let Some(at) = self
            .user_fields
            .iter()
            .position(|f| f.entity == entity && f.id == id)
        else {
            return Err(fail(
                400,
                "ERROR_NOT_FOUND",
                &format!("The entity with ID '{id}' is not found"),
            ));
        };
        let mut new_ids = Vec::new();
        for item in list_of(fields.get("LIST")) {
            if number(item.get("ID")).is_none() && !text_of(item.get("VALUE")).is_empty() {
                new_ids.push(self.id());
            }
        }
        let mut new_ids = new_ids.into_iter();
        let f = &mut self.user_fields[at];
        // FIELD_NAME, USER_TYPE_ID, MULTIPLE and ENTITY_ID are not changed, without an error.
        for kind in LABELS {
            if let Some(v) = fields.get(*kind) {
                f.labels.insert((*kind).to_owned(), lang_map(Some(v), ""));
            }
        }
        if let Some(s) = number(fields.get("SORT")) {
            f.sort = i64::try_from(s).unwrap();
        }
        if let Some(v) = fields.get("MANDATORY") {
            f.mandatory = yes(Some(v));
        }
        if let Some(v) = fields.get("XML_ID") {
            f.xml_id = Some(text(v));
        }
        if let (Some(Value::Object(s)), Value::Object(current)) =
            (fields.get("SETTINGS"), &mut f.settings)
        {
            current.extend(s.clone());
        }
        let mut list = f.list.clone();
        for item in list_of(fields.get("LIST")) {
            if let Some(item_id) = number(item.get("ID")) {
                {
                    let Some(pos) = list.iter().position(|i| i.id == item_id) else {
                        continue;
                    };
                    if yes(item.get("DEL")) {
                        list.remove(pos);
                        continue;
                    }
                    let it = &mut list[pos];
                    if let Some(v) = item.get("VALUE") {
                        it.value = text(v);
                    }
                    if let Some(s) = number(item.get("SORT")) {
                        it.sort = i64::try_from(s).unwrap();
                    }
                    if let Some(v) = item.get("DEF") {
                        it.def = yes(Some(v));
                    }
                    if let Some(v) = item.get("XML_ID") {
                        it.xml_id = text(v);
                    }
                }
            } else {
                {
                    let value = text_of(item.get("VALUE"));
                    if value.is_empty() {
                        continue;
                    }
                    let id = new_ids.next().unwrap();
                    list.push(ListItem {
                        id,
                        value,
                        sort: number(item.get("SORT")).map_or(500, |s| i64::try_from(s).unwrap()),
                        def: yes(item.get("DEF")),
                        xml_id: item
                            .get("XML_ID")
                            .map_or_else(|| format!("{:032x}", id * 7919 + 13), text),
                    });
                }
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for i in &list {
            if !seen.insert(&i.xml_id) {
                return Err(fail(
                    400,
                    "ERROR_CORE",
                    &format!("List item with value XML_ID='{}' already exists", i.xml_id),
                ));
            }
        }
        f.list = list;
        ok(json!(true))
    }
}

/// Which labels a rendered user field carries: none (a list without `LANG`), one language's
/// as strings (`LANG` given), or every language's as maps (`.get`).
#[derive(Clone, Copy)]
enum Label<'a> {
    One(&'a str),
    All,
}

fn render_user_field(f: &UserField, labels: Option<Label<'_>>) -> Map<String, Value> {
    let yn = |b: bool| if b { "Y" } else { "N" };
    let mut m = Map::new();
    m.insert("ID".into(), json!(f.id.to_string()));
    m.insert("ENTITY_ID".into(), json!(f.entity));
    m.insert("FIELD_NAME".into(), json!(f.field_name));
    m.insert("USER_TYPE_ID".into(), json!(f.user_type_id));
    m.insert("XML_ID".into(), json!(f.xml_id));
    m.insert("SORT".into(), json!(f.sort.to_string()));
    m.insert("MULTIPLE".into(), json!(yn(f.multiple)));
    m.insert("MANDATORY".into(), json!(yn(f.mandatory)));
    m.insert("SHOW_FILTER".into(), json!(f.show_filter));
    m.insert("SHOW_IN_LIST".into(), json!("Y"));
    m.insert("EDIT_IN_LIST".into(), json!("Y"));
    m.insert("IS_SEARCHABLE".into(), json!("N"));
    m.insert("SETTINGS".into(), f.settings.clone());
    match labels {
        None => {}
        Some(Label::One(lang)) => {
            for (kind, by_lang) in &f.labels {
                m.insert(kind.clone(), json!(by_lang.get(lang)));
            }
        }
        Some(Label::All) => {
            for (kind, by_lang) in &f.labels {
                m.insert(kind.clone(), json!(by_lang));
            }
        }
    }
    if f.user_type_id == "enumeration" {
        let items: Vec<Value> = f
            .list
            .iter()
            .map(|i| {
                json!({"ID": i.id.to_string(), "SORT": i.sort.to_string(), "VALUE": i.value,
                       "DEF": yn(i.def), "XML_ID": i.xml_id})
            })
            .collect();
        m.insert("LIST".into(), Value::Array(items));
    }
    m
}
/// `UF_CRM_` is always prepended; `UF_X` becomes `UF_CRM_X` (crm-lead-userfield-add.md).
fn full_field_name(name: &str) -> String {
    let upper = name.to_uppercase();
    if upper.starts_with("UF_CRM_") {
        upper
    } else if let Some(rest) = upper.strip_prefix("UF_") {
        format!("UF_CRM_{rest}")
    } else {
        format!("UF_CRM_{upper}")
    }
}

/// A label given as a string (all languages) or a language map (the rest get `fallback`).
fn lang_map(v: Option<&Value>, fallback: &str) -> BTreeMap<String, String> {
    LANGUAGES
        .iter()
        .map(|lang| {
            let text = match v {
                Some(Value::Object(m)) => m.get(*lang).map_or_else(|| fallback.to_owned(), text),
                Some(other) => text(other),
                None => fallback.to_owned(),
            };
            ((*lang).to_owned(), text)
        })
        .collect()
}
