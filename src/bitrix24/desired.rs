//! [`Desired`]: the portal state `business.toml` asks for — the user fields with their list
//! items, the funnel stages, the lead sources and one Open Line per location — in typed
//! form, computed from the validated business and nothing else.
//!
//! Everything here is stable across runs and edits elsewhere in the config: a list item's
//! key comes from its own label, not its position, so reordering or adding items never
//! renames one a portal already holds.

use serde::{Serialize, Serializer};

use crate::model::bitrix24::{STANDARD_SOURCES, USER_FIELD_PREFIX};
use crate::model::business::{Business, Channel, CrmField, Location};
use crate::model::city::slug;
use crate::model::enums::{ChannelKind, CrmMode, FieldType, Lang, Slot, StageSemantics};
use crate::model::hours::WorkingHours;

/// Lead stages every portal has.
pub const BUILTIN_LEAD_STAGES: &[&str] = &["NEW", "IN_PROCESS", "PROCESSED", "JUNK", "CONVERTED"];
/// Deal stages of the general funnel every portal has (simple mode).
pub const BUILTIN_DEAL_STAGES: &[&str] = &[
    "NEW",
    "PREPARATION",
    "PREPAYMENT_INVOICE",
    "EXECUTING",
    "FINAL_INVOICE",
    "WON",
    "LOSE",
];

/// A CRM record type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Entity {
    Lead,
    Deal,
    Contact,
}

impl Entity {
    /// `lead`, as the REST methods spell it (`crm.lead.add`).
    pub fn as_str(self) -> &'static str {
        match self {
            Entity::Lead => "lead",
            Entity::Deal => "deal",
            Entity::Contact => "contact",
        }
    }
}

/// The portal as the business wants it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Desired {
    /// The portal's domain.
    pub portal: String,
    pub mode: CrmMode,
    /// What a request becomes: a lead, or a deal in simple mode.
    pub record: Entity,
    /// Where the client's name and phone go: the lead itself, or a contact in simple mode.
    pub person: Entity,
    /// The user fields, on [`Desired::record`], in the config's order.
    pub fields: Vec<UserField>,
    /// The funnel, ordered as Bitrix24 sorts it: in progress, success, failure.
    pub stages: Vec<Stage>,
    /// `[crm].sources`, then the channels' sources not listed there.
    pub sources: Vec<Source>,
    /// One per location, in the config's order.
    pub open_lines: Vec<OpenLine>,
}

/// A user field the bot writes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UserField {
    /// `UF_CRM_REGL_CHANNEL`.
    pub code: String,
    /// `REGL_CHANNEL`: the `FIELD_NAME` the portal is given (it adds `UF_CRM_` itself).
    pub name: String,
    pub label: Label,
    #[serde(rename = "type")]
    pub kind: FieldType,
    /// What the bot writes there.
    pub slot: Slot,
    pub entity: Entity,
    /// The items of an enumeration, in the config's order; empty for other types.
    pub items: Vec<ListItem>,
}

/// A label in both of the portal's languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub ru: String,
    pub en: String,
}

/// One item of an enumeration field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListItem {
    /// What the bot writes, stable while the label is: `whatsapp`.
    pub key: String,
    pub label: String,
    pub sort: u32,
    /// `REGL_<FIELD>_<KEY>` (SPEC §3): how regl finds the item on a portal again.
    pub xml_id: String,
}

/// A funnel stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stage {
    pub id: String,
    pub name: String,
    pub sort: u32,
    /// The config's, or the meaning Bitrix24 gives its own ids (`CONVERTED`, `JUNK`…).
    pub semantics: StageSemantics,
    /// Every portal has it already: it is renamed on the portal, never created.
    pub builtin: bool,
}

/// A lead source (`SOURCE_ID`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: String,
    pub name: String,
    pub sort: u32,
    /// One of the portal's default sources.
    pub builtin: bool,
}

/// The Open Line of one location: what the SLA asks of it where Bitrix24 can enforce it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenLine {
    /// The location's id.
    pub location: String,
    /// «Студия «Лада» — Уфа».
    pub name: String,
    pub timezone: String,
    #[serde(serialize_with = "hours_as_written")]
    pub hours: Vec<WorkingHours>,
    /// The first-answer KPI and its alert: `[sla].human_first_response`.
    pub first_answer_s: u64,
    /// The bot answers outside working hours.
    pub night_mode: bool,
    /// What the line sends outside working hours; `None` with night mode, when the bot
    /// answers then and says it itself.
    pub after_hours: Option<String>,
    /// The bot answers some channel: the line's welcome bot is the bot runtime's.
    pub welcome_bot: bool,
    /// What the line sends when nobody has answered within `first_answer_s`.
    pub no_answer: String,
    /// A dialogue the client has gone quiet in closes after this: `[sla].booking_confirmation`,
    /// so a booking and its confirmation stay in one dialogue.
    pub auto_close_s: u64,
}

fn hours_as_written<S: Serializer>(hours: &[WorkingHours], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(hours.iter().map(WorkingHours::as_str))
}

impl Desired {
    pub fn new(b: &Business) -> Self {
        let simple = *b.crm.mode == CrmMode::Simple;
        let (record, person) = if simple {
            (Entity::Deal, Entity::Contact)
        } else {
            (Entity::Lead, Entity::Lead)
        };
        Self {
            portal: b.crm.portal.value.clone(),
            mode: *b.crm.mode,
            record,
            person,
            fields: b
                .crm
                .fields
                .iter()
                .map(|f| UserField::new(f, b.lang(), record))
                .collect(),
            stages: stages(b),
            sources: sources(b),
            open_lines: b.locations.iter().map(|l| OpenLine::new(b, l)).collect(),
        }
    }

    /// The `ENTITY_ID` the funnel's stages belong to.
    pub fn stage_entity_id(&self) -> &'static str {
        match self.record {
            Entity::Deal => "DEAL_STAGE",
            Entity::Lead | Entity::Contact => "STATUS",
        }
    }
}

impl UserField {
    fn new(f: &CrmField, lang: Lang, entity: Entity) -> Self {
        // The config gives the label in the business's language; the other comes from what
        // the field holds.
        let own = f.label.value.clone();
        let label = match lang {
            Lang::Ru => Label {
                ru: own,
                en: label_of(*f.slot, Lang::En).to_owned(),
            },
            Lang::En => Label {
                ru: label_of(*f.slot, Lang::Ru).to_owned(),
                en: own,
            },
        };
        let name = field_name(&f.code).to_owned();
        let items = if *f.kind == FieldType::Enumeration {
            let labels: Vec<&str> = f
                .values
                .iter()
                .flat_map(|v| v.iter())
                .map(|v| v.as_str())
                .collect();
            list_items(&name, &labels)
        } else {
            Vec::new()
        };
        Self {
            code: f.code.value.clone(),
            name,
            label,
            kind: *f.kind,
            slot: *f.slot,
            entity,
            items,
        }
    }
}

/// `UF_CRM_REGL_CHANNEL` → `REGL_CHANNEL`: Bitrix24 adds the prefix itself.
pub fn field_name(code: &str) -> &str {
    code.strip_prefix(USER_FIELD_PREFIX).unwrap_or(code)
}

/// The items of a list field named `name`, keyed by their labels' slugs. A label with no
/// letters or digits is keyed by its position; a key taken already gets `-2`, `-3`…, so
/// every key of the field is unique.
pub fn list_items(name: &str, labels: &[&str]) -> Vec<ListItem> {
    let field = name.strip_prefix("REGL_").unwrap_or(name);
    let mut out: Vec<ListItem> = Vec::with_capacity(labels.len());
    for (position, label) in (1u32..).zip(labels) {
        let mut base = slug(label);
        if base.is_empty() {
            base = position.to_string();
        }
        let mut key = base.clone();
        let mut n = 2;
        while out.iter().any(|i| i.key == key) {
            key = format!("{base}-{n}");
            n += 1;
        }
        let xml_id = format!("REGL_{field}_{}", key.to_uppercase().replace('-', "_"));
        out.push(ListItem {
            key,
            label: (*label).to_owned(),
            sort: position * 10,
            xml_id,
        });
    }
    out
}

/// A field's label in `lang`, by what the field holds.
fn label_of(slot: Slot, lang: Lang) -> &'static str {
    match (slot, lang) {
        (Slot::Name, Lang::Ru) => "Имя",
        (Slot::Name, Lang::En) => "Name",
        (Slot::Phone, Lang::Ru) => "Телефон",
        (Slot::Phone, Lang::En) => "Phone",
        (Slot::Email, _) => "E-mail",
        (Slot::Service, Lang::Ru) => "Услуга",
        (Slot::Service, Lang::En) => "Service",
        (Slot::PreferredTime, Lang::Ru) => "Желаемое время",
        (Slot::PreferredTime, Lang::En) => "Preferred time",
        (Slot::Comment, Lang::Ru) => "Комментарий",
        (Slot::Comment, Lang::En) => "Comment",
        (Slot::Channel, Lang::Ru) => "Канал",
        (Slot::Channel, Lang::En) => "Channel",
        (Slot::Location, Lang::Ru) => "Филиал",
        (Slot::Location, Lang::En) => "Location",
        (Slot::Amount, Lang::Ru) => "Сумма заказа",
        (Slot::Amount, Lang::En) => "Order amount",
        (Slot::ConsentVersion, Lang::Ru) => "Версия согласия на обработку ПДн",
        (Slot::ConsentVersion, Lang::En) => "Personal data consent version",
    }
}

/// Stages with their meaning, in progress first, then success, then failure, each group in
/// the config's order: Bitrix24 sorts the funnel by SORT and expects that shape.
fn stages(b: &Business) -> Vec<Stage> {
    let builtin = match *b.crm.mode {
        CrmMode::Simple => BUILTIN_DEAL_STAGES,
        CrmMode::Leads => BUILTIN_LEAD_STAGES,
    };
    let meaning = |id: &str, s: Option<StageSemantics>| {
        s.unwrap_or(match id {
            "CONVERTED" | "WON" => StageSemantics::Success,
            "JUNK" | "LOSE" => StageSemantics::Failure,
            _ => StageSemantics::InProgress,
        })
    };
    let all: Vec<(&str, &str, StageSemantics)> = b
        .crm
        .stages
        .iter()
        .map(|s| {
            let id = s.id.as_str();
            (
                id,
                s.name.as_str(),
                meaning(id, s.semantics.as_ref().map(|x| x.value)),
            )
        })
        .collect();
    let ordered = [
        StageSemantics::InProgress,
        StageSemantics::Success,
        StageSemantics::Failure,
    ]
    .into_iter()
    .flat_map(|group| all.iter().filter(move |s| s.2 == group));
    (1u32..)
        .zip(ordered)
        .map(|(i, (id, name, semantics))| Stage {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            sort: i * 10,
            semantics: *semantics,
            builtin: builtin.contains(id),
        })
        .collect()
}

/// `[crm].sources`, then the channels' sources not listed there.
fn sources(b: &Business) -> Vec<Source> {
    let lang = b.lang();
    let mut out: Vec<(String, String)> = b
        .crm
        .sources
        .iter()
        .flatten()
        .map(|s| (s.id.value.clone(), s.name.value.clone()))
        .collect();
    for c in &b.channels {
        let id = source_id(c);
        if !out.iter().any(|(x, _)| *x == id) {
            out.push((id, source_name(c, lang).to_owned()));
        }
    }
    (1u32..)
        .zip(out)
        .map(|(i, (id, name))| Source {
            builtin: STANDARD_SOURCES.contains(&id.as_str()),
            id,
            name,
            sort: i * 10,
        })
        .collect()
}

/// The `SOURCE_ID` of leads from a channel: its `source_id`, or the natural one.
pub fn source_id(c: &Channel) -> String {
    crate::model::bitrix24::channel_source(c)
}

/// The name of a channel's source, for sources the config does not name; an `other`
/// channel's is its owner's name.
fn source_name(c: &Channel, lang: Lang) -> &str {
    match (c.id.value, lang) {
        (ChannelKind::Whatsapp, _) => "WhatsApp",
        (ChannelKind::Telegram, _) => "Telegram",
        (ChannelKind::Instagram, _) => "Instagram",
        (ChannelKind::Vk, Lang::Ru) => "ВКонтакте",
        (ChannelKind::Vk, Lang::En) => "VK",
        (ChannelKind::Website, Lang::Ru) => "Сайт",
        (ChannelKind::Website, Lang::En) => "Website",
        (ChannelKind::Phone, Lang::Ru) => "Телефон",
        (ChannelKind::Phone, Lang::En) => "Phone",
        (ChannelKind::Max, _) => "MAX",
        (ChannelKind::Sms, _) => "SMS",
        (ChannelKind::Email, _) => "E-mail",
        (ChannelKind::Other, _) => c.own_name().unwrap_or("Other"),
    }
}

impl OpenLine {
    /// The line of one location, as [`Desired::new`] makes it for each.
    pub fn new(b: &Business, loc: &Location) -> Self {
        Self {
            location: loc.id.as_str().to_owned(),
            name: format!("{} — {}", b.business.name.as_str(), loc.city.as_str()),
            timezone: loc.timezone.0.clone(),
            hours: loc.hours.iter().map(|h| h.value.clone()).collect(),
            first_answer_s: b.sla.human_first_response.secs(),
            night_mode: loc.night_mode(),
            after_hours: super::line_texts::after_hours(b, loc),
            welcome_bot: b.channels.iter().any(|c| c.bot()),
            no_answer: super::line_texts::no_answer(b, loc),
            auto_close_s: b.sla.booking_confirmation.secs(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(path: &str) -> Business {
        let text =
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap()
    }

    fn salon() -> Business {
        load("examples/salon-ufa-omsk/business.toml")
    }

    fn every_config() -> Vec<Business> {
        let mut out: Vec<Business> = ["salon-ufa-omsk", "clinic-omsk", "fitness-novosibirsk"]
            .iter()
            .map(|n| load(&format!("examples/{n}/business.toml")))
            .collect();
        for seg in ["salon", "clinic", "fitness", "education", "other"] {
            for lang in ["ru", "en"] {
                out.push(load(&format!("presets/{seg}.{lang}.toml")));
            }
        }
        out
    }

    fn channel_field(d: &Desired) -> &UserField {
        d.fields
            .iter()
            .find(|f| f.code == "UF_CRM_REGL_CHANNEL")
            .expect("the example has a channel field")
    }

    #[test]
    fn list_items_are_keyed_by_their_labels() {
        let d = Desired::new(&salon());
        let items = &channel_field(&d).items;
        let ids: Vec<(&str, &str)> = items
            .iter()
            .map(|i| (i.key.as_str(), i.xml_id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                ("whatsapp", "REGL_CHANNEL_WHATSAPP"),
                ("telegram", "REGL_CHANNEL_TELEGRAM"),
                ("instagram", "REGL_CHANNEL_INSTAGRAM"),
                ("sait", "REGL_CHANNEL_SAIT"),
                ("telefon", "REGL_CHANNEL_TELEFON"),
            ]
        );
        assert_eq!(items[0].label, "WhatsApp");
        assert_eq!(
            items.iter().map(|i| i.sort).collect::<Vec<_>>(),
            [10, 20, 30, 40, 50]
        );
    }

    #[test]
    fn an_items_id_survives_reordering_and_new_items() {
        let mut b = salon();
        let before = Desired::new(&b);
        let field = b
            .crm
            .fields
            .iter_mut()
            .find(|f| f.code.as_str() == "UF_CRM_REGL_CHANNEL")
            .unwrap();
        let values = &mut field.value.values.as_mut().unwrap().value;
        values.reverse();
        let mut extra = values[0].clone();
        extra.value = "ВКонтакте".into();
        values.insert(0, extra);
        let after = Desired::new(&b);
        for item in &channel_field(&before).items {
            let same = channel_field(&after)
                .items
                .iter()
                .find(|i| i.label == item.label)
                .unwrap();
            assert_eq!((&same.key, &same.xml_id), (&item.key, &item.xml_id));
        }
        assert_eq!(
            channel_field(&after).items[0].xml_id,
            "REGL_CHANNEL_VKONTAKTE"
        );
    }

    #[test]
    fn keys_and_xml_ids_are_unique_within_a_field() {
        let items = list_items(
            "REGL_KIND",
            &["Сайт", "сайт", "—", "1", "Сайт!", "A-b", "a b"],
        );
        let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["sait", "sait-2", "3", "1", "sait-3", "a-b", "a-b-2"]);
        for (i, a) in items.iter().enumerate() {
            for b in &items[i + 1..] {
                assert_ne!(a.xml_id, b.xml_id);
            }
        }
        assert_eq!(items[1].xml_id, "REGL_KIND_SAIT_2");
        // A code without regl's prefix still gets regl's marker, once.
        assert_eq!(
            list_items("CHANNEL", &["SMS"])[0].xml_id,
            "REGL_CHANNEL_SMS"
        );
        for b in every_config() {
            for f in &Desired::new(&b).fields {
                let mut ids: Vec<&str> = f.items.iter().map(|i| i.xml_id.as_str()).collect();
                ids.sort_unstable();
                ids.dedup();
                assert_eq!(ids.len(), f.items.len(), "{}", f.code);
            }
        }
    }

    #[test]
    fn the_same_business_gives_the_same_state() {
        assert_eq!(Desired::new(&salon()), Desired::new(&salon()));
    }

    #[test]
    fn one_open_line_per_location_with_its_hours_and_sla() {
        for b in every_config() {
            let d = Desired::new(&b);
            assert_eq!(d.open_lines.len(), b.locations.len());
            for (line, loc) in d.open_lines.iter().zip(&b.locations) {
                assert_eq!(line.location, loc.id.as_str());
                assert_eq!(line.timezone, loc.timezone.0);
                assert_eq!(line.hours.len(), loc.hours.len());
                assert_eq!(line.first_answer_s, b.sla.human_first_response.secs());
                assert_eq!(line.night_mode, loc.night_mode());
            }
        }
        let d = Desired::new(&salon());
        assert_eq!(d.open_lines[0].name, "Студия красоты «Лада» — Уфа");
        let json = serde_json::to_value(&d.open_lines[0]).unwrap();
        assert_eq!(json["hours"][0], "mon-fri 09:00-21:00");
    }

    #[test]
    fn the_mode_decides_where_fields_live() {
        let mut b = salon();
        let leads = Desired::new(&b);
        assert_eq!((leads.record, leads.person), (Entity::Lead, Entity::Lead));
        assert!(leads.fields.iter().all(|f| f.entity == Entity::Lead));
        assert_eq!(leads.stage_entity_id(), "STATUS");
        b.crm.mode.value = CrmMode::Simple;
        let simple = Desired::new(&b);
        assert_eq!(
            (simple.record, simple.person),
            (Entity::Deal, Entity::Contact)
        );
        assert!(simple.fields.iter().all(|f| f.entity == Entity::Deal));
        assert_eq!(simple.stage_entity_id(), "DEAL_STAGE");
    }

    #[test]
    fn stages_run_in_progress_then_success_then_failure() {
        for b in every_config() {
            let d = Desired::new(&b);
            let rank = |s: StageSemantics| match s {
                StageSemantics::InProgress => 0,
                StageSemantics::Success => 1,
                StageSemantics::Failure => 2,
            };
            assert!(
                d.stages
                    .windows(2)
                    .all(|w| rank(w[0].semantics) <= rank(w[1].semantics))
            );
            assert!(d.stages.windows(2).all(|w| w[0].sort < w[1].sort));
            assert_eq!(d.stages.len(), b.crm.stages.len());
        }
    }

    #[test]
    fn every_channel_has_a_source() {
        for b in every_config() {
            let d = Desired::new(&b);
            for c in &b.channels {
                assert!(d.sources.iter().any(|s| s.id == source_id(c)));
            }
        }
    }
}
