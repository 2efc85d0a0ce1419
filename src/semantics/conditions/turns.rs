//! `max_bot_turns` (docs/bot-runtime.md, "Turns"): the bot's replies in a row without
//! progress are counted, and the reply that would be the `max_bot_turns`-th is the hand-off
//! instead (reason `max_bot_turns`). With 6, five replies without progress are said and the
//! sixth is the hand-off. Progress — a slot filled, a button or option chosen, a branch
//! started, an action done — starts the count again.

/// What the bot does with its next reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// Say the reply.
    Reply,
    /// Hand over instead of replying.
    HandOver,
}

/// The count of the bot's replies in a row without progress.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Turns {
    without_progress: u32,
}

impl Turns {
    /// The bot is about to reply to a client message; `progress` says whether that message
    /// made progress.
    pub fn reply(&mut self, progress: bool, max_bot_turns: u32) -> Turn {
        if progress {
            self.without_progress = 0;
            return Turn::Reply;
        }
        self.without_progress += 1;
        if self.without_progress >= max_bot_turns {
            Turn::HandOver
        } else {
            Turn::Reply
        }
    }

    pub fn without_progress(self) -> u32 {
        self.without_progress
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_reply_without_progress_is_the_hand_off() {
        let mut t = Turns::default();
        for n in 1..=5 {
            assert_eq!(t.reply(false, 6), Turn::Reply, "reply {n}");
        }
        assert_eq!(t.reply(false, 6), Turn::HandOver);
    }

    #[test]
    fn progress_starts_the_count_again() {
        let mut t = Turns::default();
        for _ in 0..5 {
            t.reply(false, 6);
        }
        assert_eq!(t.reply(true, 6), Turn::Reply);
        assert_eq!(t.without_progress(), 0);
        for _ in 0..5 {
            assert_eq!(t.reply(false, 6), Turn::Reply);
        }
        assert_eq!(t.reply(false, 6), Turn::HandOver);
    }

    #[test]
    fn one_turn_hands_over_at_the_first_reply_without_progress() {
        let mut t = Turns::default();
        assert_eq!(t.reply(true, 1), Turn::Reply);
        assert_eq!(t.reply(false, 1), Turn::HandOver);
    }
}
