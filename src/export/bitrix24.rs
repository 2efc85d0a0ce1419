//! `OUT/bitrix24-mapping.json`: the bot's slots mapped onto Bitrix24 fields, and the REST
//! payloads that prepare a portal for them (user fields, stages, sources), ready to send one
//! by one or in `batch` calls of at most 50.
//!
//! The webhook URL carries a secret, so it is never read or written here: the file names the
//! environment variable the sender takes it from.

use serde::Serialize;
use serde_json::{Value, json};

// One encoding of a batch command's parameters, shared with the client push sends them with.
use crate::bitrix24::client::query_string;
use crate::bitrix24::desired::{Desired, Entity, UserField, source_id};
use crate::bottext::Texts;
use crate::model::bot::OrderedMap;
use crate::model::bot_v2::Week;
use crate::model::business::Business;
use crate::model::enums::{ChannelKind, FieldType, Lang, Slot, StageSemantics};

pub const FILE_NAME: &str = "bitrix24-mapping.json";
/// The version of this file's shape.
pub const MAPPING_SCHEMA_VERSION: u32 = 1;
/// Bitrix24 runs at most 50 commands in one `batch` call.
pub const BATCH_MAX: usize = 50;
/// The environment variable the sender reads the inbound webhook URL from.
pub const WEBHOOK_ENV: &str = "BITRIX24_WEBHOOK_URL";
/// `ORIGINATOR_ID` of every lead the bot creates: with `ORIGIN_ID`, makes creation idempotent.
pub const ORIGINATOR_ID: &str = "regl-bot";

/// The whole mapping file.
#[derive(Debug, Clone, Serialize)]
pub struct Mapping {
    pub regl_bitrix24_mapping: u32,
    pub system: String,
    pub portal: String,
    /// "leads" or "simple".
    pub mode: String,
    /// What a bot request becomes: "lead", or "deal" (with a contact) in simple mode.
    pub entity: String,
    pub webhook: Webhook,
    /// Slot → field, with the value's shape.
    pub fields: Vec<FieldMap>,
    /// Field codes every record must have.
    pub required: Vec<String>,
    /// Channel id → `SOURCE_ID`.
    pub sources_by_channel: OrderedMap<String>,
    /// Channel id → IM multifield `VALUE_TYPE`, for messengers.
    pub im_by_channel: OrderedMap<String>,
    /// UTM field → value (placeholders filled by the runtime).
    pub utm: OrderedMap<String>,
    pub idempotency: Idempotency,
    /// The record the bot creates, as a `crm.lead.add` (or `crm.deal.add`) call.
    pub create: Command,
    /// User fields, with their `*.userfield.add` payloads.
    pub userfields: Vec<Command>,
    /// Funnel stages, ordered in progress → success → failure.
    pub stages: Vec<StatusMap>,
    /// Lead sources.
    pub sources: Vec<StatusMap>,
    /// Every command that prepares the portal, in order: user fields, stages, sources
    /// (built-in stages and sources are left out: they exist already).
    pub commands: Vec<Command>,
    /// The same commands grouped into `batch` calls of at most 50.
    pub batches: Vec<Command>,
    /// Per location: the escalation task template.
    pub escalation_tasks: Vec<EscalationTask>,
    /// Placeholder → meaning, for the templates above.
    pub placeholders: OrderedMap<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Webhook {
    /// The environment variable holding the inbound webhook URL.
    pub env: String,
    /// What the URL looks like; the secret part is never written to any file.
    pub shape: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FieldMap {
    pub slot: String,
    pub field: String,
    /// lead, contact or deal.
    pub entity: String,
    /// standard, multifield or user.
    pub kind: String,
    /// The Bitrix24 type (string, enumeration, money, `crm_multifield`, `crm_status`, …).
    #[serde(rename = "type")]
    pub type_id: String,
    /// The value as sent, with the runtime's placeholder.
    pub value: Value,
}

#[derive(Debug, Clone, Serialize)]
pub struct Idempotency {
    #[serde(rename = "ORIGINATOR_ID")]
    pub originator_id: String,
    #[serde(rename = "ORIGIN_ID")]
    pub origin_id: String,
    /// Look for the client by phone before creating a record.
    pub dedup: Command,
}

/// One REST call.
#[derive(Debug, Clone, Serialize)]
pub struct Command {
    pub method: String,
    pub params: Value,
}

/// A stage or source and its `crm.status.add` payload.
#[derive(Debug, Clone, Serialize)]
pub struct StatusMap {
    pub id: String,
    pub name: String,
    /// False for ids every portal has: rename those in the portal, not with `crm.status.add`.
    pub create: bool,
    pub payload: Command,
}

#[derive(Debug, Clone, Serialize)]
pub struct EscalationTask {
    pub location: String,
    pub tag: String,
    /// DEADLINE = the moment of escalation + this many seconds.
    pub deadline_after_s: u64,
    /// Who the task is for, from the location's duty roster: `RESPONSIBLE_ID` is the
    /// `bitrix_user_id` of the first line whose `when` covers the moment of escalation, else
    /// of the first line without `when`.
    pub responsible: Vec<Responsible>,
    pub task: Command,
}

/// One line of the duty roster, as the escalation task reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Responsible {
    pub name: String,
    /// The person's Bitrix24 user id; absent: the task goes to the webhook's user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bitrix_user_id: Option<u64>,
    /// The shift, local time, as the bot config writes it; absent = always.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<Week>,
}

/// Slot → field code for every slot the bot collects, and `source` → `SOURCE_ID`.
pub fn writes(b: &Business) -> OrderedMap<String> {
    let mut w = OrderedMap::default();
    w.insert_new("name", "NAME".to_owned());
    w.insert_new("phone", "PHONE".to_owned());
    for f in &b.crm.fields {
        w.insert_new(f.slot.as_str(), f.code.value.clone());
    }
    for s in b.bot.qualification.iter() {
        match s.value {
            Slot::Email => w.insert_new("email", "EMAIL".to_owned()),
            Slot::Comment => w.insert_new("comment", "COMMENTS".to_owned()),
            _ => {}
        }
    }
    w.insert_new("source", "SOURCE_ID".to_owned());
    w
}

fn slot_value(slot: Slot, kind: FieldType) -> Value {
    let p = format!("{{{}}}", slot.as_str());
    match kind {
        // A money field takes "amount|currency".
        FieldType::Money => Value::String(format!("{p}|RUB")),
        _ => Value::String(p),
    }
}

/// The mapping of the business, with an escalation task for each location. It is one file
/// for the whole portal, so `--location` never changes it.
pub fn mapping(b: &Business) -> Mapping {
    let lang = b.lang();
    let desired = Desired::new(b);
    let simple = desired.record == Entity::Deal;
    let (entity, person) = (desired.record.as_str(), desired.person.as_str());
    let uf_method = format!("crm.{entity}.userfield.add");

    let im_by_channel = OrderedMap(
        b.channels
            .iter()
            .filter_map(|c| {
                let t = match c.id.value {
                    ChannelKind::Telegram => "TELEGRAM",
                    ChannelKind::Instagram => "INSTAGRAM",
                    ChannelKind::Vk => "VK",
                    ChannelKind::Whatsapp => "WHATSAPP",
                    // Bitrix24 has no IM type of their own for these: its catch-all.
                    ChannelKind::Max | ChannelKind::Other => "OTHER",
                    _ => return None,
                };
                Some((c.id.as_str().to_owned(), t.to_owned()))
            })
            .collect(),
    );

    let mut fields = vec![
        FieldMap {
            slot: "name".into(),
            field: "NAME".into(),
            entity: person.into(),
            kind: "standard".into(),
            type_id: "string".into(),
            value: json!("{client_name}"),
        },
        FieldMap {
            slot: "phone".into(),
            field: "PHONE".into(),
            entity: person.into(),
            kind: "multifield".into(),
            type_id: "crm_multifield".into(),
            value: json!([{ "VALUE": "{client_phone}", "VALUE_TYPE": "MOBILE" }]),
        },
    ];
    if !im_by_channel.0.is_empty() {
        fields.push(FieldMap {
            slot: "messenger".into(),
            field: "IM".into(),
            entity: person.into(),
            kind: "multifield".into(),
            type_id: "crm_multifield".into(),
            value: json!([{ "VALUE": "{messenger_id}", "VALUE_TYPE": "{im_type}" }]),
        });
    }
    let w = writes(b);
    if w.get("email").is_some_and(|f| f == "EMAIL") {
        fields.push(FieldMap {
            slot: "email".into(),
            field: "EMAIL".into(),
            entity: person.into(),
            kind: "multifield".into(),
            type_id: "crm_multifield".into(),
            value: json!([{ "VALUE": "{email}", "VALUE_TYPE": "WORK" }]),
        });
    }
    if w.get("comment").is_some_and(|f| f == "COMMENTS") {
        fields.push(FieldMap {
            slot: "comment".into(),
            field: "COMMENTS".into(),
            entity: entity.into(),
            kind: "standard".into(),
            type_id: "string".into(),
            value: json!("{comment}"),
        });
    }
    fields.push(FieldMap {
        slot: "source".into(),
        field: "SOURCE_ID".into(),
        entity: entity.into(),
        kind: "standard".into(),
        type_id: "crm_status".into(),
        value: json!("{source_id}"),
    });
    for f in &desired.fields {
        fields.push(FieldMap {
            slot: f.slot.as_str().to_owned(),
            field: f.code.clone(),
            entity: f.entity.as_str().into(),
            kind: "user".into(),
            type_id: f.kind.as_str().to_owned(),
            value: slot_value(f.slot, f.kind),
        });
    }

    let utm = OrderedMap(vec![
        ("UTM_SOURCE".to_owned(), "{channel}".to_owned()),
        ("UTM_MEDIUM".to_owned(), "chatbot".to_owned()),
        ("UTM_CAMPAIGN".to_owned(), "{location}".to_owned()),
    ]);
    let origin_id = "{location}:{channel}:{dialog_id}".to_owned();

    let first_stage = desired
        .stages
        .first()
        .map_or_else(|| "NEW".to_owned(), |s| s.id.clone());
    let title = match lang {
        Lang::Ru => "Заявка из чат-бота: {client_name}",
        Lang::En => "Chat-bot request: {client_name}",
    };
    let mut record = serde_json::Map::new();
    record.insert("TITLE".into(), json!(title));
    if !simple {
        record.insert("NAME".into(), json!("{client_name}"));
        record.insert(
            "PHONE".into(),
            json!([{ "VALUE": "{client_phone}", "VALUE_TYPE": "MOBILE" }]),
        );
    }
    record.insert("SOURCE_ID".into(), json!("{source_id}"));
    record.insert(
        if simple { "STAGE_ID" } else { "STATUS_ID" }.into(),
        json!(first_stage),
    );
    for (k, v) in &utm.0 {
        record.insert(k.clone(), json!(v));
    }
    record.insert("ORIGINATOR_ID".into(), json!(ORIGINATOR_ID));
    record.insert("ORIGIN_ID".into(), json!(origin_id));
    for f in &desired.fields {
        record.insert(f.code.clone(), slot_value(f.slot, f.kind));
    }
    if simple {
        record.insert("CONTACT_ID".into(), json!("{contact_id}"));
    }
    let create = Command {
        method: format!("crm.{entity}.add"),
        params: json!({ "fields": Value::Object(record), "params": { "REGISTER_SONET_EVENT": "Y" } }),
    };

    let userfields: Vec<Command> = desired
        .fields
        .iter()
        .map(|f| userfield_add(f, &uf_method))
        .collect();

    let stage_entity = desired.stage_entity_id();
    let stages: Vec<StatusMap> = desired
        .stages
        .iter()
        .map(|s| {
            let color = match s.semantics {
                StageSemantics::InProgress => "#39A8EF",
                StageSemantics::Success => "#7BD500",
                StageSemantics::Failure => "#FF5752",
            };
            StatusMap {
                create: !s.builtin,
                payload: Command {
                    method: "crm.status.add".into(),
                    params: json!({ "fields": {
                        "ENTITY_ID": stage_entity,
                        "STATUS_ID": s.id,
                        "NAME": s.name,
                        "SORT": s.sort,
                        "COLOR": color,
                        "SEMANTICS": s.semantics.as_str(),
                    }}),
                },
                id: s.id.clone(),
                name: s.name.clone(),
            }
        })
        .collect();

    let sources: Vec<StatusMap> = desired
        .sources
        .iter()
        .map(|s| StatusMap {
            create: !s.builtin,
            payload: Command {
                method: "crm.status.add".into(),
                params: json!({ "fields": {
                    "ENTITY_ID": "SOURCE",
                    "STATUS_ID": s.id,
                    "NAME": s.name,
                    "SORT": s.sort,
                }}),
            },
            id: s.id.clone(),
            name: s.name.clone(),
        })
        .collect();

    let mut commands: Vec<(String, Command)> = Vec::new();
    for (f, c) in desired.fields.iter().zip(&userfields) {
        commands.push((format!("uf_{}", f.name), c.clone()));
    }
    for s in stages.iter().filter(|s| s.create) {
        commands.push((format!("stage_{}", s.id), s.payload.clone()));
    }
    for s in sources.iter().filter(|s| s.create) {
        commands.push((format!("source_{}", s.id), s.payload.clone()));
    }
    let batches = commands
        .chunks(BATCH_MAX)
        .map(|chunk| {
            let cmd: serde_json::Map<String, Value> = chunk
                .iter()
                .map(|(key, c)| {
                    let q = query_string(&c.params);
                    (key.clone(), Value::String(format!("{}?{q}", c.method)))
                })
                .collect();
            Command {
                method: "batch".into(),
                params: json!({ "halt": 0, "cmd": Value::Object(cmd) }),
            }
        })
        .collect();

    let link = if simple { "D_{deal_id}" } else { "L_{lead_id}" };
    let escalation_tasks = b
        .locations
        .iter()
        .map(|loc| {
            let (policy, consent) = b.published_urls();
            let t = Texts::new(
                b,
                loc,
                policy.unwrap_or_default(),
                consent.unwrap_or_default(),
            );
            let [title, description, _, _] = t.escalation_messages();
            let tag = loc.escalation_tag.value.clone();
            let responsible: Vec<Responsible> = loc
                .duty_roster()
                .into_iter()
                .map(|d| Responsible {
                    name: d.name.value.clone(),
                    bitrix_user_id: d.bitrix_user_id.as_ref().map(|id| id.value),
                    when: d.when.as_ref().map(|s| Week::from_ranges(&s.per_day())),
                })
                .collect();
            // One person always on duty: the id itself. Otherwise the runtime picks the line
            // on duty from `responsible`, in this same file.
            let responsible_id = match responsible.as_slice() {
                [
                    Responsible {
                        bitrix_user_id: Some(id),
                        when: None,
                        ..
                    },
                ] => json!(id),
                _ => json!("{responsible_id}"),
            };
            EscalationTask {
                location: loc.id.as_str().to_owned(),
                tag: tag.clone(),
                deadline_after_s: b.sla.escalation_response.secs(),
                responsible,
                task: Command {
                    method: "tasks.task.add".into(),
                    params: json!({ "fields": {
                        "TITLE": title,
                        "DESCRIPTION": description,
                        "RESPONSIBLE_ID": responsible_id,
                        "DEADLINE": "{deadline}",
                        "PRIORITY": 2,
                        "TAGS": [tag],
                        "UF_CRM_TASK": [link],
                    }}),
                },
            }
        })
        .collect();

    let mut placeholders: Vec<(String, String)> = crate::model::bot::PLACEHOLDERS
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    for (k, v) in [
        (
            "channel",
            "the channel id of the dialogue (whatsapp, telegram, …)",
        ),
        ("location", "the location id"),
        (
            "dialog_id",
            "the runtime's id of the dialogue, stable across retries",
        ),
        (
            "source_id",
            "SOURCE_ID of the dialogue's channel: see sources_by_channel",
        ),
        ("messenger_id", "the client's account in the messenger"),
        (
            "im_type",
            "IM VALUE_TYPE of the dialogue's channel: see im_by_channel",
        ),
        ("email", "the client's e-mail"),
        ("comment", "the client's wishes for the visit"),
        (
            "<slot>",
            "a user field takes the value of its slot: {service}, {preferred_time}, …; an enumeration takes the ID of the LIST item (crm.lead.userfield.list)",
        ),
        (
            "contact_id",
            "simple mode: the contact found or created for the client",
        ),
        ("lead_id", "the id of the lead the dialogue created"),
        (
            "deal_id",
            "simple mode: the id of the deal the dialogue created",
        ),
        (
            "responsible_id",
            "the bitrix_user_id of the escalation task's `responsible` line on duty at the moment of escalation (the first whose `when` covers it, else the first without `when`); a line without one, or no line on duty: the webhook's user (<user_id> in the webhook URL)",
        ),
        (
            "deadline",
            "the moment of escalation + deadline_after_s, ISO 8601 with offset",
        ),
    ] {
        placeholders.push((k.to_owned(), v.to_owned()));
    }

    Mapping {
        regl_bitrix24_mapping: MAPPING_SCHEMA_VERSION,
        system: b.crm.system.as_str().to_owned(),
        portal: desired.portal.clone(),
        mode: desired.mode.as_str().to_owned(),
        entity: entity.to_owned(),
        webhook: Webhook {
            env: WEBHOOK_ENV.to_owned(),
            shape: format!("https://{}/rest/<user_id>/<secret>/", b.crm.portal.as_str()),
        },
        fields,
        required: b.crm.required.iter().map(|r| r.value.clone()).collect(),
        sources_by_channel: OrderedMap(
            b.channels
                .iter()
                .map(|c| (c.id.as_str().to_owned(), source_id(c)))
                .collect(),
        ),
        im_by_channel,
        utm,
        idempotency: Idempotency {
            originator_id: ORIGINATOR_ID.to_owned(),
            origin_id,
            dedup: Command {
                method: "crm.duplicate.findbycomm".into(),
                params: json!({ "entity_type": if simple { "CONTACT" } else { "LEAD" }, "type": "PHONE", "values": ["{client_phone}"] }),
            },
        },
        create,
        userfields,
        stages,
        sources,
        commands: commands.into_iter().map(|(_, c)| c).collect(),
        batches,
        escalation_tasks,
        placeholders: OrderedMap(placeholders),
    }
}

/// The `*.userfield.add` call that creates `f`.
fn userfield_add(f: &UserField, method: &str) -> Command {
    let label = json!({ "ru": f.label.ru, "en": f.label.en });
    let mut uf = serde_json::Map::new();
    uf.insert("FIELD_NAME".into(), json!(f.name));
    uf.insert("USER_TYPE_ID".into(), json!(f.kind.as_str()));
    uf.insert("XML_ID".into(), json!(f.code));
    uf.insert("EDIT_FORM_LABEL".into(), label.clone());
    uf.insert("LIST_COLUMN_LABEL".into(), label.clone());
    uf.insert("LIST_FILTER_LABEL".into(), label);
    uf.insert("MULTIPLE".into(), json!("N"));
    // Staff also create leads by hand: a mandatory field would block them, so the bot
    // enforces `[crm].required` itself.
    uf.insert("MANDATORY".into(), json!("N"));
    uf.insert("SHOW_FILTER".into(), json!("Y"));
    if f.kind == FieldType::Enumeration {
        // Version 1 of this file numbers the items' XML_ID by position; the stable
        // `REGL_<FIELD>_<KEY>` of `Desired` is what the portal client matches items by.
        let items: Vec<Value> = (1u32..)
            .zip(&f.items)
            .map(|(n, item)| {
                json!({
                    "VALUE": item.label,
                    "SORT": item.sort,
                    "DEF": "N",
                    "XML_ID": format!("{}_{n}", f.name),
                })
            })
            .collect();
        uf.insert("LIST".into(), Value::Array(items));
    }
    Command {
        method: method.to_owned(),
        params: json!({ "fields": Value::Object(uf) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bitrix24::desired::field_name;
    use crate::bottext::words;

    #[test]
    fn query_strings_nest_like_php() {
        let v = json!({ "fields": { "NAME": "Уфа 1", "LIST": [{ "VALUE": "a&b", "SORT": 10 }] } });
        assert_eq!(
            query_string(&v),
            "fields[NAME]=%D0%A3%D1%84%D0%B0%201&fields[LIST][0][VALUE]=a%26b&fields[LIST][0][SORT]=10"
        );
    }

    #[test]
    fn the_field_name_drops_the_prefix_bitrix24_adds() {
        assert_eq!(field_name("UF_CRM_REGL_CHANNEL"), "REGL_CHANNEL");
    }

    #[test]
    fn words_lists_read_naturally() {
        let items = vec!["имя".to_owned(), "номер телефона".to_owned()];
        assert_eq!(words::list(Lang::Ru, &items), "имя и номер телефона");
    }
}
