//! Coverage (SPEC §7): of the bot config under test, which branches, steps, `when` values,
//! hand-off reasons, reminder offsets and CRM writes the scenarios exercised.

use std::collections::BTreeSet;

use super::run::Outcome;
use crate::interp::{Bot, ScheduledKind};
use crate::semantics::conditions::HandoffReason;
use crate::semantics::conditions::amount;

/// One line of the coverage table.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Line {
    pub what: &'static str,
    pub covered: usize,
    pub total: usize,
    /// What was not exercised.
    pub missing: Vec<String>,
    /// What no dialogue can exercise with this bot config, and why; counted in neither
    /// `covered` nor `total`.
    pub unreachable: Vec<Unreachable>,
}

/// An item of the bot config no dialogue can reach.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Unreachable {
    pub item: String,
    /// Why, in the terms of the config.
    #[serde(flatten)]
    pub why: Why,
}

#[derive(Debug, Clone, serde::Serialize)]
#[serde(tag = "why", rename_all = "snake_case")]
pub enum Why {
    /// No order the catalogue allows is above `escalation.amount_over`: `service` with
    /// every upsell offered with it comes to `amount`, at most `threshold`.
    NoOrderAbove {
        service: String,
        /// The service's name, as the bot says it.
        name: String,
        amount: u64,
        threshold: u64,
    },
}

/// `amount_over` is unreachable when even the dearest order stays at or below it.
fn amount_unreachable(bot: &Bot) -> Option<Unreachable> {
    let cfg = &bot.config;
    let price = |id: &str| {
        cfg.services
            .iter()
            .find(|s| s.id == id)
            .map_or(0, |s| s.price_from)
    };
    let offered_with = |id: &str| -> Vec<u64> {
        if !cfg.upsell.enabled {
            return Vec::new();
        }
        cfg.upsell
            .offers
            .iter()
            .filter(|o| o.service == id)
            .flat_map(|o| o.offer.iter().map(|x| price(x)))
            .collect()
    };
    let services = cfg.services.iter().map(|s| (s.id.as_str(), s.price_from));
    let (service, amount) = amount::dearest_order(services, offered_with)?;
    let threshold = cfg.escalation.amount_over;
    (!amount::hands_over(amount, threshold)).then(|| Unreachable {
        item: HandoffReason::AmountOver.as_str().to_owned(),
        why: Why::NoOrderAbove {
            service: service.to_owned(),
            name: cfg
                .services
                .iter()
                .find(|s| s.id == service)
                .map_or_else(String::new, |s| s.name.clone()),
            amount,
            threshold,
        },
    })
}

impl Line {
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            // Counts are small: the conversion is exact.
            #[allow(clippy::cast_precision_loss)]
            let p = self.covered as f64 * 100.0 / self.total as f64;
            p
        }
    }
}

/// The coverage of one bot by `outcomes`.
pub fn measure(bot: &Bot, outcomes: &[&Outcome]) -> Vec<Line> {
    let cfg = &bot.config;
    let turns = || {
        outcomes
            .iter()
            .flat_map(|o| o.transcript.iter().map(|(_, t)| t))
    };
    let unreachable: Vec<Unreachable> = amount_unreachable(bot).into_iter().collect();
    let line = |what, all: Vec<String>, seen: &BTreeSet<String>| {
        // An item a dialogue happened to reach is covered, whatever the reckoning says.
        let (cannot, all): (Vec<String>, Vec<String>) = all
            .into_iter()
            .partition(|a| !seen.contains(a) && unreachable.iter().any(|u| &u.item == a));
        let missing: Vec<String> = all.iter().filter(|a| !seen.contains(*a)).cloned().collect();
        Line {
            what,
            covered: all.len() - missing.len(),
            total: all.len(),
            missing,
            unreachable: unreachable
                .iter()
                .filter(|u| cannot.contains(&u.item))
                .cloned()
                .collect(),
        }
    };
    let mut branches = BTreeSet::new();
    let mut steps = BTreeSet::new();
    let mut whens = BTreeSet::new();
    let mut reasons = BTreeSet::new();
    let mut offsets = BTreeSet::new();
    let mut fields = BTreeSet::new();
    for t in turns() {
        for (b, s) in &t.visited {
            branches.insert(b.clone());
            steps.insert(format!("{b}#{s}"));
        }
        if let Some(w) = &t.when {
            whens.insert(w.clone());
        }
        if let Some(r) = &t.handoff {
            reasons.insert(r.clone());
        }
        for s in &t.sent {
            if let ScheduledKind::Reminder(o) = s.kind {
                offsets.insert(o.to_string());
            }
        }
        for (f, _) in t.crm_fields() {
            fields.insert(f);
        }
    }
    let all_steps = cfg
        .branches
        .iter()
        .flat_map(|b| (1..=b.steps.len()).map(move |i| format!("{}#{i}", b.id)))
        .collect();
    let mut all_whens: Vec<String> = cfg
        .branches
        .iter()
        .flat_map(|b| b.steps.iter().filter_map(|s| s.when))
        .map(|w| super::super::interp::steps::when_name(w).to_owned())
        .collect();
    all_whens.sort();
    all_whens.dedup();
    let all_reasons = HandoffReason::ALL
        .iter()
        .map(|r| r.as_str().to_owned())
        .filter(|r| cfg.escalation.reasons.get(r).is_some())
        .collect();
    let mut all_fields: Vec<String> = cfg.crm.writes.values().cloned().collect();
    all_fields.dedup();
    vec![
        line(
            "branches",
            cfg.branches.iter().map(|b| b.id.clone()).collect(),
            &branches,
        ),
        line("steps", all_steps, &steps),
        line("when", all_whens, &whens),
        line("escalation reasons", all_reasons, &reasons),
        line(
            "reminder offsets",
            cfg.reminders.offsets_s.iter().map(u64::to_string).collect(),
            &offsets,
        ),
        line("CRM writes", all_fields, &fields),
    ]
}

/// The share of everything covered, in percent.
pub fn overall(lines: &[Line]) -> f64 {
    let (c, t) = lines
        .iter()
        .fold((0, 0), |(c, t), l| (c + l.covered, t + l.total));
    Line {
        what: "",
        covered: c,
        total: t,
        missing: Vec::new(),
        unreachable: Vec::new(),
    }
    .percent()
}
