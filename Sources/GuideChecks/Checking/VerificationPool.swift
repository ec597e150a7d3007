import Foundation
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
    /// Estimated seconds of digest work one run may spend (one core's worth), across all
    /// its batches (`DigestBudget`).
    public static let budgetSeconds = 60.0

    public static func verify(_ requests: Set<VerificationRequest>, budgetSeconds: Double = budgetSeconds) -> [VerificationRequest: DigestVerification] {
        verify(requests, budget: DigestBudget(seconds: budgetSeconds))
    }

    public static func verify(_ requests: Set<VerificationRequest>, budget: DigestBudget) -> [VerificationRequest: DigestVerification] {
        var results: [VerificationRequest: DigestVerification] = [:]
        var work: [(request: VerificationRequest, digest: Digest, memory: Double)] = []
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
                } else if !budget.take(cost?.seconds ?? 0) {
                    results[request] = .notVerifiable("not verified: this run's digest budget (\(Int(budget.total)) s of work) is spent")
                } else {
                    work.append((request, digest, cost?.memoryBytes ?? 0))
                }
            }
        }
        // In waves whose memory together stays under the per-digest cap: parallel argon2 or
        // scrypt verifications must not add up to one cap per core.
        let jobs = work
        for wave in waves(jobs.map(\.memory), cap: DigestCost.maximumMemoryBytes, width: ProcessInfo.processInfo.activeProcessorCount) {
            let outcomes = wave.concurrentMap { index in DigestVerifier.verify(jobs[index].digest, secret: jobs[index].request.secret) }
            for (index, outcome) in zip(wave, outcomes) { results[jobs[index].request] = outcome }
        }
        return results
    }

    /// Indices grouped into waves of at most `width` items whose memory sums to at most
    /// `cap` (an item over the cap alone: the cost guard refused larger ones already).
    static func waves(_ memory: [Double], cap: Double, width: Int) -> [[Int]] {
        var waves: [[Int]] = []
        var current: [Int] = [], used = 0.0
        for index in memory.indices.sorted(by: { memory[$0] > memory[$1] || (memory[$0] == memory[$1] && $0 < $1) }) {
            if !current.isEmpty, current.count >= max(1, width) || used + memory[index] > cap {
                waves.append(current)
                current = []
                used = 0
            }
            current.append(index)
            used += memory[index]
        }
        if !current.isEmpty { waves.append(current) }
        return waves
    }
}

/// Estimated seconds of digest work left to one run, shared by every batch and every copy of
/// its checker: a run's budget does not restart with each batch of files.
public final class DigestBudget: @unchecked Sendable {  // mutable state behind the lock
    public let total: Double
    private var remaining: Double
    private let lock = NSLock()

    public init(seconds: Double) {
        total = seconds
        remaining = seconds
    }

    /// Takes `seconds` from the budget when it holds them.
    func take(_ seconds: Double) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard seconds <= remaining else { return false }
        remaining -= seconds
        return true
    }
}
