//! Votes and aggregates: the data that crosses the store boundary.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::FeedbackError;

/// The reader's answer to "Was this page helpful?".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Choice {
    /// 😔
    Unhelpful,
    /// 🤨
    Neutral,
    /// 😃
    Helpful,
}

impl Choice {
    /// Every choice, in the order the widget shows them.
    pub const ALL: [Choice; 3] = [Choice::Unhelpful, Choice::Neutral, Choice::Helpful];

    /// The stable name stored in the database and used on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Unhelpful => "unhelpful",
            Choice::Neutral => "neutral",
            Choice::Helpful => "helpful",
        }
    }
}

impl fmt::Display for Choice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Choice {
    type Err = FeedbackError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Choice::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                FeedbackError::InvalidVote(format!(
                    "choice must be unhelpful, neutral or helpful, not {:?}",
                    truncate(s)
                ))
            })
    }
}

/// A page language tag such as `fr` or `pt-BR`: letters, digits and hyphens only,
/// 2 to 35 characters, starting with 2 or 3 letters. Which languages the site serves
/// is the web layer's decision; this only keeps junk out of the database.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(transparent)]
pub struct Lang(String);

impl Lang {
    /// The tag as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Lang {
    type Err = FeedbackError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let primary = s.split('-').next().unwrap_or("");
        let ok = (2..=35).contains(&s.len())
            && (2..=3).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_lowercase())
            && s.split('-')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if ok {
            Ok(Lang(s.to_owned()))
        } else {
            Err(FeedbackError::InvalidVote(format!(
                "lang must be a language tag such as \"fr\" or \"pt-BR\", not {:?}",
                truncate(s)
            )))
        }
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

/// A vote as it arrives, before it is hashed and stored.
#[derive(Debug, Clone)]
pub struct NewVote {
    /// The port whose page was voted on.
    pub port: u16,
    /// The page language.
    pub lang: Lang,
    /// The answer.
    pub choice: Choice,
    /// The client address. Only an HMAC of its network (the IPv4 address or the IPv6
    /// /64), the day and the page under the day's key is stored, and only for today.
    pub client: IpAddr,
    /// When the vote arrived (UTC); it also picks the day for collapsing repeats.
    pub at: OffsetDateTime,
}

/// What happened to a vote once committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Recorded {
    /// The first vote of this client on this page today.
    New,
    /// A repeat: it replaced the client's earlier choice on this page today.
    Collapsed,
}

/// Counts of each choice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceCounts {
    /// 😔 votes.
    pub unhelpful: u64,
    /// 🤨 votes.
    pub neutral: u64,
    /// 😃 votes.
    pub helpful: u64,
}

impl ChoiceCounts {
    /// All votes.
    pub fn total(&self) -> u64 {
        self.unhelpful + self.neutral + self.helpful
    }

    pub(crate) fn add(&mut self, other: &ChoiceCounts) {
        self.unhelpful += other.unhelpful;
        self.neutral += other.neutral;
        self.helpful += other.helpful;
    }
}

/// Votes on one port's page in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LangFeedback {
    /// The page language.
    pub lang: Lang,
    /// The votes.
    #[serde(flatten)]
    pub counts: ChoiceCounts,
}

/// Votes on one port's pages, all languages together and per language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PortFeedback {
    /// The port.
    pub port: u16,
    /// All languages together.
    #[serde(flatten)]
    pub counts: ChoiceCounts,
    /// Per language, by language tag.
    pub languages: Vec<LangFeedback>,
}

/// Which aggregates to read.
#[derive(Debug, Clone, Default)]
pub struct AggregateQuery {
    /// Only this port.
    pub port: Option<u16>,
    /// Only votes at or after this time.
    pub since: Option<OffsetDateTime>,
    /// At most this many ports (the worst first); `None` for all.
    pub limit: Option<usize>,
    /// Skip this many ports of the ranking first (for the next page).
    pub offset: usize,
}

/// One page of the ranking, with what a reader needs to page through it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AggregatePage {
    /// Totals over every stored vote (whatever the filter).
    pub totals: Totals,
    /// Ports that match the filter (`port`, `since`), over all pages.
    pub matching: u64,
    /// Ports skipped before this page.
    pub offset: u64,
    /// This page of the ranking: worst first.
    pub ports: Vec<PortFeedback>,
}

/// Totals over the whole store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    /// Votes after collapsing repeats.
    #[serde(flatten)]
    pub counts: ChoiceCounts,
    /// Repeat votes that were collapsed into an earlier one.
    pub collapsed: u64,
    /// Ports with at least one vote.
    pub ports: u64,
}
