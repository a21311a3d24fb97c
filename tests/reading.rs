//! Small cases of reading, one per behaviour; each was a bug or a trap once.

use minerpress::{ProductionUpdate, extract};

const HEAD: &str =
    "Riot Platforms, Inc. (NASDAQ: RIOT) announces its April 2025 production update.\n";

fn read(body: &str) -> ProductionUpdate {
    extract(&format!("{HEAD}{body}"))
}

fn text(f: &Option<minerpress::Figure>) -> Option<&str> {
    f.as_ref().map(|f| f.text.as_str())
}

#[test]
fn a_bound_applies_only_right_before_its_figure() {
    // "over the month was 29.3 EH/s" is not a bound on 29.3.
    let u = read("The fleet's average operating hash rate over the month was 29.3 EH/s.");
    assert_eq!(text(&u.hashrate_operating), Some("29.3 EH/s"));
    // "over 10,000 bitcoin" is a bound, not a figure.
    let u = read("Riot now holds over 10,000 bitcoin.");
    assert_eq!(u.btc_held, None);
}

#[test]
fn opening_balances_are_not_period_end_holdings() {
    let u = read(
        "Metric | March 2025 | April 2025\nBitcoin Beginning Balance | 19,100 | 19,223\nBitcoin Ending Balance | 19,223 | 19,211\n",
    );
    assert_eq!(text(&u.btc_held), Some("19,211"));
    assert_eq!(text(&u.btc_held_prior), Some("19,223"));
}

#[test]
fn segment_revenue_gives_way_to_the_overall_total() {
    let u = read(
        "- Overall monthly revenue of $3.88 million.\n- Self-mining monthly revenue increased 18% to $2.44 million.\n",
    );
    assert_eq!(text(&u.revenue), Some("$3.88 million"));
}

#[test]
fn multi_month_totals_are_not_the_month() {
    let u = read(
        "During the eight months ended April 30, 2025, Riot mined 3,500 BTC. In April Riot mined 463 BTC.",
    );
    assert_eq!(text(&u.btc_mined), Some("463 BTC"));
}

#[test]
fn stated_changes_are_not_figures() {
    let u = read("Riot's holdings rose to 19,211 BTC, up 547 BTC from March.");
    assert_eq!(text(&u.btc_held), Some("19,211 BTC"));
    assert_eq!(u.btc_held_prior, None);
}

#[test]
fn targets_and_network_figures_are_left_out() {
    let u = read(
        "Riot expects to reach 46 EH/s by year-end. The network hashrate averaged 850 EH/s. \
         The newest ASICs run at 15 J/TH.",
    );
    assert_eq!(u.hashrate_deployed, None);
    assert_eq!(u.hashrate_operating, None);
    assert_eq!(u.fleet_efficiency, None);
}

#[test]
fn hosted_customers_bitcoin_is_not_the_company_s() {
    let u = read(
        "Riot self-mined 463 bitcoin, while hosting customers earned an estimated 120 bitcoin.",
    );
    assert_eq!(text(&u.btc_mined), Some("463 bitcoin"));
}

#[test]
fn year_ago_and_prior_month() {
    let u = read(
        "Riot produced 463 bitcoin in April 2025, compared with 533 in March 2025 and 415 in April 2024.",
    );
    assert_eq!(text(&u.btc_mined), Some("463 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("533"));
}

#[test]
fn own_scope_beats_a_customers_included_total_and_its_prior() {
    let u = extract(
        "BitFuFu Inc. (NASDAQ: FUFU) May 2025 business update.\n\
         - Total BTC production for the month was 400 BTC, 91% higher than the 209 BTC produced in April.\n\
         - Of May's total, 357 BTC was produced by cloud-mining customers and 43 BTC came from BitFuFu's self-mining operations.\n\
         - Self-owned hashrate was 4.2 EH/s, while 29.9 EH/s came from miners owned by partners and customers.\n",
    );
    assert_eq!(text(&u.btc_mined), Some("43 BTC"));
    assert_eq!(u.btc_mined_prior, None);
    assert_eq!(text(&u.hashrate_deployed), Some("4.2 EH/s"));
}

#[test]
fn a_figure_reached_at_another_period_end_is_not_the_period_s() {
    let u = extract(
        "Canaan Inc. (NASDAQ: CAN) Reports Third Quarter 2025 Results\n\
         As of September 30, 2025, the crypto treasury1 held 1,581.9 BTC.\n\
         As of October 31, 2025, the crypto treasury had grown to 1,610 BTC.\n",
    );
    assert_eq!(text(&u.btc_held), Some("1,581.9 BTC"));
}

#[test]
fn a_price_after_a_revenue_in_another_currency_is_not_revenue() {
    let u = extract(
        "Cathedra Bitcoin Inc. (TSXV: CBIT) September 2023 update.\n\
         Revenue for September was approximately C$0.86 million, with bitcoin averaging roughly US$26,300 over the month.\n",
    );
    assert_eq!(u.revenue, None);
}

#[test]
fn a_news_site_s_own_arithmetic_is_not_the_company_s_figure() {
    let u = extract(
        "CleanSpark, Inc. (NASDAQ: CLSK) mined 629 bitcoin in September 2025.\n\
         Our own arithmetic puts September output at roughly 21 bitcoin a day.\n",
    );
    assert_eq!(u.btc_mined_avg_daily, None);
}

#[test]
fn bracketed_dollar_conversions_of_sterling_revenue() {
    let u = extract(
        "Argo Blockchain plc (LSE: ARB; NASDAQ: ARBK) September 2022 update.\n\n\
         Mining revenue in September amounted to \u{a3}3.77 million [$4.25 million*] \
         (August 2022: \u{a3}4.33 million [$5.10 million*]).\n",
    );
    assert_eq!(text(&u.revenue), Some("$4.25 million"));
    assert_eq!(text(&u.revenue_prior), Some("$5.10 million"));
}

#[test]
fn compared_to_is_a_comparison_not_a_reached_figure() {
    let u = extract(
        "Argo Blockchain plc (LSE: ARB; NASDAQ: ARBK) December 2022 update.\n\n\
         - Argo mined 147 Bitcoin or Bitcoin Equivalents (together, \"BTC\") compared to 198 BTC in November 2022.\n",
    );
    assert_eq!(text(&u.btc_mined), Some("147 Bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("198 BTC"));
}

#[test]
fn ending_the_period_with_coins_is_holding_them() {
    let u = read(
        "We sold 704 BTC in April and ended the month with 15,174 unrestricted BTC, up from 14,025 BTC at the end of March.",
    );
    assert_eq!(text(&u.btc_sold), Some("704 BTC"));
    assert_eq!(text(&u.btc_held), Some("15,174"));
    assert_eq!(text(&u.btc_held_prior), Some("14,025 BTC"));
}

/// Property tests found a panic: a figure written with more than 28 decimals overflowed the
/// rounding arithmetic of the checks. Extreme magnitudes must never panic.
#[test]
fn extreme_decimals_and_magnitudes_do_not_panic() {
    for body in [
        "Riot produced 0.0000000000000000000000000000001 bitcoin in April, an average of 0.00000000000000000000000000001 bitcoin per day.",
        "Riot produced 79228162514264337593543950335 bitcoin in April, up 79228162514264337593543950335% from 0.0000001 bitcoin in March.",
        "Riot held 79228162514264337593543950335 BTC, up 1 BTC from 0.0000000000000000000000000001 BTC in March.",
    ] {
        let _ = read(body);
    }
}

#[test]
fn a_total_split_into_own_and_hosted_is_not_the_fleet() {
    let u = read(
        "The total deployed fleet consisted of approximately 191,000 ASIC mining machines, of which \
         approximately 58,000 were owned by the Company and approximately 133,000 were hosted.",
    );
    assert_ne!(text(&u.miners_deployed), Some("191,000"));
}

#[test]
fn potential_hash_rate_at_month_end_is_a_capacity() {
    // The hashrate the whole fleet would give with every machine running, measured at month
    // end: a deployed capacity, not a plan.
    let u = read(
        "Metric | April 2025 | March 2025\nApproximate Potential Hash Rate at Month End (PH/s) | 620 | 532\n",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("620"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("532"));
    // A plan stays a plan.
    let u = read("Riot expects potential hash rate of 40 EH/s by year end.");
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn a_which_clause_speaks_of_the_words_before_it() {
    let u = read(
        "Riot also moved idle GPUs to high-performance computing, which earned about US$0.1 million of revenue in April.",
    );
    assert_eq!(u.revenue, None);
    let u = read("Riot mined 475 BTC in April, which was up from 463 BTC in March.");
    assert_eq!(text(&u.btc_mined), Some("475 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("463 BTC"));
}

#[test]
fn from_after_a_hashrate_names_the_machines_it_comes_from() {
    let u = read("Riot ended April with 13.5 EH/s from approximately 75,000 deployed mining rigs.");
    assert_eq!(text(&u.miners_deployed), Some("75,000"));
    // Between figures of one kind, "from" still compares.
    let u = read("Riot's fleet grew to 80,000 miners from 75,000 miners in March.");
    assert_eq!(text(&u.miners_deployed), Some("80,000"));
}

#[test]
fn own_machines_in_third_party_data_centres_are_the_fleet() {
    let u =
        read("The fleet of approximately 4,400 machines is hosted at third-party data centres.");
    assert_eq!(text(&u.miners_deployed), Some("4,400"));
    // Customers' machines hosted by the company are not.
    let u = read("Riot hosts 12,000 machines for its hosting customers.");
    assert_eq!(u.miners_deployed, None);
}

#[test]
fn clause_words_wrapped_onto_the_next_line_still_split_clauses() {
    // Fixed-width filing text breaks lines anywhere; "and" at a line end still ends the
    // self-mining figure's phrase.
    let u = read(
        "  *  Proprietary hash rate was 5.4 EH/s, with 4.0 EH/s allocated to the self-mining business and\n     1.4 EH/s to the Cloud Hash Rate business, whose output belongs to cloud customers.\n",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("4.0 EH/s"));
}

#[test]
fn dot_leaders_separate_a_label_from_its_value() {
    let u = read(
        "Key Metrics (April 2025)\n\nBTC Mined ............................ 184\nPower Sales Equivalent BTC ........... 12\nBTC Sold ............................. 60\nBTC Held ........................... 2,105\nFleet Efficiency (J/TH) …………… 24.6\n",
    );
    assert_eq!(text(&u.btc_mined), Some("184"));
    assert_eq!(text(&u.btc_sold), Some("60"));
    assert_eq!(text(&u.btc_held), Some("2,105"));
    assert_eq!(text(&u.fleet_efficiency), Some("24.6"));
}

#[test]
fn actively_managed_coins_are_part_of_the_holdings() {
    let u = read(
        "- Holds 27,562 BTC, Including 4,499 BTC Loaned, Actively Managed or Pledged as Collateral\n",
    );
    assert_eq!(text(&u.btc_held), Some("27,562 BTC"));
}

#[test]
fn a_bracketed_daily_rate_after_a_compared_total_is_its_alternative() {
    let u = read(
        "In April, Riot mined 103 BTC, equal to 3.4 BTC per day, compared with 92 BTC (3.0 BTC per day) in March 2025.",
    );
    assert_eq!(text(&u.btc_mined_prior), Some("92 BTC"));
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("3.0 BTC"));
}

#[test]
fn three_months_to_a_quarter_end_is_a_quarter_total_in_a_monthly_update() {
    let u = read(
        "Across the three months to 31 March 2025, Riot mined a total of 1,319 BTC and generated mining revenue of $116.8 million.",
    );
    assert_eq!(u.btc_mined, None);
    assert_eq!(u.btc_mined_prior, None);
    assert_eq!(u.revenue, None);
    assert_eq!(u.revenue_prior, None);
}

#[test]
fn a_label_without_a_measure_takes_it_from_its_section_title() {
    let u = read(
        "Hashrate (as of April 30, 2025)\nTotal hashrate under management: 38.6 EH/s (March 31, 2025: 36.2 EH/s)\nSelf-owned hashrate: 4.6 EH/s (March 31, 2025: 4.4 EH/s)\n\nBitcoin production\nTotal BTC produced in April: 418 BTC (March 2025: 371 BTC)\nBy customers from cloud-mining solutions: 367 BTC\nFrom self-mining operations: 51 BTC (March 2025: 46 BTC)\n",
    );
    assert_eq!(text(&u.btc_mined), Some("51 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("46 BTC"));
    assert_eq!(text(&u.hashrate_deployed), Some("4.6 EH/s"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("4.4 EH/s"));
}

#[test]
fn a_network_figure_compared_further_back_takes_the_comparison_along() {
    let u = read(
        "The seven-day average network hashrate stood at roughly 836 EH/s on Sunday, against a 30-day average of about 812 EH/s.",
    );
    assert_eq!(u.hashrate_operating, None);
}

#[test]
fn the_whole_a_share_is_taken_of_is_not_a_figure() {
    let u =
        read("The two largest pools found about 56% of the 1,029 blocks mined during the week.");
    assert_eq!(u.blocks_won, None);
}

#[test]
fn paths_and_mid_year_goals_are_targets() {
    let u = read("Riot outlines its path to 50 EH/s. Riot has pointed to 60 EH/s by mid-year.");
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn bullets_set_as_table_rows_are_prose() {
    let u = read(
        "• | Earned an average of 7.2 BTC per day and exited the month at 7.6 BTC per day.\n• | Treasury held 1,147 BTC worth $72.6 million at April 30, 2025, up from 1,103 BTC at March 31.\n",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("7.2 BTC"));
    assert_eq!(text(&u.btc_held), Some("1,147 BTC"));
    assert_eq!(text(&u.btc_held_prior), Some("1,103 BTC"));
}

#[test]
fn options_on_bitcoin_are_not_bitcoin_held() {
    let u = read(
        "The Synthetic HODL program ended the month with options referencing approximately 70 BTC.",
    );
    assert_eq!(u.btc_held, None);
}

#[test]
fn an_anticipated_addition_is_a_plan() {
    let u = read("Once the transaction closes, we anticipate adding roughly 165 MW of power.");
    assert_eq!(u.power_capacity, None);
}

#[test]
fn a_change_that_names_the_network_as_its_subject_is_not_checked_against_production() {
    let u = read(
        "217 BTC earned in April 2025, down 7% from March's 233 BTC, reflecting a 6% increase in average network difficulty.",
    );
    assert_eq!(text(&u.btc_mined), Some("217 BTC"));
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
}

#[test]
fn the_same_label_under_each_site_gives_per_site_figures() {
    let u = read(
        "Energized capacity across the Company's three sites totaled approximately 75 MW at month end.\n\nSite A (Texas) - hosting\n- Energized: 25 MW\n\nSite B (Texas) - proprietary mining\n- Energized: 25 MW\n\nSite C (Kentucky) - hosting\n- Energized: 25 MW\n",
    );
    assert_eq!(text(&u.power_capacity), Some("75 MW"));
}

#[test]
fn a_table_header_label_speaks_for_its_rows_but_not_for_other_coins() {
    let u = read(
        "Self-mining output\tApril 2025\tMarch 2025\nBitcoin (BTC)\t9.8\t10.4\nDogecoin (DOGE)\t1,083,450.27\t1,150,218.64\nLitecoin (LTC)\t271.36\t287.51\n",
    );
    assert_eq!(text(&u.btc_mined), Some("9.8"));
    assert_eq!(text(&u.btc_mined_prior), Some("10.4"));
}

#[test]
fn a_compared_figure_without_per_day_is_the_earlier_totals() {
    let u = read(
        "Self-mined 9.8 BTC in April, or roughly 0.33 BTC per day, compared with 10.4 BTC in March.",
    );
    assert_eq!(text(&u.btc_mined_prior), Some("10.4 BTC"));
    assert_eq!(u.btc_mined_avg_daily_prior, None);
}

#[test]
fn a_sentence_with_a_figure_before_its_colon_is_not_a_label() {
    let u = read(
        "- Operational power capacity stood at 94 MW at the end of April: 43 MW in Ohio and 51 MW in Ethiopia.",
    );
    assert_eq!(text(&u.power_capacity), Some("94 MW"));
}

#[test]
fn in_order_to_is_not_an_order_of_machines() {
    let u = read("In order to reduce its borrowings, Riot sold 637 BTC during April.");
    assert_eq!(text(&u.btc_sold), Some("637 BTC"));
}

#[test]
fn a_bracketed_rate_after_a_dated_prior_shares_its_period() {
    let u = read(
        "Riot mined 124 BTC in April, or 4.1 BTC per day, compared with 143 BTC in March 2025 (4.6 BTC per day).",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("4.1 BTC"));
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("4.6 BTC"));
}

#[test]
fn parts_listed_after_of_which_are_parts() {
    let u = read(
        "Riot self-mined 343 bitcoin in April, of which 262 bitcoin came from Rockdale and 81 bitcoin represented its share of a joint venture, compared with the 351 bitcoin self-mined in March.",
    );
    assert_eq!(text(&u.btc_mined), Some("343 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("351 bitcoin"));
    let u = read(
        "At April 30 Riot held 1,953 BTC, of which 66 were BTC Equivalents, compared with 2,466 BTC as of March 31.",
    );
    assert_eq!(text(&u.btc_held_prior), Some("2,466 BTC"));
}

#[test]
fn the_number_of_machines_reached_is_a_fleet_count() {
    let u = read(
        "Energizing the last racks brought the number of machines deployed across Riot's facilities to approximately 24,700.",
    );
    assert_eq!(text(&u.miners_deployed), Some("24,700"));
}

#[test]
fn a_number_in_a_name_is_not_a_figure() {
    let u = read(
        "Capacity reached 7.6 EH/s at April 30, compared with 7.3 EH/s at the end of March, following the energization of the final miners in Building 2.",
    );
    assert_eq!(text(&u.hashrate_deployed_prior), Some("7.3 EH/s"));
}

#[test]
fn titles_spanning_two_columns_apply_to_both_and_nine_months_is_a_total() {
    let u = extract(
        "Riot Platforms, Inc. (NASDAQ: RIOT) reports results for the quarter ended September 30, 2025.\n\nKey Operating Metrics\n\n                          Three Months Ended          Nine Months Ended\n                             September 30,               September 30,\n                          2025          2024          2025          2024\nBitcoin produced          1,406         1,104         4,362         3,312\n",
    );
    assert_eq!(text(&u.btc_mined), Some("1,406"));
    let u = extract(
        "MARA Holdings, Inc. (NASDAQ: MARA) reports fourth quarter 2024 results.\n\n                          Three Months Ended Dec. 31     Twelve Months Ended Dec. 31\n                             2024          2023             2024           2023\nBitcoin produced (BTC)      2,492         4,242            9,430         12,852\n",
    );
    assert_eq!(text(&u.btc_mined), Some("2,492"));
}

#[test]
fn engineering_revenue_is_a_segment_and_twelve_month_totals_are_not_the_quarter() {
    let u = extract(
        "Riot Platforms, Inc. (NASDAQ: RIOT) reports results for the quarter ended September 30, 2025.\n\n- Total revenue of $180.2 million.\n- Bitcoin mining revenue of $160.9 million and engineering revenue of $19.3 million.\n\nFor the twelve months, revenue rose 69% to $656.4 million.\n",
    );
    assert_eq!(text(&u.revenue), Some("$180.2 million"));
}

#[test]
fn mining_right_before_a_figure_is_the_verb() {
    let u = read(
        "Riot squeezed more out of its machines, mining 516 bitcoin in April 2025 compared with 495 BTC in March.",
    );
    assert_eq!(text(&u.btc_mined), Some("516 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("495 BTC"));
}

#[test]
fn links_to_other_stories_are_not_read() {
    let u = read(
        "Riot mined 516 BTC in April.\n\nRead more: CleanSpark mined 668 BTC in April and exited at 39.1 EH/s\n",
    );
    assert_eq!(text(&u.btc_mined), Some("516 BTC"));
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn a_unit_in_a_footnote_applies_to_the_marked_label() {
    let u = read(
        "Key Performance Indicators\tApril 2025\tMarch 2025\nOperating capacity³\t461\t461\nMonth-end operating hashrate²\t17.6\t17.3\n\n² Exahashes per second (EH/s).\n³ Megawatts (MW) of energized capacity across all sites.\n",
    );
    assert_eq!(text(&u.power_capacity), Some("461"));
    assert_eq!(text(&u.hashrate_deployed), Some("17.6"));
}

#[test]
fn exahashes_under_management_are_not_the_companys() {
    let u = read(
        "- Exited April with 19.5 EHuM, which includes capacity managed for hosting customers.",
    );
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn indented_rows_under_a_group_label_take_its_measure_and_unit() {
    let u = read(
        "| Metric                  | April 2025 | March 2025 |\n| Hashrate (EH/s)         |            |            |\n|   Monthly average       | 32.32      | 28.96      |\n|   Month-end operating   | 37.4       | 31.7       |\n",
    );
    assert_eq!(text(&u.hashrate_operating), Some("32.32"));
    assert_eq!(text(&u.hashrate_deployed), Some("37.4"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("31.7"));
}

#[test]
fn a_label_wrapped_onto_a_second_line_keeps_its_parent() {
    let u = read(
        "| Metric                               | April 2025 | March 2025 |\n| Total BTC produced                   | 441        | 371        |\n|   - By customers from cloud-mining   | 393        | 327        |\n|     solutions                        |            |            |\n|   - From self-mining                 | 48         | 44         |\n|     operations                       |            |            |\n",
    );
    assert_eq!(text(&u.btc_mined), Some("48"));
    assert_eq!(text(&u.btc_mined_prior), Some("44"));
}

#[test]
fn a_footnote_digit_glued_to_a_cell_is_not_part_of_it() {
    let u = read(
        "                                        April 2025    March 2025\nMining machines under management        182,000       185,000\nTotal electrical capacity (MW)          8953          8953\n\n3 Includes capacity used to serve hosting customers.\n",
    );
    assert_eq!(text(&u.power_capacity), Some("895"));
    // Without a footnote 3, or where thousands are written without separators, the number
    // is whole.
    let u = read(
        "                                        April 2025    March 2025\nTotal electrical capacity (MW)          8953          8953\n",
    );
    assert_eq!(text(&u.power_capacity), Some("8953"));
}

#[test]
fn owned_right_before_coins_is_holding_them_and_an_equivalent_is_not() {
    let u = read(
        "At the end of April, Riot owned 553.2 BTC and 9,900.9 ETH. Taken together, its digital asset holdings were equal to about 1,558.3 BTC.",
    );
    assert_eq!(text(&u.btc_held), Some("553.2 BTC"));
}

#[test]
fn buying_coins_is_not_mining_them() {
    let u = read("Riot kept every coin it mined, buying a further 183.5 BTC in the market.");
    assert_eq!(u.btc_mined, None);
}

#[test]
fn per_cent_in_two_words_is_a_percentage() {
    let u = read(
        "Average hash rate for the month was 1.53 EH per second, compared with 1.65 EH per second in March, a decline of 7.3 per cent.",
    );
    assert_eq!(
        text(&u.hashrate_operating_prior),
        Some("1.65 EH per second")
    );
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
}

#[test]
fn a_plus_after_a_number_makes_it_a_bound() {
    let u = read(
        "Riot mined 475 BTC in April, compared with 463 BTC in March, rather than the 500-plus it was tracking.",
    );
    assert_eq!(text(&u.btc_mined_prior), Some("463 BTC"));
}

#[test]
fn net_of_hosting_fees_is_still_the_companys_and_a_31_day_month_is_no_figure() {
    let u = read(
        "Riot mined 6.1 Bitcoin, net of pool and hosting fees, in April, or roughly 0.20 Bitcoin per day over the 30-day month, an increase of 3.4% from 5.9 Bitcoin in March.",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("0.20 Bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("5.9 Bitcoin"));
    assert_eq!(u.btc_mined_avg_daily_prior, None);
}

#[test]
fn by_comparison_does_not_make_a_dated_figure_the_prior() {
    let u = read(
        "Riot mined 23 bitcoin in April, down from the 26 bitcoin it mined in March. In April, 2024, by comparison, Riot mined 37 bitcoin.",
    );
    assert_eq!(text(&u.btc_mined_prior), Some("26 bitcoin"));
}

#[test]
fn a_total_revenue_label_outranks_other_revenue_labels() {
    let u = read(
        "- Self-Mining revenue: approximately $0.6m\n- Energy Market Program revenue: approximately $0.3m\n- Total revenue: approximately $2.2m\n",
    );
    assert_eq!(text(&u.revenue), Some("$2.2m"));
}

#[test]
fn a_list_under_a_year_to_date_title_speaks_of_the_longer_period() {
    let u = extract(
        "Greenidge Generation Holdings Inc. (NASDAQ: GREE) reports third quarter 2024 results.\n\nThird Quarter 2024 Highlights\n\n- Total revenue of $12.4 million;\n\nYear to Date Highlights (nine months ended September 30, 2024)\n\n- Total revenue of $43.7 million;\n",
    );
    assert_eq!(text(&u.revenue), Some("$12.4 million"));
}

#[test]
fn a_total_split_into_customers_parts_stays_out_when_restated() {
    let u = read(
        "- Total bitcoin production of 166 BTC, of which approximately 54 BTC were produced by Riot-owned miners and 112 BTC through our hosting business.\n\nThe final production total of 166 BTC compares with the preliminary estimate of 167 BTC.\n",
    );
    assert_ne!(text(&u.btc_mined), Some("166 BTC"));
}

#[test]
fn the_companys_own_part_of_a_total_with_customers_is_its_figure() {
    let u = read(
        "At the end of April, Riot had approximately 257,400 mining machines under management, of which 196,400 were self-owned and 61,000 were hosted for customers.",
    );
    assert_eq!(text(&u.miners_deployed), Some("196,400"));
    let u = read(
        "- Total bitcoin production of 166 BTC, of which approximately 54 BTC were produced by Riot-owned miners and 112 BTC through our hosting business.",
    );
    assert_eq!(text(&u.btc_mined), Some("54 BTC"));
    // A split without customers is not one.
    let u = read("Riot operated 100,000 miners, of which 95,000 were owned and 5,000 leased.");
    assert_eq!(text(&u.miners_deployed), Some("100,000"));
}

#[test]
fn a_title_line_over_table_rows_gives_them_its_scope_but_not_its_measure() {
    let u = read(
        "Metric | April 2025 | March 2025\nBitcoin Mining\nBitcoin mined | 521 BTC | 529 BTC\nRevenue | $52.0m | $51.6m\nAI Cloud\nRevenue | $1.4m | $1.2m\n",
    );
    assert_eq!(text(&u.revenue), Some("$52.0m"));
    assert_eq!(text(&u.revenue_prior), Some("$51.6m"));
    let u = read("Bitcoin production\nBitcoin mined: 521\nMiners deployed: 5,000\n");
    assert_eq!(text(&u.btc_mined), Some("521"));
    assert_eq!(text(&u.miners_deployed), Some("5,000"));
}

#[test]
fn machines_at_hosting_partners_are_the_fleet_and_a_plant_being_developed_is_a_plan() {
    let u =
        read("Riot had 24,860 miners deployed across its hosting partners in the United States.");
    assert_eq!(text(&u.miners_deployed), Some("24,860"));
    let u = read("Riot is developing a 60 MW power plant in Niagara Falls.");
    assert_eq!(u.power_capacity, None);
}

#[test]
fn a_headline_after_a_double_spaced_dash_is_prose_not_a_table_row() {
    let u = read("DMG Blockchain Solutions Inc  -  Riot mines 23 BTC in April\n");
    assert_eq!(text(&u.btc_mined), Some("23 BTC"));
}

#[test]
fn figures_after_another_miner_is_named_are_that_miners() {
    let u = read(
        "Riot mined 475 BTC in April.\n\nElsewhere in April\n\n  * MARA reported 950 BTC for April and an energized hashrate of 58.3 EH/s; its holdings rose to 49,179 BTC.\n",
    );
    assert_eq!(text(&u.btc_mined), Some("475 BTC"));
    assert_eq!(u.hashrate_deployed, None);
    assert_eq!(u.btc_held, None);
    // The company's own voice after a rival is named takes the figures back.
    let u = read("Unlike MARA, the Company sold no bitcoin and held 19,211 BTC at April 30.");
    assert_eq!(text(&u.btc_held), Some("19,211 BTC"));
}

#[test]
fn global_describes_companies_too() {
    let u = read(
        "Riot has released the production figures from its global bitcoin mining operations for April 2025, during which it produced 281.4 Bitcoin.",
    );
    assert_eq!(text(&u.btc_mined), Some("281.4 Bitcoin"));
}

#[test]
fn bars_inside_brackets_separate_comparisons_not_cells() {
    let u = read("  * Bitcoin mined: 627 (March: 579 | February: 533)\n");
    assert_eq!(text(&u.btc_mined), Some("627"));
    assert_eq!(text(&u.btc_mined_prior), Some("579"));
}

#[test]
fn a_machines_rating_and_a_customers_restated_fleet_are_not_the_companys() {
    let u = read(
        "Each T21 is rated at 190 TH/s with an efficiency of 19 J/TH. A customer will deploy approximately 24,000 Antminer S21 miners, or about 4.8 EH/s.",
    );
    assert_eq!(u.fleet_efficiency, None);
    assert_eq!(u.hashrate_deployed, None);
    let u = read(
        "Our take: the 50 EH/s milestone looks achievable. Riot is funding growth toward 60 exahash.",
    );
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn a_labelled_total_with_customers_gives_way_to_its_own_part() {
    let u = read(
        "Miners under management: approximately 171,000, of which approximately 23,800 were self-owned\nTotal BTC production: 365 BTC, of which 42 BTC came from self-mining and 323 BTC were produced for cloud-mining customers\n",
    );
    assert_eq!(text(&u.miners_deployed), Some("23,800"));
    assert_eq!(text(&u.btc_mined), Some("42 BTC"));
}

#[test]
fn a_footnote_including_machines_in_transit_takes_a_figure_out() {
    let u = read(
        "Metric | April 2025 | March 2025\nPotential Hash Rate at Month End (PH/s)[1] | 639 | 643\n\n[1] Potential hash rate assumes every miner, including miners in transit or awaiting redeployment, is hashing.\n",
    );
    assert_eq!(u.hashrate_deployed, None);
    // A footnote saying what a figure excludes explains a real figure.
    let u = read(
        "Metric | April 2025 | March 2025\nDeployed Hash Rate (3) | 12.4 EH/s | 12.4 EH/s\n\n(3) Excludes approximately 6,500 miners that remain offline.\n",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("12.4 EH/s"));
}

#[test]
fn words_after_the_last_comma_belong_to_the_next_figure() {
    let u = read(
        "We held 50,639 BTC as of April 30, 2025, including 16,402 BTC that were loaned, actively managed or pledged as collateral, up from 49,940 BTC at March 31.",
    );
    assert_eq!(text(&u.btc_held_prior), Some("49,940 BTC"));
}

#[test]
fn a_table_in_thousands_under_a_title_and_the_rounded_first_statement() {
    let u = extract(
        "Riot Platforms, Inc. (NASDAQ: RIOT) reports third quarter 2025 results.\n\n- Total revenue of $180.2 million.\n\nCondensed Consolidated Statements of Operations\n(Unaudited; in thousands of U.S. dollars)\n\n                         Three Months Ended\n                         September 30,   June 30,\n                               2025          2025\nTotal revenues              180,197       139,815\n",
    );
    // The same figure stated earlier in millions is its first statement.
    assert_eq!(text(&u.revenue), Some("$180.2 million"));
    // The prior quarter is only in the table, in thousands.
    assert_eq!(
        u.revenue_prior.as_ref().map(|f| f.value.to_string()),
        Some("139815000".into())
    );
}

#[test]
fn no_break_and_thin_spaces_inside_and_after_numbers() {
    let u = read(
        "RIOT PRODUCED 1\u{202f}202\u{a0}BTC IN APRIL AND HELD 13\u{202f}396\u{a0}BTC AT MONTH END.",
    );
    assert_eq!(text(&u.btc_mined), Some("1\u{202f}202\u{a0}BTC"));
    assert_eq!(
        u.btc_held.as_ref().map(|f| f.value.to_string()),
        Some("13396".into())
    );
}

#[test]
fn a_foreign_issuers_cover_month_is_not_the_reporting_period() {
    let u = extract(
        "FORM 6-K\n\nREPORT OF FOREIGN PRIVATE ISSUER\n\nFor the month of August 2025\n\nExhibit 99.1 Press Release - Bitdeer Announces July 2025 Production and Operations Update\n\nBitdeer Technologies Group (NASDAQ: BTDR) mined 150 BTC in July.\n",
    );
    assert_eq!(u.period, minerpress::Period::month(2025, 7));
}

#[test]
fn self_mining_operations_produce_and_usage_or_it_capacity_is_no_power_capacity() {
    let u = read(
        "- Of the April total, cloud-mining customers produced 392 BTC, while 46 BTC came from Riot's self-mining operations (March: 41 BTC).\n\nRenewable energy usage (MW): 151\n\nThe first 600 MW of critical IT capacity there is where we see the opportunity.\n",
    );
    assert_eq!(text(&u.btc_mined), Some("46 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("41 BTC"));
    assert_eq!(u.power_capacity, None);
}

#[test]
fn an_abbreviations_full_stop_does_not_start_a_clause() {
    let u = read(
        "Riot mined 629 Bitcoin in April, down from 657 in March. For the fiscal year that ended Sept. 30, Riot mined 7,746 Bitcoin.",
    );
    assert_eq!(text(&u.btc_mined), Some("629 Bitcoin"));
}

#[test]
fn a_table_flattened_to_one_cell_per_line_is_read_as_rows() {
    let u = read(
        "April Bitcoin Mining Update (unaudited)\nMetric\nApril 2025\nMarch 2025\nBitcoin mined\n643\n685\nTotal BTC holdings at month-end\n2,240\n1,677\nHashrate at month-end (EH/s)\n9.6\n9.2\nFiscal year-to-date\nFY2025 bitcoin mined\n6,903\n",
    );
    assert_eq!(text(&u.btc_mined), Some("643"));
    assert_eq!(text(&u.btc_mined_prior), Some("685"));
    assert_eq!(text(&u.btc_held_prior), Some("1,677"));
    assert_eq!(text(&u.hashrate_deployed), Some("9.6"));
}

#[test]
fn a_number_set_off_by_markup_or_brackets_is_a_marker() {
    let u = read(
        "<tr><td>Average Self-Mined Bitcoin Earned/Day</td><td>17.6</td></tr>\n<tr><td>Self-Mining Energized Hash rate<sup>3</sup></td><td>11.6</td></tr>\n",
    );
    assert_ne!(text(&u.btc_mined_avg_daily), Some("3"));
}

#[test]
fn an_additional_highlights_title_is_not_a_plan() {
    let u = read(
        "Additional Highlights\n\n▪ Bitcoin Sold In April: 15 BTC, For Proceeds Of Approximately US$1.4 Million\n",
    );
    assert_eq!(text(&u.btc_sold), Some("15 BTC"));
}

#[test]
fn respectively_pairs_figures_with_the_coins_named_in_order() {
    let u = read(
        "- Treasury holdings of BTC and ETH were 1,038.4 and 20,508.3, respectively, as of April 30, 2025.",
    );
    assert_eq!(text(&u.btc_held), Some("1,038.4"));
    let u = read("- Holdings of ETH and BTC were 20,508.3 and 1,038.4, respectively.");
    assert_eq!(text(&u.btc_held), Some("1,038.4"));
}

#[test]
fn an_e_mail_quoted_copy_reads_as_its_text() {
    let u = read(
        "> - Average operating hashrate: 46.09 EH/s, roughly 92% of deployed hashrate\n>   (March: 44.85 EH/s)\n>\n>   Metric                               April 2025    March 2025\n>   Bitcoin produced (BTC)                      602.6             616.6\n",
    );
    assert_eq!(text(&u.hashrate_operating_prior), Some("44.85 EH/s"));
    assert_eq!(u.hashrate_deployed_prior, None);
    assert_eq!(text(&u.btc_mined), Some("602.6"));
}

#[test]
fn a_month_named_after_since_is_not_the_reporting_period_and_a_runway_is_a_plan() {
    let u = extract(
        "HASHWIRE ANALYSIS\n\nRiot's April rebound: more coins and a long runway to 38 EH/s\n\nBy a correspondent\nAUSTIN, Texas, May 8, 2025\n\nRiot Platforms, Inc. (NASDAQ: RIOT) had its best production month since January in April, mining 552 bitcoin.\n",
    );
    assert_eq!(u.period, minerpress::Period::month(2025, 4));
    assert_eq!(u.hashrate_deployed, None);
    assert_eq!(text(&u.btc_mined), Some("552 bitcoin"));
}

#[test]
fn a_total_of_the_parts_just_listed_is_their_measures_figure() {
    let u = read(
        "Operating mining capacity comprised 195 MW at Lake Mariner and Riot's 50 MW share of the Nautilus facility, for a total of 245 MW.",
    );
    assert_eq!(text(&u.power_capacity), Some("245 MW"));
}

#[test]
fn a_price_per_terahash_is_not_revenue_and_a_rejected_price_keeps_the_coin_comparison() {
    let u = read(
        "Revenue was approximately $6.3 million in April, compared with approximately $7.9 million in March, with a hash price that averaged $0.061 per TH/s per day in April against $0.068 per TH/s per day in March.",
    );
    assert_eq!(text(&u.revenue_prior), Some("$7.9 million"));
    let u = read(
        "Treasury held 1,147 BTC worth $72.6 million based on a BTC price of $63,300 at April 30, 2025, up from 1,103 BTC at March 31.",
    );
    assert_eq!(text(&u.btc_held_prior), Some("1,103 BTC"));
}

#[test]
fn by_the_end_of_the_month_reports_the_close_not_a_plan() {
    let u = read("Riot said its deployed hash rate rose to 12.4 EH/s by the end of the month.");
    assert_eq!(text(&u.hashrate_deployed), Some("12.4 EH/s"));
    let u = read("Riot expects 40 EH/s by the end of the year.");
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn a_deadline_already_reached_is_no_plan_and_edging_up_to_is_no_bound() {
    let u = read(
        "By the end of April the company's deployed hash rate stood at 12.4 EH/s, up from 11.7 EH/s a month earlier. Holdings edged up to 7,358 bitcoin at month-end from 7,345 at the end of March.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("12.4 EH/s"));
    assert_eq!(text(&u.btc_held), Some("7,358 bitcoin"));
    // A deadline still ahead is a plan.
    let u = read("Riot expects to reach 40 EH/s by the end of December.");
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn cost_of_revenue_is_not_revenue() {
    let u = read(
        "- Revenue of $35.6 million for April.\n\nDigital currency revenue    35,598\nCost of revenue (exclusive of depreciation) (in thousands)    13,612\n",
    );
    assert_eq!(text(&u.revenue), Some("$35.6 million"));
}

#[test]
fn sold_all_the_coins_mined_is_a_sale() {
    let u = read(
        "Riot mined 156 Bitcoin in April. The Company sold all 156 Bitcoin mined during the month for proceeds of $3.6 million.",
    );
    assert_eq!(text(&u.btc_mined), Some("156 Bitcoin"));
    assert_eq!(
        u.btc_sold.as_ref().map(|f| f.value.to_string()),
        Some("156".into())
    );
}

#[test]
fn changes_of_the_network_and_year_over_year_changes_are_not_checked_against_the_prior() {
    let u = read(
        "April's output came to approximately 466 BTC, compared with approximately 505 BTC in March, as network difficulty climbed roughly 7% over the month.",
    );
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
    let u = read(
        "- Riot produced 1,406 bitcoin in April, slightly below the 1,426 bitcoin produced in March and up 27% from 1,104 bitcoin in the same month last year.",
    );
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
}

#[test]
fn a_per_day_basis_is_a_daily_rate_and_a_hashrate_change_is_not_productions() {
    let u = read(
        "Self-mined output went from 375 bitcoin in March to 348 bitcoin in April. On a per-day basis, production came to 11.6 bitcoin, against 12.1 bitcoin per day in March, a 4.1% decrease.",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("11.6 bitcoin"));
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
    let u = read(
        "Riot mined 23 bitcoins in April, a 26% decrease from March, as realized hashrate fell 17% month over month.",
    );
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
}

#[test]
fn a_change_is_no_earlier_figure_and_company_miners_at_hosting_facilities_are_its_fleet() {
    let u = extract(
        "Hut 8 Mining Corp. (NASDAQ: HUT) reports results for the quarter ended September 30, 2023.\n\n- Revenue decreased by $14.7 million to $17.0 million during the quarter ended September 30, 2023.\n- Digital asset mining revenue was $9.5 million in the third quarter.\n",
    );
    assert_eq!(text(&u.revenue), Some("$17.0 million"));
    let u = read(
        "As of April 30, 2025, 11,513 of the Company's bitcoin miners were actively hashing at hosting facilities in North America.",
    );
    assert_eq!(text(&u.miners_deployed), Some("11,513"));
}

#[test]
fn a_quarter_named_right_before_a_figure_is_its_period() {
    // In a monthly update, "third-quarter revenue" (hyphenated) is not the month's.
    let u = read("For context, Riot reported third-quarter revenue of $51.9 million.");
    assert_eq!(u.revenue, None);
    assert_eq!(u.revenue_prior, None);
}

#[test]
fn a_stated_total_revenue_outranks_a_business_lines_table_row() {
    let u = read(
        "- Total revenue of US$80.4m in April (vs. US$89.2m in March).\n\nBitcoin Mining\nMetric | April 2025 | March 2025\nRevenue | $76.4m | $85.6m\n",
    );
    assert_eq!(text(&u.revenue), Some("US$80.4m"));
}

#[test]
fn a_when_clause_speaks_of_the_time_it_follows() {
    let u = read(
        "Riot mined 463 BTC in April, compared with 19.7 EH/s in February, when Riot mined 379 BTC.",
    );
    assert_eq!(text(&u.btc_mined), Some("463 BTC"));
}

#[test]
fn a_time_before_a_colon_is_not_the_period_of_what_follows() {
    let u = read(
        "Because April was shorter than March, the fairer comparison is the daily rate: output averaged 15.4 BTC per day, up from 14.9 BTC per day in March.",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("15.4 BTC"));
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("14.9 BTC"));
    // A time set as a label still names its value.
    let u = read("Revenue in April came to $3.06 million (March 2025: $4.53 million).");
    assert_eq!(text(&u.revenue_prior), Some("$4.53 million"));
}

#[test]
fn two_spaces_after_a_full_stop_end_a_sentence() {
    let u = extract(
        "Greenidge Generation Holdings Inc. (NASDAQ: GREE) September 2024 update.  In September the company mined 55 bitcoin, of which 17 bitcoin were self-owned and 38 bitcoin hosted.",
    );
    assert_eq!(text(&u.btc_mined), Some("17 bitcoin"));
}

#[test]
fn the_own_part_of_a_total_takes_the_totals_period_once_totals_include_customers() {
    let u = read(
        "Riot produced approximately 55 bitcoin in April, of which 17 bitcoin were produced by Riot-owned miners and 38 were produced for hosting clients. In March, the Company produced approximately 58 bitcoin in total, including 20 bitcoin from Riot-owned miners.",
    );
    assert_eq!(text(&u.btc_mined), Some("17 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("20 bitcoin"));
}

#[test]
fn a_machines_word_does_not_keep_a_sale_out() {
    let u = read("During the month Riot sold 195.3 Bitcoin to fund the deposit on new miners.");
    assert_eq!(text(&u.btc_sold), Some("195.3 Bitcoin"));
}

#[test]
fn fiscal_quarters_map_to_calendar_quarters_by_the_stated_fiscal_year() {
    const FISCAL: &str = "CleanSpark, Inc. (Nasdaq: CLSK) reports results for the second quarter of fiscal 2025, the three months ended March 31, 2025. Its fiscal year ends on September 30.\n";
    let u = extract(&format!(
        "{FISCAL}- Revenues of $181.7 million, compared with $111.8 million in the second quarter of fiscal 2024 and $162.3 million in the first quarter of fiscal 2025."
    ));
    assert_eq!(text(&u.revenue), Some("$181.7 million"));
    assert_eq!(text(&u.revenue_prior), Some("$162.3 million"));
    // Without the fiscal year, the fiscal quarter is unknown and its figure stays out.
    let u = extract(
        "CleanSpark, Inc. (Nasdaq: CLSK) reports results for the three months ended March 31, 2025.\n- Revenues of $181.7 million, compared with $162.3 million in the first quarter of fiscal 2025.",
    );
    assert_eq!(u.revenue_prior, None);
}

#[test]
fn a_change_column_is_never_the_prior_period() {
    let u = read(
        "Production Highlights\nMetric | Apr-25 | Mar-25 | M/M Δ | Apr-24 | Y/Y Δ\nBTC Produced | 463 | 533 | -13% | 372 | 24%\nShare of Available Miner Rewards | 6.0% | 5.3% | +70 bps | 4.9% | +110 bps\nHash rate (EH/s) | 33.7 | 32.9 | 0.8 | 10.1 | 234%\n",
    );
    assert_eq!(text(&u.btc_mined), Some("463"));
    assert_eq!(text(&u.btc_mined_prior), Some("533"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("32.9"));
}

#[test]
fn a_comparison_word_before_a_clause_break_is_not_the_next_figures() {
    let u = read(
        "We won 265 blocks, a 33% increase over March, and produced 463 BTC, up 32% from the 351 BTC produced in March.",
    );
    assert_eq!(text(&u.btc_mined), Some("463 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("351 BTC"));
}

#[test]
fn a_thousands_unit_with_a_typeset_apostrophe_scales_its_row() {
    let u = read(
        "Metric | April 2025 | March 2025\nMining revenue (US$’000) | 22,515 | 20,993\nTotal revenue (US$’000) | 23,802 | 22,194\n",
    );
    assert_eq!(
        u.revenue.map(|f| f.value.to_string()),
        Some("23802000".into())
    );
    assert_eq!(text(&u.revenue_prior), Some("22,194"));
}

#[test]
fn a_joined_rate_compared_with_another_is_the_periods_own() {
    let u = read(
        "Riot produced 453 Bitcoin in April, up 16% from 390 Bitcoin in March, or 15.1 Bitcoin per day compared with 12.6 per day in the prior month.",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("15.1 Bitcoin"));
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("12.6"));
}

#[test]
fn round_bullets_set_as_table_cells_are_prose() {
    let u = read(
        "● | Approximately 47,000 Avalon mining machines owned by the Company were installed at month-end.\n● | Mined 109 BTC during April. Daily production averaged approximately 3.6 BTC.\n",
    );
    assert_eq!(text(&u.miners_deployed), Some("47,000"));
    assert_eq!(text(&u.btc_mined_avg_daily), Some("3.6 BTC"));
}

#[test]
fn a_sentence_naming_the_company_after_its_figure_is_the_companys() {
    let u = read(
        "Riot closed its purchase of a site from Greenidge Generation in April. Approximately 7,491 miners were deployed across the Company's sites at April 30, 2025.",
    );
    assert_eq!(text(&u.miners_deployed), Some("7,491"));
    // A rival named in the figure's own sentence keeps it.
    let u = read("MARA deployed 7,491 miners, while the Company deployed 5,000 miners.");
    assert_eq!(text(&u.miners_deployed), Some("5,000"));
}

#[test]
fn per_day_after_a_labels_value_makes_it_a_rate() {
    let u = read("THE NUMBERS\n  > Mined: ₿189 in April\n  > Pace: about 6.3 BTC per day\n");
    assert_eq!(text(&u.btc_mined_avg_daily), Some("6.3 BTC"));
}

#[test]
fn power_with_approval_only_is_a_plan() {
    let u = read(
        "Power at Corsicana, where Riot has approval for 1.0 GW, is reserved for data center tenants.",
    );
    assert_eq!(u.power_capacity, None);
}

#[test]
fn the_words_before_a_change_name_the_figure_it_reaches() {
    let u = read(
        "Energized hash rate reached 45.6 EH/s at month-end, and average operational hash rate increased 14% to 36.2 EH/s from 31.8 EH/s.",
    );
    assert_eq!(text(&u.hashrate_operating), Some("36.2 EH/s"));
    assert_eq!(text(&u.hashrate_operating_prior), Some("31.8 EH/s"));
    assert_eq!(text(&u.hashrate_deployed), Some("45.6 EH/s"));
}

#[test]
fn a_compared_figure_in_another_scope_is_not_the_companys() {
    let u = read(
        "Riot mined 119.3 BTC in April, a 12.5% decline from the 136.3 BTC it produced in March, as the halving cut the block subsidy from 6.25 BTC to 3.125 BTC.",
    );
    assert_eq!(text(&u.btc_mined), Some("119.3 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("136.3 BTC"));
}

#[test]
fn an_earlier_month_held_to_a_figure_is_that_months() {
    let u = read(
        "\"After the curtailment that held March production to 477 bitcoin, we mined 643 bitcoin in April, an increase of 35%.\"",
    );
    assert_eq!(text(&u.btc_mined), Some("643 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("477 bitcoin"));
    // What a change is measured from is not the figure's month.
    let u = read("Hash rate rose from March to 60.4 EH/s in April.");
    assert_eq!(text(&u.hashrate_deployed), Some("60.4 EH/s"));
}

#[test]
fn respectively_pairs_figures_with_the_company_and_its_customers_in_order() {
    let u = read(
        "- Total BTC production across the platform was 368 BTC in April.\n- Cloud-mining customers and the Company's self-mining operations produced 329 BTC and 39 BTC, respectively (March: 317 BTC and 35 BTC, respectively).\n",
    );
    assert_eq!(text(&u.btc_mined), Some("39 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("35 BTC"));
}

#[test]
fn a_bracket_opened_by_a_time_label_speaks_of_that_time() {
    let u = read("Riot mined 463 BTC in April (March: 533 BTC and 17.2 BTC per day).");
    assert_eq!(text(&u.btc_mined_prior), Some("533 BTC"));
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("17.2 BTC"));
    // Each figure with its own label keeps it.
    let u =
        read("Average operating hashrate: 30.4 EH/s (March: 28.8 EH/s | February: 27.1 EH/s)\n");
    assert_eq!(text(&u.hashrate_operating_prior), Some("28.8 EH/s"));
}

#[test]
fn one_machines_hashrate_is_never_the_fleets() {
    let u = read(
        "As of April 30, 2025, Riot had 8,634 bitcoin mining machines in operation with a total hashrate of approximately 721PH/S. The single-machine hashrate ranges from 80TH/S to 110TH/S.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("721PH/S"));
    assert_eq!(text(&u.miners_deployed), Some("8,634"));
}

#[test]
fn a_sale_to_pay_hosting_fees_is_the_companys_sale() {
    let u = read("During the month, 38.50 bitcoins were sold to pay hosting and electricity fees.");
    assert_eq!(text(&u.btc_sold), Some("38.50 bitcoins"));
}

#[test]
fn a_dollar_conversion_in_brackets_after_another_currency_is_the_figure() {
    let u = read(
        "Mining revenue for April 2025 was approximately RMB12.9 million (US$1.81 million), compared with approximately RMB11.2 million (US$1.53 million) in March 2025.",
    );
    assert_eq!(text(&u.revenue), Some("US$1.81 million"));
    assert_eq!(text(&u.revenue_prior), Some("US$1.53 million"));
}

#[test]
fn a_time_that_opens_another_clause_is_not_the_figures() {
    let u = read(
        "As of April 30, installed hash rate for self-mining was 9.91 EH/s, in March end was 9.65 EH/s. Every 1 EH/s of operating hash rate produced about 11.7 bitcoins.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("9.91 EH/s"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("9.65 EH/s"));
}

#[test]
fn growth_from_a_base_to_a_bound_names_no_prior() {
    let u = read(
        "Riot ended April with 23.4 EH/s of installed capacity, up from 21.2 EH/s at March 31, as the last Phase 2 machines were energized. \"We have grown from 6 EH/s to more than 23 EH/s in under a year.\"",
    );
    assert_eq!(text(&u.hashrate_deployed_prior), Some("21.2 EH/s"));
    assert_eq!(u.miners_deployed, None);
}

#[test]
fn respectively_after_a_parallel_list_closes_both() {
    let u = read(
        "Treasury holdings of BTC and ETH were 955.8 and 20,114.3 with a fair market value of approximately $67.9 million and $72.4 million, respectively, on April 30, 2025.",
    );
    assert_eq!(text(&u.btc_held), Some("955.8"));
}

#[test]
fn the_companys_hosted_fleet_and_a_combined_total_are_its_own() {
    let u = extract(
        "July 8, 2025\nBTC Digital Ltd. (NASDAQ: BTCT) said its hosted fleet in Tennessee mined 3.18 BTC in June, up from 2.94 BTC in May. About 2,021 of the company's own machines were hashing at the end of June, for a combined 213 PH/s.",
    );
    assert_eq!(text(&u.btc_mined_prior), Some("2.94 BTC"));
    assert_eq!(text(&u.hashrate_deployed), Some("213 PH/s"));
}

#[test]
fn a_grid_table_with_a_row_per_period_and_wrapped_titles_is_read_by_column() {
    let u = read(
        "+--------+---------+-------------+-------------+-----------+\n\
         | Period | Bitcoin | Self-mining | Proprietary | Bitcoin   |\n\
         |        | mined   | hash rate   | hash rate   | held at   |\n\
         |        | (self-  |             | (self-      | period    |\n\
         |        | mining) |             | mining +    | end       |\n\
         |        |         |             | cloud)      |           |\n\
         +--------+---------+-------------+-------------+-----------+\n\
         | Unit   | BTC     | EH/s        | EH/s        | BTC       |\n\
         +========+=========+=============+=============+===========+\n\
         | April  | 211     | 12.4        | 13.0        | 1,156     |\n\
         | 2025   |         |             |             |           |\n\
         | March  | 152     | 11.0        | 11.6        | 1,191     |\n\
         | 2025   |         |             |             |           |\n\
         | April  | 296     | 6.7         | 8.3         | n/a       |\n\
         | 2024   |         |             |             |           |\n\
         +--------+---------+-------------+-------------+-----------+\n",
    );
    assert_eq!(text(&u.btc_mined), Some("211"));
    assert_eq!(text(&u.btc_mined_prior), Some("152"));
    assert_eq!(text(&u.hashrate_deployed), Some("12.4"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("11.0"));
    assert_eq!(text(&u.btc_held), Some("1,156"));
    assert_eq!(text(&u.btc_held_prior), Some("1,191"));
}

#[test]
fn a_label_wrapped_onto_the_next_grid_line_keeps_its_words() {
    let u = read(
        "| Metric                 | April 30, 2025 | March 31, 2025 |\n\
         | Mining machines under  | 167,000        | 164,000        |\n\
         | management (count)     |                |                |\n\
         |   - Self-owned         | 95,600         | 90,300         |\n\
         |   - Hosted             | 71,400         | 73,700         |\n",
    );
    assert_eq!(text(&u.miners_deployed), Some("95,600"));
}

#[test]
fn a_column_title_over_bare_years_and_a_thousands_title_over_dollar_cells() {
    let u = extract(
        "Riot Platforms, Inc. (NASDAQ: RIOT) reports results for the quarter ended June 30, 2025.\n\nSelected Financial and Operating Data (unaudited; $ in thousands, except bitcoin amounts)\n\n                                   Three Months Ended June 30,\n                                      2025            2024\nBitcoin Mining revenue             $140,889         $55,764\nTotal revenue                      $152,988         $70,018\nBitcoin mined                         1,426           844\n",
    );
    assert_eq!(
        u.revenue.map(|f| f.value.to_string()),
        Some("152988000".into())
    );
    assert_eq!(text(&u.btc_mined), Some("1,426"));
}

#[test]
fn a_part_the_total_is_said_to_include_is_not_the_total() {
    let u = read(
        "Riot mined 534 BTC in April. The total includes approximately 61 BTC representing Riot's share of production at joint venture sites.",
    );
    assert_eq!(text(&u.btc_mined), Some("534 BTC"));
}

#[test]
fn a_year_ended_column_is_a_total_and_an_impairment_line_no_count() {
    let u = extract(
        "Hut 8 Corp. (Nasdaq: HUT) reports results for the fourth quarter ended December 31, 2024.\n\n                                      Three Months Ended           Year Ended\n                                           December 31,              December 31,\n                                        2024         2023         2024         2023\nBitcoin mined                            194        1,266        1,566        3,922\nImpairment of miners                  110,319            -            -            -\n",
    );
    assert_eq!(text(&u.btc_mined), Some("194"));
    assert_eq!(u.miners_deployed, None);
}

#[test]
fn a_with_clause_is_not_under_a_year_ago_comparison() {
    let u = read(
        "Self-mining hashrate of approximately 13.5 EH/s as of April 30, 2025, up from approximately 7.2 EH/s a year earlier, with fleet efficiency of approximately 18.9 J/TH.",
    );
    assert_eq!(text(&u.fleet_efficiency), Some("18.9 J/TH"));
}

#[test]
fn one_sites_power_is_not_the_companys_unless_it_is_the_only_one() {
    let u = read("The Company's Childress site in Texas has 750MW of grid-connected capacity.");
    assert_eq!(u.power_capacity, None);
    let u = read("Rockdale, Riot's sole mining site, has 85 MW of energized power capacity.");
    assert_eq!(text(&u.power_capacity), Some("85 MW"));
    let u = read("Across its sites, Riot had 420 MW of energized capacity at month end.");
    assert_eq!(text(&u.power_capacity), Some("420 MW"));
}

#[test]
fn a_star_footnote_names_the_kind_of_a_marked_label() {
    let u = read(
        "Bitcoin Mined: 36 BTC (vs 33 BTC in March 2025)\nHashrate*: 1.71 EH/s (vs 1.62 EH/s in March 2025)\n\n*Average realized hashrate of the Company's own fleet over the month.\n\nTerra Pool, the Company's mining pool, averaged approximately 3.9 EH/s of hashrate in April.\n",
    );
    assert_eq!(text(&u.hashrate_operating), Some("1.71 EH/s"));
    assert_eq!(text(&u.hashrate_operating_prior), Some("1.62 EH/s"));
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn plans_in_other_words_are_plans() {
    let u = read(
        "\"We're weeks away from 50 EH/s.\" Riot is evaluating about 600 MW of capacity at its Corsicana site. Building 4 remained on schedule to add 43 MW of capacity.",
    );
    assert_eq!(u.hashrate_deployed_prior, None);
    assert_eq!(u.power_capacity, None);
}

#[test]
fn a_bare_figure_compared_in_another_scope_is_not_the_companys() {
    let u = read(
        "Riot's miners produced 144 Bitcoin during April. Roughly 103 of those Bitcoin were mined before the halving, after which the block subsidy fell from 6.25 to 3.125 Bitcoin.",
    );
    assert_eq!(u.btc_mined_prior, None);
}

#[test]
fn a_count_of_owned_and_hosted_machines_is_a_total_and_its_own_part_counts() {
    let u = read(
        "As of April 30, 2025, the Company operated approximately 207,000 owned and hosted bitcoin miners, of which approximately 152,000 were Company-owned.",
    );
    assert_eq!(text(&u.miners_deployed), Some("152,000"));
    let u = read(
        "- Operated approximately 204,000 owned and colocated bitcoin miners at April 30, 2025.",
    );
    assert_eq!(u.miners_deployed, None);
}

#[test]
fn a_share_price_change_is_not_a_production_change() {
    let u = extract(
        "NEW YORK, Aug. 5, 2025 - Shares of Riot Platforms, Inc. (NASDAQ: RIOT) rose 6.4% to $12.71 on Tuesday after the company said it produced 484 bitcoin in July, up 8% from 450 in June.",
    );
    assert_eq!(text(&u.btc_mined), Some("484 bitcoin"));
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
}

#[test]
fn a_sale_that_funds_an_expansion_and_a_month_finished_with_coins() {
    let u = read(
        "It sold 276 Bitcoin during the month to help fund its expansion. Riot mined 7.4 bitcoin in April, finishing the month with 160.6 bitcoin, up from 158.2 bitcoin at March 31, 2025.",
    );
    assert_eq!(text(&u.btc_sold), Some("276 Bitcoin"));
    assert_eq!(text(&u.btc_held), Some("160.6 bitcoin"));
    assert_eq!(text(&u.btc_held_prior), Some("158.2 bitcoin"));
    // Any purpose clause, not one wording of it.
    let u = read(
        "Riot sold 276 Bitcoin during the month to finance the planned expansion of its site.",
    );
    assert_eq!(text(&u.btc_sold), Some("276 Bitcoin"));
    // What the purpose names ("wafer purchases") is no purchase of the coins sold.
    let u = read(
        "The Company sold 345 BTC during April to fund wafer purchases and datacenter construction.",
    );
    assert_eq!(text(&u.btc_sold), Some("345 BTC"));
}

#[test]
fn a_when_clause_after_a_figure_of_that_time() {
    let u = read(
        "Riot mined 310 Bitcoin in April. April output came in below March's 375 Bitcoin, when the Company averaged 12.1 BTC a day.",
    );
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("12.1 BTC"));
}

#[test]
fn a_part_of_that_capacity_owned_by_the_company_is_its_figure() {
    let u = read(
        "At month-end, approximately 4.1 EH/s of hash rate capacity was installed across its plants, and approximately 3.4 EH/s of that capacity was owned by Riot, while approximately 0.7 EH/s belonged to a hosting client.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("3.4 EH/s"));
}

#[test]
fn what_machines_should_contribute_once_energized_is_a_plan() {
    let u = read(
        "Approximately 31,000 of the Company's miners were active, generating approximately 3.2 exahashes per second. The machines received in April alone should contribute approximately 1.6 EH/s once they are energized.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("3.2 exahashes per second"));
}

#[test]
fn a_quarter_closing_the_previous_phrase_and_a_to_date_label() {
    let u = extract(
        "CleanSpark, Inc. (Nasdaq: CLSK) reports results for the three months ended December 31, 2024. Its fiscal year ends on September 30.\n  - Mined 1,868 bitcoin in the quarter, up 32% from 1,415 bitcoin in the fiscal fourth quarter, an average of 20.30 bitcoin per day.\n",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("20.30 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("1,415 bitcoin"));
    let u = read(
        "  * Bitcoin mined in April: 410\n  * Bitcoin mined in FY25 to date (March-April): 855\n",
    );
    assert_eq!(u.btc_mined_prior, None);
}

#[test]
fn a_compared_hashrate_whose_own_words_name_its_kind() {
    let u = read(
        "The average operating hashrate rose from 35.52 EH/s in March, while the month-end operating hashrate increased from 39.1 EH/s at March 31.",
    );
    assert_eq!(text(&u.hashrate_operating_prior), Some("35.52 EH/s"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("39.1 EH/s"));
}

#[test]
fn a_column_in_another_currency_is_not_the_dollar_figure() {
    let u = extract(
        "Cango Inc. (NYSE: CANG) reports results for the quarter ended June 30, 2025.\n\n(In thousands of RMB and US$)\n\n                                        June 30,     March 31,     June 30,      June 30,\n                                          2024          2025          2025          2025\n                                           RMB           RMB           RMB           US$\nTotal revenues                          50,579       1,032,293     1,001,471       139,800\n",
    );
    assert_eq!(
        u.revenue.map(|f| f.value.to_string()),
        Some("139800000".into())
    );
    assert_eq!(u.revenue_prior, None);
}

#[test]
fn a_wide_row_of_wordy_cells_does_not_end_its_table() {
    let u = read(
        "Metric                                              April 2025            March 2025\nBitcoin Sold                                        1,108                 1,211\nBitcoin Sales Proceeds ($USD)                       Appx. $ 46.6 million  Appx. $ 51.2 million\nAverage Self-Mining Fleet Efficiency (J/TH)         27.61                 27.94\n",
    );
    assert_eq!(text(&u.fleet_efficiency), Some("27.61"));
}

#[test]
fn a_month_named_before_a_note_on_quarterly_results_is_the_period() {
    let u = extract(
        "Iris Energy Limited (NASDAQ: IREN) - April 2025 Monthly Investor Update\n\n- 353 Bitcoin mined in April\n- 8 EH/s operating as at the date of this update\n- Moving to quarterly reporting: results for the three months ended June 30, 2025 to be released in August\n",
    );
    assert_eq!(
        u.period.map(|p| p.start.to_string()),
        Some("2025-04-01".to_string())
    );
    assert_eq!(text(&u.btc_mined), Some("353 Bitcoin"));
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn a_part_after_a_semicolon_that_refers_back_stays_with_its_total() {
    let u = read(
        "At month-end, approximately 4.1 EH/s of hash rate capacity was installed across the plants; approximately 3.4 EH/s of that capacity was owned by Riot, while approximately 0.7 EH/s belonged to a third-party hosting client.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("3.4 EH/s"));
}

#[test]
fn the_companys_miners_at_third_party_hosting_sites_are_its_fleet() {
    let u = read(
        "As of April 30, 2025, the Company had approximately 5,370 miners deployed at third-party hosting sites in Oklahoma.",
    );
    assert_eq!(text(&u.miners_deployed), Some("5,370"));
}

#[test]
fn a_row_of_another_measure_under_a_production_title_is_no_figure() {
    let u = read(
        "Monthly production and operating data (unaudited)\n\n                                        Apr-24       Mar-25       Apr-25\n  BTC mined                              37.57        47.74        62.07\n  Curtailment hours                        214          187           96\n",
    );
    assert_eq!(text(&u.btc_mined), Some("62.07"));
    assert_eq!(text(&u.btc_mined_prior), Some("47.74"));
}

#[test]
fn a_results_table_with_change_columns_and_an_abbreviated_cell() {
    let u = extract(
        "Core Scientific, Inc. (Nasdaq: CORZ) reports results for the quarter ended September 30, 2024.\n\n(in thousands, except percentages)\n\n                                                  Three Months Ended September 30,\n                                                   2024          2023        $ Change    % Change\nRevenue:\n  Digital asset self-mining revenue               68,212        86,329       (18,117)      (21)%\n  HPC hosting revenue                              6,534         2,457         4,077       166%\nTotal revenue                                     95,357       112,890       (17,533)      (16)%\nBitcoin sold                                       1,120         3,402\nBitcoin proceeds                             Appx. $ 46.6m  Appx. $ 51.2m\nBitcoin mined                                      1,201         1,400\n",
    );
    assert_eq!(
        u.revenue.map(|f| f.value.to_string()),
        Some("95357000".into())
    );
    assert_eq!(text(&u.btc_mined), Some("1,201"));
    // An abbreviation's full stop in a short row does not end the table.
    let u = read(
        "Metric                          April 2025    March 2025\nBitcoin proceeds                Appx. $ 46.6m\nBitcoin mined                   1,201         1,400\n",
    );
    assert_eq!(text(&u.btc_mined), Some("1,201"));
}

#[test]
fn monetized_coins_are_sold() {
    let u = read("Riot monetized 23.40 BTC during April to cover energy costs.");
    assert_eq!(text(&u.btc_sold), Some("23.40 BTC"));
}

#[test]
fn a_level_stepped_up_to_is_reached_not_a_ceiling() {
    let u = read(
        "Deployed hashrate stepped up to 50 EH/s at April 30, from 32 EH/s at the end of March.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("50 EH/s"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("32 EH/s"));
    // "up to" alone is still a ceiling.
    let u = read("The new site can house up to 50 EH/s of miners.");
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn a_holdings_footnote_on_coins_pending_transfer_keeps_the_holdings() {
    let u = read(
        "Metric                    March 2025     April 2025\nBitcoin Mined                   44.6           38.9\nBitcoin Holdings (1)            27.4           21.2\n\n(1) Includes bitcoin held in custody by a hosting provider pending transfer to the Company's wallet.\n",
    );
    assert_eq!(text(&u.btc_held), Some("21.2"));
    assert_eq!(text(&u.btc_held_prior), Some("27.4"));
    // A footnote saying machines are pending energization still takes them out.
    let u = read(
        "Metric                    March 2025     April 2025\nBitcoin Mined                   44.6           38.9\nMiners (1)                    11,000         12,000\n\n(1) Includes miners pending energization.\n",
    );
    assert_eq!(u.miners_deployed, None);
}

#[test]
fn a_hashrate_only_the_network_could_have_is_the_networks() {
    // April 2024: a quarter of the network's hashrate is more than any company ran.
    let u = read(
        "Hashrate: the seven-day average of network hashrate rose to 615 EH/s. The all-time high, around 650 EH/s, was set in late April.",
    );
    assert_eq!(u.hashrate_deployed, None);
    // One beyond even the network's is kept, and flagged.
    let u = read("Deployed hashrate reached 5,000 EH/s at April 30.");
    assert_eq!(text(&u.hashrate_deployed), Some("5,000 EH/s"));
    assert_eq!(u.warnings.len(), 1);
}

#[test]
fn one_sites_fleet_yields_to_the_fleet_wide_figure() {
    let u = read(
        "Month-end operating hash rate was approximately 6.2 EH/s across its data centers.\n\nThe Odessa facility alone ended the month at approximately 4.4 EH/s.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("6.2 EH/s"));
    // With no fleet-wide figure, the one site's is the company's (a miner with one site).
    let u = read(
        "Installed hashrate at the Christina Lake facility was approximately 1,950 PH/s at the end of April.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("1,950 PH/s"));
}

#[test]
fn a_part_after_its_total_by_of_which_is_no_figure_of_that_kind() {
    let u = read("As of April 30, 2025, Riot held 173 BTC, 101 of which were BTC equivalents.");
    assert_eq!(text(&u.btc_held), Some("173 BTC"));
    // The company's own part still is its figure.
    let u = read(
        "Riot had 257,400 machines under management, 196,400 of which were self-owned and 61,000 were hosted for customers.",
    );
    assert_eq!(text(&u.miners_deployed), Some("196,400"));
}

#[test]
fn a_column_titled_with_its_length_in_months_is_a_header() {
    let u = read(
        "Apr-25 | Mar-25 | YTD 2025 (4 months)\nBTC mined | 198 | 228 | 850\nBTC held at month end | 173 | 237 | N/A\n",
    );
    assert_eq!(text(&u.btc_mined), Some("198"));
    assert_eq!(text(&u.btc_mined_prior), Some("228"));
    assert_eq!(text(&u.btc_held), Some("173"));
}

#[test]
fn an_aside_ranking_a_figure_among_peers_names_no_scope() {
    let u = read(
        "Fleet efficiency held at 25 W/TH, one of the better figures among listed miners, after a year of upgrades.",
    );
    assert_eq!(text(&u.fleet_efficiency), Some("25 W/TH"));
    let u = read("Riot ended April with 1,103 BTC, among the largest treasuries in the sector.");
    assert_eq!(text(&u.btc_held), Some("1,103 BTC"));
    // The network's own figure is still the network's.
    let u = read("Network efficiency averaged 25 J/TH in April.");
    assert_eq!(u.fleet_efficiency, None);
}

#[test]
fn a_month_ended_with_coins_is_a_holding() {
    let u = read("Riot ended April with 1,103 BTC.");
    assert_eq!(text(&u.btc_held), Some("1,103 BTC"));
    // Another period closed with coins is that period's.
    let u = read("Riot closed Q1 2025 with 1,000 BTC.");
    assert_eq!(u.btc_held, None);
}

#[test]
fn bare_cells_of_a_money_table_are_no_coins_and_the_next_table_has_its_own_unit() {
    let u = read(
        "CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS\n(in thousands, except per share data)\n\n                                     Three Months Ended April 30,\n                                       2025          2024\nTotal revenue                        179,323       128,727\nGain from sale of digital assets         591           181\n  Sales and marketing                    918         1,294\n\nSelected Operating Metrics (unaudited)\n\n                                     April 2025    March 2025\nBitcoin sold                             412           300\n",
    );
    assert_eq!(text(&u.btc_sold), Some("412"));
    assert_eq!(
        u.revenue.as_ref().map(|f| f.value),
        Some(rust_decimal::Decimal::from(179_323_000))
    );
}

#[test]
fn a_bound_on_a_round_threshold_is_no_figure() {
    let u = read(
        "Riot said its hashrate reached 10.02 EH/s at the end of April, the first time it has reported a figure above the 10-exahash mark.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("10.02 EH/s"));
    assert_eq!(u.hashrate_deployed_prior, None);
    // A definite figure after the bound still compares.
    let u = read("Hashrate rose to 10.02 EH/s, above the 9.5 EH/s it had in March.");
    assert_eq!(text(&u.hashrate_deployed_prior), Some("9.5 EH/s"));
}

#[test]
fn a_table_row_of_one_energy_source_is_a_part_of_the_capacity() {
    let u = read(
        "Metric                          April 2025    March 2025\nOperating Capacity (MW)                203           193\nHydropower MW                          166           166\n",
    );
    assert_eq!(text(&u.power_capacity), Some("203"));
}

#[test]
fn respectively_with_the_subjects_after_the_figures() {
    let u = read(
        "Of the proprietary hash rate, 15.1 EH/s and 0.6 EH/s were allocated to self-mining and to the cloud hash rate business, respectively.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("15.1 EH/s"));
}

#[test]
fn machines_that_totaled_a_bare_number() {
    let u = read("Self-owned mining machines totaled 103,000 at April 30.");
    assert_eq!(text(&u.miners_deployed), Some("103,000"));
    let u = read(
        "Mining machines under management totaled approximately 152,000, of which approximately 103,000 were self-owned and 49,000 were hosted.",
    );
    assert_eq!(text(&u.miners_deployed), Some("103,000"));
}

#[test]
fn a_group_label_inside_a_table_is_the_parent_of_the_rows_under_it() {
    let u = read(
        "Metrics                                  March 2025      April 2025\nBitcoin Holdings at Month End                 104.6           107.9\n\nApproximate Miners Deployed at Month End\n   Pennsylvania site                          2,650           2,890\n   Nebraska site                              1,250           1,270\n   Total deployed                             3,900           4,160\n",
    );
    assert_eq!(text(&u.btc_held), Some("107.9"));
    assert_eq!(text(&u.btc_held_prior), Some("104.6"));
    assert_eq!(text(&u.miners_deployed), Some("4,160"));
}

#[test]
fn a_two_line_header_with_an_abbreviated_quarter_column() {
    let u = read(
        "                                        April       March    February   First Qtr.\n                                         2025        2025        2025         2025\n\nBitcoin Produced                        1,048       1,101       1,138        3,287\n",
    );
    assert_eq!(text(&u.btc_mined), Some("1,048"));
    assert_eq!(text(&u.btc_mined_prior), Some("1,101"));
}

#[test]
fn a_row_with_more_figures_than_column_titles_is_not_guessed() {
    let u = read(
        "                                        April       March    February\n                                         2025        2025        2025\n\nBitcoin Produced                        1,048       1,101       1,138        3,287\n",
    );
    assert_eq!(u.btc_mined, None);
    assert_eq!(u.btc_mined_prior, None);
}

#[test]
fn a_figure_representing_a_left_out_one_is_left_out() {
    let u = read(
        "After the month ended, Riot agreed to buy 2,000 Antminer S19 XP miners, representing approximately 280 PH/s, for deployment in Texas.",
    );
    assert_eq!(u.hashrate_deployed, None);
    // Representing a figure that stands, it stands.
    let u =
        read("At April 30, Riot had 30,000 miners deployed, representing approximately 3.4 EH/s.");
    assert_eq!(text(&u.hashrate_deployed), Some("3.4 EH/s"));
    // A sum after a left-out part is no restatement of it.
    let u = read(
        "Operating capacity comprised 195 MW at Lake Mariner and its 50 MW share of the Nautilus facility, for a total of 245 MW.",
    );
    assert_eq!(text(&u.power_capacity), Some("245 MW"));
}

#[test]
fn wishes_and_builds_are_plans() {
    let u =
        read("The company said it wants to reach 3 EH of capacity once its new site is energized.");
    assert_eq!(u.hashrate_deployed, None);
    let u = read("Riot formed a joint venture to develop 200 MW of mining capacity in Texas.");
    assert_eq!(u.power_capacity, None);
}

#[test]
fn what_a_label_says_it_includes_makes_it_a_total() {
    let u = read(
        "                                              April 2025      March 2025\nBitcoin self-mined (incl. Nautilus share)          994             908\n",
    );
    assert_eq!(text(&u.btc_mined), Some("994"));
    // A row that is the included part is still a part.
    let u = read(
        "                                              April 2025      March 2025\nBitcoin held                                     1,000             900\n  including restricted                             300             300\n",
    );
    assert_eq!(text(&u.btc_held), Some("1,000"));
}

#[test]
fn the_companys_part_of_a_partitive_total() {
    let u = read(
        "Of the approximately 208,000 miners operating across its sites, approximately 161,000 were owned by the Company and used for self-mining.",
    );
    assert_eq!(text(&u.miners_deployed), Some("161,000"));
    // A partitive over another measure still reads both.
    let u = read("Of the 500 BTC mined in April, 120 BTC were sold.");
    assert_eq!(text(&u.btc_mined), Some("500 BTC"));
    assert_eq!(text(&u.btc_sold), Some("120 BTC"));
}

#[test]
fn a_sentence_opening_on_that_total_splits_the_total_before_it() {
    let u = read(
        "Its facilities produced approximately 112 bitcoin during April. Of that total, 79 bitcoin came from miners that Riot owns, and the remaining 33 bitcoin were generated by machines in its hosting business.",
    );
    assert_eq!(text(&u.btc_mined), Some("79 bitcoin"));
    // A part of another measure leaves the total the company's.
    let u = read("The Company produced 112 bitcoin during April. Of these, 20 bitcoin were sold.");
    assert_eq!(text(&u.btc_mined), Some("112 bitcoin"));
    assert_eq!(text(&u.btc_sold), Some("20 bitcoin"));
}

#[test]
fn a_model_name_between_a_count_and_its_noun() {
    let u = read("As of April 30, 2025, Riot had 30,907 S19-series miners deployed.");
    assert_eq!(text(&u.miners_deployed), Some("30,907"));
}

#[test]
fn machines_added_or_received_are_not_the_fleet() {
    for s in [
        "Riot added 1,200 miners during April.",
        "Riot took delivery of approximately 2,000 S21 miners in April.",
        "Roughly 9,000 S19j XP miners delivered to Building 3 were energized in April.",
    ] {
        assert_eq!(read(s).miners_deployed, None, "{s}");
    }
}

#[test]
fn a_relative_clause_between_a_figure_and_its_subject() {
    let u = read(
        "Average operational hash rate, which measures the hash rate our own fleet actually delivered over the course of the month, was 19.1 EH/s, up from 14.9 EH/s in March.",
    );
    assert_eq!(text(&u.hashrate_operating), Some("19.1 EH/s"));
    assert_eq!(text(&u.hashrate_operating_prior), Some("14.9 EH/s"));
    assert_eq!(u.hashrate_deployed, None);
}

#[test]
fn our_fleet_efficiency_in_a_sentence_about_the_network() {
    let u = read(
        "For context, the global bitcoin network's hash rate averaged roughly 386 EH/s during April, and our fleet efficiency improved to 25.3 J/TH.",
    );
    assert_eq!(text(&u.fleet_efficiency), Some("25.3 J/TH"));
    let u = read("The network's average efficiency was about 30 J/TH in April.");
    assert_eq!(u.fleet_efficiency, None);
}

#[test]
fn another_coins_hashrate_row_is_no_rival() {
    let u = read(
        "Metric                                     April 2025    March 2025\nBTC hash rate at month end (EH/s)             0.66          0.62\nScrypt hash rate at month end (GH/s)        27,480        27,480\n",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("0.66"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("0.62"));
    // A fleet stated in TH/s is converted.
    let u = read(
        "Metric                                     April 2025    March 2025\nHashrate at month end (TH/s)             3,400,000     3,100,000\n",
    );
    assert_eq!(
        u.hashrate_deployed.map(|f| f.value.to_string()),
        Some("3.4".into())
    );
}

#[test]
fn coins_split_between_own_fleet_and_hosting_were_mined() {
    let u = read(
        "That split is little changed from March, when the company reported about 55 bitcoin in total, of which 17 bitcoin were from its own fleet and 38 bitcoin from hosting.",
    );
    assert_eq!(text(&u.btc_mined_prior), Some("17 bitcoin"));
}

#[test]
fn wordy_cells_before_the_header_columns_are_the_rest_of_the_label() {
    let u = read(
        "Metric | April 2025 | March 2025\nHashrate (EH/s) | Average for the month | 45.1 | 44.6\nHashrate (EH/s) | Month-end operating | 50.0 | 49.7\n",
    );
    assert_eq!(text(&u.hashrate_operating), Some("45.1"));
    assert_eq!(text(&u.hashrate_deployed), Some("50.0"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("49.7"));
}

#[test]
fn coins_per_day_without_a_verb_are_the_days_production() {
    let u = read(
        "Metric | April 2025 | March 2025\nAverage BTC per day | 8.9 | 8.0\nBTC per average EH/s | 12.5 | 12.9\nHashrate (EH/s) | 21.4 | 19.2\n",
    );
    assert_eq!(text(&u.btc_mined_avg_daily), Some("8.9"));
    assert_eq!(text(&u.btc_mined_avg_daily_prior), Some("8.0"));
    assert_eq!(text(&u.hashrate_deployed), Some("21.4"));
}

#[test]
fn a_dot_leader_before_a_value_with_its_own_comparison() {
    let u = read(
        "  Bitcoin mined ............................... 31 BTC (March 2025: 35 BTC)\n  Average realized hashrate ................... 1.75 EH/s (March 2025: 1.71 EH/s)\n  Bitcoin balance at April 30 ................. 431 BTC (March 31, 2025: 400 BTC)\n",
    );
    assert_eq!(text(&u.btc_mined), Some("31 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("35 BTC"));
    assert_eq!(text(&u.hashrate_operating_prior), Some("1.71 EH/s"));
    assert_eq!(text(&u.btc_held), Some("431 BTC"));
    assert_eq!(text(&u.btc_held_prior), Some("400 BTC"));
}

#[test]
fn a_comparison_label_with_a_qualifier_and_a_tag_on_a_quoted_line() {
    let u = read("- Held approximately 1,227 BTC at month-end (March 31: ~1,063 BTC).");
    assert_eq!(text(&u.btc_held_prior), Some("1,063 BTC"));
    let u = extract(
        "> CASTLE ROCK, Colo., May 3, 2025 -- Riot Platforms, Inc.\n> (NASDAQ: RIOT) announces its April 2025 production update.\n",
    );
    let company = u.company.expect("company");
    assert_eq!(company.ticker.as_deref(), Some("RIOT"));
    assert_eq!(company.name, "Riot Platforms, Inc.");
}

#[test]
fn first_person_in_a_quote_after_another_company_and_a_quote_that_ends_a_sentence() {
    let u = read(
        "\u{201c}Our sites, which are operated by Applied Digital, suffered downtime, and we are working with our hosting provider on repairs that should prevent a repeat.\u{201d}\n\u{201c}Against that backdrop, we produced 833 bitcoin in April, down 23% from the 1,084 bitcoin produced in March.\u{201d}",
    );
    assert_eq!(text(&u.btc_mined), Some("833 bitcoin"));
    assert_eq!(text(&u.btc_mined_prior), Some("1,084 bitcoin"));
}

#[test]
fn a_list_of_other_miners_stories_above_the_article_gives_no_period() {
    let u = extract(
        "Trending in Mining\n\n- MARA mined 890 BTC in December, topping the sector for the month\n- Riot bought 5,784 BTC in December and now holds 17,722\n\nBitfarms earns 225 BTC in January as efficiency improves\n\nPublished February 4, 2025\n\nBitfarms Ltd. (Nasdaq/TSX: BITF) earned 225 BTC in January, up 7% from 211 BTC in December.\n",
    );
    assert_eq!(
        u.period.map(|p| p.start.to_string()),
        Some("2025-01-01".into())
    );
    assert_eq!(text(&u.btc_mined), Some("225 BTC"));
    assert_eq!(text(&u.btc_mined_prior), Some("211 BTC"));
}

#[test]
fn a_bullet_glyph_set_against_its_text_under_a_year_to_date_title() {
    let u = read(
        "Riot mined 2,037 bitcoin in April.\nFiscal Year-to-Date (Six Months Ended April 30, 2025)\n\u{2022}Revenues of $185.6 million, compared with $70.4 million for the first half of fiscal 2024.\n\u{2022}4,057 bitcoin mined across the first two fiscal quarters.\n",
    );
    assert_eq!(text(&u.btc_mined), Some("2,037 bitcoin"));
    assert_eq!(u.revenue, None);
}

#[test]
fn a_change_amount_before_to_and_its_level() {
    // "increased $69.3 million, or 163%, to $111.8 million": the first figure is a change.
    let u = extract(
        "CleanSpark, Inc. (Nasdaq: CLSK) reported results for the three months ended March 31, 2024.\nRevenues increased $69.3 million, or 163%, to $111.8 million, compared with $42.5 million in the three months ended March 31, 2023.\n",
    );
    assert_eq!(text(&u.revenue), Some("$111.8 million"));
    assert_eq!(u.revenue_prior, None);
    // Checked against the year-ago figure it is compared with, not the prior quarter's.
    assert!(u.warnings.is_empty(), "{:?}", u.warnings);
}

#[test]
fn headline_and_subtitle_lines_are_sentences_of_their_own() {
    // A subtitle without a full stop does not run into the next subtitle, whose revenue
    // cue would name the EBITDA figure, nor into the lead; "Second Quarter Fiscal Year
    // 2024" is one quarter, not a fiscal-year total.
    for headline in [
        "CleanSpark Reports Second Quarter Results",
        "CleanSpark Reports Second Quarter Fiscal Year 2024 Financial Results",
    ] {
        let u = extract(&format!(
            "{headline}\nQuarterly revenue of $111.8 million, net income of $126.7 million and Adjusted EBITDA of $181.8 million\nRevenue up 163% from the same quarter a year ago\nLAS VEGAS, May 9, 2024 /PRNewswire/ -- CleanSpark, Inc. (Nasdaq: CLSK) today reported financial results for the three months ended March 31, 2024, a period in which the Company grew its footprint faster than in any quarter of its history.\n"
        ));
        assert_eq!(text(&u.revenue), Some("$111.8 million"), "{headline}");
    }
}
#[test]
fn a_currency_sign_one_space_before_its_number() {
    let u = read("In April, Riot mined \u{20bf} 529 and booked total revenue of US$ 53.2m.");
    assert_eq!(text(&u.btc_mined), Some("\u{20bf} 529"));
    assert_eq!(text(&u.revenue), Some("US$ 53.2m"));
}

#[test]
fn a_table_in_thousands_written_000s() {
    let u = read(
        "($ presented in 000's, except per share data)\n\n                                   April 2025      March 2025\nBitcoin mining revenue, net        $ 162,277       $  73,794\n",
    );
    assert_eq!(
        u.revenue.as_ref().map(|f| f.value.to_string()),
        Some("162277000".into())
    );
}

#[test]
fn the_figure_a_change_is_taken_from_keeps_the_words_before_the_change() {
    let u = read("- Average operating hashrate up 43% from 19.7 EH/s in March\n");
    assert_eq!(text(&u.hashrate_operating_prior), Some("19.7 EH/s"));
    assert_eq!(u.hashrate_deployed_prior, None);
}

#[test]
fn miners_owned_and_hosted_are_no_fleet_count() {
    let u = read(
        "At April 30, 2025, the Company's facilities housed approximately 171,000 bitcoin miners (owned and hosted) in Texas.",
    );
    assert_eq!(u.miners_deployed, None);
}

#[test]
fn the_start_of_a_month_is_the_end_of_the_month_before() {
    let u = read("As of the start of May, Riot maintained holdings of approximately 26 bitcoin.");
    assert_eq!(text(&u.btc_held), Some("26 bitcoin"));
    let u = read(
        "Hashrate capacity rose from 2.26 Exahash at the start of April to 2.63 Exahash at month-end.",
    );
    assert_eq!(text(&u.hashrate_deployed), Some("2.63 Exahash"));
    assert_eq!(text(&u.hashrate_deployed_prior), Some("2.26 Exahash"));
}

#[test]
fn a_plan_in_the_imperative_or_by_a_deadline_is_no_figure() {
    let u = read("Strategic targets\n\n- Reach 25 EH/s of self-mining hashrate.\n");
    assert_eq!(u.hashrate_deployed, None);
    let u = read("- Installed 25 EH/s of self-mining hashrate by Thanksgiving 2025.\n");
    assert_eq!(u.hashrate_deployed, None);
    // "holdings reach" in the present tense is a level.
    let u = read("Riot mined 463 bitcoin in April; holdings reach 19,211 BTC\n");
    assert_eq!(text(&u.btc_held), Some("19,211 BTC"));
}
