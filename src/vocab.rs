//! The vocabulary of releases, as data.
//!
//! Every word or phrase that tells what a figure is, which period it belongs to, or whose it
//! is, sits in one table here. A new phrasing is one line in a table, never a new
//! sentence-shaped pattern. Phrases are matched case-insensitively on word boundaries; a
//! space in a phrase matches any run of spaces or hyphens, so `month end` also matches
//! `month-end`.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

/// What a cue word says about the figure near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Cue {
    // What is measured.
    /// Production: produced, mined, earned.
    Mined,
    /// Holdings: held, holdings, treasury, HODL.
    Held,
    /// Sales: sold, sales.
    Sold,
    /// A per-day rate written before the figure: "daily", "average daily".
    Daily,
    /// A per-day rate written after the figure: "per day", "a day".
    PerDay,
    /// Blocks.
    Blocks,
    /// Won, found: what makes blocks the company's.
    Won,
    /// Mining machines.
    Miners,
    /// Efficiency.
    Efficiency,
    /// Power capacity.
    Power,
    /// Revenue.
    Revenue,
    /// Mining revenue: counts as revenue only without a total.
    MiningRevenue,
    /// Hashrate, kind unstated.
    Hashrate,
    /// A capacity: deployed, installed, energized.
    Capacity,
    /// A point in time: month-end, current, ended the month.
    PointInTime,
    /// An operating hashrate without "average": month-end operating in most releases.
    Operating,
    /// An average over the period.
    Average,

    // What the figure is not.
    /// Bought, purchased, acquired.
    Purchased,
    /// A part of a total: including, of which, restricted, pledged.
    Subset,
    /// A conversion of other assets ("BTC equivalent").
    Equivalent,
    /// A price, a dollar value, proceeds, costs.
    Price,
    /// A ratio per unit of hashrate or per coin.
    Ratio,
    /// A bound, not a figure: over, more than, nearly, surpasses.
    Bound,
    /// Another measure that is none of the contract's: income, EBITDA, cash, profit, and
    /// counts of other things (curtailment hours, uptime).
    NotRevenue,
    /// A segment of revenue: hosting, HPC, cloud.
    Segment,
    /// A peak, not a period-end figure.
    Peak,
    /// Machines sold, shipped or manufactured.
    Hardware,

    // When.
    /// Year-to-date, full-year, calendar and fiscal totals.
    Aggregate,
    /// The same period a year earlier.
    YearAgo,
    /// The preceding period.
    Prior,
    /// A comparison: compared to, versus, from.
    Compare,
    /// The current period, said in words: this month, during the month.
    Current,
    /// Targets, plans, guidance, forecasts.
    Target,

    // Whose.
    /// Customers', hosted, colocation, cloud, under management.
    Hosted,
    /// The network's, the industry's.
    Network,
    /// The company's own: self-mining, self-mined.
    Own,
    /// A coin other than bitcoin: "Dogecoin (DOGE)", "ETH".
    OtherCoin,
    /// A set phrase that only looks like a cue ("in order to"): matched so that its words
    /// are not read alone, and read as nothing.
    Filler,
    /// Energy used rather than capacity: usage, consumption.
    Usage,
    /// A total row or statement.
    Total,
    /// An average per machine, per site, per share...
    PerUnit,
    /// A source of energy ("hydropower", "natural gas"): a table row of one source is a
    /// part of the power capacity.
    EnergySource,
}

/// The cue table: phrase, cue. Longer phrases win over shorter ones at the same place.
const CUES: &[(&str, Cue)] = &[
    // production
    ("produced", Cue::Mined),
    ("produces", Cue::Mined),
    ("produce", Cue::Mined),
    ("production", Cue::Mined),
    ("mined", Cue::Mined),
    ("mines", Cue::Mined),
    ("earned", Cue::Mined),
    ("earns", Cue::Mined),
    ("earning", Cue::Mined),
    ("producing", Cue::Mined),
    ("generating", Cue::Mined),
    ("generated", Cue::Mined),
    ("self mined", Cue::Mined),
    ("output", Cue::Mined),
    ("bitcoin production", Cue::Mined),
    ("btc production", Cue::Mined),
    // holdings
    ("held", Cue::Held),
    ("holds", Cue::Held),
    ("holding", Cue::Held),
    // "finishing the month with 160.6 bitcoin": the balance at the end.
    ("finishing the month with", Cue::Held),
    ("finished the month with", Cue::Held),
    ("ending the month with", Cue::Held),
    ("ended the month with", Cue::Held),
    ("closed the month with", Cue::Held),
    ("holdings", Cue::Held),
    ("hodl", Cue::Held),
    ("treasury", Cue::Held),
    ("balance sheet", Cue::Held),
    ("balance", Cue::Held),
    ("on hand", Cue::Held),
    ("reserve", Cue::Held),
    ("reserves", Cue::Held),
    ("stack", Cue::Held),
    ("ended the month with", Cue::Held),
    ("ended the month with", Cue::PointInTime),
    ("ended the year with", Cue::Held),
    ("ended the quarter with", Cue::Held),
    ("closed the month with", Cue::Held),
    ("finished the month with", Cue::Held),
    ("ending the month with", Cue::Held),
    ("ending the month with", Cue::PointInTime),
    // sales
    ("sold", Cue::Sold),
    ("sells", Cue::Sold),
    ("selling", Cue::Sold),
    ("sell", Cue::Sold),
    ("sale of", Cue::Sold),
    ("sales of", Cue::Sold),
    ("bitcoin sold", Cue::Sold),
    ("btc sold", Cue::Sold),
    ("converted", Cue::Sold),
    ("liquidated", Cue::Sold),
    ("monetized", Cue::Sold),
    ("monetised", Cue::Sold),
    ("monetizing", Cue::Sold),
    ("monetising", Cue::Sold),
    // daily
    ("per day", Cue::PerDay),
    ("a day", Cue::PerDay),
    ("each day", Cue::PerDay),
    ("daily", Cue::Daily),
    ("per day basis", Cue::Daily),
    ("daily basis", Cue::Daily),
    ("/day", Cue::PerDay),
    // counts
    ("blocks", Cue::Blocks),
    ("blocks won", Cue::Blocks),
    ("blocks won", Cue::Won),
    ("won", Cue::Won),
    ("win", Cue::Won),
    ("wins", Cue::Won),
    ("found", Cue::Won),
    ("solved", Cue::Won),
    ("miners", Cue::Miners),
    ("mining rigs", Cue::Miners),
    ("rigs", Cue::Miners),
    ("machines", Cue::Miners),
    ("mining machines", Cue::Miners),
    ("asics", Cue::Miners),
    ("fleet", Cue::Miners),
    ("deployed fleet", Cue::Miners),
    // efficiency, power, revenue
    ("efficiency", Cue::Efficiency),
    ("fleet efficiency", Cue::Efficiency),
    ("power capacity", Cue::Power),
    ("operating capacity", Cue::Power),
    ("energized capacity", Cue::Power),
    ("power", Cue::Power),
    ("megawatts", Cue::Power),
    ("electricity capacity", Cue::Power),
    ("revenue", Cue::Revenue),
    ("revenues", Cue::Revenue),
    ("total revenue", Cue::Revenue),
    ("total revenue", Cue::Total),
    ("total revenues", Cue::Revenue),
    ("total revenues", Cue::Total),
    ("net revenue", Cue::Revenue),
    ("mining revenue", Cue::MiningRevenue),
    ("bitcoin mining revenue", Cue::MiningRevenue),
    ("self mining revenue", Cue::MiningRevenue),
    // hashrate kinds
    ("hashrate", Cue::Hashrate),
    // What the fleet could hash with every machine running: a capacity, not a plan.
    ("potential hashrate", Cue::Hashrate),
    ("potential hashrate", Cue::Capacity),
    ("potential hash rate", Cue::Hashrate),
    ("potential hash rate", Cue::Capacity),
    ("hash rate", Cue::Hashrate),
    ("hashing power", Cue::Hashrate),
    ("computing power", Cue::Hashrate),
    ("deployed", Cue::Capacity),
    ("installed", Cue::Capacity),
    ("energized", Cue::Capacity),
    ("energised", Cue::Capacity),
    ("capacity", Cue::Capacity),
    ("month end", Cue::PointInTime),
    ("end of the month", Cue::PointInTime),
    ("end of month", Cue::PointInTime),
    ("ended the month", Cue::PointInTime),
    ("exited the month", Cue::PointInTime),
    ("exited", Cue::PointInTime),
    ("current", Cue::PointInTime),
    ("currently", Cue::PointInTime),
    ("active", Cue::PointInTime),
    ("actively hashing", Cue::PointInTime),
    ("operating", Cue::Operating),
    ("operational", Cue::Operating),
    ("online", Cue::Operating),
    ("average", Cue::Average),
    ("averaged", Cue::Average),
    ("averaging", Cue::Average),
    ("avg", Cue::Average),
    ("avg.", Cue::Average),
    ("mean", Cue::Average),
    ("realized", Cue::Average),
    ("realised", Cue::Average),
    // exclusions
    ("purchased", Cue::Purchased),
    ("purchase", Cue::Purchased),
    ("purchases", Cue::Purchased),
    ("bought", Cue::Purchased),
    ("buying", Cue::Purchased),
    ("purchasing", Cue::Purchased),
    ("acquiring", Cue::Purchased),
    ("buy", Cue::Purchased),
    ("acquired", Cue::Purchased),
    ("including", Cue::Subset),
    ("includes", Cue::Subset),
    ("incl.", Cue::Subset),
    ("of which", Cue::Subset),
    ("restricted", Cue::Subset),
    ("pledged", Cue::Subset),
    ("collateral", Cue::Subset),
    ("loaned", Cue::Subset),
    // Coins lent out or in yield programmes, not customers' machines under management.
    ("actively managed", Cue::Subset),
    ("posted", Cue::Subset),
    ("from power sales", Cue::Subset),
    ("power sales equivalent", Cue::Subset),
    ("equivalent", Cue::Equivalent),
    ("equivalent to", Cue::Equivalent),
    ("were equal to", Cue::Equivalent),
    ("was equal to", Cue::Equivalent),
    // Exposure through derivatives is not coins held.
    ("options", Cue::Equivalent),
    ("call options", Cue::Equivalent),
    ("derivatives", Cue::Equivalent),
    ("synthetic", Cue::Equivalent),
    ("equivalents", Cue::Equivalent),
    ("price", Cue::Price),
    ("priced", Cue::Price),
    ("worth", Cue::Price),
    ("value", Cue::Price),
    ("valued", Cue::Price),
    ("fair value", Cue::Price),
    ("market value", Cue::Price),
    ("proceeds", Cue::Price),
    ("cost", Cue::Price),
    ("costs", Cue::Price),
    ("per bitcoin", Cue::Price),
    ("per btc", Cue::Price),
    ("per coin", Cue::Price),
    ("hashprice", Cue::Price),
    ("per eh", Cue::Ratio),
    ("per exahash", Cue::Ratio),
    ("per eh/s", Cue::Ratio),
    ("per average eh/s", Cue::Ratio),
    ("per average eh", Cue::Ratio),
    ("btc/eh", Cue::Ratio),
    ("btc/avg", Cue::Ratio),
    ("per ph", Cue::Ratio),
    ("per th", Cue::Ratio),
    ("per terahash", Cue::Ratio),
    ("per petahash", Cue::Ratio),
    ("per mwh", Cue::Ratio),
    ("per kwh", Cue::Ratio),
    ("per share", Cue::Ratio),
    ("over", Cue::Bound),
    ("more than", Cue::Bound),
    ("nearly", Cue::Bound),
    ("almost", Cue::Bound),
    ("surpasses", Cue::Bound),
    ("surpassed", Cue::Bound),
    ("surpassing", Cue::Bound),
    ("exceeds", Cue::Bound),
    ("exceeded", Cue::Bound),
    ("exceeding", Cue::Bound),
    ("in excess of", Cue::Bound),
    ("at least", Cue::Bound),
    ("up to", Cue::Bound),
    ("above", Cue::Bound),
    ("below", Cue::Bound),
    ("under", Cue::Bound),
    ("close to", Cue::Bound),
    ("less than", Cue::Bound),
    ("fewer than", Cue::Bound),
    ("north of", Cue::Bound),
    ("nears", Cue::Bound),
    ("nearing", Cue::Bound),
    ("approaches", Cue::Bound),
    ("approaching", Cue::Bound),
    ("shy of", Cue::Bound),
    ("crosses", Cue::Bound),
    ("passes", Cue::Bound),
    ("passed", Cue::Bound),
    ("top", Cue::Bound),
    ("tops", Cue::Bound),
    ("income", Cue::NotRevenue),
    ("cost of revenue", Cue::NotRevenue),
    ("cost of revenues", Cue::NotRevenue),
    ("costs of revenue", Cue::NotRevenue),
    ("cost of sales", Cue::NotRevenue),
    ("revenue per", Cue::Ratio),
    ("net income", Cue::NotRevenue),
    ("net loss", Cue::NotRevenue),
    ("ebitda", Cue::NotRevenue),
    ("adjusted ebitda", Cue::NotRevenue),
    ("profit", Cue::NotRevenue),
    ("margin", Cue::NotRevenue),
    ("cash", Cue::NotRevenue),
    ("loss", Cue::NotRevenue),
    ("expenses", Cue::NotRevenue),
    ("expense", Cue::NotRevenue),
    ("impairment", Cue::NotRevenue),
    // "Curtailment hours | 214 | 187": a table row of another measure under a production
    // title.
    ("hours", Cue::NotRevenue),
    ("uptime", Cue::NotRevenue),
    ("employees", Cue::NotRevenue),
    ("headcount", Cue::NotRevenue),
    ("impairments", Cue::NotRevenue),
    ("depreciation", Cue::NotRevenue),
    ("amortization", Cue::NotRevenue),
    ("market cap", Cue::NotRevenue),
    ("market capitalization", Cue::NotRevenue),
    ("hosting revenue", Cue::Segment),
    ("engineering revenue", Cue::Segment),
    ("engineering", Cue::Segment),
    ("energy revenue", Cue::Segment),
    ("power revenue", Cue::Segment),
    ("power sales revenue", Cue::Segment),
    ("demand response", Cue::Segment),
    ("services revenue", Cue::Segment),
    ("service revenue", Cue::Segment),
    ("equipment revenue", Cue::Segment),
    ("equipment sales", Cue::Segment),
    ("machine sales", Cue::Segment),
    ("staking revenue", Cue::Segment),
    ("data center revenue", Cue::Segment),
    ("data centre revenue", Cue::Segment),
    ("cloud services", Cue::Segment),
    ("hpc", Cue::Segment),
    ("high performance computing", Cue::Segment),
    ("gpu", Cue::Segment),
    ("ai", Cue::Segment),
    ("cloud revenue", Cue::Segment),
    ("colocation revenue", Cue::Segment),
    ("segment", Cue::Segment),
    ("product revenue", Cue::Segment),
    ("other revenue", Cue::Segment),
    ("product", Cue::Segment),
    ("peak", Cue::Peak),
    ("computing power sold", Cue::Hardware),
    ("shipped", Cue::Hardware),
    // A machine's specification, not the fleet's.
    ("rated", Cue::Hardware),
    ("rated at", Cue::Hardware),
    ("manufactured", Cue::Hardware),
    ("sealminer", Cue::Hardware),
    ("ordered", Cue::Hardware),
    ("order", Cue::Hardware),
    ("new miners", Cue::Hardware),
    ("manufacturers", Cue::Hardware),
    ("manufacturer", Cue::Hardware),
    ("generation", Cue::Hardware),
    ("in transit", Cue::Hardware),
    ("awaiting", Cue::Hardware),
    ("on order", Cue::Hardware),
    ("offline", Cue::Hardware),
    ("storage", Cue::Hardware),
    // periods and roles
    ("year to date", Cue::Aggregate),
    ("ytd", Cue::Aggregate),
    ("so far this year", Cue::Aggregate),
    ("to date", Cue::Aggregate),
    ("cumulative", Cue::Aggregate),
    ("since inception", Cue::Aggregate),
    ("calendar year", Cue::Aggregate),
    ("fiscal year", Cue::Aggregate),
    // One quarter of a fiscal year is no fiscal-year total: "Second Quarter Fiscal Year
    // 2024 Results".
    ("quarter fiscal year", Cue::Filler),
    ("quarter of fiscal year", Cue::Filler),
    ("quarter of the fiscal year", Cue::Filler),
    ("quarter of its fiscal year", Cue::Filler),
    ("quarter of our fiscal year", Cue::Filler),
    ("quarter of the company's fiscal year", Cue::Filler),
    ("month of fiscal year", Cue::Filler),
    ("month of its fiscal year", Cue::Filler),
    ("fiscal ytd", Cue::Aggregate),
    ("full year", Cue::Aggregate),
    ("for the year", Cue::Aggregate),
    ("annual", Cue::Aggregate),
    ("in total", Cue::Aggregate),
    ("quarter to date", Cue::Aggregate),
    ("two months", Cue::Aggregate),
    ("four months", Cue::Aggregate),
    ("five months", Cue::Aggregate),
    ("six months", Cue::Aggregate),
    ("seven months", Cue::Aggregate),
    ("eight months", Cue::Aggregate),
    ("nine months", Cue::Aggregate),
    ("ten months", Cue::Aggregate),
    ("eleven months", Cue::Aggregate),
    ("twelve months", Cue::Aggregate),
    ("year ended", Cue::Aggregate),
    ("years ended", Cue::Aggregate),
    ("year ending", Cue::Aggregate),
    ("first half", Cue::Aggregate),
    ("second half", Cue::Aggregate),
    ("beginning balance", Cue::Aggregate),
    ("opening balance", Cue::Aggregate),
    ("beginning of the month", Cue::Aggregate),
    ("start of the month", Cue::Aggregate),
    ("year over year", Cue::YearAgo),
    ("yoy", Cue::YearAgo),
    ("y/y", Cue::YearAgo),
    ("year/year", Cue::YearAgo),
    ("a year ago", Cue::YearAgo),
    ("year ago", Cue::YearAgo),
    ("a year earlier", Cue::YearAgo),
    ("year earlier", Cue::YearAgo),
    ("prior year", Cue::YearAgo),
    ("previous year", Cue::YearAgo),
    ("last year", Cue::YearAgo),
    ("same month", Cue::YearAgo),
    ("same period", Cue::YearAgo),
    ("same quarter", Cue::YearAgo),
    ("prior month", Cue::Prior),
    ("previous month", Cue::Prior),
    ("preceding month", Cue::Prior),
    ("month before", Cue::Prior),
    ("a month earlier", Cue::Prior),
    ("month earlier", Cue::Prior),
    ("a month ago", Cue::Prior),
    ("the prior period", Cue::Prior),
    ("previous period", Cue::Prior),
    ("prior quarter", Cue::Prior),
    ("previous quarter", Cue::Prior),
    ("preceding quarter", Cue::Prior),
    ("last quarter", Cue::Prior),
    ("sequential", Cue::Prior),
    ("sequentially", Cue::Prior),
    ("month over month", Cue::Prior),
    ("m/m", Cue::Prior),
    ("mom", Cue::Prior),
    ("quarter over quarter", Cue::Prior),
    ("qoq", Cue::Prior),
    ("compared to", Cue::Compare),
    ("compared with", Cue::Compare),
    ("comparison", Cue::Compare),
    ("versus", Cue::Compare),
    ("vs", Cue::Compare),
    ("vs.", Cue::Compare),
    ("from", Cue::Compare),
    ("against", Cue::Compare),
    ("relative to", Cue::Compare),
    ("previously", Cue::Compare),
    ("than", Cue::Compare),
    ("this month", Cue::Current),
    ("during the month", Cue::Current),
    ("for the month", Cue::Current),
    ("in the month", Cue::Current),
    ("expects", Cue::Target),
    ("expected", Cue::Target),
    ("expect", Cue::Target),
    ("target", Cue::Target),
    ("targets", Cue::Target),
    ("targeting", Cue::Target),
    ("goal", Cue::Target),
    ("plans", Cue::Target),
    ("plan", Cue::Target),
    ("planned", Cue::Target),
    ("aims", Cue::Target),
    ("aim", Cue::Target),
    ("aiming", Cue::Target),
    ("guidance", Cue::Target),
    ("forecast", Cue::Target),
    ("forecasts", Cue::Target),
    ("outlook", Cue::Target),
    ("anticipates", Cue::Target),
    ("anticipate", Cue::Target),
    ("anticipating", Cue::Target),
    ("developing", Cue::Target),
    ("expecting", Cue::Target),
    ("intend", Cue::Target),
    ("intending", Cue::Target),
    ("once the", Cue::Target),
    ("anticipated", Cue::Target),
    ("projected", Cue::Target),
    ("projects", Cue::Target),
    ("on track", Cue::Target),
    ("intends", Cue::Target),
    ("will", Cue::Target),
    ("would", Cue::Target),
    ("should", Cue::Target),
    ("once they are", Cue::Target),
    ("could", Cue::Target),
    ("by year end", Cue::Target),
    ("by mid year", Cue::Target),
    ("by midyear", Cue::Target),
    ("path to", Cue::Target),
    ("road to", Cue::Target),
    ("roadmap", Cue::Target),
    ("pointed to", Cue::Target),
    ("ambition", Cue::Target),
    ("milestone", Cue::Target),
    ("new capacity", Cue::Target),
    ("runway", Cue::Target),
    ("toward", Cue::Target),
    ("towards", Cue::Target),
    ("to deploy", Cue::Target),
    ("to install", Cue::Target),
    ("achievable", Cue::Target),
    ("letter of intent", Cue::Target),
    ("loi", Cue::Target),
    ("non binding", Cue::Target),
    ("memorandum of understanding", Cue::Target),
    ("mou", Cue::Target),
    ("term sheet", Cue::Target),
    ("agreement to acquire", Cue::Target),
    ("proposed", Cue::Target),
    ("pending", Cue::Target),
    ("by the end of", Cue::Target),
    // ... but "rose to 12.4 EH/s by the end of the month" reports the month's close.
    ("by the end of the month", Cue::PointInTime),
    ("by month end", Cue::PointInTime),
    ("by the end of the quarter", Cue::PointInTime),
    ("pipeline", Cue::Target),
    ("contracted", Cue::Target),
    ("under construction", Cue::Target),
    ("under development", Cue::Target),
    ("expansion", Cue::Target),
    ("potential", Cue::Target),
    ("future", Cue::Target),
    ("upcoming", Cue::Target),
    ("secured", Cue::Target),
    ("approved", Cue::Target),
    ("approval", Cue::Target),
    ("away from", Cue::Target),
    ("evaluating", Cue::Target),
    ("exploring", Cue::Target),
    ("on schedule", Cue::Target),
    ("to add", Cue::Target),
    ("approvals", Cue::Target),
    ("additional", Cue::Target),
    ("estimated to reach", Cue::Target),
    ("wants to", Cue::Target),
    ("want to", Cue::Target),
    ("seeks to", Cue::Target),
    ("seeking to", Cue::Target),
    ("hopes to", Cue::Target),
    ("hoping to", Cue::Target),
    ("to develop", Cue::Target),
    ("to build", Cue::Target),
    // whose
    ("hosted", Cue::Hosted),
    ("hosting", Cue::Hosted),
    ("colocation", Cue::Hosted),
    ("co location", Cue::Hosted),
    ("colocated", Cue::Hosted),
    ("customers", Cue::Hosted),
    ("customer", Cue::Hosted),
    ("clients", Cue::Hosted),
    ("client", Cue::Hosted),
    ("cloud", Cue::Hosted),
    ("cloud mining", Cue::Hosted),
    ("partners", Cue::Hosted),
    ("third party", Cue::Hosted),
    ("under management", Cue::Hosted),
    ("managed", Cue::Hosted),
    ("managing", Cue::Hosted),
    ("ehum", Cue::Hosted),
    ("on behalf of", Cue::Hosted),
    ("network", Cue::Network),
    ("network's", Cue::Network),
    // "global" alone describes companies too ("its global mining operations").
    ("global hashrate", Cue::Network),
    ("global hash rate", Cue::Network),
    ("global network", Cue::Network),
    ("global bitcoin network", Cue::Network),
    ("global share", Cue::Network),
    ("industry", Cue::Network),
    ("worldwide", Cue::Network),
    ("difficulty", Cue::Network),
    ("block reward", Cue::Network),
    ("block subsidy", Cue::Network),
    ("issuance", Cue::Network),
    ("all miners", Cue::Network),
    ("public miners", Cue::Network),
    ("peers", Cue::Network),
    ("pools", Cue::Network),
    ("mining pools", Cue::Network),
    ("mining pool", Cue::Network),
    ("pool hashrate", Cue::Network),
    ("pool hash rate", Cue::Network),
    ("collectively", Cue::Network),
    ("combined", Cue::Network),
    ("sector", Cue::Network),
    ("listed miners", Cue::Network),
    ("rival", Cue::Network),
    ("rivals", Cue::Network),
    ("competitor", Cue::Network),
    ("competitors", Cue::Network),
    ("arithmetic", Cue::Network),
    ("our calculation", Cue::Network),
    ("our calculations", Cue::Network),
    ("by our count", Cue::Network),
    ("our estimate", Cue::Network),
    ("implied", Cue::Network),
    ("implies", Cue::Network),
    // The company's machines in someone else's data centre: still the company's fleet.
    ("hosted at third party", Cue::Own),
    ("hosted by third party", Cue::Own),
    ("hosted by third parties", Cue::Own),
    ("hosted with third party", Cue::Own),
    ("at hosting facilities", Cue::Own),
    ("at hosting sites", Cue::Own),
    // "its hosted fleet": the company's machines at another's site.
    ("its hosted fleet", Cue::Own),
    ("our hosted fleet", Cue::Own),
    ("its hosted miners", Cue::Own),
    ("our hosted miners", Cue::Own),
    ("hosting partner", Cue::Own),
    ("hosting partners", Cue::Own),
    ("hosting provider", Cue::Own),
    ("hosting providers", Cue::Own),
    ("third party data center", Cue::Own),
    ("third party data centers", Cue::Own),
    ("third party data centre", Cue::Own),
    ("third party data centres", Cue::Own),
    ("third party hosting sites", Cue::Own),
    ("third party hosting site", Cue::Own),
    ("third party hosting facilities", Cue::Own),
    ("third party hosting facility", Cue::Own),
    ("self mining", Cue::Own),
    // "46 BTC came from its self-mining operations": the company's production.
    ("self mining operations", Cue::Own),
    ("self mining operations", Cue::Mined),
    ("self mining business", Cue::Own),
    ("self mining business", Cue::Mined),
    ("self mined", Cue::Own),
    ("self owned", Cue::Own),
    ("company owned", Cue::Own),
    ("own", Cue::Own),
    ("our fleet", Cue::Own),
    ("our miners", Cue::Own),
    ("our machines", Cue::Own),
    ("dogecoin", Cue::OtherCoin),
    ("doge", Cue::OtherCoin),
    ("litecoin", Cue::OtherCoin),
    ("ltc", Cue::OtherCoin),
    ("ethereum", Cue::OtherCoin),
    ("eth", Cue::OtherCoin),
    ("ether", Cue::OtherCoin),
    ("bitcoin cash", Cue::OtherCoin),
    ("bch", Cue::OtherCoin),
    ("kaspa", Cue::OtherCoin),
    ("altcoin", Cue::OtherCoin),
    ("altcoins", Cue::OtherCoin),
    // Other coins' mining algorithms: "Scrypt hash rate (GH/s)".
    ("scrypt", Cue::OtherCoin),
    ("ethash", Cue::OtherCoin),
    ("kheavyhash", Cue::OtherCoin),
    ("hydropower", Cue::EnergySource),
    ("hydro power", Cue::EnergySource),
    ("hydroelectric", Cue::EnergySource),
    ("hydro", Cue::EnergySource),
    ("solar", Cue::EnergySource),
    ("wind", Cue::EnergySource),
    ("natural gas", Cue::EnergySource),
    ("gas fired", Cue::EnergySource),
    ("nuclear", Cue::EnergySource),
    ("coal", Cue::EnergySource),
    ("in order to", Cue::Filler),
    // A change reaching a level, not a bound: "holdings edged up to 7,358 bitcoin".
    ("edged up to", Cue::Filler),
    ("ticked up to", Cue::Filler),
    ("inched up to", Cue::Filler),
    ("crept up to", Cue::Filler),
    ("moved up to", Cue::Filler),
    ("went up to", Cue::Filler),
    ("climbed up to", Cue::Filler),
    ("rose up to", Cue::Filler),
    ("stepped up to", Cue::Filler),
    ("ramped up to", Cue::Filler),
    ("scaled up to", Cue::Filler),
    ("built up to", Cue::Filler),
    ("jumped up to", Cue::Filler),
    ("picked up to", Cue::Filler),
    // Section titles: "other", not "more to come".
    ("additional highlights", Cue::Filler),
    ("additional information", Cue::Filler),
    ("additional details", Cue::Filler),
    ("additional updates", Cue::Filler),
    // Sentence adverbs, not "compared with" a figure.
    ("by comparison", Cue::Filler),
    ("in comparison", Cue::Filler),
    // "net of pool and hosting fees": the company's own figure after fees.
    ("hosting fees", Cue::Filler),
    ("pool fees", Cue::Filler),
    ("hosting fee", Cue::Filler),
    ("in order for", Cue::Filler),
    ("on the order of", Cue::Filler),
    ("order of magnitude", Cue::Filler),
    ("usage", Cue::Usage),
    ("consumption", Cue::Usage),
    ("consumed", Cue::Usage),
    ("critical it", Cue::Segment),
    ("it capacity", Cue::Segment),
    ("it load", Cue::Segment),
    ("total", Cue::Total),
    // "for a combined 213 PH/s": the sum of the company's own parts.
    ("a combined", Cue::Total),
    ("aggregate", Cue::Total),
    ("overall", Cue::Total),
    ("per miner", Cue::PerUnit),
    ("per site", Cue::PerUnit),
    ("per machine", Cue::PerUnit),
    ("each", Cue::PerUnit),
    ("per unit", Cue::PerUnit),
    ("single-machine", Cue::PerUnit),
    ("single machine", Cue::PerUnit),
    ("per-machine", Cue::PerUnit),
    ("per rig", Cue::PerUnit),
];

/// Cues found in a piece of text: (cue, start, end) relative to the text.
pub(crate) type Found = Vec<(Cue, usize, usize)>;

struct Table {
    regex: Regex,
    by_phrase: HashMap<String, Vec<Cue>>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut phrases: Vec<&str> = CUES.iter().map(|(p, _)| *p).collect();
    // Longest first, so that "fleet efficiency" wins over "fleet" at the same place.
    phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
    let alternatives: Vec<String> = phrases
        .iter()
        .map(|p| {
            p.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[\s\-]+")
        })
        .collect();
    // Word boundaries are checked by hand (see `find`), because phrases such as "/day" or
    // "avg." start or end with punctuation.
    // ASCII case folding: the phrases are ASCII, and Unicode folding ("k" also matching the
    // Kelvin sign) makes the automaton larger and the lazy DFA rebuild its states. A larger
    // DFA cache keeps the states of this many alternatives.
    let pattern = format!("(?i-u)(?:{})", alternatives.join("|"));
    // cannot fail: the alternatives are escaped constant phrases, compiled by every test.
    let regex = regex::RegexBuilder::new(&pattern)
        .dfa_size_limit(64 << 20)
        .build()
        .expect("the cue table compiles");
    let mut by_phrase: HashMap<String, Vec<Cue>> = HashMap::new();
    for &(p, c) in CUES {
        by_phrase.entry(p.to_string()).or_default().push(c);
    }
    Table { regex, by_phrase }
});

fn normalize_phrase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '-' {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Every cue in `text`, in order.
pub(crate) fn find(text: &str) -> Found {
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let Some(m) = table.regex.find_at(text, at) else {
            break;
        };
        let word = |i: usize| bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric());
        let starts_word = m.start() == 0
            || !word(m.start() - 1)
            || !m
                .as_str()
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphanumeric());
        // A footnote digit glued to a label ("treasury1", "balance sheet5") still ends the
        // word: one or two digits, then no more letters or digits.
        let footnote_after = {
            let rest = &bytes[m.end()..];
            let n = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=2).contains(&n) && !rest.get(n).is_some_and(|b| b.is_ascii_alphanumeric())
        };
        let last = m.as_str().bytes().last();
        let last_alpha = last.is_some_and(|b| b.is_ascii_alphabetic());
        let ends_word = !word(m.end())
            || !last.is_some_and(|b| b.is_ascii_alphanumeric())
            || last_alpha && footnote_after;
        if starts_word && ends_word {
            if let Some(cues) = table.by_phrase.get(&normalize_phrase(m.as_str())) {
                out.extend(cues.iter().map(|&cue| (cue, m.start(), m.end())));
            }
            at = m.end();
        } else {
            // Not on a word boundary: try again one character later.
            at = m.start() + text[m.start()..].chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// Whether `found` holds `cue`.
pub(crate) fn has(found: &Found, cue: Cue) -> bool {
    found.iter().any(|&(c, _, _)| c == cue)
}

/// Month names and abbreviations, with their numbers.
pub(crate) const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// The month number of a month name or abbreviation (any case, trailing dot allowed).
pub(crate) fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    MONTHS.iter().find(|(m, _)| *m == n).map(|&(_, i)| i)
}

/// Ordinal words for quarters.
pub(crate) const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("1st", 1),
    ("2nd", 2),
    ("3rd", 3),
    ("4th", 4),
];

/// Exchange names that make a parenthesized `(EXCHANGE: TICKER)` a ticker tag.
pub(crate) const EXCHANGES: &[&str] = &[
    "nasdaq",
    "nyse",
    "tsx-v",
    "tsx",
    "tsxv",
    "tsx-v",
    "tsx venture",
    "lse",
    "aim",
    "otc",
    "otcqb",
    "otcqx",
    "otc pink",
    "otcmkts",
    "asx",
    "cse",
    "neo",
    "cboe",
    "euronext",
    "hkex",
    "sgx",
    "fse",
    "frankfurt",
    "xetra",
    "nyse american",
    "nyse arca",
    "nasdaq gm",
    "nasdaq gs",
    "nasdaq cm",
    "amex",
    "six",
    "sto",
];

/// Legal suffixes that end a company name.
pub(crate) const LEGAL_SUFFIXES: &[&str] = &[
    "Inc.",
    "Inc",
    "Incorporated",
    "Corp.",
    "Corp",
    "Corporation",
    "Ltd.",
    "Ltd",
    "Limited",
    "PLC",
    "plc",
    "Plc",
    "N.V.",
    "S.A.",
    "AG",
    "LLC",
    "L.L.C.",
    "Co.",
    "Company",
    "Group",
    "Holdings",
    "Technologies",
];

/// Capitalized words that start sentences or datelines and are never part of a name.
pub(crate) const NAME_STOPWORDS: &[&str] = &[
    "Today",
    "The",
    "This",
    "In",
    "On",
    "As",
    "At",
    "Shares",
    "Stock",
    "Bitcoin",
    "Miner",
    "Miners",
    "Mining",
    "Company",
    "Announces",
    "Reports",
    "And",
    "Of",
    "For",
    "By",
    "With",
    "From",
    "Also",
    "Meanwhile",
    "Why",
    "How",
    "What",
];

/// Public miners as releases and news name them, one group of names per company (written
/// with the capitals they are written with; matched case-sensitively so that "hive" or
/// "core" in prose are not names).
pub(crate) const MINERS: &[&[&str]] = &[
    &["Riot", "RIOT"],
    &["MARA", "Marathon"],
    &["CleanSpark", "CLSK"],
    &["Bitfarms", "BITF"],
    &["Cipher Mining", "CIFR"],
    &["Core Scientific", "CORZ"],
    &["Hut 8", "HUT"],
    &["IREN", "Iris Energy"],
    &["TeraWulf", "WULF"],
    &["Bitdeer", "BTDR"],
    &["Cango", "CANG"],
    &["HIVE"],
    &["Bit Digital", "BTBT"],
    &["Argo", "ARBK"],
    &["Canaan"],
    &["BIT Mining", "BTCM"],
    &["BitFuFu", "FUFU"],
    &["Greenidge", "GREE"],
    &["Stronghold", "SDIG"],
    &["Gryphon", "GRYP"],
    &["Sphere 3D"],
    &["Mawson", "MIGI"],
    &["Soluna", "SLNH"],
    &["DMG"],
    &["Digihost", "DGHI"],
    &["LM Funding", "LMFA"],
    &["Cathedra", "CBIT"],
    &["Applied Digital", "APLD"],
];

struct MinerNames {
    regex: Regex,
    group: HashMap<&'static str, usize>,
}

static MINER_NAMES: LazyLock<MinerNames> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = MINERS
        .iter()
        .flat_map(|g| g.iter().copied())
        .chain(OWN_VOICE.iter().copied())
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    let alternatives: Vec<String> = names.iter().map(|n| regex::escape(n)).collect();
    let pattern = format!(r"(?-u:\b)(?:{})(?-u:\b)", alternatives.join("|"));
    // cannot fail: escaped constant names, compiled by every test.
    let regex = Regex::new(&pattern).expect("the miner names compile");
    let group = MINERS
        .iter()
        .enumerate()
        .flat_map(|(i, g)| g.iter().map(move |n| (*n, i)))
        .chain(OWN_VOICE.iter().map(|n| (*n, OWN)))
        .collect();
    MinerNames { regex, group }
});

/// How a document speaks of its own company: "the Company", "we".
const OWN_VOICE: &[&str] = &[
    "the Company",
    "The Company",
    "the company",
    "The company",
    "We",
    "we",
    "Our",
    "our",
];

/// The group [`miners_named`] gives the document's own voice.
pub(crate) const OWN: usize = usize::MAX;

/// The miner groups a company's name or ticker belongs to.
pub(crate) fn own_groups(name: &str, ticker: Option<&str>) -> Vec<usize> {
    let lower = name.to_lowercase();
    MINERS
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            g.iter()
                .any(|n| lower.contains(&n.to_lowercase()) || ticker == Some(*n))
        })
        .map(|(i, _)| i)
        .collect()
}

/// Every miner named in `text`, and every place the text speaks in its own voice (group
/// [`OWN`]): (start, group).
pub(crate) fn miners_named(text: &str) -> Vec<(usize, usize)> {
    let names = &*MINER_NAMES;
    names
        .regex
        .find_iter(text)
        .filter_map(|m| names.group.get(m.as_str()).map(|&g| (m.start(), g)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<Cue> {
        find(text).into_iter().map(|(c, _, _)| c).collect()
    }

    #[test]
    fn phrases_match_on_word_boundaries() {
        assert_eq!(cues("Bitcoin Produced"), vec![Cue::Mined]);
        assert_eq!(
            cues("month-end fleet efficiency"),
            vec![Cue::PointInTime, Cue::Efficiency]
        );
        assert_eq!(
            cues("Energized Hash Rate"),
            vec![Cue::Capacity, Cue::Hashrate]
        );
        assert_eq!(
            cues("Avg. Operating Hash Rate"),
            vec![Cue::Average, Cue::Operating, Cue::Hashrate]
        );
        // "held" inside "withheld" is not a cue; "over" inside "overview" is not either.
        assert!(cues("withheld overview").is_empty());
        // Footnote digits glued to a label.
        assert!(cues("crypto treasury1 held").contains(&Cue::Held));
        assert_eq!(cues("year-over-year"), vec![Cue::YearAgo]);
        assert_eq!(cues("BTC/day"), vec![Cue::PerDay]);
        assert_eq!(cues("self-mined"), vec![Cue::Mined, Cue::Own]);
    }

    #[test]
    fn every_phrase_is_found_as_itself() {
        for &(phrase, cue) in CUES {
            let found = find(phrase);
            assert!(
                found.iter().all(|f| (f.1, f.2) == (0, phrase.len())),
                "{phrase}: {found:?}"
            );
            assert!(found.iter().any(|f| f.0 == cue), "{phrase}: {found:?}");
        }
    }

    #[test]
    fn months() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("DECEMBER"), Some(12));
        assert_eq!(month_number("Foo"), None);
    }
}
