//! Holiday definitions (CAL-BD-1): national holidays with their years of validity
//! and law, the optional sets (Carnival, Ash Wednesday, Corpus Christi) and the
//! holidays of the 27 states. Reference for 1990–2099: the Python `holidays`
//! package (Brazil, `public` category, subdivisions), checked in CI.

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::easter::easter_sunday;
use crate::policy::Uf;

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy)]
pub(crate) enum When {
    /// Same month and day every year.
    Fixed(u32, u32),
    /// Days after (or before, when negative) Easter Sunday.
    Easter(i64),
    /// The first Sunday on or after month/day.
    FirstSundayFrom(u32, u32),
    /// Month/day; from the given year on, a Tuesday, Wednesday or Thursday moves
    /// to the next Friday (Acre, Lei Estadual nº 2.247/2009).
    FixedToFridayFrom(u32, u32, i32),
}

impl When {
    pub(crate) fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            When::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            When::Easter(offset) => {
                let e = easter_sunday(year)?;
                if offset >= 0 {
                    e.checked_add_days(Days::new(offset.unsigned_abs()))
                } else {
                    e.checked_sub_days(Days::new(offset.unsigned_abs()))
                }
            }
            When::FirstSundayFrom(m, d) => {
                let start = NaiveDate::from_ymd_opt(year, m, d)?;
                let ahead = (7 - start.weekday().num_days_from_sunday()) % 7;
                start.checked_add_days(Days::new(u64::from(ahead)))
            }
            When::FixedToFridayFrom(m, d, from) => {
                let date = NaiveDate::from_ymd_opt(year, m, d)?;
                let shift = match date.weekday() {
                    Weekday::Tue => 3,
                    Weekday::Wed => 2,
                    Weekday::Thu => 1,
                    _ => 0,
                };
                if year >= from {
                    date.checked_add_days(Days::new(shift))
                } else {
                    Some(date)
                }
            }
        }
    }
}

/// Which set a holiday belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Set {
    National,
    Carnival,
    AshWednesday,
    CorpusChristi,
    State(Uf),
}

/// One holiday definition, valid for the years `from..=until`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Def {
    pub when: When,
    pub name: &'static str,
    pub name_en: &'static str,
    pub law: &'static str,
    pub from: i32,
    pub until: i32,
    pub set: Set,
}

const ALWAYS: i32 = i32::MIN;
const FOREVER: i32 = i32::MAX;
/// State holidays exist as civil holidays from Lei nº 9.093, de 12.09.1995.
const STATES_FROM: i32 = 1996;

const fn def(
    when: When,
    name: &'static str,
    name_en: &'static str,
    law: &'static str,
    from: i32,
    until: i32,
    set: Set,
) -> Def {
    Def { when, name, name_en, law, from, until, set }
}

const fn nat(when: When, name: &'static str, name_en: &'static str, law: &'static str, from: i32, until: i32) -> Def {
    def(when, name, name_en, law, from, until, Set::National)
}

use When::{Easter, FirstSundayFrom, Fixed, FixedToFridayFrom};

const L662: &str = "Lei nº 662/1949 (redação da Lei nº 10.607/2002)";
const D155B: &str = "Decreto nº 155-B/1890";
const D19488: &str = "Decreto nº 19.488/1930";

/// National holidays (CAL-BD-1), with their years of validity.
pub(crate) const NATIONAL: &[Def] = &[
    nat(Fixed(1, 1), "Confraternização Universal", "New Year's Day", L662, ALWAYS, FOREVER),
    nat(Fixed(2, 24), "Constituição da República", "Republic Constitution Day", D155B, 1892, 1930),
    nat(
        Easter(-2),
        "Sexta-feira Santa",
        "Good Friday",
        "Lei nº 9.093/1995 (feriado religioso observado nacionalmente)",
        ALWAYS,
        FOREVER,
    ),
    nat(Fixed(4, 21), "Tiradentes", "Tiradentes' Day", L662, ALWAYS, 1930),
    nat(Fixed(4, 21), "Tiradentes", "Tiradentes' Day", L662, 1933, FOREVER),
    nat(Fixed(5, 1), "Dia do Trabalhador", "Labour Day", L662, 1925, FOREVER),
    nat(Fixed(5, 3), "Descobrimento do Brasil", "Discovery of Brazil", D155B, ALWAYS, 1930),
    nat(Fixed(5, 3), "Descobrimento do Brasil", "Discovery of Brazil", D19488, 1936, 1948),
    nat(Fixed(5, 13), "Abolição da escravidão no Brasil", "Abolition of slavery in Brazil", D155B, ALWAYS, 1930),
    nat(
        Fixed(7, 14),
        "Liberdade e Independência dos Povos Americanos",
        "Freedom and Independence of American Peoples",
        D155B,
        ALWAYS,
        1930,
    ),
    nat(Fixed(9, 7), "Independência do Brasil", "Independence Day", L662, ALWAYS, FOREVER),
    nat(Fixed(10, 12), "Descobrimento da América", "Discovery of America", D155B, ALWAYS, 1930),
    nat(Fixed(10, 12), "Descobrimento da América", "Discovery of America", D19488, 1936, 1948),
    nat(Fixed(10, 12), "Nossa Senhora Aparecida", "Our Lady of Aparecida", "Lei nº 6.802/1980", 1980, FOREVER),
    nat(Fixed(11, 2), "Finados", "All Souls' Day", L662, ALWAYS, FOREVER),
    nat(Fixed(11, 15), "Proclamação da República", "Republic Proclamation Day", L662, ALWAYS, FOREVER),
    nat(
        Fixed(11, 20),
        "Dia Nacional de Zumbi e da Consciência Negra",
        "National Day of Zumbi and Black Awareness",
        "Lei nº 14.759/2023",
        2024,
        FOREVER,
    ),
    nat(Fixed(12, 25), "Natal", "Christmas Day", L662, 1922, FOREVER),
];

const PF: &str = "Ponto facultativo (portaria anual do Ministério da Gestão)";

/// Optional sets, enabled by the policy.
pub(crate) const OPTIONAL: &[Def] = &[
    def(Easter(-48), "Carnaval (segunda-feira)", "Carnival Monday", PF, ALWAYS, FOREVER, Set::Carnival),
    def(Easter(-47), "Carnaval (terça-feira)", "Carnival Tuesday", PF, ALWAYS, FOREVER, Set::Carnival),
    def(Easter(-46), "Quarta-feira de Cinzas", "Ash Wednesday", PF, ALWAYS, FOREVER, Set::AshWednesday),
    def(Easter(60), "Corpus Christi", "Corpus Christi", PF, ALWAYS, FOREVER, Set::CorpusChristi),
];

const fn st(
    uf: Uf,
    when: When,
    name: &'static str,
    name_en: &'static str,
    law: &'static str,
    from: i32,
    until: i32,
) -> Def {
    let from = if from < STATES_FROM { STATES_FROM } else { from };
    def(when, name, name_en, law, from, until, Set::State(uf))
}

const CONSC: &str = "Consciência Negra";
const CONSC_EN: &str = "Black Awareness Day";
const LE: &str = "Lei estadual";

/// State holidays of the 27 UFs.
pub(crate) const STATES: &[Def] = &[
    st(
        Uf::AC,
        FixedToFridayFrom(1, 23, 2009),
        "Dia do Evangélico",
        "Evangelical Day",
        "Lei estadual nº 1.538/2004",
        2005,
        FOREVER,
    ),
    st(
        Uf::AC,
        FixedToFridayFrom(3, 8, 2009),
        "Dia Internacional da Mulher",
        "International Women's Day",
        "Lei estadual nº 1.411/2001",
        2002,
        FOREVER,
    ),
    st(Uf::AC, Fixed(6, 15), "Aniversário do Acre", "Founding of Acre", "Lei estadual nº 14/1964", ALWAYS, FOREVER),
    st(
        Uf::AC,
        FixedToFridayFrom(9, 5, 2009),
        "Dia da Amazônia",
        "Amazonia Day",
        "Lei estadual nº 1.526/2003",
        2004,
        FOREVER,
    ),
    st(
        Uf::AC,
        FixedToFridayFrom(11, 17, 2009),
        "Assinatura do Tratado de Petrópolis",
        "Signing of the Petropolis Treaty",
        "Lei estadual nº 57/1965",
        ALWAYS,
        FOREVER,
    ),
    st(Uf::AL, Fixed(6, 24), "São João", "Saint John's Day", LE, ALWAYS, FOREVER),
    st(Uf::AL, Fixed(6, 29), "São Pedro", "Saint Peter's Day", LE, ALWAYS, FOREVER),
    st(
        Uf::AL,
        Fixed(9, 16),
        "Emancipação Política de Alagoas",
        "Political Emancipation of Alagoas",
        LE,
        ALWAYS,
        FOREVER,
    ),
    st(Uf::AL, Fixed(11, 20), CONSC, CONSC_EN, LE, ALWAYS, 2023),
    st(Uf::AL, Fixed(11, 30), "Dia do Evangélico", "Evangelical Day", LE, 2013, FOREVER),
    st(
        Uf::AM,
        Fixed(9, 5),
        "Elevação do Amazonas à categoria de província",
        "Elevation of Amazonas to province",
        LE,
        ALWAYS,
        FOREVER,
    ),
    st(Uf::AM, Fixed(11, 20), CONSC, CONSC_EN, LE, 2010, 2023),
    st(Uf::AP, Fixed(3, 19), "São José", "Saint Joseph's Day", LE, 2003, FOREVER),
    st(Uf::AP, Fixed(7, 25), "São Tiago", "Saint James' Day", LE, 2012, FOREVER),
    st(Uf::AP, Fixed(9, 13), "Criação do Território Federal", "Creation of the Federal Territory", LE, ALWAYS, FOREVER),
    st(Uf::AP, Fixed(11, 20), CONSC, CONSC_EN, LE, 2008, 2023),
    st(
        Uf::BA,
        Fixed(7, 2),
        "Independência da Bahia",
        "Bahia Independence Day",
        "Constituição do Estado da Bahia",
        ALWAYS,
        FOREVER,
    ),
    st(Uf::CE, Fixed(3, 19), "São José", "Saint Joseph's Day", LE, ALWAYS, FOREVER),
    st(Uf::CE, Fixed(3, 25), "Abolição da escravidão no Ceará", "Abolition of slavery in Ceará", LE, ALWAYS, FOREVER),
    st(Uf::CE, Fixed(8, 15), "Nossa Senhora da Assunção", "Our Lady of Assumption", LE, 2004, FOREVER),
    st(Uf::DF, Fixed(4, 21), "Fundação de Brasília", "Founding of Brasilia", "Lei distrital", ALWAYS, FOREVER),
    st(Uf::DF, Fixed(11, 30), "Dia do Evangélico", "Evangelical Day", "Lei distrital nº 963/1995", ALWAYS, FOREVER),
    st(Uf::ES, Easter(8), "Nossa Senhora da Penha", "Our Lady of Penha", "Lei estadual nº 11.010/2019", 2020, FOREVER),
    st(Uf::GO, Fixed(7, 26), "Fundação da cidade de Goiás", "Foundation of Goiás city", LE, ALWAYS, FOREVER),
    st(Uf::GO, Fixed(10, 24), "Pedra fundamental de Goiânia", "Foundation of Goiânia", LE, ALWAYS, FOREVER),
    st(
        Uf::MA,
        Fixed(7, 28),
        "Adesão do Maranhão à independência do Brasil",
        "Maranhão joining the independence of Brazil",
        LE,
        ALWAYS,
        FOREVER,
    ),
    st(
        Uf::MG,
        Fixed(4, 21),
        "Execução de Tiradentes",
        "Tiradentes' Execution",
        "Constituição do Estado de Minas Gerais",
        ALWAYS,
        FOREVER,
    ),
    st(Uf::MS, Fixed(10, 11), "Criação do Estado", "State Creation Day", LE, ALWAYS, FOREVER),
    st(Uf::MT, Fixed(11, 20), CONSC, CONSC_EN, "Lei estadual nº 7.879/2002", 2003, 2023),
    st(
        Uf::PA,
        Fixed(8, 15),
        "Adesão do Grão-Pará à independência do Brasil",
        "Grão-Pará joining the independence of Brazil",
        LE,
        ALWAYS,
        FOREVER,
    ),
    st(Uf::PB, Fixed(8, 5), "Fundação do Estado", "State Founding Day", LE, ALWAYS, FOREVER),
    st(
        Uf::PE,
        FirstSundayFrom(3, 1),
        "Revolução Pernambucana de 1817",
        "Pernambuco Revolution of 1817",
        "Lei estadual nº 13.386/2007",
        2008,
        2017,
    ),
    st(
        Uf::PE,
        Fixed(3, 6),
        "Revolução Pernambucana de 1817",
        "Pernambuco Revolution of 1817",
        "Lei estadual nº 16.059/2017",
        2018,
        FOREVER,
    ),
    st(Uf::PI, Fixed(10, 19), "Dia do Piauí", "Piauí Day", LE, ALWAYS, FOREVER),
    st(Uf::PR, Fixed(12, 19), "Emancipação do Paraná", "Political Emancipation of Paraná", LE, ALWAYS, 2013),
    st(
        Uf::PR,
        Fixed(11, 15),
        "Nossa Senhora do Rocio",
        "Our Lady of Rocio",
        "Lei estadual nº 18.384/2014",
        2014,
        FOREVER,
    ),
    st(Uf::RJ, Easter(-47), "Carnaval", "Carnival", "Lei estadual nº 5.243/2008", 2009, FOREVER),
    st(Uf::RJ, Fixed(4, 23), "São Jorge", "Saint George's Day", "Lei estadual nº 5.198/2008", 2008, FOREVER),
    st(Uf::RJ, Fixed(11, 20), CONSC, CONSC_EN, "Lei estadual nº 4.007/2002", 2002, 2023),
    st(Uf::RN, Fixed(8, 7), "Dia do Rio Grande do Norte", "Rio Grande do Norte Day", LE, 2000, FOREVER),
    st(
        Uf::RN,
        Fixed(10, 3),
        "Mártires de Cunhaú e Uruaçu",
        "Uruaçu and Cunhaú Martyrs Day",
        "Lei estadual nº 8.913/2006",
        2007,
        FOREVER,
    ),
    st(Uf::RO, Fixed(1, 4), "Criação do Estado", "State Creation Day", LE, ALWAYS, FOREVER),
    st(Uf::RO, Fixed(6, 18), "Dia do Evangélico", "Evangelical Day", LE, 2002, FOREVER),
    st(Uf::RR, Fixed(10, 5), "Criação do Estado", "State Creation Day", LE, ALWAYS, FOREVER),
    st(Uf::RS, Fixed(9, 20), "Dia do Gaúcho", "Gaucho Day", LE, ALWAYS, FOREVER),
    st(
        Uf::SC,
        Fixed(8, 11),
        "Dia do Estado de Santa Catarina",
        "Santa Catarina State Day",
        "Lei estadual nº 12.906/2004",
        2004,
        2004,
    ),
    st(
        Uf::SC,
        FirstSundayFrom(8, 11),
        "Dia do Estado de Santa Catarina",
        "Santa Catarina State Day",
        "Lei estadual nº 13.408/2005",
        2005,
        FOREVER,
    ),
    st(
        Uf::SC,
        Fixed(11, 25),
        "Dia de Santa Catarina de Alexandria",
        "Saint Catherine of Alexandria Day",
        LE,
        ALWAYS,
        1998,
    ),
    st(
        Uf::SC,
        FirstSundayFrom(11, 25),
        "Dia de Santa Catarina de Alexandria",
        "Saint Catherine of Alexandria Day",
        LE,
        1999,
        2003,
    ),
    st(
        Uf::SC,
        Fixed(11, 25),
        "Dia de Santa Catarina de Alexandria",
        "Saint Catherine of Alexandria Day",
        LE,
        2004,
        2004,
    ),
    st(
        Uf::SC,
        FirstSundayFrom(11, 25),
        "Dia de Santa Catarina de Alexandria",
        "Saint Catherine of Alexandria Day",
        LE,
        2005,
        FOREVER,
    ),
    st(
        Uf::SE,
        Fixed(7, 8),
        "Emancipação política de Sergipe",
        "Sergipe Political Emancipation Day",
        LE,
        ALWAYS,
        FOREVER,
    ),
    st(
        Uf::SP,
        Fixed(7, 9),
        "Revolução Constitucionalista",
        "Constitutionalist Revolution",
        "Lei estadual nº 9.497/1997",
        1997,
        FOREVER,
    ),
    st(Uf::TO, Fixed(3, 18), "Dia da Autonomia", "Autonomy Day", LE, 1998, FOREVER),
    st(Uf::TO, Fixed(9, 8), "Nossa Senhora da Natividade", "Our Lady of Nativity", LE, ALWAYS, FOREVER),
    st(Uf::TO, Fixed(10, 5), "Criação do Estado", "State Creation Day", LE, ALWAYS, FOREVER),
];
