import GuideDocument
import GuideKnowledge

/// `suppression-reason`: every inline suppression says why.
struct SuppressionReasonRule: GuideRule {
    static let description = RuleDescription(
        id: "suppression-reason",
        kind: .suppression,
        severity: .warning,
        summary: "A guidekit-disable, -next-line or -file comment gives no reason.",
        explanation: """
            `<!-- guidekit-disable RULE: reason -->` silences RULE in the block that follows. \
            The reason is what a reviewer reads to accept it ("this block shows a wrong \
            configuration on purpose"); without one, a suppression is indistinguishable from \
            hiding a real problem.
            """,
        reads: [.suppressions],
        basis: [RuleBasis(.guideKit, "suppression comments (docs/CI.md)")],
        triggeringExamples: [
            """
            ↓<!-- guidekit-disable client-id-mismatch -->
            ```yaml {guide="authelia-client"}
            - client_id: 'other'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            <!-- guidekit-disable client-id-mismatch: this example shows a second, unrelated client -->
            ```yaml {guide="authelia-client"}
            - client_id: 'other'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.guide.suppressions.filter { $0.reason == nil }.map {
            finding(context.guide, at: $0.location, length: 4, "this \($0.scope.rawValue) comment gives no reason",
                    help: "write the reason after a colon: \($0.scope.rawValue) \($0.rules.joined(separator: ", ")): why")
        }
    }
}
