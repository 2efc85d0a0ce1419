//! Builds a location's [`BotConfigV2`] from the validated business: every number from
//! `business.toml`, every text from [`crate::bottext`], every button with the branch or
//! choice it makes, so a runtime never infers one from a button's position or wording.

use crate::model::bot_v2::defaults::{consent_words, placeholders, words};
use crate::model::bot_v2::{
    Action, Ask, AssistantV2, BOT_SCHEMA_VERSION_2, BotConfigV2, BranchV2, Button, CancellationV2,
    Choice, ConsentV2, FallbackV2, GreetingV2, Limits, ListRowV2, ServiceV2, StepV2, UpsellOfferV2,
    UpsellV2, Week, When,
};
use crate::model::business::{Business, Location, Service};
use crate::model::enums::{Branch, Slot};

use super::bot_alerts::{escalation, nps, reminders};
use super::bot_crm::{crm, purposes};
use crate::bottext::{Replies, Texts, words as text_words};

fn step(say: String) -> StepV2 {
    StepV2 {
        when: None,
        say,
        ask: None,
        buttons: Vec::new(),
        options: Vec::new(),
        action: None,
        goto: None,
    }
}

impl StepV2 {
    fn ask(mut self, slot: Ask) -> Self {
        self.ask = Some(slot);
        self
    }
    fn buttons(mut self, b: Vec<Button>) -> Self {
        self.buttons = b;
        self
    }
    fn action(mut self, a: Action) -> Self {
        self.action = Some(a);
        self
    }
    fn when(mut self, w: When) -> Self {
        self.when = Some(w);
        self
    }
}

/// A button that makes `choice`, pressed also by the choice's usual words.
pub(super) fn button(text: &str, choice: Choice, ru: bool) -> Button {
    Button {
        text: text.to_owned(),
        words: words(choice, ru),
        choice: Some(choice),
        branch: None,
    }
}

/// Buttons for a yes/no question: the first agrees, the second declines.
fn yes_no(texts: &[String], ru: bool) -> Vec<Button> {
    texts
        .iter()
        .zip([Choice::Agreed, Choice::Declined])
        .map(|(t, c)| button(t, c, ru))
        .collect()
}

/// The slot a qualification question fills, if the bot asks it at all.
fn ask_of(slot: Slot) -> Option<Ask> {
    Some(match slot {
        Slot::Name => Ask::Name,
        Slot::Phone => Ask::Phone,
        Slot::Email => Ask::Email,
        Slot::Service => Ask::Service,
        Slot::PreferredTime => Ask::PreferredTime,
        Slot::Comment => Ask::Comment,
        _ => return None,
    })
}

/// Rows for picking a service: WhatsApp lists hold 10 rows, titles of 24 characters.
fn service_rows(b: &Business) -> Vec<ListRowV2> {
    let lang = b.lang();
    b.services
        .iter()
        .take(10)
        .map(|s| {
            let name = s.name.as_str();
            let price = text_words::price_from(lang, s.price_from.0);
            let title = text_words::truncate(name, 24);
            let description = if title == name {
                price
            } else {
                text_words::truncate(&format!("{name}, {price}"), 72)
            };
            ListRowV2 {
                id: s.id.as_str().to_owned(),
                title,
                description,
            }
        })
        .collect()
}

/// Whether a record must hold the service: `crm.required` names the field the service
/// slot is written to. Then the promo and callback branches ask for it too, so that no
/// action creates a record without a required field.
fn service_required(b: &Business) -> bool {
    b.crm
        .fields
        .iter()
        .any(|f| *f.slot == Slot::Service && b.crm.required.iter().any(|r| r.value == *f.code))
}

/// The bot's config for one location of the business.
pub fn bot_config(b: &Business, loc: &Location) -> BotConfigV2 {
    let lang = b.lang();
    let ru = lang.as_str() != "en";
    let (policy, consent) = b.published_urls();
    let t = Texts::new(
        b,
        loc,
        policy.unwrap_or_default(),
        consent.unwrap_or_default(),
    );
    let replies = Replies::from_texts(&t);

    let bot_channels: Vec<_> = b.channels.iter().filter(|c| c.bot()).collect();
    // The runtime keeps one limit: the strictest channel's, so no channel's SLA is missed.
    let first_response_s = bot_channels
        .iter()
        .map(|c| b.channel_sla(c).ai_first_response.secs())
        .min()
        .unwrap_or(b.sla.ai_first_response.secs());

    let upsell_on = b.bot.upsell.as_ref().is_some_and(|u| u.value);
    let offers = if upsell_on {
        upsell_offers(b, &t, ru)
    } else {
        Vec::new()
    };

    let branches = b
        .bot
        .branches
        .iter()
        .map(|br| BranchV2 {
            id: br.as_str().to_owned(),
            title: t.branch_title(br.as_str()),
            triggers: t.triggers(br.as_str()),
            steps: branch_steps(b, &t, br.value, !offers.is_empty(), ru),
        })
        .collect();

    let greeting_branches = ["booking", "price", "cancel"];
    let greeting = GreetingV2 {
        say: replies.greeting.say.clone(),
        after_hours: t.after_hours(),
        buttons: replies
            .greeting
            .buttons
            .iter()
            .zip(greeting_branches)
            .filter(|(_, id)| b.bot.branches.iter().any(|x| x.as_str() == *id))
            .map(|(text, id)| Button {
                text: text.clone(),
                words: Vec::new(),
                choice: None,
                branch: Some(id.to_owned()),
            })
            .collect(),
    };

    let consent_buttons = replies
        .consent
        .buttons
        .iter()
        .zip([(Choice::Agreed, true), (Choice::Declined, false)])
        .map(|(text, (choice, agree))| Button {
            text: text.clone(),
            words: consent_words(agree, ru),
            choice: Some(choice),
            branch: None,
        })
        .collect();

    BotConfigV2 {
        regl_bot_schema: BOT_SCHEMA_VERSION_2,
        location: loc.id.as_str().to_owned(),
        lang: lang.as_str().to_owned(),
        timezone: loc.timezone.0.clone(),
        hours: Week::from_hours(loc.hours.iter().map(|h| &h.value)),
        night_mode: loc.night_mode(),
        channels: bot_channels
            .iter()
            .map(|c| c.id.as_str().to_owned())
            .collect(),
        limits: Limits {
            first_response_s,
            min_confidence: b.escalation.min_confidence.0,
            max_bot_turns: *b.escalation.max_bot_turns,
        },
        consent: ConsentV2 {
            version: consent_version(b),
            moment: b.pd.consent.as_str().to_owned(),
            policy_url: t.policy_url.clone(),
            consent_url: t.consent_url.clone(),
            text: replies.consent.say.clone(),
            buttons: consent_buttons,
            declined: replies.consent.declined.clone(),
            purposes: purposes(b, &replies.consent.before),
            before: replies.consent.before.clone(),
        },
        greeting,
        branches,
        fallback: FallbackV2 {
            say: replies.fallback.clone(),
            handoff: true,
        },
        escalation: escalation(b, loc, &t, &replies),
        reminders: reminders(b, &replies, ru),
        nps: nps(b, &t),
        cancellation: CancellationV2 {
            free_until_s: b.cancellation.free_until.secs(),
            reschedule_max: *b.cancellation.reschedule_max,
            late_fee_percent: b.cancellation.late_fee_percent.as_ref().map_or(0, |p| p.0),
            no_show_fee_percent: b
                .cancellation
                .no_show_fee_percent
                .as_ref()
                .map_or(0, |p| p.0),
        },
        upsell: UpsellV2 {
            enabled: upsell_on,
            offers,
        },
        services: b
            .services
            .iter()
            .map(|s| ServiceV2 {
                id: s.id.as_str().to_owned(),
                name: s.name.value.clone(),
                price_from: s.price_from.0,
                price_text: text_words::price_from(lang, s.price_from.0),
                duration_s: s.duration.secs(),
                prepayment_percent: s.prepayment_percent.as_ref().map_or(0, |p| p.0),
                upsell: upsell_ids(s),
            })
            .collect(),
        crm: crm(b, loc),
        actions: super::bot_crm::actions(b),
        assistant: AssistantV2 {
            name: b.bot.name.value.clone(),
            business: b.business.name.value.clone(),
            city: loc.city.value.clone(),
            address: loc.address.value.clone(),
            phone: loc.phone.e164().to_owned(),
            website: b.business.website.as_ref().map(|w| w.0.clone()),
            system_prompt: crate::bottext::system_prompt(b),
        },
        placeholders: placeholders(),
        x: None,
    }
}

/// The consent text's own version: `[pd].consent_version`, else `[document].version`.
pub fn consent_version(b: &Business) -> String {
    b.pd.consent_version
        .as_ref()
        .map_or_else(|| b.document.version.value.clone(), |v| v.value.clone())
}

/// The steps of one branch.
///
/// Where data are asked under consent, consent goes before the first personal-data
/// question of every branch, so no branch can collect data first, whichever way the
/// dialogue enters it. Where the booking rests on the contract, no branch waits on
/// consent: the booking asks for the separate, optional consent last, before it is taken.
fn branch_steps(
    b: &Business,
    t: &Texts<'_>,
    branch: Branch,
    upsell: bool,
    ru: bool,
) -> Vec<StepV2> {
    let on_contract = b.booking_on_contract();
    let optional_consent = on_contract && b.consent_purposes().next().is_some();
    // A consent step says nothing of its own: the runtime says consent.text with
    // consent.buttons, one text for every branch.
    let consent_step = || step(String::new()).ask(Ask::Consent);
    let ask = |slot: Ask, key: &str| step(t.ask(key).unwrap_or_default()).ask(slot);
    let with_service = service_required(b);
    match branch {
        Branch::Booking => {
            let mut s = vec![step(t.booking_intro())];
            if on_contract {
                s.push(step(t.booking_notice()));
            }
            if !on_contract {
                s.push(consent_step());
            }
            for q in b.bot.qualification.iter() {
                let Some(a) = ask_of(q.value).filter(|_| text_words::is_asked(q.value)) else {
                    continue;
                };
                let Some(say) = t.ask(q.as_str()) else {
                    continue;
                };
                let mut st = step(say).ask(a);
                if a == Ask::Service {
                    st.options = service_rows(b);
                }
                s.push(st);
                if a == Ask::Service && upsell {
                    s.push(
                        step(t.upsell_prompt())
                            .buttons(yes_no(&t.yes_no_buttons(), ru))
                            .action(Action::OfferUpsell),
                    );
                }
            }
            if optional_consent {
                s.push(consent_step());
            }
            s.push(step(t.booking_done()).action(Action::Book));
            s
        }
        Branch::Cancel => cancel_steps(b, t, on_contract, ru),
        Branch::Price => vec![
            step(t.price_list()),
            step(t.offer_booking()).buttons(yes_no(&t.booking_buttons(), ru)),
            StepV2 {
                goto: Some("booking".into()),
                ..step(t.agreed()).when(When::Agreed)
            },
        ],
        Branch::Promo => {
            let mut s = vec![step(t.promo()).buttons(yes_no(&t.promo_buttons(), ru))];
            if !on_contract {
                s.push(consent_step().when(When::Agreed));
            }
            s.push(ask(Ask::Name, "name").when(When::Agreed));
            s.push(ask(Ask::Phone, "phone").when(When::Agreed));
            if with_service {
                let mut st = ask(Ask::Service, "service").when(When::Agreed);
                st.options = service_rows(b);
                s.push(st);
            }
            s.push(
                step(t.promo_done())
                    .when(When::Agreed)
                    .action(Action::SaveLead),
            );
            s
        }
        Branch::Callback => {
            let mut s = vec![step(t.callback_intro())];
            if !on_contract {
                s.push(consent_step());
            }
            s.push(ask(Ask::Name, "name"));
            s.push(step(t.ask_phone_for_callback()).ask(Ask::Phone));
            if with_service {
                let mut st = ask(Ask::Service, "service");
                st.options = service_rows(b);
                s.push(st);
            }
            s.push(step(t.ask_callback_time()).ask(Ask::PreferredTime));
            s.push(step(t.callback_done()).action(Action::ScheduleCallback));
            s
        }
    }
}

/// The cancel branch: one choice step, then exactly one of the conditioned steps by the
/// time left before the visit and the moves made (docs/bot-runtime.md, "Steps and
/// conditions").
fn cancel_steps(b: &Business, t: &Texts<'_>, on_contract: bool, ru: bool) -> Vec<StepV2> {
    let mut steps = vec![step(t.cancel_intro())];
    if !on_contract {
        steps.push(step(String::new()).ask(Ask::Consent));
    }
    let choice: Vec<Button> = t
        .cancel_buttons()
        .iter()
        .zip([Choice::Reschedule, Choice::Cancel])
        .map(|(text, c)| button(text, c, ru))
        .collect();
    steps.extend([
        step(t.ask_phone_for_booking()).ask(Ask::Phone),
        step(t.cancel_choice()).buttons(choice),
    ]);
    // With no move allowed every reschedule is past the limit: a person arranges it.
    if *b.cancellation.reschedule_max > 0 {
        steps.push(
            step(t.reschedule())
                .when(When::Reschedule)
                .ask(Ask::PreferredTime)
                .action(Action::Reschedule),
        );
    }
    steps.extend([
        step(t.urgent_cancel())
            .when(When::UrgentReschedule)
            .action(Action::Handoff),
        step(t.reschedule_by_person())
            .when(When::RescheduleLimit)
            .action(Action::Handoff),
        step(t.cancelled())
            .when(When::Cancel)
            .action(Action::Cancel),
        step(t.late_cancel())
            .when(When::LateCancel)
            .action(Action::Cancel),
        step(t.urgent_cancel())
            .when(When::UrgentCancel)
            .action(Action::Handoff),
    ]);
    steps
}

fn upsell_ids(s: &Service) -> Vec<String> {
    s.upsell
        .as_ref()
        .map(|u| u.iter().map(|id| id.as_str().to_owned()).collect())
        .unwrap_or_default()
}

fn upsell_offers(b: &Business, t: &Texts<'_>, ru: bool) -> Vec<UpsellOfferV2> {
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
            Some(UpsellOfferV2 {
                service: s.id.as_str().to_owned(),
                offer: extras.iter().map(|x| x.id.as_str().to_owned()).collect(),
                say: t.upsell_offer(s, &extras),
                buttons: yes_no(&t.upsell_buttons(), ru),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(path: &str) -> Business {
        let text =
            std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        crate::model::load::parse(&text, crate::diag::FileId(0)).unwrap()
    }

    fn all() -> Vec<Business> {
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
        businesses
    }

    /// Lint reads a file that is its export, value for value, as version 2's shape without
    /// reading it again with the strict reader (`lint::bot::BotDoc::strict_error`): that
    /// holds only while every export reads back, as written, into the very same config.
    #[test]
    fn every_export_reads_back_as_the_same_version_2_config() {
        for b in &all() {
            for loc in &b.locations {
                let config = bot_config(b, loc);
                let text = serde_json::to_string_pretty(&config).unwrap();
                let back: BotConfigV2 = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", loc.id.as_str()));
                assert_eq!(back, config, "{}", loc.id.as_str());
            }
        }
    }

    /// The consent request names the slots from [`crate::bottext::consent_slots`]: they must
    /// be the very slots the scripts ask, or a client would be asked for data the consent
    /// does not cover.
    #[test]
    fn the_consent_names_exactly_the_slots_the_scripts_ask() {
        for b in &all() {
            let config = bot_config(b, &b.locations[0]);
            let mut asked: Vec<String> = Vec::new();
            for a in config
                .branches
                .iter()
                .flat_map(|br| br.steps.iter())
                .filter_map(|s| s.ask)
            {
                let a = serde_json::to_value(a)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned();
                if a != "consent" && !asked.contains(&a) {
                    asked.push(a);
                }
            }
            if b.booking_on_contract() {
                assert!(config.consent.before.is_empty());
            } else {
                let mut want = config.consent.before.clone();
                want.sort();
                asked.sort();
                assert_eq!(asked, want, "{}", b.business.name.as_str());
            }
        }
    }

    /// `before` is what the purposes' bases give, as docs/bot-runtime.md's rule says.
    #[test]
    fn before_follows_from_the_purposes() {
        use crate::model::bot_v2::Basis;
        use crate::semantics::consent::{PurposeView, before};
        for b in &all() {
            let c = bot_config(b, &b.locations[0]).consent;
            let views: Vec<PurposeView<'_>> = c
                .purposes
                .iter()
                .map(|p| PurposeView {
                    by_consent: p.basis == Basis::Consent,
                    slots: &p.slots,
                    uses: &p.uses,
                })
                .collect();
            assert_eq!(before(&views), c.before, "{}", b.business.name.as_str());
        }
    }

    #[test]
    fn every_button_names_its_branch_or_choice_and_the_cancel_conditions_are_all_there() {
        for b in &all() {
            let config = bot_config(b, &b.locations[0]);
            for br in &config.branches {
                for s in &br.steps {
                    for btn in &s.buttons {
                        assert!(btn.choice.is_some() || btn.branch.is_some(), "{btn:?}");
                    }
                }
            }
            assert!(config.greeting.buttons.iter().all(|x| x.branch.is_some()));
            let cancel = config.branches.iter().find(|x| x.id == "cancel").unwrap();
            let whens: Vec<When> = cancel.steps.iter().filter_map(|s| s.when).collect();
            for w in [
                When::Cancel,
                When::LateCancel,
                When::UrgentCancel,
                When::UrgentReschedule,
                When::RescheduleLimit,
            ] {
                assert!(whens.contains(&w), "{w:?}");
            }
        }
    }
}
