//! A bot config made ready to run: its phrases, buttons and list rows normalised and stemmed
//! once, its hours, send window and catalogue parsed, so every message is matched against
//! the same values without stemming the config again.

use chrono_tz::Tz;

use crate::i18n::{Text, t};
use crate::model::bot_v2::{Basis, BotConfigV2, Button, StepV2, Week};
use crate::model::enums::Lang;
use crate::semantics::conditions::send_window::{self, SendWindow};
use crate::semantics::consent::PurposeView;
use crate::semantics::order::BranchTriggers;
use crate::semantics::slots::{Catalogue, Offered};
use crate::semantics::{Choice, OpeningHours, Phrase, Stemmer};

/// One location's bot, ready to run.
#[derive(Debug)]
pub struct Bot {
    pub config: BotConfigV2,
    pub lang: Lang,
    pub stemmer: Stemmer,
    pub tz: Tz,
    pub hours: OpeningHours,
    pub window: SendWindow,
    pub keywords: Vec<Phrase>,
    pub triggers: Vec<BranchTriggers>,
    pub catalogue: Catalogue,
    /// Each duty person's shift, in the roster's order.
    pub shifts: Vec<Option<OpeningHours>>,
    /// The greeting's buttons as the matcher reads them.
    pub greeting_choices: Vec<Choice>,
    /// The consent buttons as the matcher reads them.
    pub consent_choices: Vec<Choice>,
    /// Each reminder text's buttons, in the config's order of texts.
    pub reminder_choices: Vec<Vec<Choice>>,
    /// Each upsell offer's own buttons, in the config's order of offers.
    pub upsell_choices: Vec<Vec<Choice>>,
    /// Branch by branch, each step's buttons and list rows as the matcher reads them.
    pub step_choices: Vec<Vec<StepChoices>>,
}

/// One step's buttons and list rows, made ready for matching.
#[derive(Debug)]
pub struct StepChoices {
    /// Its buttons, then its rows: the numbers a client may type count over both.
    pub choices: Vec<Choice>,
    /// Its rows as the `service` slot reads them.
    pub offered: Vec<Offered>,
}

impl Bot {
    pub fn new(config: BotConfigV2) -> Result<Self, Text> {
        let lang = if config.lang == "en" {
            Lang::En
        } else {
            Lang::Ru
        };
        let stemmer = Stemmer::new(lang);
        let zone = &config.timezone;
        let tz: Tz = config.timezone.parse().map_err(|_| {
            t!(
                "`timezone` `{zone}` is not an IANA time zone",
                "`timezone` `{zone}` — не часовой пояс IANA"
            )
        })?;
        let hours = week(&config.hours)?;
        let window = SendWindow::parse(&config.reminders.send_between)
            .or_else(|_| SendWindow::parse(send_window::DEFAULT))
            .map_err(Text::same)?;
        let phrases = |l: &[String]| l.iter().map(|p| Phrase::new(p, stemmer)).collect();
        let keywords = phrases(&config.escalation.keywords);
        let triggers = config
            .branches
            .iter()
            .map(|b| BranchTriggers {
                branch: b.id.clone(),
                phrases: phrases(&b.triggers),
            })
            .collect();
        let catalogue = Catalogue::new(
            config
                .services
                .iter()
                .map(|s| (s.id.as_str(), s.name.as_str(), s.price_from, s.duration_s)),
            stemmer,
        );
        let choices = |buttons: &[Button]| -> Vec<Choice> {
            buttons
                .iter()
                .map(|b| Choice::button(&b.text, &b.words, stemmer))
                .collect()
        };
        let greeting_choices = choices(&config.greeting.buttons);
        let consent_choices = choices(&config.consent.buttons);
        let reminder_choices = config
            .reminders
            .texts
            .iter()
            .map(|t| choices(&t.buttons))
            .collect();
        let upsell_choices = config
            .upsell
            .offers
            .iter()
            .map(|o| choices(&o.buttons))
            .collect();
        let step_choices = config
            .branches
            .iter()
            .map(|br| {
                br.steps
                    .iter()
                    .map(|s| {
                        let offered = offered(s, stemmer);
                        let mut all = choices(&s.buttons);
                        all.extend(offered.iter().map(|o| o.choice.clone()));
                        StepChoices {
                            choices: all,
                            offered,
                        }
                    })
                    .collect()
            })
            .collect();
        let shifts = config
            .escalation
            .duty
            .iter()
            .map(|d| d.when.as_ref().map(week).transpose())
            .collect::<Result<_, _>>()?;
        Ok(Self {
            config,
            lang,
            stemmer,
            tz,
            hours,
            window,
            keywords,
            triggers,
            catalogue,
            shifts,
            greeting_choices,
            consent_choices,
            reminder_choices,
            upsell_choices,
            step_choices,
        })
    }

    pub fn branch_index(&self, id: &str) -> Option<usize> {
        self.config.branches.iter().position(|b| b.id == id)
    }

    pub fn step(&self, branch: usize, step: usize) -> Option<&StepV2> {
        self.config.branches.get(branch)?.steps.get(step)
    }

    /// The purposes as the consent rules read them.
    pub fn purposes(&self) -> Vec<PurposeView<'_>> {
        self.config
            .consent
            .purposes
            .iter()
            .map(|p| PurposeView {
                by_consent: p.basis == Basis::Consent,
                slots: &p.slots,
                uses: &p.uses,
            })
            .collect()
    }

    /// The buttons and rows of a step, made ready when the bot was.
    pub fn step_choices(&self, branch: usize, step: usize) -> Option<&StepChoices> {
        self.step_choices.get(branch)?.get(step)
    }

    pub fn service_name(&self, id: &str) -> Option<&str> {
        self.config
            .services
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.as_str())
    }
}

/// A step's list rows as the `service` slot reads them.
fn offered(step: &StepV2, stemmer: Stemmer) -> Vec<Offered> {
    step.options
        .iter()
        .map(|o| Offered {
            id: o.id.clone(),
            choice: Choice::option(&o.id, &o.title, stemmer),
        })
        .collect()
}

/// A version-2 week as opening hours.
fn week(w: &Week) -> Result<OpeningHours, Text> {
    let mut days: [Vec<(u16, u16)>; 7] = Default::default();
    for (day, ranges) in days.iter_mut().zip(w.days()) {
        for r in ranges {
            day.push(range(r).ok_or_else(|| {
                t!(
                    "`{r}` is not a time range: write it as \"09:00-21:00\"",
                    "`{r}` — не интервал времени: пишите как \"09:00-21:00\""
                )
            })?);
        }
    }
    Ok(OpeningHours::from_days(days))
}

fn range(s: &str) -> Option<(u16, u16)> {
    let minute = |t: &str| -> Option<u16> {
        let (h, m) = t.trim().split_once(':')?;
        let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
        (h <= 24 && m < 60 && h * 60 + m <= 1440).then_some(h * 60 + m)
    };
    let (a, b) = s.split_once('-')?;
    Some((minute(a)?, minute(b)?))
}
