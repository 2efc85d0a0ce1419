//! The real `regl` binary, run as a user runs it, in a temporary folder.

#[path = "cli/bot_contract.rs"]
mod bot_contract;
#[path = "cli/bot_fix.rs"]
mod bot_fix;
#[path = "cli/breaks_and_channels.rs"]
mod breaks_and_channels;
#[path = "cli/chat.rs"]
mod chat;
#[path = "cli/common.rs"]
mod common;
#[path = "cli/dataset.rs"]
mod dataset;
#[path = "cli/documents.rs"]
mod documents;
#[path = "cli/duty_roster.rs"]
mod duty_roster;
#[path = "cli/export.rs"]
mod export;
#[path = "cli/friction.rs"]
mod friction;
#[path = "cli/hardening.rs"]
mod hardening;
#[path = "cli/init.rs"]
mod init;
#[path = "cli/launch_kit.rs"]
mod launch_kit;
#[path = "cli/legal.rs"]
mod legal;
#[path = "cli/legal_look.rs"]
mod legal_look;
#[path = "cli/lint.rs"]
mod lint;
#[path = "cli/lint_fix.rs"]
mod lint_fix;
#[path = "cli/load_errors.rs"]
mod load_errors;
#[path = "cli/load_errors_ru.rs"]
mod load_errors_ru;
#[path = "cli/manifest.rs"]
mod manifest;
#[path = "cli/messages_ru.rs"]
mod messages_ru;
#[path = "cli/push.rs"]
mod push;
#[path = "cli/push_pilot.rs"]
mod push_pilot;
#[path = "cli/render.rs"]
mod render;
#[path = "cli/repo_assets.rs"]
mod repo_assets;
#[path = "cli/snapshot.rs"]
mod snapshot;
#[path = "support/bitrix24_standin/mod.rs"]
mod standin;
#[path = "cli/test_verb.rs"]
mod test_verb;
#[path = "cli/working_copies.rs"]
mod working_copies;
