import SecretDigests

/// Runs distinct digest verifications in parallel, one per core. A pbkdf2-sha512 digest at
/// Authelia's default 310000 iterations costs ~0.2 s, so a docs tree of many guides sharing
/// the example digest must not pay for it more than once.
public enum VerificationPool {
    public static func verify(_ requests: Set<VerificationRequest>) -> [VerificationRequest: DigestVerification] {
        let work = Array(requests)
        let outcomes = work.concurrentMap { request -> DigestVerification in
            switch Result(catching: { () throws(DigestError) in try DigestParser.parse(request.digest) }) {
            case .success(let digest): return DigestVerifier.verify(digest, secret: request.secret)
            case .failure(let error): return .notVerifiable(error.message)
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(work, outcomes))
    }
}
