//! GigaChat's tuning dataset: one JSON array of dialogues, each an array of messages with
//! `role`, `content`, `trainable` and `message_index` (0 for the system prompt). Only the
//! last reply is `trainable`: the dialogue before it is context, as in the other
//! providers' files. One dialogue a line inside the array, so a diff shows which changed.

use serde::Serialize;

use super::exchange::{Exchange, Role};

#[derive(Serialize)]
struct Msg<'a> {
    role: &'static str,
    content: &'a str,
    trainable: bool,
    message_index: usize,
}

fn dialogue<'a>(prompt: &'a str, ex: &'a Exchange) -> Vec<Msg<'a>> {
    let mut turns: Vec<(&'static str, &str)> = vec![("system", prompt)];
    turns.extend(ex.context.iter().map(|m| {
        let role = match m.role {
            Role::User => "user",
            Role::Assistant => "assistant",
        };
        (role, m.text.as_str())
    }));
    turns.push(("user", &ex.user));
    turns.push(("assistant", &ex.answer));
    let last = turns.len() - 1;
    turns
        .into_iter()
        .enumerate()
        .map(|(i, (role, content))| Msg {
            role,
            content,
            trainable: i == last,
            message_index: i,
        })
        .collect()
}

pub fn write(prompt: &str, exchanges: &[Exchange]) -> Vec<u8> {
    let mut out = b"[".to_vec();
    for (i, ex) in exchanges.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        out.extend(serde_json::to_vec(&dialogue(prompt, ex)).expect("a dialogue serialises"));
    }
    out.extend_from_slice(b"\n]\n");
    out
}
