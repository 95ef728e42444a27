//! Helpers shared by the integration tests.
#![allow(dead_code)]

/// xorshift64*: a tiny deterministic PRNG.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const ALPHABET: &[u8] = b"{}\"=\n,.:/ aZ09-_\\\r\t#";

pub fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        let byte = ALPHABET[rng.below(ALPHABET.len())];
        match rng.below(5) {
            0 if at < bytes.len() => {
                bytes.remove(at);
            }
            1 if at < bytes.len() => bytes[at] = byte,
            2 => {
                // Duplicate a short slice somewhere else (repeats tokens and braces).
                let from = rng.below(bytes.len());
                let len = rng.below(40).min(bytes.len() - from);
                let slice = bytes[from..from + len].to_vec();
                bytes.splice(at..at, slice);
            }
            3 if at < bytes.len() => {
                // Delete a run (cuts declarations in half).
                let len = rng.below(30).min(bytes.len() - at);
                bytes.drain(at..at + len);
            }
            _ => bytes.insert(at, byte),
        }
    }
    bytes
}
