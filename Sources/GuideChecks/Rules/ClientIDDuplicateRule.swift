import GuideDocument
import GuideKnowledge

/// `client-id-duplicate`: client ids are unique within one configuration block (rule ID-4).
struct ClientIDDuplicateRule: GuideRule {
    static let description = RuleDescription(
        id: "client-id-duplicate",
        kind: .client,
        severity: .error,
        summary: "Two clients in one block share a client_id.",
        explanation: """
            Authelia looks clients up by id and refuses a configuration where two clients \
            share one. Guides with two alternative blocks (one per set-up method) may repeat \
            an id across blocks; within one block it is always a mistake.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClients", rules: "ID-4")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            - client_id: ↓'app'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            - client_id: 'app-cli'
            ```

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var seen: [Int: [String: YAMLNode]] = [:]
        var findings: [Finding] = []
        for decoded in context.clients {
            guard let id = decoded.client.clientID, !id.value.isEmpty else { continue }
            if let first = seen[decoded.client.blockIndex]?[id.value] {
                findings.append(finding(context.guide, at: id.node,
                                        "client_id '\(id.value)' is already used by the client on line \(first.location.line)",
                                        help: "give each client its own id"))
            } else {
                seen[decoded.client.blockIndex, default: [:]][id.value] = id.node
            }
        }
        return findings
    }
}
