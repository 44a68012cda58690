//! Portfolio access — ACC-2: a user reads or writes an account only when responsible
//! for it, or when the user's scope covers it (`team`: one of the user's team is
//! responsible; `all`: every account). Reading and writing follow the same rule.
//!
//! The check every account operation makes first (issue 12, item 6): [`grant`] says
//! why access is given, and [`refusal`] explains a refusal.

use crate::decision::{Lang, Reason};
use crate::model::{AccountRecord, PortfolioUser, Scope};

/// Why a user may read and write an account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    /// The user is one of the account's responsibles.
    Responsible,
    /// `team` scope: this member of the user's team is responsible for the account.
    Team(String),
    /// `all` scope.
    All,
}

/// Why `user` may access an account with these `responsibles`, or `None`. Linear in
/// the responsibles and the team (both small).
pub fn grant(user: &PortfolioUser, responsibles: &[String]) -> Option<Grant> {
    if responsibles.contains(&user.id) {
        return Some(Grant::Responsible);
    }
    match user.scope {
        Scope::All => Some(Grant::All),
        Scope::Team => responsibles.iter().find(|r| user.team.contains(r)).map(|r| Grant::Team(r.clone())),
        Scope::Own => None,
    }
}

/// Whether `user` may read and write `account`.
pub fn may_access(user: &PortfolioUser, account: &AccountRecord) -> bool {
    grant(user, &account.responsibles).is_some()
}

/// The reason behind a granted access (ACC-2).
pub fn granted(user: &PortfolioUser, account: &AccountRecord, how: &Grant) -> Reason {
    let (who, id) = (user.id.clone(), account.id.clone());
    let basis = match how {
        Grant::Responsible => "responsible",
        Grant::Team(_) => "team",
        Grant::All => "all",
    };
    let member = match how {
        Grant::Team(m) => Some(m.clone()),
        _ => None,
    };
    let text_member = member.clone();
    Reason::lazy("ACC-2", move |lang| match (lang, &text_member) {
        (Lang::Pt, None) if basis == "responsible" => format!("{who} é responsável pela conta {id}."),
        (Lang::En, None) if basis == "responsible" => format!("{who} is responsible for account {id}."),
        (Lang::Pt, Some(m)) => format!("A conta {id} é da carteira de {m}, da equipe de {who}."),
        (Lang::En, Some(m)) => format!("Account {id} is in the portfolio of {m}, in {who}'s team."),
        (Lang::Pt, None) => format!("{who} tem acesso a todas as contas."),
        (Lang::En, None) => format!("{who} may access every account."),
    })
    .fact("user", &user.id)
    .fact("account", &account.id)
    .fact("basis", basis)
    .fact("team_member", member)
}

/// The reason behind a refused access (ACC-2): the same for reading and writing.
pub fn refusal(user: &PortfolioUser, account: &AccountRecord) -> Reason {
    let (who, id) = (user.id.clone(), account.id.clone());
    let scope = match user.scope {
        Scope::Own => "own",
        Scope::Team => "team",
        Scope::All => "all",
    };
    Reason::lazy("ACC-2", move |lang| match lang {
        Lang::Pt => format!(
            "Acesso negado: {who} não é responsável pela conta {id} e a abrangência da sua carteira ({scope}) não a inclui."
        ),
        Lang::En => format!(
            "Access refused: {who} is not responsible for account {id} and the reach of their portfolio ({scope}) does not include it."
        ),
    })
    .fact("user", &user.id)
    .fact("account", &account.id)
    .fact("scope", scope)
    .fact_json("responsibles", &account.responsibles)
}

/// The access check every account operation makes first: `Ok` with the reason of the
/// grant, or `Err` with the refusal.
pub fn check(user: &PortfolioUser, account: &AccountRecord) -> Result<Reason, Reason> {
    match grant(user, &account.responsibles) {
        Some(how) => Ok(granted(user, account, &how)),
        None => Err(refusal(user, account)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn user(id: &str, scope: Scope, team: &[&str]) -> PortfolioUser {
        PortfolioUser { id: id.into(), scope, team: team.iter().map(|s| (*s).to_owned()).collect() }
    }

    #[test]
    fn grants() {
        let resp = vec!["ana".to_owned(), "bia".to_owned()];
        assert_eq!(grant(&user("ana", Scope::Own, &[]), &resp), Some(Grant::Responsible));
        assert_eq!(grant(&user("caio", Scope::Own, &["ana"]), &resp), None);
        assert_eq!(grant(&user("caio", Scope::Team, &["bia", "duda"]), &resp), Some(Grant::Team("bia".into())));
        assert_eq!(grant(&user("caio", Scope::Team, &["duda"]), &resp), None);
        assert_eq!(grant(&user("caio", Scope::All, &[]), &resp), Some(Grant::All));
        assert_eq!(grant(&user("caio", Scope::Team, &["ana"]), &[]), None);
    }

    proptest! {
        /// Nobody outside the responsibles and the scope ever gets access.
        #[test]
        fn no_access_outside_responsibles_and_scope(
            id in 0u8..6, scope in 0u8..3, team in proptest::collection::vec(0u8..6, 0..4),
            responsibles in proptest::collection::vec(0u8..6, 0..4),
        ) {
            let name = |n: u8| format!("u{n}");
            let scope = [Scope::Own, Scope::Team, Scope::All][usize::from(scope)];
            let u = PortfolioUser { id: name(id), scope, team: team.iter().copied().map(name).collect() };
            let resp: Vec<String> = responsibles.iter().copied().map(name).collect();
            let allowed = grant(&u, &resp).is_some();
            let expected = resp.contains(&u.id)
                || scope == Scope::All
                || (scope == Scope::Team && resp.iter().any(|r| u.team.contains(r)));
            prop_assert_eq!(allowed, expected);
        }
    }
}
