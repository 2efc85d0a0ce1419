//! The master of a location's dataset: one record per exchange — the dialogue so far, the
//! client's message and the bot's answer — taken from the interpreter's transcript of each
//! generated scenario played on the location's reference bot config (the one `export`
//! writes from `business.toml`), so every answer is a text the bot really gives.
//!
//! Only scenarios that pass are used: a dialogue `regl test` fails on is a reply the
//! business does not want a model to learn. The client's side is the generator's test
//! client (its test phone, never a real one). The same exchange reached by two scenarios is
//! kept once.

use chrono::NaiveDate;

use crate::interp::{Bot, Input, Turn};
use crate::model::business::{Business, Location};
use crate::scenario::{generate, run};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    User,
    Assistant,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Message {
    pub role: Role,
    pub text: String,
}

/// One reviewed exchange: the answer is what the bot said to `user` after `context`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Exchange {
    /// The scenario it came from (`<loc>-<family>-<n>`): a pseudonymous reference, as the
    /// procedure asks of every example's source.
    pub scenario: String,
    /// The turns before, oldest first.
    pub context: Vec<Message>,
    pub user: String,
    pub answer: String,
}

/// The bot's texts in a turn, as one message: what it said, or what it sent while the clock
/// moved, paragraph after paragraph.
fn said(turn: &Turn) -> String {
    let mut parts: Vec<&str> = turn.says.iter().map(String::as_str).collect();
    parts.extend(turn.sent.iter().map(|s| s.say.as_str()));
    parts
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// What the client wrote: a pressed button, or a list row picked by its number, reads as
/// its title, the way a messenger shows the client's choice.
fn client_text(input: &Input, before: Option<&Turn>) -> Option<String> {
    match input {
        Input::User { text, .. } => {
            let row = text
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| before.and_then(|t| t.option_titles.get(i)));
            Some(row.cloned().unwrap_or_else(|| text.clone()))
        }
        Input::Button(b) => {
            let by_number = b
                .trim()
                .parse::<usize>()
                .ok()
                .and_then(|n| n.checked_sub(1))
                .and_then(|i| before.and_then(|t| t.buttons.get(i)));
            Some(by_number.cloned().unwrap_or_else(|| b.clone()))
        }
        Input::Advance(_) => None,
    }
}

/// The exchanges of one transcript, in order.
pub fn of_transcript(scenario: &str, turns: &[&Turn]) -> Vec<Exchange> {
    let mut out = Vec::new();
    let mut context: Vec<Message> = Vec::new();
    // A message the bot did not answer is read with the client's next one.
    let mut pending: Vec<String> = Vec::new();
    let mut before: Option<&Turn> = None;
    for turn in turns {
        let answer = said(turn);
        match turn.input.as_ref() {
            Some(input @ (Input::User { .. } | Input::Button(_))) => {
                if let Some(text) = client_text(input, before) {
                    pending.push(text);
                }
                if !answer.is_empty() {
                    let user = pending.join("\n");
                    pending.clear();
                    out.push(Exchange {
                        scenario: scenario.to_owned(),
                        context: context.clone(),
                        user: user.clone(),
                        answer: answer.clone(),
                    });
                    context.push(Message {
                        role: Role::User,
                        text: user,
                    });
                    context.push(Message {
                        role: Role::Assistant,
                        text: answer,
                    });
                }
            }
            // A reminder or a survey the bot wrote first joins the dialogue as context.
            Some(Input::Advance(_)) | None => {
                if !answer.is_empty() {
                    match context.last_mut() {
                        Some(m) if m.role == Role::Assistant && pending.is_empty() => {
                            m.text.push_str("\n\n");
                            m.text.push_str(&answer);
                        }
                        _ => {
                            if !pending.is_empty() {
                                context.push(Message {
                                    role: Role::User,
                                    text: pending.join("\n"),
                                });
                                pending.clear();
                            }
                            context.push(Message {
                                role: Role::Assistant,
                                text: answer,
                            });
                        }
                    }
                }
            }
        }
        before = Some(turn);
    }
    out
}

/// The location's reference bot, as the runtime would load the exported file.
fn reference_bot(b: &Business, loc: &Location) -> Option<Bot> {
    let json = crate::export::to_json(&crate::export::bot_config(b, loc));
    let config = crate::interp::source::parse(&String::from_utf8_lossy(&json)).ok()?;
    Bot::new(config).ok()
}

/// Every exchange of the location's generated scenarios that pass, each once, cut to the
/// providers' lengths.
pub fn of_location(b: &Business, loc: &Location) -> Vec<Exchange> {
    let Some(bot) = reference_bot(b, loc) else {
        return Vec::new();
    };
    // The clock `regl test` starts at, so the dialogues are the ones its report shows.
    let start = generate::first_opening(
        &bot.hours,
        NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default(),
        60,
    );
    let prompt = crate::bottext::system_prompt(b);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for s in generate::generate(b, loc) {
        let outcome = run::run(&s, &bot, start);
        if !outcome.passed() {
            continue;
        }
        let turns: Vec<&Turn> = outcome.transcript.iter().map(|(_, t)| t).collect();
        for ex in of_transcript(&s.id, &turns) {
            let key = (ex.context.clone(), ex.user.clone(), ex.answer.clone());
            if !seen.insert(key) {
                continue;
            }
            if let Some(ex) = super::limits::fit(&prompt, ex) {
                out.push(ex);
            }
        }
    }
    out
}
