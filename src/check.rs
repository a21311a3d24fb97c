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
    // rust_decimal's scale stops at 28 digits; anything finer is no rounding at all.
    let half = Decimal::new(5, (decimals + 1).min(28));
    // A scale word or unit conversion ("$224.6 million", "545 PH/s") scales the written
    // precision with the value.
    let written: Decimal = digits.replace(',', "").parse().unwrap_or(Decimal::ZERO);
    if written.is_zero() {
        return half;
    }
    value
        .checked_div(written)
        .and_then(|f| f.abs().checked_mul(half))
        .unwrap_or(half)
}

fn warn(code: &str, message: String) -> Warning {
    Warning {
        code: code.to_string(),
        message,
    }
}

/// Whether `value` as `metric` agrees with the other figures of `u`: `Some(true)` when a
/// check relates them and passes, `Some(false)` when it fails, `None` when nothing relates
/// them.
pub(crate) fn consistent_with(
    u: &ProductionUpdate,
    metric: Metric,
    value: Decimal,
) -> Option<bool> {
    let mut trial = u.clone();
    let figure = Figure {
        value,
        unit: metric.unit(),
        span: [0, 0],
        text: value.to_string(),
    };
    *trial.slot_mut(metric) = Some(figure);
    let related = match metric {
        Metric::BtcMined => {
            trial.btc_mined_avg_daily.is_some()
                || trial.btc_held.is_some() && trial.btc_held_prior.is_some()
        }
        Metric::BtcMinedAvgDaily => trial.btc_mined.is_some(),
        Metric::BtcHeld | Metric::BtcHeldPrior | Metric::BtcSold => {
            trial.btc_held.is_some() && trial.btc_held_prior.is_some() && trial.btc_mined.is_some()
        }
        Metric::HashrateOperating | Metric::HashrateDeployed => {
            trial.hashrate_operating.is_some() && trial.hashrate_deployed.is_some()
        }
        _ => false,
    };
    if !related {
        return None;
    }
    let codes = check(&trial, &[], &[]);
    Some(!codes.iter().any(|w| {
        matches!(
            w.code.as_str(),
            "daily_mismatch"
                | "holdings_mismatch"
                | "operating_exceeds_deployed"
                | "implausible_value"
        )
    }))
}

/// The warnings for an update, given the changes its text states.
pub(crate) fn check(
    u: &ProductionUpdate,
    changes: &[Change],
    candidates: &[Candidate],
) -> Vec<Warning> {
    let mut out = Vec::new();
    for change in changes
        .iter()
        .filter(|c| !c.year_over_year && c.percent.abs() <= Decimal::from(1_000_000_000_000u64))
    {
        if let Some(w) = change_mismatch(u, change, candidates) {
            out.push(w);
        }
    }
    let days = u.period.map(|p| p.days());
    // Arithmetic on figures beyond any release's magnitudes could overflow a decimal; such
    // figures get `implausible_value` below and no other check.
    let sane = |f: &Option<Figure>| {
        f.as_ref()
            .is_none_or(|f| f.value.abs() <= Decimal::from(1_000_000_000_000u64))
    };
    let all_sane = Metric::ALL.iter().all(|&m| sane(&u.get(m).cloned()));

    if let (true, Some(mined), Some(daily), Some(days)) =
        (all_sane, &u.btc_mined, &u.btc_mined_avg_daily, days)
    {
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

    if let (true, Some(held), Some(prior), Some(mined)) =
        (all_sane, &u.btc_held, &u.btc_held_prior, &u.btc_mined)
    {
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

    if let (true, Some(op), Some(dep)) = (all_sane, &u.hashrate_operating, &u.hashrate_deployed)
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
    if change.absolute {
        // "up 547 BTC" against 6,959.3 and 6,412.6: the stated difference, rounded like the
        // figures and to its own written decimals.
        let diff = cur.value.checked_sub(prior_value)?;
        let tolerance = Decimal::new(5, (change.decimals + 1).min(28))
            .checked_add(cur.text_ulp)?
            .checked_add(prior_ulp)?;
        let gap = diff.checked_sub(change.percent)?.abs();
        return (gap > tolerance).then(|| {
            warn(
                "change_mismatch",
                format!(
                    "stated change of {} for {} disagrees with {} against {} (difference {}, gap {})",
                    change.percent,
                    cur.metric.key(),
                    cur.value,
                    prior_value,
                    diff.normalize(),
                    gap.normalize()
                ),
            )
        });
    }
    let hundred = Decimal::from(100);
    let exact = cur
        .value
        .checked_sub(prior_value)?
        .checked_div(prior_value)?
        .checked_mul(hundred)?;
    // The percentage may be rounded or truncated to its written decimals, and the figures
    // themselves are rounded: allow one unit in the percentage's last decimal plus what
    // half a unit of each figure moves the ratio.
    let unit = Decimal::new(1, change.decimals.min(28));
    let figures = cur
        .text_ulp
        .checked_div(prior_value.abs())?
        .checked_add(
            cur.value
                .abs()
                .checked_mul(prior_ulp)?
                .checked_div(prior_value.checked_mul(prior_value)?)?,
        )?
        .checked_mul(hundred)?;
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
    fn absolute_changes() {
        // 6,959.3 - 6,412.6 = 546.7: "up 547 BTC" rounds it.
        let ok = format!(
            "{HEAD}Holdings rose to 6,959.3 BTC, up 547 BTC from 6,412.6 BTC at the end of October."
        );
        assert!(codes(&ok).is_empty(), "{:?}", codes(&ok));
        let u = extract(&ok);
        assert_eq!(u.btc_held.map(|f| f.text), Some("6,959.3 BTC".to_string()));
        let bad = format!(
            "{HEAD}Holdings rose to 6,959.3 BTC, up 600 BTC from 6,412.6 BTC at the end of October."
        );
        assert_eq!(codes(&bad), ["change_mismatch"]);
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
