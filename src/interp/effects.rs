//! What an action does outside the chat (docs/bot-runtime.md, "Actions and the CRM",
//! "Hand-off", "Time"): the Bitrix24 calls and the fields they write, the stage and tags,
//! the escalation task and notifications, and the reminders and survey a booking plans.
//! After a refused consent nothing a consent-based purpose alone covers is written or sent.

use chrono::Duration;

use super::dialogue::{ConsentState, Dialogue, Record, Visit, Wait};
use super::fill::fill;
use super::turn::{CrmCall, Notification, Scheduled, ScheduledKind, Skipped};
use crate::i18n::t;
use crate::model::bot_v2::{Action, RecordEffect, TagWhen};
use crate::model::enums::Slot;
use crate::semantics::conditions::handoff::{self, HandoffText};
use crate::semantics::conditions::night::{handoff_response_s, on_duty};
use crate::semantics::conditions::reminders::{Reminder, plan_all};
use crate::semantics::conditions::{HandoffReason, amount, nps};
use crate::semantics::consent::{allowed_after_refusal, writable_after_refusal};
use crate::semantics::slots::SlotValue;

impl Dialogue<'_> {
    /// Runs `action`. False when the dialogue went to a person.
    pub(super) fn act(&mut self, action: Action) -> bool {
        let bot = self.bot;
        let name = action.as_str();
        if self.consent == ConsentState::Refused && !allowed_after_refusal(name, &bot.purposes()) {
            self.why(t!(
                "{name} rests on the refused consent: not done",
                "{name} основано на отклонённом согласии: не выполняется"
            ));
            return true;
        }
        self.cur.actions.push(name.to_owned());
        self.progress = true;
        self.turns.reply(true, bot.config.limits.max_bot_turns);
        match action {
            Action::Handoff => {
                let reason = match self.condition.as_deref() {
                    Some("reschedule_limit") => HandoffReason::RescheduleLimit,
                    Some("urgent_cancel" | "urgent_reschedule") => HandoffReason::UrgentCancel,
                    _ => HandoffReason::LowConfidence,
                };
                self.handoff(reason, Some(()));
                false
            }
            Action::Book => {
                let Some(SlotValue::Time(at)) = self.slot(Slot::PreferredTime).cloned() else {
                    self.why(t!(
                        "book without a preferred_time",
                        "book без preferred_time"
                    ));
                    return self.write(action);
                };
                let service = match self.slot(Slot::Service) {
                    Some(SlotValue::Service(s)) => s.clone(),
                    _ => String::new(),
                };
                self.visit = Some(Visit {
                    service: service.clone(),
                    at,
                    upsells: self.upsells.clone(),
                    moves: 0,
                    cancelled: false,
                });
                if !self.write(action) {
                    return false;
                }
                self.plan_visit();
                let total = self.amount();
                let over = bot.config.escalation.amount_over;
                if amount::hands_over(total, over) {
                    self.why(t!(
                        "amount {total} > amount_over {over}: a person confirms",
                        "сумма {total} > amount_over {over}: подтверждает сотрудник"
                    ));
                    self.handoff(HandoffReason::AmountOver, None);
                    return false;
                }
                true
            }
            Action::Reschedule => {
                if let (Some(SlotValue::Time(at)), Some(v)) =
                    (self.slot(Slot::PreferredTime).cloned(), self.visit.as_mut())
                {
                    v.at = at;
                    v.moves += 1;
                }
                if !self.write(action) {
                    return false;
                }
                self.plan_visit();
                true
            }
            Action::Cancel => {
                if let Some(v) = self.visit.as_mut() {
                    v.cancelled = true;
                }
                self.scheduled.retain(|(_, fired)| *fired);
                self.write(action)
            }
            Action::SaveLead | Action::ScheduleCallback | Action::ConfirmVisit => {
                self.write(action)
            }
            Action::OfferUpsell => true,
        }
    }

    /// The order amount: the chosen service and the accepted upsells.
    pub(super) fn amount(&self) -> u64 {
        let price = |id: &str| self.bot.catalogue.get(id).map_or(0, |s| s.price_from);
        let service = match self.slot(Slot::Service) {
            Some(SlotValue::Service(s)) => price(s),
            _ => 0,
        };
        let extras: Vec<u64> = self.upsells.iter().map(|u| price(u)).collect();
        amount::order_amount(service, &extras)
    }

    /// The record effect of `action`. False when a required field is missing or no record
    /// is there to update: nothing is written, and the dialogue goes to a person.
    fn write(&mut self, action: Action) -> bool {
        let bot = self.bot;
        let cfg = &bot.config;
        let Some(effect) = cfg.actions.get(action.as_str()).cloned() else {
            return true;
        };
        if effect.record == RecordEffect::None {
            return true;
        }
        let phone = match self.slot(Slot::Phone) {
            Some(SlotValue::Phone(p)) => Some(p.e164().to_owned()),
            _ => None,
        };
        if let Some(p) = &phone {
            let entity = if cfg.crm.mode == "simple" {
                "CONTACT"
            } else {
                "LEAD"
            };
            self.cur.crm_calls.push(CrmCall {
                method: cfg.crm.methods.find.clone(),
                fields: vec![
                    ("entity_type".into(), entity.into()),
                    ("type".into(), "PHONE".into()),
                    ("values".into(), p.clone()),
                ],
            });
        }
        let hit = phone.is_some() && self.record.is_some();
        if effect.record == RecordEffect::Update && !hit {
            let a = action.as_str();
            self.why(t!(
                "{a}: no record found by phone to update",
                "{a}: по телефону не найдена запись для обновления"
            ));
            self.handoff(HandoffReason::LowConfidence, None);
            return false;
        }
        let purposes = bot.purposes();
        let refused = self.consent == ConsentState::Refused;
        let mut fields: Vec<(String, String)> = Vec::new();
        for slot in &effect.writes {
            if refused
                && writable_after_refusal(action.as_str(), [slot.as_str()], &purposes).is_empty()
            {
                self.why(t!(
                    "{slot} not written: the refused consent covers it",
                    "{slot} не записан: его покрывает отклонённое согласие"
                ));
                continue;
            }
            let (Some(field), Some(value)) = (cfg.crm.writes.get(slot), self.crm_value(slot))
            else {
                continue;
            };
            fields.push((field.clone(), value));
        }
        if let Some(stage) = effect.stage.as_deref().and_then(|s| self.stage_id(s)) {
            fields.push(("STATUS_ID".into(), stage));
        }
        let mut tags: Vec<String> = Vec::new();
        if !hit {
            let night = bot.hours.is_night(self.now.naive_local());
            for t in &cfg.crm.tags {
                if t.when == TagWhen::Always || (t.when == TagWhen::Night && night) {
                    tags.push(t.tag.clone());
                }
            }
        }
        tags.extend(effect.tags.iter().cloned());
        let have = |f: &str| {
            fields.iter().any(|(k, _)| k == f)
                || self
                    .record
                    .as_ref()
                    .is_some_and(|r| r.fields.iter().any(|(k, _)| k == f))
        };
        let missing: Vec<&String> = cfg.crm.required.iter().filter(|f| !have(f)).collect();
        if !missing.is_empty() && effect.record == RecordEffect::FindOrCreate {
            let list = missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let a = action.as_str();
            self.why(t!(
                "{a}: required fields missing ({list}): nothing written, a person takes over",
                "{a}: нет обязательных полей ({list}): ничего не записано, диалог передан сотруднику"
            ));
            self.handoff(HandoffReason::LowConfidence, None);
            return false;
        }
        let method = if hit {
            cfg.crm.methods.update.clone()
        } else {
            cfg.crm.methods.create.clone()
        };
        let mut sent = fields.clone();
        if !tags.is_empty() {
            sent.push(("TAGS".into(), tags.join(",")));
        }
        self.cur.crm_calls.push(CrmCall {
            method,
            fields: sent,
        });
        self.cur.tags.extend(tags.iter().cloned());
        let record = self.record.get_or_insert_with(|| Record {
            id: 1,
            ..Record::default()
        });
        for (k, v) in fields {
            if k == "STATUS_ID" {
                record.stage.clone_from(&v);
            }
            match record.fields.iter_mut().find(|(f, _)| *f == k) {
                Some(e) => e.1 = v,
                None => record.fields.push((k, v)),
            }
        }
        for t in tags {
            if !record.tags.contains(&t) {
                record.tags.push(t);
            }
        }
        if effect.todo {
            let deadline = match self.slot(Slot::PreferredTime) {
                Some(SlotValue::Time(t)) => t.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                _ => String::new(),
            };
            self.cur.crm_calls.push(CrmCall {
                method: cfg.crm.methods.todo.clone(),
                fields: vec![("DEADLINE".into(), deadline)],
            });
        }
        true
    }

    fn stage_id(&self, name: &str) -> Option<String> {
        let s = &self.bot.config.crm.stages;
        Some(
            match name {
                "new" => &s.new,
                "booked" => &s.booked,
                "confirmed" => &s.confirmed,
                "visited" => &s.visited,
                "no_show" => &s.no_show,
                "cancelled" => &s.cancelled,
                other => return Some(other.to_owned()),
            }
            .clone(),
        )
    }

    /// A slot's value as its field receives it.
    fn crm_value(&self, slot: &str) -> Option<String> {
        let cfg = &self.bot.config;
        let typed = Slot::ALL.iter().copied().find(|s| s.as_str() == slot);
        match slot {
            "channel" => return Some(self.channel.clone()),
            "location" => return Some(cfg.assistant.city.clone()),
            "source" => return cfg.crm.sources.get(&self.channel).cloned(),
            "amount" => {
                let a = self.amount();
                return (a > 0).then(|| format!("{a}|RUB"));
            }
            "consent_version" => {
                return (self.consent == ConsentState::Given).then(|| cfg.consent.version.clone());
            }
            _ => {}
        }
        match self.slot(typed?)? {
            SlotValue::Service(id) => Some(self.bot.service_name(id).unwrap_or(id).to_owned()),
            SlotValue::Time(t) => Some(t.format("%d.%m.%Y %H:%M").to_string()),
            v => Some(self.show(v)),
        }
    }

    /// Hands the dialogue to a person: the task, the notifications, the client's one text.
    /// `by_step` when a step with action `handoff` already said its own text.
    pub(super) fn handoff(&mut self, reason: HandoffReason, by_step: Option<()>) {
        let bot = self.bot;
        let cfg = &bot.config;
        let night = bot.hours.is_night(self.now.naive_local());
        match handoff::text(reason, by_step.is_some(), night) {
            HandoffText::Step | HandoffText::Nothing => {}
            HandoffText::Fallback => {
                let s = cfg.fallback.say.clone();
                self.say(&s);
            }
            HandoffText::NpsDetractor => {
                let s = cfg.nps.detractor.clone();
                self.say(&s);
            }
            HandoffText::Day => {
                let s = cfg.escalation.say.day.clone();
                self.say(&s);
            }
            HandoffText::Night => {
                let s = cfg.escalation.say.night.clone();
                self.say(&s);
            }
        }
        self.handed_over = Some(reason);
        self.wait = Wait::Nothing;
        self.cur.handoff = Some(reason.as_str().to_owned());
        let shifts: Vec<Option<&crate::semantics::OpeningHours>> =
            bot.shifts.iter().map(Option::as_ref).collect();
        let duty = on_duty(self.now, &shifts).and_then(|i| cfg.escalation.duty.get(i));
        let response = handoff_response_s(
            self.now,
            &bot.hours,
            cfg.escalation.day_response_s,
            cfg.escalation.night_response_s,
        );
        let deadline = self.now + Duration::seconds(i64::try_from(response).unwrap_or(0));
        self.tasks += 1;
        let portal = &cfg.crm.portal;
        let lead = self.record.as_ref().map_or(0, |r| r.id);
        let values = [
            (
                "reason",
                cfg.escalation
                    .reasons
                    .get(reason.as_str())
                    .cloned()
                    .unwrap_or_else(|| reason.as_str().to_owned()),
            ),
            ("city", cfg.assistant.city.clone()),
            (
                "lead_url",
                format!("https://{portal}/crm/lead/details/{lead}/"),
            ),
            (
                "task_url",
                format!(
                    "https://{portal}/company/personal/user/0/tasks/task/view/{}/",
                    self.tasks
                ),
            ),
            ("deadline", deadline.format("%H:%M").to_string()),
        ];
        let n = &cfg.escalation.notifications;
        let to = duty.map_or_else(String::new, |d| d.name.clone());
        let mut task = vec![
            ("TITLE".to_owned(), fill(&n.task_title, &values)),
            ("DESCRIPTION".to_owned(), fill(&n.task_description, &values)),
            (
                "DEADLINE".to_owned(),
                deadline.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
            ),
            ("TAGS".to_owned(), cfg.escalation.tag.clone()),
        ];
        if let Some(id) = duty.and_then(|d| d.bitrix_user_id) {
            task.insert(2, ("RESPONSIBLE_ID".into(), id.to_string()));
        }
        for channel in &cfg.escalation.notify {
            let text = match channel.as_str() {
                "bitrix_task" => {
                    self.cur.crm_calls.push(CrmCall {
                        method: cfg.crm.methods.task.clone(),
                        fields: task.clone(),
                    });
                    fill(&n.task_title, &values)
                }
                "telegram" => fill(&n.telegram, &values),
                "sms" => fill(&n.sms, &values),
                "email" => fill(&n.email, &values),
                _ => String::new(),
            };
            self.cur.notify.push(Notification {
                channel: channel.clone(),
                to: to.clone(),
                text,
            });
        }
        if let Some(r) = self.record.as_mut() {
            for t in cfg.crm.tags.iter().filter(|t| t.when == TagWhen::Handoff) {
                if !r.tags.contains(&t.tag) {
                    r.tags.push(t.tag.clone());
                    self.cur.tags.push(t.tag.clone());
                }
            }
        }
    }

    /// Plans the visit's reminders and survey again from now; unsent ones are dropped first.
    pub(super) fn plan_visit(&mut self) {
        let bot = self.bot;
        let cfg = &bot.config;
        self.scheduled.retain(|(_, fired)| *fired);
        let Some(v) = self.visit.clone() else { return };
        let purposes = bot.purposes();
        let refused = self.consent == ConsentState::Refused;
        if refused && !allowed_after_refusal("reminders", &purposes) {
            self.why(t!(
                "no reminders: the refused consent covers them",
                "напоминаний нет: их покрывает отклонённое согласие"
            ));
        } else {
            for (offset, r) in plan_all(v.at, &cfg.reminders.offsets_s, self.now, bot.window) {
                let (at, skipped) = match r {
                    Reminder::Due(at) => (at, None),
                    Reminder::AlreadyPast(at) => (at, Some(Skipped::BeforeBooking)),
                    Reminder::OutsideWindow(at) => (at, Some(Skipped::OutsideWindow)),
                };
                let s = Scheduled {
                    kind: ScheduledKind::Reminder(offset),
                    at,
                    skipped,
                };
                self.cur.scheduled.push(s.clone());
                self.scheduled.push((s, false));
            }
        }
        if refused && !allowed_after_refusal("nps", &purposes) {
            self.why(t!(
                "no survey: the refused consent covers it",
                "опроса нет: его покрывает отклонённое согласие"
            ));
            return;
        }
        let duration: u64 = std::iter::once(&v.service)
            .chain(v.upsells.iter())
            .filter_map(|id| bot.catalogue.get(id))
            .map(|s| s.duration_s)
            .sum();
        if let Some(at) = nps::due(
            v.at,
            duration,
            cfg.nps.after_s,
            bot.window,
            nps::VisitOutcome::Visited,
        ) {
            let s = Scheduled {
                kind: ScheduledKind::Nps,
                at,
                skipped: None,
            };
            self.cur.scheduled.push(s.clone());
            self.scheduled.push((s, false));
        }
    }

    /// `text` with the client placeholders filled from the dialogue.
    pub(super) fn fill_client(&self, text: &str) -> String {
        // Most texts have no placeholder: the values (dates formatted, the amount) are
        // worked out only for those that do.
        if !text.contains('{') {
            return text.to_owned();
        }
        let name = match self.slot(Slot::Name) {
            Some(SlotValue::Name(n)) => n.clone(),
            _ => String::new(),
        };
        let phone = match self.slot(Slot::Phone) {
            Some(SlotValue::Phone(p)) => p.e164().to_owned(),
            _ => String::new(),
        };
        let service = match self.slot(Slot::Service) {
            Some(SlotValue::Service(id)) => self.bot.service_name(id).unwrap_or(id).to_owned(),
            _ => String::new(),
        };
        let at = match self.slot(Slot::PreferredTime) {
            Some(SlotValue::Time(t)) => Some(*t),
            _ => self.visit.as_ref().map(|v| v.at),
        };
        let date = at.map_or_else(String::new, |t| {
            if t.format("%Y").to_string() == self.now.format("%Y").to_string() {
                t.format("%d.%m").to_string()
            } else {
                t.format("%d.%m.%Y").to_string()
            }
        });
        let time = at.map_or_else(String::new, |t| t.format("%H:%M").to_string());
        let amount = crate::words::fmt_money(self.amount(), self.bot.lang);
        fill(
            text,
            &[
                ("client_name", name),
                ("client_phone", phone),
                ("service", service),
                ("visit_date", date),
                ("visit_time", time),
                ("amount", amount),
            ],
        )
    }
}
