//! SHA-1, SHA-256 and HMAC, from the RustCrypto crates (never hand-written).
//! On wasm32, `.cargo/config.toml` selects sha2's compact software backend
//! (rolled loops): the same digests in a smaller module.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;
use sha2::{Digest, Sha256};

pub fn sha256(data: &[u8]) -> Vec<u8> {
    Sha256::digest(data).to_vec()
}

fn mac<M: Mac + KeyInit>(key: &[u8], message: &[u8]) -> Vec<u8> {
    // HMAC takes a key of any length, so `new_from_slice` cannot fail; were it
    // to, an empty signature matches nothing, which is the safe outcome.
    <M as KeyInit>::new_from_slice(key).map(|m| m.chain_update(message).finalize().into_bytes().to_vec()).unwrap_or_default()
}

pub fn hmac_sha1(key: &[u8], message: &[u8]) -> Vec<u8> {
    mac::<Hmac<Sha1>>(key, message)
}

pub fn hmac_sha256(key: &[u8], message: &[u8]) -> Vec<u8> {
    mac::<Hmac<Sha256>>(key, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(b: Vec<u8>) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn published_vectors() {
        assert_eq!(hex(sha256(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(sha256(b"abc")), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // RFC 4231 test case 2 and RFC 2202 test case 2.
        assert_eq!(
            hex(hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        assert_eq!(hex(hmac_sha1(b"Jefe", b"what do ya want for nothing?")), "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
    }
}
