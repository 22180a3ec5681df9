//! The QR codes the viewer draws decode back to the exact address, read by an independent
//! decoder (rqrr) from the drawn modules rendered to an image.

use gongkai::{
    qr::{share_url, QrMatrix, QrProblem, QUIET_ZONE},
    route::{Address, AddressKey, Route},
};

/// Decodes a matrix as a camera would see it: modules scaled to pixels, quiet zone included.
fn decode(qr: &QrMatrix) -> String {
    const SCALE: usize = 4;
    let side = qr.size() * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / SCALE, y / SCALE);
        let inside = (QUIET_ZONE..QUIET_ZONE + qr.width).contains(&mx)
            && (QUIET_ZONE..QUIET_ZONE + qr.width).contains(&my);
        if inside && qr.is_dark(mx - QUIET_ZONE, my - QUIET_ZONE) {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code in the image");
    grids[0].decode().expect("decodes").1
}

#[test]
fn codes_decode_to_the_exact_address() {
    let base = "http://127.0.0.1:8080/";
    let search = Address {
        route: Route::Search("罚款 办结率 100%".into()),
        embed: false,
        at: None,
    }
    .to_hash();
    let addresses = [
        format!("{base}#/s/2.3.3"),
        format!("{base}#/m/2.3.3.p0.m8"),
        share_url(
            "http://10.1.2.3/app/",
            Some("https://portal.example.gov.cn/xxgk/2024/fzbg/"),
            &AddressKey::Hash,
            &Route::Cards { focus: None },
        ),
        format!("{base}{search}"),
        // Unencoded Chinese as some portals' addresses carry it.
        "https://portal.example.gov.cn/政务公开/法治政府建设/#/s/1".to_string(),
        // A long search address: 1,000 characters.
        format!("{base}#/search?q={}", "a".repeat(1000 - base.len() - 12)),
    ];
    for address in addresses {
        let qr = QrMatrix::encode(&address).unwrap_or_else(|e| panic!("{address}: {e:?}"));
        assert_eq!(decode(&qr), address);
    }
}

#[test]
fn addresses_past_the_capacity_are_refused() {
    let long = format!(
        "http://127.0.0.1:8080/#/search?q={}",
        "%E7%BD%9A".repeat(400)
    );
    assert_eq!(QrMatrix::encode(&long), Err(QrProblem::TooLong));
}
