//! Turns a clause into a sparse, hashed feature vector.
//!
//! Two groups, each in its own hash namespace:
//! - the clause's words and word pairs (lower-cased, numbers folded to `#`); word triples
//!   scored the same under cross-validation and cost 40 % more weights, so they are left out;
//! - its legal cues and readings ([`super::cues`]).
//!
//! Each group is scaled to a fixed length (its weight over the square root of its feature
//! count) so that long clauses do not drown short ones. Training and scoring call this same
//! function, which is what keeps the shipped weights meaningful.
//!
//! What the clause's surroundings add was measured and left out: the previous and next
//! sentences' words, a section-heading guess, and a second stage over the neighbours' scores and
//! each sentence's rank in its document all scored at or below the clause alone under 5-fold
//! cross-validation on `claudette_50` (see `crate::learn` for the figures). So the model reads
//! a clause by itself, and `tag_text` gives the same answer for a clause on any page.
//!
//! Cost: linear in the length of the clause; no allocation once the [`Scratch`] buffers have
//! grown. Limits: hashing into 2^[`HASH_BITS`] buckets lets unrelated n-grams collide; with the
//! few tens of thousands of features kept this costs little.

use super::cues::{self, CueScratch};
use super::text::{extend, mix, tokenize, word_hash, Token};

/// Features are hashed into `2^HASH_BITS` buckets.
pub const HASH_BITS: u32 = 20;
/// Bumped whenever a change here or in the cues moves features to other buckets; the weights
/// file records it and refuses to load under another version.
pub const FEATURE_VERSION: u32 = 5;
/// The longest word n-gram.
const LONGEST_NGRAM: usize = 2;

/// One non-zero entry of a feature vector: bucket and value.
pub type Feature = (u32, f32);

/// A group of features: its hash namespace and the length it is scaled to.
#[derive(Debug, Clone, Copy)]
struct Group {
    namespace: u64,
    scale: f32,
}

const WORDS: Group = Group { namespace: word_hash("text"), scale: 1.0 };
const CUES: Group = Group { namespace: word_hash("cues"), scale: 0.6 };

/// Buffers reused from clause to clause.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    keys: Vec<u64>,
    cues: CueScratch,
    /// The features of the last clause extracted.
    pub features: Vec<Feature>,
}

/// Extracts the features of `text` into `scratch.features`.
pub fn extract(text: &str, scratch: &mut Scratch) {
    scratch.features.clear();
    tokenize(text, &mut scratch.tokens);

    ngrams(&scratch.tokens, &mut scratch.keys);
    push_group(WORDS, &scratch.keys, &mut scratch.features);

    scratch.keys.clear();
    let keys = &mut scratch.keys;
    cues::detect(text, &scratch.tokens, &mut scratch.cues, &mut |cue| keys.push(cue));
    push_group(CUES, &scratch.keys, &mut scratch.features);
}

/// The bucket of a key in a namespace.
pub fn bucket(namespace: u64, key: u64) -> u32 {
    (mix(key ^ namespace) >> (64 - HASH_BITS)) as u32
}

/// Every n-gram of 1 to [`LONGEST_NGRAM`] words, into `keys` (cleared first).
fn ngrams(tokens: &[Token], keys: &mut Vec<u64>) {
    keys.clear();
    for start in 0..tokens.len() {
        let mut hash = mix(tokens[start].hash);
        keys.push(hash);
        for token in tokens.iter().skip(start + 1).take(LONGEST_NGRAM - 1) {
            hash = extend(hash, token.hash);
            keys.push(hash);
        }
    }
}

fn push_group(group: Group, keys: &[u64], features: &mut Vec<Feature>) {
    if keys.is_empty() {
        return;
    }
    let value = group.scale / (keys.len() as f32).sqrt();
    features.extend(keys.iter().map(|&key| (bucket(group.namespace, key), value)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features(text: &str) -> Vec<Feature> {
        let mut scratch = Scratch::default();
        extract(text, &mut scratch);
        scratch.features
    }

    #[test]
    fn the_word_group_has_unit_length() {
        let found = features("We may terminate");
        assert!(found.len() > 5, "five n-grams and some cues");
        let norm: f32 = found[..5].iter().map(|(_, v)| v * v).sum();
        assert!((norm - 1.0).abs() < 1e-5, "{norm}");
    }

    #[test]
    fn case_does_not_change_word_features() {
        let lower: Vec<u32> = features("we may terminate").iter().map(|f| f.0).collect();
        let upper: Vec<u32> = features("WE MAY TERMINATE").iter().map(|f| f.0).collect();
        assert_eq!(lower[..5], upper[..5]);
    }

    #[test]
    fn buckets_stay_in_the_hash_space() {
        assert!(features("Any text at all, 42 times.").iter().all(|(b, _)| b >> HASH_BITS == 0));
    }

    #[test]
    fn empty_text_gives_only_shape_cues() {
        let found = features("");
        assert!(found.len() <= 2, "{found:?}");
    }
}
