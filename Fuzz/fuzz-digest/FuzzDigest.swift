import Foundation
import SecretDigests

// libFuzzer entry point: one input is one `client_secret` value. The parser must turn any
// text into a `Digest` or a `DigestError`; the cost estimate must be finite; digests cheap
// enough (under 50 ms and 64 MiB, estimated) are verified for real against a fixed secret,
// which runs OpenSSL, libargon2 and libxcrypt on parsed parameters.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDigest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let digest = try? DigestParser.parse(text) else { return 0 }
    let cost = DigestCost.of(digest)
    precondition(cost.seconds.isFinite && cost.seconds >= 0 && cost.memoryBytes.isFinite && cost.memoryBytes >= 0,
                 "cost estimate out of range: \(cost)")
    if cost.refusal == nil, cost.seconds < 0.05, cost.memoryBytes < 64 * 1024 * 1024 {
        _ = DigestVerifier.verify(digest, secret: "insecure_secret")
    }
    return 0
}
