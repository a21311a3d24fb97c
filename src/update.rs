//! The output types of the contract: `ProductionUpdate`, `Figure`, `Company`, `Period`,
//! `Warning`, and their exact JSON shape.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The unit of a [`Figure`]'s value, after normalization.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// Bitcoin.
    #[serde(rename = "BTC")]
    Btc,
    /// Exahashes per second (PH/s and TH/s are converted).
    #[serde(rename = "EH/s")]
    EhPerSecond,
    /// Joules per terahash (W/TH is the same number).
    #[serde(rename = "J/TH")]
    JoulePerTh,
    /// A count of things: miners, blocks.
    #[serde(rename = "count")]
    Count,
    /// Megawatts (GW are converted).
    #[serde(rename = "MW")]
    Megawatt,
    /// US dollars, scale words applied (`$224.6 million` is 224600000).
    #[serde(rename = "USD")]
    Usd,
}

impl Unit {
    /// The unit's string in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Btc => "BTC",
            Unit::EhPerSecond => "EH/s",
            Unit::JoulePerTh => "J/TH",
            Unit::Count => "count",
            Unit::Megawatt => "MW",
            Unit::Usd => "USD",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One figure stated in the document, with where it was stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The exact decimal value in [`Figure::unit`], after normalization.
    #[serde(serialize_with = "ser_decimal", deserialize_with = "de_decimal")]
    pub value: Decimal,
    /// The normalized unit.
    pub unit: Unit,
    /// `[start, end)` byte offsets into the document text.
    pub span: [usize; 2],
    /// Exactly the bytes of the span.
    pub text: String,
}

/// A company as the document names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Company {
    /// The name as written in the text (`Riot Platforms, Inc.`).
    pub name: String,
    /// The ticker, upper-case, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticker: Option<String>,
    /// The exchange as the text states it (`NASDAQ`, `Nasdaq/TSX`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exchange: Option<String>,
}

/// The period the figures report on: inclusive dates of a calendar month or quarter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Period {
    /// The first day of the period.
    pub start: NaiveDate,
    /// The last day of the period (inclusive).
    pub end: NaiveDate,
}

impl Period {
    /// The calendar month `month` (1-12) of `year`, or `None` for an invalid month.
    pub fn month(year: i32, month: u32) -> Option<Period> {
        let start = NaiveDate::from_ymd_opt(year, month, 1)?;
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        Some(Period {
            start,
            end: next.pred_opt()?,
        })
    }

    /// The calendar quarter `quarter` (1-4) of `year`, or `None` for an invalid quarter.
    pub fn quarter(year: i32, quarter: u32) -> Option<Period> {
        if !(1..=4).contains(&quarter) {
            return None;
        }
        let first = Period::month(year, quarter * 3 - 2)?;
        let last = Period::month(year, quarter * 3)?;
        Some(Period {
            start: first.start,
            end: last.end,
        })
    }

    /// The number of days in the period, both ends included.
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// Whether the period is one calendar month.
    pub fn is_month(&self) -> bool {
        self.start.day() == 1
            && self.start.year() == self.end.year()
            && self.start.month() == self.end.month()
            && self.end.succ_opt().is_none_or(|d| d.day() == 1)
    }

    /// The period of the same length immediately before this one (the month before a
    /// month, the quarter before a quarter).
    pub fn preceding(&self) -> Option<Period> {
        let (y, m) = (self.start.year(), self.start.month());
        let months = self.months();
        let idx = y.checked_mul(12)? + m as i32 - 1 - months as i32;
        let first = Period::month(idx.div_euclid(12), idx.rem_euclid(12) as u32 + 1)?;
        let last_idx = idx + months as i32 - 1;
        let last = Period::month(last_idx.div_euclid(12), last_idx.rem_euclid(12) as u32 + 1)?;
        Some(Period {
            start: first.start,
            end: last.end,
        })
    }

    /// The same period one year earlier.
    pub fn year_earlier(&self) -> Option<Period> {
        let start = self.start.with_year(self.start.year() - 1)?;
        let end_month = Period::month(self.end.year() - 1, self.end.month())?;
        Some(Period {
            start,
            end: end_month.end,
        })
    }

    /// The number of calendar months the period spans.
    pub fn months(&self) -> u32 {
        let span = (self.end.year() - self.start.year()) * 12 + self.end.month() as i32
            - self.start.month() as i32
            + 1;
        span.max(1) as u32
    }
}

/// A consistency problem found among the figures of an update.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// The stable code (`daily_mismatch`, `holdings_mismatch`, `change_mismatch`,
    /// `operating_exceeds_deployed`, `implausible_value`).
    pub code: String,
    /// A sentence naming the figures involved and the size of the gap.
    pub message: String,
}

macro_rules! metrics {
    ($( $(#[$doc:meta])* $field:ident => $variant:ident, $unit:ident; )*) => {
        /// The metrics of the contract, one per [`ProductionUpdate`] figure field.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Metric {
            $( $(#[$doc])* $variant, )*
        }

        impl Metric {
            /// Every metric, in the contract's order.
            pub const ALL: &'static [Metric] = &[$(Metric::$variant),*];

            /// The JSON key of the metric.
            pub fn key(self) -> &'static str {
                match self { $(Metric::$variant => stringify!($field),)* }
            }

            /// The unit the metric's values are normalized to.
            pub fn unit(self) -> Unit {
                match self { $(Metric::$variant => Unit::$unit,)* }
            }
        }

        /// The figures and context of one production update, as the contract defines them.
        ///
        /// Serializing it with serde gives exactly the contract's JSON: absent figures are
        /// left out, values are JSON numbers with their exact decimal text.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
        pub struct ProductionUpdate {
            /// Where the document came from (a path, `archive.zip!/member`, `file.jsonl:7`).
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub source: Option<String>,
            /// The company the document is about, or `None` when it names none.
            pub company: Option<Company>,
            /// The period the figures report on, or `None` when unknown.
            pub period: Option<Period>,
            /// The release date stated in the dateline.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub published: Option<NaiveDate>,
            $(
                $(#[$doc])*
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<Figure>,
            )*
            /// Why the document could not be read; set only on error records.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub error: Option<String>,
            /// Consistency problems among the figures.
            #[serde(default)]
            pub warnings: Vec<Warning>,
        }

        impl ProductionUpdate {
            /// The figure of `metric`, if the document states it.
            pub fn get(&self, metric: Metric) -> Option<&Figure> {
                match metric { $(Metric::$variant => self.$field.as_ref(),)* }
            }

            /// A mutable reference to the slot of `metric`.
            pub fn slot_mut(&mut self, metric: Metric) -> &mut Option<Figure> {
                match metric { $(Metric::$variant => &mut self.$field,)* }
            }
        }
    };
}

metrics! {
    /// Bitcoin the company itself produced in the period.
    btc_mined => BtcMined, Btc;
    /// Bitcoin produced in the immediately preceding period.
    btc_mined_prior => BtcMinedPrior, Btc;
    /// Average bitcoin produced per day in the period.
    btc_mined_avg_daily => BtcMinedAvgDaily, Btc;
    /// Average bitcoin produced per day in the preceding period.
    btc_mined_avg_daily_prior => BtcMinedAvgDailyPrior, Btc;
    /// Bitcoin held at period end.
    btc_held => BtcHeld, Btc;
    /// Bitcoin held at the end of the preceding period.
    btc_held_prior => BtcHeldPrior, Btc;
    /// Bitcoin sold during the period.
    btc_sold => BtcSold, Btc;
    /// Point-in-time (deployed, installed, energized) hashrate at period end.
    hashrate_deployed => HashrateDeployed, EhPerSecond;
    /// Deployed hashrate at the end of the preceding period.
    hashrate_deployed_prior => HashrateDeployedPrior, EhPerSecond;
    /// Average operating hashrate over the period.
    hashrate_operating => HashrateOperating, EhPerSecond;
    /// Average operating hashrate over the preceding period.
    hashrate_operating_prior => HashrateOperatingPrior, EhPerSecond;
    /// Fleet efficiency.
    fleet_efficiency => FleetEfficiency, JoulePerTh;
    /// Number of the company's own mining machines deployed.
    miners_deployed => MinersDeployed, Count;
    /// Blocks won in the period.
    blocks_won => BlocksWon, Count;
    /// The company's energized or operating power capacity.
    power_capacity => PowerCapacity, Megawatt;
    /// Total revenue for the period.
    revenue => Revenue, Usd;
    /// Total revenue for the preceding period.
    revenue_prior => RevenuePrior, Usd;
}

impl Metric {
    /// The metric for the preceding period, when the contract has one.
    pub fn prior(self) -> Option<Metric> {
        Some(match self {
            Metric::BtcMined => Metric::BtcMinedPrior,
            Metric::BtcMinedAvgDaily => Metric::BtcMinedAvgDailyPrior,
            Metric::BtcHeld => Metric::BtcHeldPrior,
            Metric::HashrateDeployed => Metric::HashrateDeployedPrior,
            Metric::HashrateOperating => Metric::HashrateOperatingPrior,
            Metric::Revenue => Metric::RevenuePrior,
            _ => return None,
        })
    }
}

impl ProductionUpdate {
    /// Every figure the update holds, with its metric, in the contract's order.
    pub fn figures(&self) -> impl Iterator<Item = (Metric, &Figure)> {
        Metric::ALL
            .iter()
            .filter_map(|&m| self.get(m).map(|f| (m, f)))
    }

    /// Whether the update holds no figure at all.
    pub fn is_empty(&self) -> bool {
        self.figures().next().is_none()
    }
}

/// Writes a decimal as a JSON number whose text is the decimal's own digits.
///
/// rust_decimal's default serde form is a string; the contract wants numbers. Integers go
/// out as integers (`50`, not `50.0`); other values through `f64`, whose shortest
/// round-trip form prints exactly the decimal digits for anything of 15 significant digits
/// or fewer, which covers every figure a release states.
fn ser_decimal<S: Serializer>(value: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let value = value.normalize();
    if value.scale() == 0
        && let Ok(i) = i64::try_from(value)
    {
        return serializer.serialize_i64(i);
    }
    match f64::try_from(value) {
        Ok(f) => serializer.serialize_f64(f),
        Err(_) => serializer.serialize_str(&value.to_string()),
    }
}

fn de_decimal<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    struct Visitor;
    impl serde::de::Visitor<'_> for Visitor {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a decimal number")
        }
        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
            Ok(Decimal::from(v))
        }
        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
            // `{}` prints the shortest text that round-trips, i.e. the digits written.
            v.to_string().parse().map_err(E::custom)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
            v.parse().map_err(E::custom)
        }
    }
    deserializer.deserialize_any(Visitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: &str) -> Figure {
        Figure {
            value: v.parse().unwrap(),
            unit: Unit::Btc,
            span: [0, 1],
            text: "x".into(),
        }
    }

    #[test]
    fn values_serialize_as_exact_numbers() {
        for (v, json) in [
            ("546.7", "546.7"),
            ("546.70", "546.7"),
            ("50", "50"),
            ("50.0", "50"),
            ("224600000", "224600000"),
            ("0.545", "0.545"),
            ("7474.67", "7474.67"),
            ("0.1", "0.1"),
        ] {
            let s = serde_json::to_string(&fig(v)).unwrap();
            assert!(s.starts_with(&format!("{{\"value\":{json},")), "{v}: {s}");
            let back: Figure = serde_json::from_str(&s).unwrap();
            assert_eq!(back.value, v.parse::<Decimal>().unwrap().normalize());
        }
    }

    #[test]
    fn empty_update_has_contract_keys_only() {
        let u = ProductionUpdate {
            source: Some("a.txt".into()),
            ..Default::default()
        };
        assert_eq!(
            serde_json::to_string(&u).unwrap(),
            r#"{"source":"a.txt","company":null,"period":null,"warnings":[]}"#
        );
    }

    #[test]
    fn periods() {
        let feb = Period::month(2024, 2).unwrap();
        assert_eq!(feb.days(), 29);
        assert!(feb.is_month());
        assert_eq!(feb.preceding(), Period::month(2024, 1));
        assert_eq!(
            Period::month(2024, 1).unwrap().preceding(),
            Period::month(2023, 12)
        );
        let q1 = Period::quarter(2025, 1).unwrap();
        assert_eq!(q1.days(), 90);
        assert!(!q1.is_month());
        assert_eq!(q1.preceding(), Period::quarter(2024, 4));
        assert_eq!(q1.year_earlier(), Period::quarter(2024, 1));
        assert_eq!(feb.year_earlier(), Period::month(2023, 2));
        assert_eq!(Period::month(2025, 13), None);
    }
}
