//! The stand-in's CRM records: `crm.lead.*`, and for simple mode `crm.deal.*` and
//! `crm.contact.*` — `add`, `list` and `delete` as the reference documents them
//! (api-reference/crm/leads/crm-lead-list.md and its deal and contact siblings): `fields`
//! for add, answered with the new id; `filter` with the `=`, `!`/`!=` and `@` prefixes;
//! `select` (`ID` always, `*` for every field); pages of 50 with `start`, `total` and `next`;
//! `id` for delete, `true` when it is gone.

#![allow(
    clippy::unnecessary_wraps,
    reason = "every method answers an `Outcome`, so that `call` dispatches them alike"
)]

use serde_json::{Map, Value, json};

use super::portal::{
    CONTACT, DEAL, Out, Outcome, PAGE, Portal, list_of, number, ok, refused, text,
};

impl Portal {
    fn records(&self, entity: &str) -> &Vec<Map<String, Value>> {
        match entity {
            DEAL => &self.deals,
            CONTACT => &self.contacts,
            _ => &self.leads,
        }
    }

    fn records_mut(&mut self, entity: &str) -> &mut Vec<Map<String, Value>> {
        match entity {
            DEAL => &mut self.deals,
            CONTACT => &mut self.contacts,
            _ => &mut self.leads,
        }
    }

    pub(super) fn record_list(&self, entity: &str, params: &Value) -> Outcome {
        let filter = params
            .get("filter")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let select: Vec<String> = list_of(params.get("select")).iter().map(text).collect();
        let start = number(params.get("start")).map_or(0, |s| usize::try_from(s).unwrap());
        let matching: Vec<&Map<String, Value>> = self
            .records(entity)
            .iter()
            .filter(|r| filter.iter().all(|(k, v)| matches(r, k, v)))
            .collect();
        let total = matching.len();
        let page: Vec<Value> = matching
            .iter()
            .skip(start)
            .take(PAGE)
            .map(|r| {
                let shown: Map<String, Value> = r
                    .iter()
                    .filter(|(k, _)| {
                        select.is_empty()
                            || *k == "ID"
                            || select.iter().any(|s| s == *k || s == "*")
                    })
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                Value::Object(shown)
            })
            .collect();
        Ok(Out {
            result: Value::Array(page),
            total: Some(total),
            next: (start + PAGE < total).then_some(start + PAGE),
        })
    }

    pub(super) fn record_add(&mut self, entity: &str, params: &Value) -> Outcome {
        // Parameter names are case-insensitive on the portal: the deal pages write `FIELDS`.
        let fields = params
            .get("fields")
            .or_else(|| params.get("FIELDS"))
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let id = self.id();
        let mut record = Map::new();
        record.insert("ID".into(), json!(id.to_string()));
        match entity {
            CONTACT => {
                record.insert("NAME".into(), json!(""));
            }
            DEAL => {
                record.insert("TITLE".into(), json!(""));
                record.insert("STAGE_ID".into(), json!("NEW"));
                record.insert("CONTACT_ID".into(), Value::Null);
            }
            _ => {
                record.insert("TITLE".into(), json!(""));
                record.insert("STATUS_ID".into(), json!("NEW"));
            }
        }
        record.insert("ORIGINATOR_ID".into(), Value::Null);
        record.insert("ORIGIN_ID".into(), Value::Null);
        for (k, v) in fields {
            record.insert(k, as_php_lists(v));
        }
        self.records_mut(entity).push(record);
        ok(json!(id))
    }

    pub(super) fn record_delete(&mut self, entity: &str, params: &Value) -> Outcome {
        let Some(id) = number(params.get("id")).or_else(|| number(params.get("ID"))) else {
            return Err(refused("ID is not defined or invalid."));
        };
        let records = self.records_mut(entity);
        let before = records.len();
        records.retain(|r| r.get("ID").map(text) != Some(id.to_string()));
        if records.len() == before {
            return Err(refused("Not found"));
        }
        ok(json!(true))
    }
}

/// One filter condition: the key's prefix says how the value is compared.
fn matches(record: &Map<String, Value>, key: &str, want: &Value) -> bool {
    let value = |k: &str| record.get(k).map(text).unwrap_or_default();
    if let Some(k) = key.strip_prefix("!@") {
        return !list_of(Some(want)).iter().any(|w| text(w) == value(k));
    }
    if let Some(k) = key.strip_prefix('@') {
        return list_of(Some(want)).iter().any(|w| text(w) == value(k));
    }
    if let Some(k) = key.strip_prefix("!=").or_else(|| key.strip_prefix('!')) {
        return value(k) != text(want);
    }
    value(key.trim_start_matches('=')) == text(want)
}

/// A value as PHP keeps it: from a `batch`'s query string a list arrives keyed `"0"`, `"1"`,
/// …, which PHP holds (and answers in JSON) as a list again.
fn as_php_lists(v: Value) -> Value {
    match v {
        Value::Object(m) if !m.is_empty() && m.keys().all(|k| k.parse::<u64>().is_ok()) => {
            let items = list_of(Some(&Value::Object(m)));
            Value::Array(items.into_iter().map(as_php_lists).collect())
        }
        Value::Object(m) => {
            Value::Object(m.into_iter().map(|(k, v)| (k, as_php_lists(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(as_php_lists).collect()),
        other => other,
    }
}
