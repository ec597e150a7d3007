import GuideDocument
import GuideKnowledge

/// `client-id-format`: every client has a valid `client_id` (rules ID-1, ID-2, ID-3).
struct ClientIDFormatRule: GuideRule {
    static let description = RuleDescription(
        id: "client-id-format",
        kind: .client,
        severity: .error,
        summary: "A client has no client_id, or one that is too long or uses forbidden characters.",
        explanation: """
            Authelia requires a `client_id` of 1 to 100 characters from the RFC 3986 \
            unreserved set: A-Z a-z 0-9 . _ ~ -. Spaces, slashes and non-ASCII letters are \
            refused at start-up. Authelia's FAQ recommends long random ids for production.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClients", rules: "ID-1, ID-2, ID-3")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - ↓client_name: 'App'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: ↓'my app'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: ↓''
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'Wiki.js_app~1-2'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return context.clients.compactMap { decoded in
            let client = decoded.client
            guard let id = client.clientID, !id.value.isEmpty else {
                let at = client.clientID?.node ?? client.anchor
                return finding(guide, at: at, "this client has no client_id; Authelia requires one",
                               help: "add client_id: 'a-unique-id'")
            }
            if id.value.count > 100 {
                return finding(guide, at: id.node, "client_id is \(id.value.count) characters; Authelia allows at most 100")
            }
            if let bad = id.value.unicodeScalars.first(where: { !AssumptionValue.isClientID(String($0)) }) {
                return finding(guide, at: id.node, "client_id '\(id.value)' contains '\(bad)'; only A-Z a-z 0-9 . _ ~ - are allowed",
                               help: "for example '\(id.value.filter { AssumptionValue.isClientID(String($0)) })'")
            }
            return nil
        }
    }
}
