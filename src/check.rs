//! Consistency checks among an update's figures: the warnings of the contract.

use rust_decimal::Decimal;

use crate::read::{Candidate, Change};
use crate::update::{Figure, Metric, ProductionUpdate, Warning};

/// Half a unit in the last written decimal place of a figure: the rounding its text allows.
fn half_ulp(f: &Figure) -> Decimal {
    half_ulp_of(&f.text, f.value)
}

/// Half a unit in the last decimal written in `text`, for a value of `value`.
pub(crate) fn half_ulp_of(text: &str, value: Decimal) -> Decimal {
    let digits = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .find(|s| s.chars().any(|c| c.is_ascii_digit()))
        .unwrap_or("");
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
    // A Decimal holds at most 28 decimals; more written ones cannot matter.
    let half = Decimal::new(5, (decimals + 1).min(28));
    // A scale word or unit conversion ("$224.6 million", "545 PH/s") scales the written
    // precision with the value.
    let written: Decimal = digits.replace(',', "").parse().unwrap_or(Decimal::ZERO);
    if written.is_zero() {
        return half;
    }
    // Checked: huge values over tiny written numbers overflow (found by property tests).
    value
        .checked_div(written)
        .and_then(|ratio| ratio.abs().checked_mul(half))
        .unwrap_or(half)
}

fn warn(code: &str, message: String) -> Warning {
    Warning {
        code: code.to_string(),
        message,
    }
}

/// The warnings for an update, given the changes its text states.
pub(crate) fn check(
    u: &ProductionUpdate,
    changes: &[Change],
    candidates: &[Candidate],
) -> Vec<Warning> {
    let mut out = Vec::new();
    for change in changes.iter().filter(|c| !c.year_over_year) {
        if let Some(w) = change_mismatch(u, change, candidates) {
            out.push(w);
        }
    }
    let days = u.period.map(|p| p.days());

    // The arithmetic below is checked: figures may be as large as a Decimal holds, and a
    // check whose numbers overflow is skipped rather than panicking.
    if let (Some(mined), Some(daily), Some(days)) = (&u.btc_mined, &u.btc_mined_avg_daily, days)
        && let d = Decimal::from(days)
        && let Some(expected) = daily.value.checked_mul(d)
        // The daily average is rounded to its written decimals, so the product may be off
        // by half a unit times the days, plus the total's own rounding.
        && let Some(tolerance) = half_ulp(daily)
            .checked_mul(d)
            .and_then(|t| t.checked_add(half_ulp(mined)))
            .and_then(|t| t.checked_add(Decimal::new(1, 2).checked_mul(mined.value)?))
        && let Some(gap) = expected.checked_sub(mined.value).map(|g| g.abs())
        && gap > tolerance
    {
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

    if let (Some(held), Some(prior), Some(mined)) = (&u.btc_held, &u.btc_held_prior, &u.btc_mined)
        && let sold = u.btc_sold.as_ref().map_or(Decimal::ZERO, |s| s.value)
        && let Some(change) = held.value.checked_sub(prior.value)
        && let Some(expected) = mined.value.checked_sub(sold)
        && let Some(gap) = change.checked_sub(expected).map(|g| g.abs())
        // Purchases, fees and rounding move holdings too; only a gap larger than a tenth
        // of the month's flows plus one coin is reported.
        && let Some(tolerance) = mined
            .value
            .checked_add(sold)
            .and_then(|f| (f / Decimal::from(10)).checked_add(Decimal::ONE))
        && gap > tolerance
    {
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

    if let (Some(op), Some(dep)) = (&u.hashrate_operating, &u.hashrate_deployed)
        && dep
            .value
            .checked_mul(Decimal::new(105, 2))
            .is_some_and(|bound| op.value > bound)
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

/// A stated month-over-month (or quarter-over-quarter) change against the figures it
/// compares: the statement of a figure nearest to the percentage in its sentence ("411 BTC
/// earned, up 7% from August's 383 BTC", "up 2% M/M to 58.3 EH/s"), and the prior figure of
/// the same metric stated in that sentence, else the update's prior.
fn change_mismatch(
    u: &ProductionUpdate,
    change: &Change,
    candidates: &[Candidate],
) -> Option<Warning> {
    let (s, e) = change.sentence;
    let gap_to = |c: &Candidate| {
        if c.end <= change.start {
            change.start - c.end
        } else {
            c.start.saturating_sub(change.start)
        }
    };
    let in_sentence = |c: &&Candidate| c.start >= s && c.end <= e;
    let is_prior = |m: Metric| Metric::ALL.iter().any(|x| x.prior() == Some(m));
    let cur = candidates
        .iter()
        .filter(in_sentence)
        .filter(|c| !is_prior(c.metric))
        .min_by_key(|c| gap_to(c))?;
    let prior_metric = cur.metric.prior()?;
    let prior = candidates
        .iter()
        .filter(in_sentence)
        .filter(|c| c.metric == prior_metric)
        .min_by_key(|c| gap_to(c))
        .map(|c| (c.value, c.text_ulp))
        .or_else(|| u.get(prior_metric).map(|f| (f.value, half_ulp(f))))?;
    let (prior_value, prior_ulp) = prior;
    if prior_value.is_zero() {
        return None;
    }
    let hundred = Decimal::from(100);
    // Checked throughout: figures as large or small as a Decimal holds overflow the ratios
    // (found by property tests); such a change is not compared.
    let exact = cur
        .value
        .checked_sub(prior_value)?
        .checked_div(prior_value)?
        .checked_mul(hundred)?;
    // The percentage may be rounded or truncated to its written decimals, and the figures
    // themselves are rounded: allow one unit in the percentage's last decimal plus what
    // half a unit of each figure moves the ratio.
    let unit = Decimal::new(1, change.decimals.min(28));
    let figures = hundred.checked_mul(
        cur.text_ulp.checked_div(prior_value.abs())?.checked_add(
            cur.value
                .abs()
                .checked_mul(prior_ulp)?
                .checked_div(prior_value.checked_mul(prior_value)?)?,
        )?,
    )?;
    let gap = exact.checked_sub(change.percent)?.abs();
    (gap > unit.checked_add(figures)?).then(|| {
        warn(
            "change_mismatch",
            format!(
                "stated change of {}% for {} disagrees with {} against {} ({}%, gap {} points)",
                change.percent,
                cur.metric.key(),
                cur.value,
                prior_value,
                exact.round_dp(2),
                gap.round_dp(2)
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::extract;

    fn codes(text: &str) -> Vec<String> {
        extract(text).warnings.into_iter().map(|w| w.code).collect()
    }

    const HEAD: &str = "Cango Inc. (NYSE: CANG) November 2025 production update. ";

    #[test]
    fn truncated_and_rounded_changes_are_consistent() {
        // The exact change is -9.28%: "9.2%" truncates it, "9.3%" rounds it.
        for p in ["9.2", "9.3", "9"] {
            let t = format!(
                "{HEAD}Cango mined 546.7 BTC in November, a {p}% decline from 602.6 BTC in October."
            );
            assert!(codes(&t).is_empty(), "{p}: {:?}", codes(&t));
        }
    }

    #[test]
    fn wrong_changes_are_flagged() {
        let t = format!(
            "{HEAD}Cango mined 546.7 BTC in November, a 12.5% decline from 602.6 BTC in October."
        );
        assert_eq!(codes(&t), ["change_mismatch"]);
        // The direction is part of the statement.
        let t =
            format!("{HEAD}Cango mined 546.7 BTC in November, up 9.2% from 602.6 BTC in October.");
        assert_eq!(codes(&t), ["change_mismatch"]);
    }

    #[test]
    fn year_over_year_changes_are_not_compared_with_the_prior_month() {
        let t = format!(
            "{HEAD}Cango mined 546.7 BTC in November, up 40% year-over-year, compared with 602.6 BTC in October."
        );
        assert!(codes(&t).is_empty(), "{:?}", codes(&t));
    }

    #[test]
    fn daily_average_against_days_in_the_period() {
        // 30 days x 18.22 = 546.6: consistent with 546.7 at the daily figure's rounding.
        let ok =
            format!("{HEAD}Cango mined 546.7 BTC in November, an average of 18.22 BTC per day.");
        assert!(codes(&ok).is_empty(), "{:?}", codes(&ok));
        let bad =
            format!("{HEAD}Cango mined 546.7 BTC in November, an average of 21.5 BTC per day.");
        assert_eq!(codes(&bad), ["daily_mismatch"]);
        // February 2024 has 29 days: 29 x 10 = 290.
        let leap = "Riot Platforms, Inc. (NASDAQ: RIOT) February 2024 production update. Riot mined 290 BTC in February, an average of 10.0 BTC per day.";
        assert!(codes(leap).is_empty(), "{:?}", codes(leap));
    }

    #[test]
    fn holdings_against_production_and_sales() {
        let ok = format!(
            "{HEAD}Cango mined 546.7 BTC in November and sold none. Holdings rose to 6,959.3 BTC from 6,412.6 BTC at the end of October."
        );
        assert!(codes(&ok).is_empty(), "{:?}", codes(&ok));
        let bad = format!(
            "{HEAD}Cango mined 546.7 BTC in November. Holdings rose to 9,959.3 BTC from 6,412.6 BTC at the end of October."
        );
        assert_eq!(codes(&bad), ["holdings_mismatch"]);
    }

    #[test]
    fn operating_above_deployed() {
        let ok = format!(
            "{HEAD}Deployed hashrate was 50 EH/s and average operating hashrate was 44.38 EH/s."
        );
        assert!(codes(&ok).is_empty(), "{:?}", codes(&ok));
        let bad = format!(
            "{HEAD}Deployed hashrate was 40 EH/s and average operating hashrate was 44.38 EH/s."
        );
        assert_eq!(codes(&bad), ["operating_exceeds_deployed"]);
    }

    #[test]
    fn implausible_values() {
        let bad = format!("{HEAD}Deployed hashrate reached 5,000 EH/s at month end.");
        assert_eq!(codes(&bad), ["implausible_value"]);
    }
}
