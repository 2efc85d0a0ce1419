//! A version-1 bot config mapped onto version 2, keeping every text the bot team wrote.
//!
//! Version 1 lacks what version 2 states outright, so the upgrade fills it the way version 1
//! meant it — the first button of a yes/no step agreed (the v1 schema said so), a cancel
//! step's buttons by the word on them, the greeting's buttons by the branch their words
//! name — and lists, in [`Upgraded::derived`], every key it filled from a default rather
//! than from the file. Those keys come from `business.toml`, so `regl lint --fix` must
//! overwrite each of them from it after upgrading; [`Upgraded::dropped`] lists what version
//! 2 no longer holds.

use serde_json::Value;

use super::defaults::{consent_words, default_actions, methods, placeholders, words};
use super::{
    Action, ActionEffect, Ask, AssistantV2, BOT_SCHEMA_VERSION_2, Basis, BotConfigV2, BranchV2,
    Button, CancellationV2, Choice, ConsentV2, CrmV2, DayNight, Duty, EscalationV2, FallbackV2,
    GreetingV2, Limits, ListRowV2, Notifications, NpsV2, Purpose, ReminderTextV2, RemindersV2,
    ServiceV2, Stages, StepV2, Tag, TagWhen, UpsellOfferV2, UpsellV2, Week, When,
};
use crate::model::bot::{BotConfig, OrderedMap, Step};
use crate::model::hours::{DAYS, WorkingHours};
use crate::model::read::ParseStr;

/// A version-2 config made from a version-1 file.
#[derive(Debug, Clone)]
pub struct Upgraded {
    pub config: BotConfigV2,
    /// Keys filled from a default, not from the file: `regl lint --fix` takes each from
    /// `business.toml` after the upgrade (`[]` marks every item of a list).
    pub derived: Vec<String>,
    /// What version 1 held and version 2 does not, with why.
    pub dropped: Vec<String>,
}

/// Why a file cannot be upgraded: lint reports these before any upgrade is tried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpgradeError {
    /// Not `regl_bot_schema: 1`.
    NotVersion1(Option<u64>),
    /// Not a version-1 config: serde's reason.
    Shape(String),
    /// A value version 1 has no meaning for (`when: "late-cancel"`, `action: "bok"`).
    Value { path: String, value: String },
}

impl std::fmt::Display for UpgradeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UpgradeError::NotVersion1(Some(v)) => write!(f, "regl_bot_schema is {v}, not 1"),
            UpgradeError::NotVersion1(None) => f.write_str("regl_bot_schema is missing"),
            UpgradeError::Shape(e) => write!(f, "not a version-1 bot config: {e}"),
            UpgradeError::Value { path, value } => {
                write!(f, "`{path}` is `{value}`, which version 1 does not define")
            }
        }
    }
}

/// The top-level keys of version 1; anything else is the team's and moves under `x`.
const V1_KEYS: &[&str] = &[
    "regl_bot_schema",
    "location",
    "lang",
    "timezone",
    "hours",
    "night_mode",
    "channels",
    "limits",
    "consent",
    "branches",
    "fallback",
    "escalation",
    "reminders",
    "cancellation",
    "crm",
    "assistant",
    "greeting",
    "qualification",
    "upsell",
    "nps",
    "services",
    "placeholders",
];

pub fn upgrade_v1(v1: &Value) -> Result<Upgraded, UpgradeError> {
    let version = v1.get("regl_bot_schema").and_then(Value::as_u64);
    if version != Some(1) {
        return Err(UpgradeError::NotVersion1(version));
    }
    let old: BotConfig =
        serde_json::from_value(v1.clone()).map_err(|e| UpgradeError::Shape(e.to_string()))?;
    let mut up = Upgrader {
        lang: old.lang.clone(),
        derived: Vec::new(),
        dropped: Vec::new(),
    };
    let x: serde_json::Map<String, Value> = v1
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, _)| !V1_KEYS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if !old.qualification.is_empty() {
        up.dropped.push(
            "qualification: a copy of the booking branch's steps; version 2 keeps the branch only"
                .into(),
        );
    }
    let config = up.config(&old, x)?;
    Ok(Upgraded {
        config,
        derived: up.derived,
        dropped: up.dropped,
    })
}

struct Upgrader {
    lang: String,
    derived: Vec<String>,
    dropped: Vec<String>,
}

fn has(text: &str, stems: &[&str]) -> bool {
    let lower = text.to_lowercase();
    stems.iter().any(|s| lower.contains(s))
}

fn is_reschedule(text: &str) -> bool {
    has(text, &["перен", "другое время", "move", "reschedul"])
}

fn is_cancel(text: &str) -> bool {
    has(text, &["отмен", "cancel"])
}

fn is_confirm(text: &str) -> bool {
    has(text, &["подтвер", "буду", "приду", "there", "confirm"])
}

impl Upgrader {
    fn ru(&self) -> bool {
        self.lang != "en"
    }

    fn derive(&mut self, key: &str) {
        if !self.derived.iter().any(|k| k == key) {
            self.derived.push(key.to_owned());
        }
    }

    fn button(&self, text: &str, choice: Option<Choice>, branch: Option<&str>) -> Button {
        Button {
            text: text.to_owned(),
            words: choice.map(|c| words(c, self.ru())).unwrap_or_default(),
            choice,
            branch: branch.map(str::to_owned),
        }
    }

    fn config(
        &mut self,
        old: &BotConfig,
        x: serde_json::Map<String, Value>,
    ) -> Result<BotConfigV2, UpgradeError> {
        let branches = old
            .branches
            .iter()
            .map(|b| self.branch(b, old))
            .collect::<Result<Vec<_>, _>>()?;
        let greeting = self.greeting(old);
        Ok(BotConfigV2 {
            regl_bot_schema: BOT_SCHEMA_VERSION_2,
            location: old.location.clone(),
            lang: old.lang.clone(),
            timezone: old.timezone.clone(),
            hours: week(&old.hours)?,
            night_mode: old.night_mode,
            channels: old.channels.clone(),
            limits: Limits {
                first_response_s: old.limits.first_response_s,
                min_confidence: old.limits.min_confidence,
                max_bot_turns: old.limits.max_bot_turns,
            },
            consent: self.consent(old),
            greeting,
            branches,
            fallback: FallbackV2 {
                say: old.fallback.say.clone(),
                handoff: old.fallback.handoff,
            },
            escalation: self.escalation(old),
            reminders: self.reminders(old),
            nps: NpsV2 {
                after_s: old.nps.after_s,
                say: old.nps.say.clone(),
                scale_min: old.nps.scale_min,
                scale_max: old.nps.scale_max,
                detractor_max: old.nps.detractor_max,
                promoter_min: old.nps.promoter_min,
                detractor: old.nps.detractor.clone(),
                passive: old.nps.passive.clone(),
                promoter: old.nps.promoter.clone(),
            },
            cancellation: CancellationV2 {
                free_until_s: old.cancellation.free_until_s,
                reschedule_max: old.cancellation.reschedule_max,
                late_fee_percent: old.cancellation.late_fee_percent,
                no_show_fee_percent: old.cancellation.no_show_fee_percent,
            },
            upsell: UpsellV2 {
                enabled: old.upsell.enabled,
                offers: old
                    .upsell
                    .offers
                    .iter()
                    .map(|o| UpsellOfferV2 {
                        service: o.service.clone(),
                        offer: o.offer.clone(),
                        say: o.say.clone(),
                        buttons: self.yes_no(&o.buttons),
                    })
                    .collect(),
            },
            services: old
                .services
                .iter()
                .map(|s| ServiceV2 {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    price_from: s.price_from,
                    price_text: s.price_text.clone(),
                    duration_s: s.duration_s,
                    prepayment_percent: s.prepayment_percent,
                    upsell: s.upsell.clone(),
                })
                .collect(),
            crm: self.crm(old),
            actions: self.actions(old),
            assistant: AssistantV2 {
                name: old.assistant.name.clone(),
                business: old.assistant.business.clone(),
                city: old.assistant.city.clone(),
                address: old.assistant.address.clone(),
                phone: old.assistant.phone.clone(),
                website: old.assistant.website.clone(),
                // Version 1 had none: B318 asks for it and `--fix` writes it.
                system_prompt: String::new(),
            },
            placeholders: placeholders(),
            x: (!x.is_empty()).then_some(x),
        })
    }

    /// Version 1: "agreed (the client took the first button)".
    fn yes_no(&self, buttons: &[String]) -> Vec<Button> {
        buttons
            .iter()
            .enumerate()
            .map(|(i, b)| {
                let c = if i == 0 {
                    Choice::Agreed
                } else {
                    Choice::Declined
                };
                self.button(b, Some(c), None)
            })
            .collect()
    }

    fn consent(&mut self, old: &BotConfig) -> ConsentV2 {
        let c = &old.consent;
        self.derive("consent.purposes");
        let mut buttons = self.yes_no(&c.buttons);
        for (b, agree) in buttons.iter_mut().zip([true, false]) {
            b.words = consent_words(agree, self.ru());
        }
        ConsentV2 {
            version: c.version.clone(),
            moment: c.moment.clone(),
            policy_url: c.policy_url.clone(),
            consent_url: c.consent_url.clone(),
            text: c.text.clone(),
            buttons,
            declined: c.declined.clone(),
            // Version 1 treats every purpose as consent-based: whatever the bot collects
            // waits for consent, and a refusal stops all of it.
            purposes: vec![Purpose {
                name: String::new(),
                basis: Basis::Consent,
                slots: c.before.clone(),
                uses: Action::ALL
                    .iter()
                    .filter(|a| !matches!(a, Action::OfferUpsell | Action::Handoff))
                    .map(|a| a.as_str().to_owned())
                    .chain(["reminders".to_owned(), "nps".to_owned()])
                    .collect(),
            }],
            before: c.before.clone(),
        }
    }

    fn greeting(&mut self, old: &BotConfig) -> GreetingV2 {
        let buttons = old
            .greeting
            .buttons
            .iter()
            .map(|text| {
                let branch = branch_named_by(text, old);
                if branch.is_none() {
                    self.derive("greeting.buttons[].branch");
                }
                self.button(text, None, branch)
            })
            .collect();
        GreetingV2 {
            say: old.greeting.say.clone(),
            after_hours: old.greeting.after_hours.clone(),
            buttons,
        }
    }

    fn branch(
        &mut self,
        b: &crate::model::bot::BranchScript,
        old: &BotConfig,
    ) -> Result<BranchV2, UpgradeError> {
        let mut steps = Vec::with_capacity(b.steps.len() + 2);
        for (i, s) in b.steps.iter().enumerate() {
            let path = format!("branches.{}.steps.{i}", b.id);
            let later_whens: Vec<&str> = b.steps[i + 1..]
                .iter()
                .filter_map(|s| s.when.as_deref())
                .collect();
            let cancel_choice = later_whens.iter().any(|w| {
                matches!(
                    *w,
                    "cancel" | "late_cancel" | "urgent_cancel" | "reschedule"
                )
            });
            steps.push(self.step(s, &path, cancel_choice, old)?);
        }
        // Version 1 never handed an urgent or a fourth reschedule over; version 2 says so
        // with the hand-off text the file already has.
        if steps.iter().any(|s| s.when == Some(When::Reschedule)) {
            for when in [When::UrgentReschedule, When::RescheduleLimit] {
                if !steps.iter().any(|s| s.when == Some(when)) {
                    self.derive(&format!("branches.{}.steps[when={}]", b.id, when_str(when)));
                    steps.push(StepV2 {
                        when: Some(when),
                        say: old.escalation.say.clone(),
                        ask: None,
                        buttons: Vec::new(),
                        options: Vec::new(),
                        action: Some(Action::Handoff),
                        goto: None,
                    });
                }
            }
        }
        Ok(BranchV2 {
            id: b.id.clone(),
            title: b.title.clone(),
            triggers: b.triggers.clone(),
            steps,
        })
    }

    fn step(
        &mut self,
        s: &Step,
        path: &str,
        cancel_choice: bool,
        old: &BotConfig,
    ) -> Result<StepV2, UpgradeError> {
        let when = s
            .when
            .as_deref()
            .map(|w| {
                parse_when(w).ok_or_else(|| UpgradeError::Value {
                    path: format!("{path}.when"),
                    value: w.to_owned(),
                })
            })
            .transpose()?;
        let ask = s
            .ask
            .as_deref()
            .map(|a| {
                parse_ask(a).ok_or_else(|| UpgradeError::Value {
                    path: format!("{path}.ask"),
                    value: a.to_owned(),
                })
            })
            .transpose()?;
        let (action, goto) = match s.action.as_deref() {
            None => (None, None),
            Some(a) => match a.strip_prefix("branch:") {
                Some(branch) if old.branches.iter().any(|b| b.id == branch) => {
                    (None, Some(branch.to_owned()))
                }
                Some(_) => {
                    return Err(UpgradeError::Value {
                        path: format!("{path}.action"),
                        value: a.to_owned(),
                    });
                }
                None => (
                    Some(parse_action(a).ok_or_else(|| UpgradeError::Value {
                        path: format!("{path}.action"),
                        value: a.to_owned(),
                    })?),
                    None,
                ),
            },
        };
        let mut say = s.say.clone();
        let buttons = if ask == Some(Ask::Consent) {
            if say != old.consent.text {
                self.dropped.push(format!(
                    "{path}.say: a consent step says consent.text in version 2, and this one differed"
                ));
            }
            say.clear();
            Vec::new()
        } else if cancel_choice {
            s.buttons
                .iter()
                .map(|b| {
                    let c = if is_reschedule(b) {
                        Some(Choice::Reschedule)
                    } else if is_cancel(b) {
                        Some(Choice::Cancel)
                    } else {
                        self.derive(&format!("{path}.buttons[].choice"));
                        None
                    };
                    self.button(b, c, None)
                })
                .collect()
        } else {
            self.yes_no(&s.buttons)
        };
        Ok(StepV2 {
            when,
            say,
            ask,
            buttons,
            options: s
                .options
                .iter()
                .map(|o| ListRowV2 {
                    id: o.id.clone(),
                    title: o.title.clone(),
                    description: o.description.clone(),
                })
                .collect(),
            action,
            goto,
        })
    }

    fn escalation(&mut self, old: &BotConfig) -> EscalationV2 {
        let e = &old.escalation;
        for key in [
            "escalation.duty[].bitrix_user_id",
            "escalation.duty[].when",
            "escalation.day_response_s",
            "escalation.say.day",
            "escalation.notifications",
        ] {
            self.derive(key);
        }
        EscalationV2 {
            keywords: e.keywords.clone(),
            amount_over: e.amount_over,
            urgent_cancel_within_s: e.urgent_cancel_within_s,
            notify: e.notify.clone(),
            tag: e.tag.clone(),
            duty: vec![Duty {
                name: e.duty.name.clone(),
                phone: e.duty.phone.clone(),
                telegram: e.duty.telegram.clone(),
                email: e.duty.email.clone(),
                bitrix_user_id: None,
                when: None,
            }],
            // Version 1 had one response time, the night one (escalation_response).
            day_response_s: e.response_s,
            night_response_s: e.response_s,
            say: DayNight {
                day: e.say.clone(),
                night: e.say.clone(),
            },
            reasons: e.reasons.clone(),
            // Version 1's templates carry the client's name, phone and keyword; version 2's
            // carry none, so they come from business.toml again.
            notifications: Notifications {
                task_title: e.messages.task_title.clone(),
                task_description: e.messages.task_description.clone(),
                telegram: e.messages.telegram.clone(),
                sms: e.messages.sms.clone(),
                email: String::new(),
            },
        }
    }

    fn reminders(&mut self, old: &BotConfig) -> RemindersV2 {
        let r = &old.reminders;
        self.derive("reminders.confirmed");
        let texts = r
            .texts
            .iter()
            .map(|t| ReminderTextV2 {
                offset_s: t.offset_s,
                say: t.say.clone(),
                buttons: t
                    .buttons
                    .iter()
                    .map(|b| {
                        if is_reschedule(b) {
                            self.button(b, Some(Choice::Reschedule), Some("cancel"))
                        } else if is_cancel(b) {
                            self.button(b, Some(Choice::Cancel), Some("cancel"))
                        } else if is_confirm(b) {
                            self.button(b, Some(Choice::Confirm), None)
                        } else {
                            self.derive("reminders.texts[].buttons[].choice");
                            self.button(b, None, None)
                        }
                    })
                    .collect(),
            })
            .collect();
        let confirmed = if self.ru() {
            "Спасибо, ждём вас!"
        } else {
            "Thank you, see you then!"
        };
        RemindersV2 {
            offsets_s: r.offsets_s.clone(),
            channels: r.channels.clone(),
            send_between: r.send_between.clone(),
            texts,
            confirmed: StepV2 {
                when: None,
                say: confirmed.to_owned(),
                ask: None,
                buttons: Vec::new(),
                options: Vec::new(),
                action: Some(Action::ConfirmVisit),
                goto: None,
            },
        }
    }

    fn crm(&mut self, old: &BotConfig) -> CrmV2 {
        let c = &old.crm;
        for key in ["crm.required", "crm.enums", "crm.stages", "crm.tags[].when"] {
            self.derive(key);
        }
        let simple = c.mode == "simple";
        CrmV2 {
            system: c.system.clone(),
            mode: c.mode.clone(),
            portal: c.portal.clone(),
            writes: c.writes.clone(),
            required: Vec::new(),
            enums: OrderedMap(Vec::new()),
            sources: OrderedMap(
                c.sources
                    .0
                    .iter()
                    .filter(|(ch, _)| old.channels.contains(ch))
                    .cloned()
                    .collect(),
            ),
            stages: Stages {
                new: "NEW".into(),
                booked: "UC_BOOKED".into(),
                confirmed: "UC_CONFIRMED".into(),
                visited: "CONVERTED".into(),
                no_show: "UC_NO_SHOW".into(),
                cancelled: "JUNK".into(),
            },
            tags: c
                .tags
                .iter()
                .map(|t| Tag {
                    tag: t.clone(),
                    when: match t.to_lowercase().as_str() {
                        "ночь" | "night" => TagWhen::Night,
                        _ => TagWhen::Always,
                    },
                })
                .collect(),
            methods: methods(simple),
            mapping: c.mapping.clone(),
        }
    }

    fn actions(&mut self, old: &BotConfig) -> OrderedMap<ActionEffect> {
        self.derive("actions");
        default_actions(&old.crm.writes, "NEW", "UC_BOOKED", "UC_CONFIRMED", "JUNK")
    }
}

fn parse_when(w: &str) -> Option<When> {
    Some(match w {
        "agreed" => When::Agreed,
        "declined" => When::Declined,
        "cancel" => When::Cancel,
        "late_cancel" => When::LateCancel,
        "urgent_cancel" => When::UrgentCancel,
        "reschedule" => When::Reschedule,
        _ => return None,
    })
}

fn when_str(w: When) -> &'static str {
    match w {
        When::Agreed => "agreed",
        When::Declined => "declined",
        When::Cancel => "cancel",
        When::LateCancel => "late_cancel",
        When::UrgentCancel => "urgent_cancel",
        When::Reschedule => "reschedule",
        When::UrgentReschedule => "urgent_reschedule",
        When::RescheduleLimit => "reschedule_limit",
    }
}

fn parse_ask(a: &str) -> Option<Ask> {
    Some(match a {
        "name" => Ask::Name,
        "phone" => Ask::Phone,
        "email" => Ask::Email,
        "service" => Ask::Service,
        "preferred_time" => Ask::PreferredTime,
        "comment" => Ask::Comment,
        "consent" => Ask::Consent,
        _ => return None,
    })
}

fn parse_action(a: &str) -> Option<Action> {
    Action::ALL.into_iter().find(|x| x.as_str() == a)
}

/// The branch a greeting button names: the one whose title and triggers share the most
/// word beginnings (three letters) with it, the first on a tie.
fn branch_named_by<'a>(button: &str, old: &'a BotConfig) -> Option<&'a str> {
    let starts = |t: &str| -> Vec<String> {
        t.to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(|w| w.chars().take(3).collect())
            .collect()
    };
    let mine = starts(button);
    let mut best: Option<(&str, usize)> = None;
    for b in &old.branches {
        let mut theirs = starts(&b.title);
        for t in &b.triggers {
            theirs.extend(starts(t));
        }
        let shared = mine.iter().filter(|w| theirs.contains(w)).count();
        if shared > 0 && best.is_none_or(|(_, n)| shared > n) {
            best = Some((&b.id, shared));
        }
    }
    best.map(|(id, _)| id)
}

/// Version 1's lines (`"mon-fri 09:00-21:00"`) as a week.
fn week(lines: &[String]) -> Result<Week, UpgradeError> {
    let mut w = Week::default();
    for line in lines {
        let h = WorkingHours::parse_str(line).map_err(|_| UpgradeError::Value {
            path: "hours".into(),
            value: line.clone(),
        })?;
        for &(a, b) in &h.ranges {
            let text = format!(
                "{}-{}",
                WorkingHours::fmt_time(a),
                WorkingHours::fmt_time(b)
            );
            for (i, day) in w.days_mut().into_iter().enumerate() {
                if h.covers(i) {
                    day.push(text.clone());
                    day.sort();
                }
            }
        }
    }
    debug_assert_eq!(DAYS.len(), 7);
    Ok(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(path: &str) -> Value {
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                .unwrap();
        serde_json::from_str(&text).unwrap()
    }

    const EXAMPLES: &[&str] = &[
        "tests/fixtures/bot-v1/ufa.json",
        "tests/fixtures/bot-v1/omsk.json",
        "tests/fixtures/bot-v1/clinic-omsk.json",
        "tests/fixtures/bot-v1/fitness-novosibirsk.json",
    ];

    #[test]
    fn every_example_upgrades_and_round_trips_through_the_v2_types() {
        for path in EXAMPLES {
            let up = upgrade_v1(&example(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
            let text = serde_json::to_string_pretty(&up.config).unwrap();
            let back: BotConfigV2 = serde_json::from_str(&text).unwrap();
            assert_eq!(back, up.config, "{path}");
            assert!(up.derived.iter().any(|k| k == "consent.purposes"));
        }
    }

    #[test]
    fn the_team_s_texts_are_kept() {
        let v1 = example("tests/fixtures/bot-v1/clinic-omsk.json");
        let up = upgrade_v1(&v1).unwrap().config;
        assert_eq!(up.greeting.say, v1["greeting"]["say"]);
        assert_eq!(up.consent.text, v1["consent"]["text"]);
        assert_eq!(up.nps.detractor, v1["nps"]["detractor"]);
        let cancel = up.branches.iter().find(|b| b.id == "cancel").unwrap();
        assert_eq!(cancel.steps[0].say, v1["branches"][1]["steps"][0]["say"]);
    }

    #[test]
    fn buttons_get_the_branch_or_choice_version_1_meant() {
        let up = upgrade_v1(&example("tests/fixtures/bot-v1/ufa.json"))
            .unwrap()
            .config;
        let branches: Vec<Option<&str>> = up
            .greeting
            .buttons
            .iter()
            .map(|b| b.branch.as_deref())
            .collect();
        assert_eq!(branches, [Some("booking"), Some("price"), Some("cancel")]);
        let cancel = up.branches.iter().find(|b| b.id == "cancel").unwrap();
        let choice = cancel.steps.iter().find(|s| s.buttons.len() == 2).unwrap();
        assert_eq!(choice.buttons[0].choice, Some(Choice::Reschedule));
        assert_eq!(choice.buttons[1].choice, Some(Choice::Cancel));
        let whens: Vec<When> = cancel.steps.iter().filter_map(|s| s.when).collect();
        assert!(whens.contains(&When::UrgentReschedule));
        assert!(whens.contains(&When::RescheduleLimit));
        // The booking rests on the contract: only the booking asks for the optional consent.
        let booking = up.branches.iter().find(|b| b.id == "booking").unwrap();
        let consent = booking
            .steps
            .iter()
            .find(|s| s.ask == Some(Ask::Consent))
            .unwrap();
        assert!(consent.say.is_empty());
        assert_eq!(up.consent.buttons[0].choice, Some(Choice::Agreed));
        assert!(up.consent.buttons[0].words.contains(&"да".to_owned()));
        let day = &up.reminders.texts[0].buttons;
        assert_eq!(day[0].choice, Some(Choice::Confirm));
        assert_eq!(
            (day[1].choice, day[1].branch.as_deref()),
            (Some(Choice::Reschedule), Some("cancel"))
        );
        assert_eq!(day[2].choice, Some(Choice::Cancel));
    }

    #[test]
    fn price_branch_goto_replaces_the_branch_action() {
        let up = upgrade_v1(&example("tests/fixtures/bot-v1/ufa.json"))
            .unwrap()
            .config;
        let price = up.branches.iter().find(|b| b.id == "price").unwrap();
        let last = price.steps.last().unwrap();
        assert_eq!((last.goto.as_deref(), last.action), (Some("booking"), None));
    }

    #[test]
    fn hours_become_a_week() {
        let w = week(&[
            "mon-fri 09:00-13:00,14:00-21:00".into(),
            "sat 10:00-18:00".into(),
        ])
        .unwrap();
        assert_eq!(w.mon, ["09:00-13:00", "14:00-21:00"]);
        assert_eq!(w.sat, ["10:00-18:00"]);
        assert!(w.sun.is_empty());
    }

    #[test]
    fn values_version_1_does_not_define_stop_the_upgrade() {
        let mut v1 = example("tests/fixtures/bot-v1/ufa.json");
        v1["branches"][1]["steps"][5]["when"] = "late-cancel".into();
        assert!(matches!(
            upgrade_v1(&v1),
            Err(UpgradeError::Value { ref value, .. }) if value == "late-cancel"
        ));
        v1["regl_bot_schema"] = 2.into();
        assert_eq!(
            upgrade_v1(&v1).unwrap_err(),
            UpgradeError::NotVersion1(Some(2))
        );
    }

    #[test]
    fn the_team_s_own_keys_move_under_x() {
        let mut v1 = example("tests/fixtures/bot-v1/ufa.json");
        v1["our_flag"] = true.into();
        let up = upgrade_v1(&v1).unwrap().config;
        assert_eq!(up.x.unwrap()["our_flag"], true);
    }
}
