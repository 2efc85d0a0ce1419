//! Builds a location's [`BotConfig`] from the validated business: every number from
//! `business.toml`, every text from [`crate::bottext`].

use crate::model::bot::{
    Assistant, BOT_SCHEMA_VERSION, BotConfig, BranchScript, CancellationTerms, Consent, CrmWrites,
    DutyContacts, EscalationMessages, EscalationRules, Fallback, Greeting, Limits, ListRow, Nps,
    OrderedMap, PLACEHOLDERS, ReminderText, Reminders, ServiceInfo, Step, Upsell, UpsellOffer,
};
use crate::model::business::{Business, Location, Service};
use crate::model::enums::{Branch, Slot};

use super::bitrix24;
use crate::bitrix24::desired::source_id;
use crate::bottext::{Replies, Texts, words};

/// Where reminders may go out, local time: nobody wants a reminder at night.
pub const REMINDER_WINDOW: &str = "08:00-22:00";

fn step(say: String) -> Step {
    Step {
        when: None,
        say,
        ask: None,
        buttons: Vec::new(),
        options: Vec::new(),
        action: None,
    }
}

impl Step {
    fn ask(mut self, slot: &str) -> Self {
        self.ask = Some(slot.to_owned());
        self
    }
    fn buttons(mut self, b: Vec<String>) -> Self {
        self.buttons = b;
        self
    }
    fn action(mut self, a: &str) -> Self {
        self.action = Some(a.to_owned());
        self
    }
    fn when(mut self, w: &str) -> Self {
        self.when = Some(w.to_owned());
        self
    }
}

/// Rows for picking a service: WhatsApp lists hold 10 rows, titles of 24 characters.
fn service_rows(b: &Business) -> Vec<ListRow> {
    let lang = b.lang();
    b.services
        .iter()
        .take(10)
        .map(|s| {
            let name = s.name.as_str();
            let price = words::price_from(lang, s.price_from.0);
            let title = words::truncate(name, 24);
            let description = if title == name {
                price
            } else {
                words::truncate(&format!("{name}, {price}"), 72)
            };
            ListRow {
                id: s.id.as_str().to_owned(),
                title,
                description,
            }
        })
        .collect()
}

/// The bot's config for one location of the business.
pub fn bot_config(b: &Business, loc: &Location) -> BotConfig {
    let lang = b.lang();
    let (policy, consent) = b.published_urls();
    let t = Texts::new(
        b,
        loc,
        policy.unwrap_or_default(),
        consent.unwrap_or_default(),
    );

    let bot_channels: Vec<_> = b.channels.iter().filter(|c| c.bot()).collect();
    // The runtime keeps one limit: the strictest channel's, so no channel's SLA is missed.
    let first_response_s = bot_channels
        .iter()
        .map(|c| b.channel_sla(c).ai_first_response.secs())
        .min()
        .unwrap_or(b.sla.ai_first_response.secs());

    let upsell_on = b.bot.upsell.as_ref().is_some_and(|u| u.value);
    let offers = if upsell_on {
        upsell_offers(b, &t)
    } else {
        Vec::new()
    };

    let qualification: Vec<Step> = b
        .bot
        .qualification
        .iter()
        .filter(|s| words::is_asked(s.value))
        .filter_map(|s| {
            let slot = s.as_str();
            let mut st = step(t.ask(slot)?).ask(slot);
            if s.value == Slot::Service {
                st.options = service_rows(b);
            }
            Some(st)
        })
        .collect();

    // Where data are asked under consent, consent goes before the first personal-data
    // question of every branch, so no branch can collect data first, whichever way the
    // dialogue enters it. Where the booking rests on the contract, no branch waits on
    // consent: the booking asks for the separate, optional consent last, before it is taken.
    let on_contract = b.booking_on_contract();
    let optional_consent = on_contract && b.consent_purposes().next().is_some();
    let consent_step = || {
        step(String::new())
            .ask("consent")
            .buttons(t.consent_buttons())
    };
    let consent_first = |steps: &mut Vec<Step>| {
        if !on_contract {
            steps.push(consent_step());
        }
    };
    let with_upsell = |mut steps: Vec<Step>| {
        if !offers.is_empty()
            && let Some(i) = steps
                .iter()
                .position(|s| s.ask.as_deref() == Some("service"))
        {
            steps.insert(
                i + 1,
                step(t.upsell_prompt())
                    .buttons(t.yes_no_buttons())
                    .action("offer_upsell"),
            );
        }
        steps
    };

    let mut branches: Vec<BranchScript> = b
        .bot
        .branches
        .iter()
        .map(|br| {
            let steps = match br.value {
                Branch::Booking => {
                    let mut s = vec![step(t.booking_intro())];
                    if on_contract {
                        s.push(step(t.booking_notice()));
                    }
                    consent_first(&mut s);
                    s.extend(qualification.iter().cloned());
                    if optional_consent {
                        s.push(consent_step());
                    }
                    s.push(step(t.booking_done()).action("book"));
                    with_upsell(s)
                }
                Branch::Cancel => {
                    let mut first = Vec::new();
                    consent_first(&mut first);
                    cancel_steps(b, &t, first)
                }
                Branch::Price => vec![
                    step(t.price_list()),
                    step(t.offer_booking()).buttons(t.booking_buttons()),
                    step(t.agreed()).when("agreed").action("branch:booking"),
                ],
                Branch::Promo => {
                    let mut s = vec![step(t.promo()).buttons(t.promo_buttons())];
                    if !on_contract {
                        s.push(consent_step().when("agreed"));
                    }
                    s.extend([
                        step(t.ask("name").unwrap_or_default())
                            .ask("name")
                            .when("agreed"),
                        step(t.ask("phone").unwrap_or_default())
                            .ask("phone")
                            .when("agreed"),
                        step(t.promo_done()).when("agreed").action("save_lead"),
                    ]);
                    s
                }
                Branch::Callback => {
                    let mut s = vec![step(t.callback_intro())];
                    consent_first(&mut s);
                    s.extend([
                        step(t.ask("name").unwrap_or_default()).ask("name"),
                        step(t.ask_phone_for_callback()).ask("phone"),
                        step(t.ask_callback_time()).ask("preferred_time"),
                        step(t.callback_done()).action("schedule_callback"),
                    ]);
                    s
                }
            };
            BranchScript {
                id: br.as_str().to_owned(),
                title: t.branch_title(br.as_str()),
                triggers: t.triggers(br.as_str()),
                steps,
            }
        })
        .collect();

    // Every slot any script asks for is personal data collected only after consent; the
    // consent request names them all (a test below holds the scripts to that list).
    let replies = Replies::from_texts(&t);
    for st in branches.iter_mut().flat_map(|br| br.steps.iter_mut()) {
        if st.ask.as_deref() == Some("consent") {
            st.say.clone_from(&replies.consent.say);
        }
    }

    let reminders = Reminders {
        offsets_s: b.sla.reminders.iter().map(|d| d.secs()).collect(),
        channels: b
            .channels
            .iter()
            .filter(|c| c.reminders())
            .map(|c| c.id.as_str().to_owned())
            .collect(),
        send_between: REMINDER_WINDOW.to_owned(),
        texts: replies
            .reminders
            .into_iter()
            .map(|r| ReminderText {
                offset_s: r.offset_s,
                say: r.say,
                buttons: r.buttons,
            })
            .collect(),
    };

    let e = &b.escalation;
    let [task_title, task_description, telegram, sms] = t.escalation_messages();
    let escalation = EscalationRules {
        keywords: e.keywords.iter().map(|k| k.value.clone()).collect(),
        amount_over: e.amount_over.0,
        urgent_cancel_within_s: e.urgent_cancel_within.secs(),
        notify: e.notify.iter().map(|n| n.as_str().to_owned()).collect(),
        tag: loc.escalation_tag.value.clone(),
        duty: DutyContacts {
            name: loc.duty.name.value.clone(),
            phone: loc.duty.phone.as_ref().map(|p| p.e164().to_owned()),
            telegram: loc.duty.telegram.as_ref().map(|t| t.value.clone()),
            email: loc.duty.email.as_ref().map(|m| m.0.clone()),
        },
        response_s: b.sla.escalation_response.secs(),
        say: replies.handoff,
        reasons: OrderedMap(t.reasons()),
        messages: EscalationMessages {
            task_title,
            task_description,
            telegram,
            sms,
        },
    };

    let [nps_q, detractor, passive, promoter] = t.nps();

    BotConfig {
        regl_bot_schema: BOT_SCHEMA_VERSION,
        location: loc.id.as_str().to_owned(),
        lang: lang.as_str().to_owned(),
        timezone: loc.timezone.0.clone(),
        hours: loc.hours.iter().map(|h| h.as_str().to_owned()).collect(),
        night_mode: loc.night_mode(),
        channels: bot_channels
            .iter()
            .map(|c| c.id.as_str().to_owned())
            .collect(),
        limits: Limits {
            first_response_s,
            min_confidence: e.min_confidence.0,
            max_bot_turns: *e.max_bot_turns,
        },
        consent: Consent {
            before: replies.consent.before,
            text: replies.consent.say,
            policy_url: t.policy_url.clone(),
            consent_url: t.consent_url.clone(),
            moment: b.pd.consent.as_str().to_owned(),
            version: b.document.version.value.clone(),
            buttons: replies.consent.buttons,
            declined: replies.consent.declined,
        },
        branches,
        fallback: Fallback {
            say: replies.fallback,
            handoff: true,
        },
        escalation,
        reminders,
        cancellation: CancellationTerms {
            free_until_s: b.cancellation.free_until.secs(),
            reschedule_max: *b.cancellation.reschedule_max,
            late_fee_percent: b.cancellation.late_fee_percent.as_ref().map_or(0, |p| p.0),
            no_show_fee_percent: b
                .cancellation
                .no_show_fee_percent
                .as_ref()
                .map_or(0, |p| p.0),
        },
        crm: CrmWrites {
            system: b.crm.system.as_str().to_owned(),
            mode: b.crm.mode.as_str().to_owned(),
            portal: b.crm.portal.value.clone(),
            writes: bitrix24::writes(b),
            sources: OrderedMap(
                b.channels
                    .iter()
                    .map(|c| (c.id.as_str().to_owned(), source_id(c)))
                    .collect(),
            ),
            tags: b
                .crm
                .tags
                .as_ref()
                .map(|ts| ts.iter().map(|t| t.value.clone()).collect())
                .unwrap_or_default(),
            mapping: bitrix24::FILE_NAME.to_owned(),
        },
        assistant: Assistant {
            name: b.bot.name.value.clone(),
            business: b.business.name.value.clone(),
            city: loc.city.value.clone(),
            address: loc.address.value.clone(),
            phone: loc.phone.e164().to_owned(),
            website: b.business.website.as_ref().map(|w| w.0.clone()),
        },
        greeting: Greeting {
            say: replies.greeting.say,
            buttons: replies.greeting.buttons,
            after_hours: t.after_hours(),
        },
        qualification,
        upsell: Upsell {
            enabled: upsell_on,
            offers,
        },
        nps: Nps {
            after_s: b.sla.nps_survey_after.secs(),
            say: nps_q,
            scale_min: 0,
            scale_max: 10,
            detractor_max: crate::bottext::NPS_DETRACTOR_MAX,
            promoter_min: 9,
            detractor,
            passive,
            promoter,
        },
        services: b
            .services
            .iter()
            .map(|s| ServiceInfo {
                id: s.id.as_str().to_owned(),
                name: s.name.value.clone(),
                price_from: s.price_from.0,
                price_text: words::price_from(lang, s.price_from.0),
                duration_s: s.duration.secs(),
                prepayment_percent: s.prepayment_percent.as_ref().map_or(0, |p| p.0),
                upsell: upsell_ids(s),
            })
            .collect(),
        placeholders: OrderedMap(
            PLACEHOLDERS
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        ),
    }
}

fn upsell_ids(s: &Service) -> Vec<String> {
    s.upsell
        .as_ref()
        .map(|u| u.iter().map(|id| id.as_str().to_owned()).collect())
        .unwrap_or_default()
}

fn upsell_offers(b: &Business, t: &Texts<'_>) -> Vec<UpsellOffer> {
    b.services
        .iter()
        .filter_map(|s| {
            let extras: Vec<&Service> = upsell_ids(s)
                .iter()
                .filter_map(|id| b.services.iter().find(|x| x.id.as_str() == id))
                .map(|x| &x.value)
                .collect();
            if extras.is_empty() {
                return None;
            }
            Some(UpsellOffer {
                service: s.id.as_str().to_owned(),
                offer: extras.iter().map(|x| x.id.as_str().to_owned()).collect(),
                say: t.upsell_offer(s, &extras),
                buttons: t.upsell_buttons(),
            })
        })
        .collect()
}

fn cancel_steps(b: &Business, t: &Texts<'_>, consent: Vec<Step>) -> Vec<Step> {
    let mut steps = vec![step(t.cancel_intro())];
    steps.extend(consent);
    steps.extend([
        step(t.ask_phone_for_booking()).ask("phone"),
        step(t.cancel_choice()).buttons(t.cancel_buttons()),
    ]);
    if *b.cancellation.reschedule_max > 0 {
        steps.push(
            step(t.reschedule())
                .when("reschedule")
                .ask("preferred_time")
                .action("reschedule"),
        );
    } else {
        steps.push(
            step(t.reschedule_by_person())
                .when("reschedule")
                .action("handoff"),
        );
    }
    steps.push(step(t.cancelled()).when("cancel").action("cancel"));
    steps.push(step(t.late_cancel()).when("late_cancel").action("cancel"));
    steps.push(
        step(t.urgent_cancel())
            .when("urgent_cancel")
            .action("handoff"),
    );
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(path: &str) -> Business {
        let text =
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap()
    }

    /// The consent request names the slots from [`crate::bottext::consent_slots`]: they must
    /// be the very slots the scripts ask, or a client would be asked for data the consent
    /// does not cover.
    #[test]
    fn the_consent_names_exactly_the_slots_the_scripts_ask() {
        let mut businesses = vec![
            load("examples/salon-ufa-omsk/business.toml"),
            load("examples/clinic-omsk/business.toml"),
            load("examples/fitness-novosibirsk/business.toml"),
        ];
        for seg in ["salon", "clinic", "fitness", "education", "other"] {
            for lang in ["ru", "en"] {
                businesses.push(load(&format!("presets/{seg}.{lang}.toml")));
            }
        }
        let mut no_reschedule = businesses[0].clone();
        no_reschedule.cancellation.reschedule_max.value = 0;
        businesses.push(no_reschedule);
        // The first release's purposes, every one on consent.
        let mut on_consent = businesses[0].clone();
        for p in &mut on_consent.pd.purposes.value {
            p.value.basis.value = crate::model::purposes::LegalBasis::Consent;
        }
        businesses.push(on_consent);
        for b in &businesses {
            let config = bot_config(b, &b.locations[0]);
            let mut asked: Vec<&str> = Vec::new();
            let steps = config
                .qualification
                .iter()
                .chain(config.branches.iter().flat_map(|br| br.steps.iter()));
            for a in steps.filter_map(|s| s.ask.as_deref()) {
                if a != "consent" && !asked.contains(&a) {
                    asked.push(a);
                }
            }
            // Where the booking rests on the contract nothing waits on consent; elsewhere
            // the consent names every slot asked.
            let expected: Vec<&str> = if b.booking_on_contract() {
                Vec::new()
            } else {
                asked
            };
            assert_eq!(
                expected,
                config.consent.before,
                "{}",
                b.business.name.as_str()
            );
        }
    }
}
