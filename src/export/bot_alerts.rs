//! The time-driven half of a bot config: the hand-off to a person (by day and by night,
//! the duty roster, the staff notifications), the reminders with the buttons that answer
//! them, and the after-visit survey.
//!
//! Staff notifications carry no client text: no name, no phone, no words of the dialogue
//! (only the reason, the city and links into Bitrix24), since alerts leave the CRM through
//! messengers and SMS gateways.

use crate::bottext::{Replies, Texts};
use crate::model::bot::OrderedMap;
use crate::model::bot_v2::{
    Action, Choice, DayNight, Duty, EscalationV2, Notifications, NpsV2, ReminderTextV2,
    RemindersV2, StepV2, Week,
};
use crate::model::business::{Business, Location};
use crate::model::enums::Lang;

use super::bot::button;

fn tr(lang: Lang, ru: &str, en: &str) -> String {
    match lang {
        Lang::Ru => ru.to_owned(),
        Lang::En => en.to_owned(),
    }
}

/// When and how a dialogue goes to a person.
pub fn escalation(b: &Business, loc: &Location, t: &Texts<'_>, r: &Replies) -> EscalationV2 {
    let e = &b.escalation;
    let lang = b.lang();
    let city = loc.city.as_str();
    // The keyword's own text may be health data, and never leaves the CRM anyway.
    let reasons = t
        .reasons()
        .into_iter()
        .map(|(k, v)| {
            if v.contains("{keyword}") {
                let label = tr(
                    lang,
                    "сообщение клиента со словом из списка эскалации",
                    "a client message with an escalation keyword",
                );
                (k, label)
            } else {
                (k, v)
            }
        })
        .collect();
    let fill = |ru: &str, en: &str| tr(lang, ru, en).replace("<city>", city);
    EscalationV2 {
        keywords: e.keywords.iter().map(|k| k.value.clone()).collect(),
        amount_over: e.amount_over.0,
        urgent_cancel_within_s: e.urgent_cancel_within.secs(),
        notify: e.notify.iter().map(|n| n.as_str().to_owned()).collect(),
        tag: loc.escalation_tag.value.clone(),
        duty: roster(loc),
        day_response_s: b.sla.human_first_response.secs(),
        night_response_s: b.sla.escalation_response.secs(),
        // One text names both answer times, so it serves the day and the night.
        say: DayNight {
            day: r.handoff.clone(),
            night: r.handoff.clone(),
        },
        reasons: OrderedMap(reasons),
        notifications: Notifications {
            task_title: fill(
                "Эскалация (<city>): {reason}",
                "Escalation (<city>): {reason}",
            ),
            task_description: fill(
                "Причина: {reason}. Карточка клиента и диалог: {lead_url}. Ответить клиенту до {deadline}.",
                "Reason: {reason}. The client's card and dialogue: {lead_url}. Answer the client by {deadline}.",
            ),
            telegram: fill(
                "Эскалация — <city>: {reason}. Ответить до {deadline}. Задача: {task_url}",
                "Escalation — <city>: {reason}. Answer by {deadline}. Task: {task_url}",
            ),
            sms: fill(
                "Эскалация <city>: {reason}. До {deadline}. {lead_url}",
                "Escalation <city>: {reason}. By {deadline}. {lead_url}",
            ),
            email: fill(
                "Эскалация (<city>): {reason}. Ответить клиенту до {deadline}. Карточка: {lead_url}. Задача: {task_url}",
                "Escalation (<city>): {reason}. Answer the client by {deadline}. Card: {lead_url}. Task: {task_url}",
            ),
        },
    }
}

/// The duty roster as the runtime reads it: each contact's shift as a week of ranges split
/// at midnight, so a night shift reads the same to every runtime.
fn roster(loc: &Location) -> Vec<Duty> {
    loc.duty_roster()
        .into_iter()
        .map(|d| Duty {
            name: d.name.value.clone(),
            phone: d.phone.as_ref().map(|p| p.e164().to_owned()),
            telegram: d.telegram.as_ref().map(|t| t.value.clone()),
            email: d.email.as_ref().map(|m| m.0.clone()),
            bitrix_user_id: d.bitrix_user_id.as_ref().map(|id| id.value),
            when: d.when.as_ref().map(|s| Week::from_ranges(&s.per_day())),
        })
        .collect()
}

/// Visit reminders, each with buttons that confirm, move or cancel the visit.
pub fn reminders(b: &Business, r: &Replies, ru: bool) -> RemindersV2 {
    let texts = r
        .reminders
        .iter()
        .map(|rem| ReminderTextV2 {
            offset_s: rem.offset_s,
            say: rem.say.clone(),
            buttons: rem
                .buttons
                .iter()
                .zip([Choice::Confirm, Choice::Reschedule, Choice::Cancel])
                .map(|(text, c)| {
                    let mut btn = button(text, c, ru);
                    if c != Choice::Confirm {
                        btn.branch = Some("cancel".into());
                    }
                    btn
                })
                .collect(),
        })
        .collect();
    RemindersV2 {
        offsets_s: b.sla.reminders.iter().map(|d| d.secs()).collect(),
        channels: b
            .channels
            .iter()
            .filter(|c| c.reminders())
            .map(|c| c.id.as_str().to_owned())
            .collect(),
        send_between: b.sla.send_between(),
        texts,
        confirmed: StepV2 {
            when: None,
            say: tr(b.lang(), "Спасибо, ждём вас!", "Thank you, see you then!"),
            ask: None,
            buttons: Vec::new(),
            options: Vec::new(),
            action: Some(Action::ConfirmVisit),
            goto: None,
        },
    }
}

/// The satisfaction survey after the visit.
pub fn nps(b: &Business, t: &Texts<'_>) -> NpsV2 {
    let [say, detractor, passive, promoter] = t.nps();
    NpsV2 {
        after_s: b.sla.nps_survey_after.secs(),
        say,
        scale_min: 0,
        scale_max: 10,
        detractor_max: b.sla.nps_detractor_max(),
        promoter_min: 9,
        detractor,
        passive,
        promoter,
    }
}
