import SecretDigests
import GuideDocument
import GuideKnowledge

/// Runs distinct digest verifications in parallel, one per core. A pbkdf2-sha512 digest at
/// Authelia's default 310000 iterations costs ~0.2 s, so a docs tree of many guides sharing
/// the example digest must not pay for it more than once.
///
/// Work is bounded: each digest's cost is estimated from its parameters first
/// (`DigestCost`), one over the per-digest limit is not computed, and a run spends at most
/// `budgetSeconds` (estimated) in all; what is left over is reported as not verified, with
/// the reason, instead of making the run hang.
public enum VerificationPool {
    /// Estimated seconds of digest work one run may spend (one core's worth).
    public static let budgetSeconds = 120.0

    public static func verify(_ requests: Set<VerificationRequest>, budgetSeconds: Double = budgetSeconds)
        -> [VerificationRequest: DigestVerification] {
        var results: [VerificationRequest: DigestVerification] = [:]
        var work: [(VerificationRequest, Digest)] = []
        var spent = 0.0
        // Cheapest first, in a stable order, so the budget covers as many digests as it can.
        let costed = requests.map { request -> (VerificationRequest, Result<Digest, DigestError>, DigestCost?) in
            let result = Result(catching: { () throws(DigestError) in try DigestParser.parse(request.digest) })
            return (request, result, (try? result.get()).map(DigestCost.of))
        }.sorted { ($0.2?.seconds ?? 0, $0.0.digest, $0.0.secret) < ($1.2?.seconds ?? 0, $1.0.digest, $1.0.secret) }
        for (request, result, cost) in costed {
            switch result {
            case .failure(let error):
                results[request] = .notVerifiable(error.message)
            case .success(let digest):
                if let refusal = cost?.refusal {
                    results[request] = .notVerifiable(refusal)
                } else if spent + (cost?.seconds ?? 0) > budgetSeconds {
                    results[request] = .notVerifiable("not verified: this run's digest budget (\(Int(budgetSeconds)) s of work) is spent")
                } else {
                    spent += cost?.seconds ?? 0
                    work.append((request, digest))
                }
            }
        }
        let outcomes = work.concurrentMap { request, digest in DigestVerifier.verify(digest, secret: request.secret) }
        for ((request, _), outcome) in zip(work, outcomes) { results[request] = outcome }
        return results
    }
}
