import GuideDocument
import GuideKnowledge

/// `unused-suppression`: every inline suppression suppresses something.
///
/// Needs the other rules' results: its stage is `.afterSuppressions`, so the `Checker` calls
/// `checkAfterSuppressions` once the other rules ran and their findings met the suppressions;
/// `check` itself reports nothing.
struct UnusedSuppressionRule: GuideRule {
    static let description = RuleDescription(
        id: "unused-suppression",
        kind: .suppression,
        stage: .afterSuppressions,
        severity: .warning,
        summary: "A guidekit-disable comment suppresses nothing (or names an unknown rule).",
        explanation: """
            A suppression that no longer matches a finding (the problem was fixed, the block \
            moved, the rule id is misspelt) should be removed: left in place, it would hide the \
            next real problem in that block.
            """,
        reads: [.suppressions],
        basis: [RuleBasis(.guideKit, "suppression comments (docs/CI.md)")],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ↓<!-- guidekit-disable client-id-mismatch: kept from an old version -->
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            ```
            """,
            """
            ↓<!-- guidekit-disable client-id-mismatchh: typo -->
            Some text.
            """,
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            # ↓guidekit-disable-next-line client-id-mismatch: the next line was fixed since
            - client_id: 'app'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            <!-- guidekit-disable client-id-mismatch: this block shows what NOT to do -->
            ```yaml {guide="authelia-client"}
            - client_id: 'wrong'
            ```
            """,
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            # guidekit-disable-next-line client-id-mismatch: this block shows what NOT to do
            - client_id: 'wrong'
            ```
            """,
            """
            ### Assumptions

            <!-- guidekit-disable-next-line assumption-value: the guide shows a wrong URL on purpose -->
            - Application Root URL: `ftp://app`
            - Authelia Root URL: `https://auth.example.com/`
            """,
            """
            <!-- guidekit-disable-file client-id-mismatch: every client here is a counter-example -->
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'wrong'
            ```
            """,
        ],
        examplesNeedAllRules: true)

    func check(_ context: CheckContext) -> [Finding] { [] }

    /// - Parameter used: indices of `guide.suppressions` that suppressed at least one finding.
    func checkAfterSuppressions(_ context: CheckContext, used: Set<Int>) -> [Finding] {
        let known = Set(RuleRegistry.all.map { type(of: $0).description.id })
        var findings: [Finding] = []
        for (index, suppression) in context.guide.suppressions.enumerated() {
            if let unknown = suppression.rules.first(where: { !known.contains($0) }) {
                let hint = Suggestion.closest(to: unknown, in: known).map { "did you mean '\($0)'?" } ?? "'guidekit rules' lists them"
                findings.append(finding(context.guide, at: suppression.location, length: 4, "unknown rule '\(unknown)' in \(suppression.scope.rawValue)", help: hint))
            } else if !used.contains(index) {
                findings.append(finding(context.guide, at: suppression.location, length: 4,
                                        "this \(suppression.scope.rawValue) comment suppresses nothing (\(suppression.rules.joined(separator: ", ")) reports nothing in \(suppression.scope.phrase))",
                                        help: "remove it"))
            }
        }
        return findings
    }
}
