//! Tokens and hashes: the one reading of a clause's words that features and cues share.
//!
//! A token is a run of letters or digits. Its hash is taken over its lower-cased characters
//! (digit runs all hash as `#`, so "30 days" and "14 days" share a feature), and computed while
//! scanning, so no string is ever allocated. Apostrophes split words: "don't" gives `don` and
//! `t`, and the lone `t` then reads as a negation.
//!
//! Cost: one pass over the bytes of the text. Limits: scripts without spaces between words
//! (Chinese, Japanese) come out as one long token per run; the model is English-only anyway.

/// Token flags.
pub const ALL_CAPS: u8 = 1;
pub const CAPITALISED: u8 = 2;
pub const NUMBER: u8 = 4;

/// One word of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Hash of the lower-cased word ([`word_hash`] of it).
    pub hash: u64,
    /// [`ALL_CAPS`], [`CAPITALISED`], [`NUMBER`].
    pub flags: u8,
}

impl Token {
    pub fn is(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// The splitmix64 finaliser: spreads every input bit over the whole word.
pub const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Hash of an n-gram: the previous n-gram's hash extended by one more word.
pub const fn extend(ngram: u64, word: u64) -> u64 {
    mix(ngram.rotate_left(17) ^ word)
}

/// Hash of one word given in lower case (what the tokeniser computes for it).
pub const fn word_hash(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let mut hash = FNV_OFFSET;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u64).wrapping_mul(FNV_PRIME);
        i += 1;
    }
    hash
}

/// Hash of a phrase of lower-case words separated by single spaces.
pub fn phrase_hash(phrase: &str) -> u64 {
    let mut words = phrase.split(' ').map(word_hash);
    let first = words.next().unwrap_or(FNV_OFFSET);
    words.fold(mix(first), extend)
}

/// Splits `text` into `tokens` (cleared first).
pub fn tokenize(text: &str, tokens: &mut Vec<Token>) {
    tokens.clear();
    let mut current: Option<Building> = None;

    for c in text.chars() {
        if c.is_alphanumeric() {
            current.get_or_insert_with(Building::new).push(c);
        } else if let Some(word) = current.take() {
            tokens.push(word.finish());
        }
    }
    if let Some(word) = current {
        tokens.push(word.finish());
    }
}

/// A token while its characters are read.
struct Building {
    hash: u64,
    chars: u32,
    upper: u32,
    digits: u32,
    first_upper: bool,
}

impl Building {
    fn new() -> Building {
        Building { hash: FNV_OFFSET, chars: 0, upper: 0, digits: 0, first_upper: false }
    }

    fn push(&mut self, c: char) {
        if c.is_uppercase() {
            self.upper += 1;
            self.first_upper |= self.chars == 0;
        }
        if c.is_ascii_digit() {
            self.digits += 1;
        }
        self.chars += 1;

        if c.is_ascii() {
            self.hash_byte(c.to_ascii_lowercase() as u8);
        } else {
            let mut buffer = [0u8; 4];
            for lower in c.to_lowercase() {
                for &byte in lower.encode_utf8(&mut buffer).as_bytes() {
                    self.hash_byte(byte);
                }
            }
        }
    }

    fn hash_byte(&mut self, byte: u8) {
        self.hash = (self.hash ^ byte as u64).wrapping_mul(FNV_PRIME);
    }

    fn finish(self) -> Token {
        if self.digits == self.chars {
            return Token { hash: word_hash("#"), flags: NUMBER };
        }
        let mut flags = 0;
        if self.first_upper {
            flags |= CAPITALISED;
        }
        if self.upper == self.chars && self.chars > 1 {
            flags |= ALL_CAPS;
        }
        Token { hash: self.hash, flags }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize(text, &mut out);
        out
    }

    #[test]
    fn words_hash_as_their_lower_case_form() {
        let found = tokens("We MAY Terminate");
        let expected: Vec<u64> = ["we", "may", "terminate"].map(word_hash).to_vec();
        assert_eq!(found.iter().map(|t| t.hash).collect::<Vec<_>>(), expected);
        assert_eq!(found[1].flags, ALL_CAPS | CAPITALISED);
        assert_eq!(found[2].flags, CAPITALISED);
        assert_eq!(found[0].flags, CAPITALISED);
    }

    #[test]
    fn numbers_share_one_hash_and_apostrophes_split() {
        let found = tokens("within 30 days, don’t");
        assert_eq!(found[1], Token { hash: word_hash("#"), flags: NUMBER });
        assert_eq!(found[4].hash, word_hash("t"));
        assert_eq!(found.len(), 5);
    }

    #[test]
    fn non_ascii_letters_are_lower_cased() {
        assert_eq!(tokens("ÉTAT")[0].hash, word_hash("état"));
    }

    #[test]
    fn empty_and_punctuation_only_text_has_no_tokens() {
        assert!(tokens("").is_empty());
        assert!(tokens(" -- ... ").is_empty());
    }

    #[test]
    fn phrase_hash_matches_extended_word_hashes() {
        let by_words = extend(mix(word_hash("at")), word_hash("any"));
        assert_eq!(phrase_hash("at any"), by_words);
    }
}
