//! `regl push --apply`: the plan's commands sent in `batch` calls of at most 50 (the client
//! splits them and keeps to the rate limit), then the portal read again and the plan made
//! anew, which must find nothing left to do but the conflicts it cannot mend.
//!
//! Nothing is resent blindly: a command whose request failed without an answer may have run,
//! so the next run reads the portal first and plans only what is still missing — which is
//! what makes an interrupted apply finish without duplicates.

use super::client::{Client, CommandError, Error};
use super::desired::Desired;
use super::plan::{self, Plan, PortalState};
use super::scope::Scope;

/// What an apply did.
#[derive(Debug)]
pub struct Applied {
    /// Commands that took effect.
    pub done: usize,
    /// Commands that failed or were not sent, with why.
    pub failed: Vec<CommandError>,
    /// The portal as read back afterwards.
    pub after: PortalState,
    /// The plan made from what was read back: empty but for conflicts when all went well.
    pub remaining: Plan,
}

/// Carries out `planned`, then reads back and plans again. With nothing to send, `before`
/// (the state the plan was made from) is the answer: a read-back would only repeat it.
pub fn apply(
    client: &Client,
    d: &Desired,
    before: &PortalState,
    planned: &Plan,
    scope: &Scope,
) -> Result<Applied, Error> {
    let commands = planned.commands();
    if commands.is_empty() {
        return Ok(Applied {
            done: 0,
            failed: Vec::new(),
            after: before.clone(),
            remaining: planned.clone(),
        });
    }
    let mut done = 0;
    let mut failed = Vec::new();
    for answer in client.batch(&commands) {
        match answer {
            Ok(_) => done += 1,
            Err(e) => failed.push(e),
        }
    }
    let after = plan::read(client, d, &scope.parts)?;
    let remaining = plan::plan(d, &after, scope);
    Ok(Applied {
        done,
        failed,
        after,
        remaining,
    })
}
