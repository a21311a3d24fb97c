//! Consistency checks among an update's figures: the warnings of the contract.

use rust_decimal::Decimal;

use crate::update::{Figure, Metric, ProductionUpdate, Warning};

/// Half a unit in the last written decimal place of a figure: the rounding its text allows.
fn half_ulp(f: &Figure) -> Decimal {
    let digits = f
        .text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .find(|s| s.chars().any(|c| c.is_ascii_digit()))
        .unwrap_or("");
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    // A scale word ("$224.6 million") makes the written precision coarser than the value's.
    let scale = if f.value.scale() < decimals {
        0
    } else {
        decimals
    };
    Decimal::new(5, scale + 1)
}

fn warn(code: &str, message: String) -> Warning {
    Warning {
        code: code.to_string(),
        message,
    }
}

/// The warnings for an update.
pub(crate) fn check(u: &ProductionUpdate) -> Vec<Warning> {
    let mut out = Vec::new();
    let days = u.period.map(|p| p.days());

    if let (Some(mined), Some(daily), Some(days)) = (&u.btc_mined, &u.btc_mined_avg_daily, days) {
        let d = Decimal::from(days);
        let expected = daily.value * d;
        // The daily average is rounded to its written decimals, so the product may be off
        // by half a unit times the days, plus the total's own rounding.
        let tolerance = half_ulp(daily) * d + half_ulp(mined) + Decimal::new(1, 2) * mined.value;
        let gap = (expected - mined.value).abs();
        if gap > tolerance {
            out.push(warn(
                "daily_mismatch",
                format!(
                    "btc_mined_avg_daily {} x {} days = {} but btc_mined is {} (gap {})",
                    daily.value,
                    days,
                    expected.normalize(),
                    mined.value,
                    gap.normalize()
                ),
            ));
        }
    }

    if let (Some(held), Some(prior), Some(mined)) = (&u.btc_held, &u.btc_held_prior, &u.btc_mined) {
        let sold = u.btc_sold.as_ref().map_or(Decimal::ZERO, |s| s.value);
        let change = held.value - prior.value;
        let expected = mined.value - sold;
        let gap = (change - expected).abs();
        // Purchases, fees and rounding move holdings too; only a gap larger than a tenth
        // of the month's flows plus one coin is reported.
        let tolerance = (mined.value + sold) / Decimal::from(10) + Decimal::ONE;
        if gap > tolerance {
            out.push(warn(
                "holdings_mismatch",
                format!(
                    "btc_held moved by {} but btc_mined - btc_sold is {} (gap {})",
                    change.normalize(),
                    expected.normalize(),
                    gap.normalize()
                ),
            ));
        }
    }

    if let (Some(op), Some(dep)) = (&u.hashrate_operating, &u.hashrate_deployed)
        && op.value > dep.value * Decimal::new(105, 2)
    {
        out.push(warn(
            "operating_exceeds_deployed",
            format!(
                "hashrate_operating {} EH/s exceeds hashrate_deployed {} EH/s by more than 5%",
                op.value, dep.value
            ),
        ));
    }

    for (metric, f) in u.figures() {
        let limit = match metric {
            Metric::HashrateDeployed
            | Metric::HashrateDeployedPrior
            | Metric::HashrateOperating
            | Metric::HashrateOperatingPrior => Some((Decimal::ZERO, Decimal::from(2000))),
            Metric::FleetEfficiency => Some((Decimal::from(5), Decimal::from(200))),
            Metric::BtcMined | Metric::BtcMinedPrior => {
                Some((Decimal::ZERO, Decimal::from(100_000)))
            }
            Metric::BtcMinedAvgDaily | Metric::BtcMinedAvgDailyPrior => {
                Some((Decimal::ZERO, Decimal::from(1_000)))
            }
            Metric::BtcHeld | Metric::BtcHeldPrior | Metric::BtcSold => {
                Some((Decimal::ZERO, Decimal::from(2_000_000)))
            }
            Metric::PowerCapacity => Some((Decimal::ZERO, Decimal::from(20_000))),
            _ => None,
        };
        if let Some((lo, hi)) = limit
            && (f.value < lo || f.value > hi)
        {
            out.push(warn(
                "implausible_value",
                format!(
                    "{} of {} {} is outside {}..{}",
                    metric.key(),
                    f.value,
                    f.unit,
                    lo,
                    hi
                ),
            ));
        }
    }
    out
}
