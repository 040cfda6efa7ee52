//! SHA-1, SHA-256 and HMAC (FIPS 180-4, RFC 2104), written as loops: the
//! unrolled RustCrypto versions were about 15 KB of the wasm module, these are
//! under 2 KB. The tests compare them with RustCrypto on inputs of every length
//! around the block boundaries and with published vectors.

/// Both hashes: 64-byte blocks, Merkle–Damgård padding with a 64-bit big-endian bit length.
fn md<const N: usize>(mut state: [u32; N], data: &[u8], compress: fn(&mut [u32; N], &[u8])) -> Vec<u8> {
    let mut padded = data.to_vec();
    padded.push(0x80);
    while padded.len() % 64 != 56 {
        padded.push(0);
    }
    padded.extend_from_slice(&((data.len() as u64).wrapping_mul(8)).to_be_bytes());
    for block in padded.chunks_exact(64) {
        compress(&mut state, block);
    }
    state.iter().flat_map(|w| w.to_be_bytes()).collect()
}

/// The block's 16 big-endian words, extended to `M` by `next(w, i)`.
fn schedule<const M: usize>(block: &[u8], next: fn(&[u32; M], usize) -> u32) -> [u32; M] {
    let mut w = [0u32; M];
    for (i, word) in block.chunks_exact(4).enumerate() {
        w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
    }
    for i in 16..M {
        w[i] = next(&w, i);
    }
    w
}

pub fn sha1(data: &[u8]) -> Vec<u8> {
    md([0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0], data, |h, block| {
        let w = schedule::<80>(block, |w, i| (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1));
        let [mut a, mut b, mut c, mut d, mut e] = *h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i / 20 {
                0 => ((b & c) | (!b & d), 0x5a82_7999),
                1 => (b ^ c ^ d, 0x6ed9_eba1),
                2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
                _ => (b ^ c ^ d, 0xca62_c1d6),
            };
            let t = a.rotate_left(5).wrapping_add(f).wrapping_add(e).wrapping_add(k).wrapping_add(*wi);
            (e, d, c, b, a) = (d, c, b.rotate_left(30), a, t);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    })
}

const K256: [u32; 64] = [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
    0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
    0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
    0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
    0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];

pub fn sha256(data: &[u8]) -> Vec<u8> {
    let init = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
    md(init, data, |h, block| {
        let w = schedule::<64>(block, |w, i| {
            let s0 = w[i - 15].rotate_right(7) ^ w[i - 15].rotate_right(18) ^ (w[i - 15] >> 3);
            let s1 = w[i - 2].rotate_right(17) ^ w[i - 2].rotate_right(19) ^ (w[i - 2] >> 10);
            w[i - 16].wrapping_add(s0).wrapping_add(w[i - 7]).wrapping_add(s1)
        });
        let mut v = *h;
        for (k, wi) in K256.iter().zip(w) {
            let [a, b, c, d, e, f, g, hh] = v;
            let t1 = hh
                .wrapping_add(e.rotate_right(6) ^ e.rotate_right(11) ^ e.rotate_right(25))
                .wrapping_add((e & f) ^ (!e & g))
                .wrapping_add(*k)
                .wrapping_add(wi);
            let t2 = (a.rotate_right(2) ^ a.rotate_right(13) ^ a.rotate_right(22)).wrapping_add((a & b) ^ (a & c) ^ (b & c));
            v = [t1.wrapping_add(t2), a, b, c, d.wrapping_add(t1), e, f, g];
        }
        for (x, y) in h.iter_mut().zip(v) {
            *x = x.wrapping_add(y);
        }
    })
}

/// HMAC with a 64-byte-block hash (SHA-1 and SHA-256 both).
pub fn hmac(hash: fn(&[u8]) -> Vec<u8>, key: &[u8], message: &[u8]) -> Vec<u8> {
    let key = if key.len() > 64 { hash(key) } else { key.to_vec() };
    let pad = |byte: u8| (0..64).map(|i| key.get(i).copied().unwrap_or(0) ^ byte).collect::<Vec<u8>>();
    let mut inner = pad(0x36);
    inner.extend_from_slice(message);
    let mut outer = pad(0x5c);
    outer.extend_from_slice(&hash(&inner));
    hash(&outer)
}

// RustCrypto is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use ::hmac::{Hmac, KeyInit, Mac};
    use ::sha1::Sha1;
    use ::sha2::{Digest, Sha256};

    fn bytes(len: usize, seed: u8) -> Vec<u8> {
        (0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
    }

    #[test]
    fn published_vectors() {
        let hex = |b: Vec<u8>| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        assert_eq!(hex(sha1(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
        assert_eq!(hex(sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // RFC 4231 test case 2.
        assert_eq!(
            hex(hmac(sha256, b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn the_same_as_rustcrypto() {
        for len in (0..300).chain([1000, 4096, 10_000]) {
            let data = bytes(len, 7);
            assert_eq!(sha1(&data), Sha1::digest(&data).to_vec(), "sha1 {len}");
            assert_eq!(sha256(&data), Sha256::digest(&data).to_vec(), "sha256 {len}");
            for key_len in [0, 1, 20, 63, 64, 65, 200] {
                let key = bytes(key_len, 3);
                let theirs1 = Hmac::<Sha1>::new_from_slice(&key).map(|m| m.chain_update(&data).finalize().into_bytes().to_vec());
                let theirs256 = Hmac::<Sha256>::new_from_slice(&key).map(|m| m.chain_update(&data).finalize().into_bytes().to_vec());
                assert_eq!(Ok(hmac(sha1, &key, &data)), theirs1.map_err(|_| ()), "hmac-sha1 {len} {key_len}");
                assert_eq!(Ok(hmac(sha256, &key, &data)), theirs256.map_err(|_| ()), "hmac-sha256 {len} {key_len}");
            }
        }
    }
}
