import GuideChecks
import SecretDigests

/// Digest verdicts the server has computed, so a keystroke reuses them. Bounded: a session of
/// thousands of edits to a secret keeps at most `capacity` verdicts (the oldest go first), so
/// memory stays flat.
struct VerdictCache {
    static let capacity = 512

    private var verdicts: [VerificationRequest: DigestVerification] = [:]
    private var order: [VerificationRequest] = []

    var all: [VerificationRequest: DigestVerification] { verdicts }

    mutating func insert(_ new: [VerificationRequest: DigestVerification]) {
        for (request, verdict) in new where verdicts.updateValue(verdict, forKey: request) == nil {
            order.append(request)
        }
        if order.count > Self.capacity {
            let excess = order.count - Self.capacity
            for request in order.prefix(excess) { verdicts[request] = nil }
            order.removeFirst(excess)
        }
    }
}
