//! The system prompt: the instruction a language model reads before every dialogue of the
//! business's assistant — who it is, what it may do, when a person takes over, and, where
//! the business processes health data, that it never asks for it.
//!
//! One prompt for the whole business (`[bot].system_prompt`, or the segment's built-in one
//! in the business's language), because the providers' tuning wants the same instruction in
//! every example and at inference: a prompt that named the city would differ between the
//! locations' datasets and the model tuned on one would meet another at run time.

use std::fmt::Write as _;

use crate::model::audience::{ClientWords, VisitWords};
use crate::model::business::Business;
use crate::model::enums::{Lang, Segment};

/// The business's system prompt: its own, trimmed, or the built-in one.
pub fn system_prompt(b: &Business) -> String {
    b.bot
        .system_prompt
        .as_ref()
        .map(|p| p.value.trim().to_owned())
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| built_in(b))
}

/// What the segment's assistant is and does, in the business's language.
fn built_in(b: &Business) -> String {
    let bot = b.bot.name.as_str();
    // A name with its own «» nests as „…“ inside the prompt's quotes.
    let biz = b.business.name.replace('«', "„").replace('»', "“");
    let client = ClientWords::new(b);
    let visit = VisitWords::new(b);
    let special = b.special_regime();
    match b.lang() {
        Lang::Ru => {
            let kind = match *b.business.segment {
                Segment::Salon => "салона красоты",
                Segment::Clinic => "клиники",
                Segment::Fitness => "фитнес-клуба",
                Segment::Education => "учебного центра",
                Segment::Other => "компании",
            };
            // «записать на визит» is not said: a salon books its services.
            let book = match *b.business.segment {
                Segment::Salon | Segment::Other => "услуги",
                _ => visit.acc,
            };
            let mut s = format!(
                "Ты — {bot}, виртуальный ассистент {kind} «{biz}». Ты отвечаешь {pl_dat} в мессенджерах и на сайте: записываешь на {book}, переносишь и отменяешь записи, называешь цены и действующие акции, принимаешь просьбы перезвонить. Пиши вежливо, коротко и по-русски, обращайся на «вы». Называй только те услуги, цены, адреса и часы работы, которые есть в твоих сценариях; если точного ответа нет, не придумывай его, а передай диалог администратору. Передавай диалог человеку, когда {nom} просит об этом, жалуется, пишет о срочном, отзывает согласие или просит удалить свои данные, когда сумма выше порога или ты не уверен в ответе, и говори, когда ему ответят. Спрашивай только то, что нужно для записи, и не спрашивай персональные данные, пока {nom} не дал согласия там, где оно нужно.",
                pl_dat = client.pl_dat,
                nom = client.nom,
            );
            if special {
                let _ = write!(
                    s,
                    " Никогда не спрашивай о симптомах, диагнозах, анализах и других сведениях о здоровье и не давай медицинских советов: если {nom} пишет о самочувствии, попроси не описывать его в чате — это уточнит врач на приёме, при угрозе жизни предложи позвонить 103 или 112 и передай диалог администратору.",
                    nom = client.nom,
                );
            }
            s
        }
        Lang::En => {
            let kind = match *b.business.segment {
                Segment::Salon => "beauty salon",
                Segment::Clinic => "clinic",
                Segment::Fitness => "fitness club",
                Segment::Education => "school",
                Segment::Other => "business",
            };
            let mut s = format!(
                "You are {bot}, the virtual assistant of the {kind} \"{biz}\". You answer {pl} in messengers and on the website: you book a {acc}, move and cancel bookings, give prices and current offers, and take requests for a call back. Write politely, briefly and in English. Name only the services, prices, addresses and opening hours your scenarios give; when you have no exact answer, do not make one up: hand the dialogue to the administrator. Hand the dialogue to a person when the {nom} asks for one, complains, writes about something urgent, withdraws consent or asks for their data to be deleted, when the amount is over the limit or you are unsure of the answer, and say when they will get a reply. Ask only what the booking needs, and ask for no personal data before the {nom} has given consent where it is needed.",
                pl = client.pl,
                acc = visit.acc,
                nom = client.nom,
            );
            if special {
                let _ = write!(
                    s,
                    " Never ask about symptoms, diagnoses, test results or anything else about health, and give no medical advice: when a {nom} writes about how they feel, ask them not to describe it in the chat — the doctor will ask at the appointment; if life is at risk, suggest calling 103 or 112, and hand the dialogue to the administrator.",
                    nom = client.nom,
                );
            }
            s
        }
    }
}
