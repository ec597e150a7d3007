import GuideDocument
import GuideKnowledge

/// `assumption-conflict`: one label, one value.
struct AssumptionConflictRule: GuideRule {
    static let description = RuleDescription(
        id: "assumption-conflict",
        kind: .assumptions,
        severity: .error,
        summary: "The same assumption is stated twice with different values.",
        explanation: """
            Every check and every render uses the first value of a label (`Client ID`, \
            `client id:` and `Client ID (Grafana)` are the same label); a second item with \
            another value is silently ignored while a reader may follow it. Keep one item per \
            label, or give the two different labels if the guide means two things.

            One exception: an application served under more than one address (an internal \
            and an external URL) states each as its own Application Root URL with a note that \
            tells them apart (`Application Root URL (internal)`): those are more roots, not a \
            conflict, and redirect URIs under any of them belong to the application.
            """,
        reads: [.assumptions],
        basis: [RuleBasis(.guideConsistency, "two statements of the same assumption")],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `grafana`
            - Client Secret: `insecure_secret`
            - client id: `↓grafana-prod`
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `grafana`
            - Client ID (Grafana): `grafana`
            - Application Root URL: `https://grafana.example.com/`
            """,
            """
            ### Assumptions
            - Application Root URL: `https://grafana.example.com/`
            - Application Root URL (internal): `http://grafana.lan:3000/`
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var first: [AssumptionKey: Assumption] = [:]
        var findings: [Finding] = []
        for assumption in context.guide.assumptions {
            guard let raw = assumption.rawValue else { continue }
            let key = AssumptionKey(assumption.label.value)
            guard let earlier = first[key], let earlierRaw = earlier.rawValue else {
                first[key] = assumption
                continue
            }
            guard earlierRaw.value != raw.value else { continue }
            // Another address of the application, told apart by its label's note.
            if assumption.kind == .applicationRootURL, assumption.label.value != earlier.label.value { continue }
            findings.append(finding(context.guide, at: raw,
                                    "\(assumption.label.value) is stated twice with different values: '\(earlierRaw.value)' (line \(earlierRaw.location.line)) and '\(raw.value)'; only the first is used",
                                    help: "keep one value for \(key), or name the two differently"))
        }
        return findings
    }
}
