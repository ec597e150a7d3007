import Dispatch
import Foundation
import SecretDigests

/// Runs distinct digest verifications in parallel, one per core. A pbkdf2-sha512 digest at
/// Authelia's default 310000 iterations costs ~0.2 s, so a docs tree of many guides sharing
/// the example digest must not pay for it more than once.
public enum VerificationPool {
    public static func verify(_ requests: Set<VerificationRequest>) -> [VerificationRequest: DigestVerification] {
        let work = Array(requests)
        guard !work.isEmpty else { return [:] }
        let results = LockedResults(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let request = work[index]
            let outcome: DigestVerification
            do {
                outcome = DigestVerifier.verify(try DigestParser.parse(request.digest), secret: request.secret)
            } catch {
                outcome = .notVerifiable((error as? DigestError)?.message ?? "\(error)")
            }
            results.set(index, outcome)
        }
        return Dictionary(uniqueKeysWithValues: zip(work, results.values))
    }

    private final class LockedResults: @unchecked Sendable {
        private let lock = NSLock()
        private var storage: [DigestVerification]

        init(count: Int) { storage = Array(repeating: .notVerifiable("not run"), count: count) }

        func set(_ index: Int, _ value: DigestVerification) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        var values: [DigestVerification] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
