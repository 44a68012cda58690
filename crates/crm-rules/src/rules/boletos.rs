//! Open boletos — MOV-4 (seed 001, general §3): whenever a client is in contact and
//! has open (unpaid) boletos, alert them; a new sale is still allowed (charge politely).

use serde::{Deserialize, Serialize};

use crate::context::Context;
use crate::decision::{Decision, Lang, Reason};
use crate::error::Result;
use crate::model::{Boleto, InboundContact};
use crate::rules::debt::total;
use crate::text::centavos;

crate::rules! {
    pub(crate) RULES = [{
        name: "contact.open_boletos",
        ids: ["MOV-4"],
        pt: "O alerta de boletos em aberto (nunca bloqueia a venda).",
        en: "The open-boleto alert (never blocks a sale).",
        python: "open_boletos(**contact)",
        js: "openBoletos",
        input: crate::model::InboundContact,
        outcome: BoletoAlert,
        run: |ctx, contact| open_boletos(ctx, &contact),
    }];
}

/// Outcome of [`open_boletos`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BoletoAlert {
    /// There is something to alert.
    pub alert: bool,
    /// The open boletos.
    pub boletos: Vec<Boleto>,
    /// Their total, in centavos.
    pub total_centavos: u64,
}

/// The open-boleto alert of a contact (MOV-4). Never blocks a sale.
pub fn open_boletos(_ctx: &Context, c: &InboundContact) -> Result<Decision<BoletoAlert>> {
    let boletos = c.account.open_boletos.clone();
    let sum = total(boletos.iter().map(|b| b.amount_centavos), "account.open_boletos")?;
    let reasons = if boletos.is_empty() {
        vec![]
    } else {
        let count = boletos.len();
        vec![Reason::lazy("MOV-4", move |lang| match lang {
            Lang::Pt => format!(
                "{count} boleto(s) em aberto ({}): alertar o cliente; uma nova venda pode ser feita, cobrando educadamente.",
                centavos(sum)
            ),
            Lang::En => format!(
                "{count} open boleto(s) ({}): alert the client; a new sale may still be made, charging politely.",
                centavos(sum)
            ),
        })
        .fact_json("boletos", &boletos)
        .fact("total_centavos", sum)]
    };
    Ok(Decision::new(BoletoAlert { alert: !boletos.is_empty(), boletos, total_centavos: sum }, reasons))
}
