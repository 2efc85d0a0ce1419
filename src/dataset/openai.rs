//! OpenAI's chat fine-tuning file: JSON Lines, one conversation a line,
//! `{"messages": [{"role": "system", …}, {"role": "user", …}, {"role": "assistant", …}]}`.
//! The bot's earlier replies are context only (`"weight": 0`), the last one is the answer
//! to learn (`"weight": 1`), so each line teaches one exchange as the other providers' do.

use serde::Serialize;

use super::exchange::{Exchange, Role};

#[derive(Serialize)]
struct Line<'a> {
    messages: Vec<Msg<'a>>,
}

#[derive(Serialize)]
struct Msg<'a> {
    role: &'static str,
    content: &'a str,
    /// Assistant messages only: 0 keeps the reply as context, 1 trains on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    weight: Option<u8>,
}

pub fn write(prompt: &str, exchanges: &[Exchange]) -> Vec<u8> {
    let mut out = Vec::new();
    for ex in exchanges {
        let mut messages = vec![Msg {
            role: "system",
            content: prompt,
            weight: None,
        }];
        messages.extend(ex.context.iter().map(|m| match m.role {
            Role::User => Msg {
                role: "user",
                content: &m.text,
                weight: None,
            },
            Role::Assistant => Msg {
                role: "assistant",
                content: &m.text,
                weight: Some(0),
            },
        }));
        messages.push(Msg {
            role: "user",
            content: &ex.user,
            weight: None,
        });
        messages.push(Msg {
            role: "assistant",
            content: &ex.answer,
            weight: Some(1),
        });
        out.extend(serde_json::to_vec(&Line { messages }).expect("a dataset line serialises"));
        out.push(b'\n');
    }
    out
}
