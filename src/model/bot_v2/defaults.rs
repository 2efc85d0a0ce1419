//! Values of version 2 that follow from the portal's mode and the bot's language, not from
//! any one business: the REST methods, each action's effect, the placeholders and the words
//! that press a button of each choice. `upgrade` fills them today; `export` will write the
//! same ones.

use super::{
    ActionEffect, CLIENT_PLACEHOLDERS, Choice, Methods, NOTIFICATION_PLACEHOLDERS, RecordEffect,
};
use crate::model::bot::OrderedMap;

/// The REST methods of a mode.
pub fn methods(simple: bool) -> Methods {
    let entity = if simple { "deal" } else { "lead" };
    Methods {
        find: "crm.duplicate.findbycomm".into(),
        create: format!("crm.{entity}.add"),
        update: format!("crm.{entity}.update"),
        todo: "crm.activity.todo.add".into(),
        task: "tasks.task.add".into(),
    }
}

/// Each action's effect, given the writes and the stage ids: the table of
/// docs/bot-runtime.md, "Actions".
pub fn default_actions(
    writes: &OrderedMap<String>,
    new: &str,
    booked: &str,
    confirmed: &str,
    cancelled: &str,
) -> OrderedMap<ActionEffect> {
    let all: Vec<String> = writes.keys().map(str::to_owned).collect();
    let only = |slots: &[&str]| -> Vec<String> {
        all.iter()
            .filter(|s| slots.contains(&s.as_str()))
            .cloned()
            .collect()
    };
    let effect = |record, writes, stage: Option<&str>| ActionEffect {
        record,
        writes,
        stage: stage.map(str::to_owned),
        tags: Vec::new(),
        todo: false,
        task: false,
    };
    let mut m = OrderedMap(Vec::new());
    m.insert_new(
        "save_lead",
        effect(RecordEffect::FindOrCreate, all.clone(), Some(new)),
    );
    m.insert_new(
        "book",
        effect(RecordEffect::FindOrCreate, all.clone(), Some(booked)),
    );
    m.insert_new(
        "reschedule",
        effect(
            RecordEffect::Update,
            only(&["preferred_time"]),
            Some(booked),
        ),
    );
    m.insert_new(
        "cancel",
        effect(RecordEffect::Update, Vec::new(), Some(cancelled)),
    );
    m.insert_new(
        "schedule_callback",
        ActionEffect {
            todo: true,
            ..effect(RecordEffect::FindOrCreate, all.clone(), Some(new))
        },
    );
    m.insert_new("offer_upsell", effect(RecordEffect::None, Vec::new(), None));
    m.insert_new(
        "handoff",
        ActionEffect {
            task: true,
            ..effect(RecordEffect::None, Vec::new(), None)
        },
    );
    m.insert_new(
        "confirm_visit",
        effect(RecordEffect::Update, Vec::new(), Some(confirmed)),
    );
    m
}

/// The placeholders of version 2, client texts first.
pub fn placeholders() -> OrderedMap<String> {
    OrderedMap(
        CLIENT_PLACEHOLDERS
            .iter()
            .chain(NOTIFICATION_PLACEHOLDERS)
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    )
}

/// The words that press a button of `choice`, besides its text.
pub fn words(choice: Choice, ru: bool) -> Vec<String> {
    let w: &[&str] = match (choice, ru) {
        (Choice::Agreed, true) => &["да", "давайте", "хочу"],
        (Choice::Agreed, false) => &["yes", "sure", "ok"],
        (Choice::Declined, true) => &["нет", "не надо", "нет спасибо"],
        (Choice::Declined, false) => &["no", "no thanks"],
        (Choice::Cancel, true) => &["отменить", "отмена", "отменить запись"],
        (Choice::Cancel, false) => &["cancel", "cancel it"],
        (Choice::Reschedule, true) => &["перенести", "перенос", "другое время"],
        (Choice::Reschedule, false) => &["move", "reschedule", "another time"],
        (Choice::Confirm, true) => &["да", "буду", "приду", "подтверждаю"],
        (Choice::Confirm, false) => &["yes", "confirm", "i will come"],
    };
    w.iter().map(|s| (*s).to_owned()).collect()
}

/// The consent buttons' words: unambiguous ones only, since they stand for a legal act.
pub fn consent_words(agree: bool, ru: bool) -> Vec<String> {
    let w: &[&str] = match (agree, ru) {
        (true, true) => &["да", "согласен", "согласна", "я согласен", "я согласна"],
        (true, false) => &["yes", "i agree", "agree"],
        (false, true) => &["нет", "не согласен", "не согласна", "отказываюсь"],
        (false, false) => &["no", "i do not agree", "i don't agree"],
    };
    w.iter().map(|s| (*s).to_owned()).collect()
}
