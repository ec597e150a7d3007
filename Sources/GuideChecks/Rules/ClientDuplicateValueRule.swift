import GuideDocument
import GuideKnowledge

/// `client-duplicate-value`: list values are not repeated (rules SC-1, RT-2, RM-2, G-7, RU-4).
struct ClientDuplicateValueRule: GuideRule {
    static let description = RuleDescription(
        id: "client-duplicate-value",
        kind: .client,
        severity: .warning,
        summary: "A value is listed twice in scopes, grant, response types or modes, or redirect URIs.",
        explanation: """
            Authelia warns about repeated values in `scopes`, `response_types`, \
            `response_modes`, `grant_types` and `redirect_uris`, and says these warnings will \
            become errors in a future release. A repeat is usually a copy-paste slip that hides \
            a missing value.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientScopes", rules: "SC-1"),
            .validator("validateOIDCClientResponseTypes", rules: "RT-2"),
            .validator("validateOIDCClientResponseModes", rules: "RM-2"),
            .validator("validateOIDCClientGrantTypes", rules: "G-7"),
            .validator("validateOIDCClientRedirectURIs", rules: "RU-4"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'profile', ↓'openid']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'profile', 'email']
              redirect_uris: ['https://a.example.com/cb', 'https://b.example.com/cb']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            let lists: [(String, [Field<String>])] = [
                ("scopes", client.scopes ?? []), ("response_types", client.responseTypes ?? []),
                ("response_modes", client.responseModes ?? []), ("grant_types", client.grantTypes ?? []),
                ("redirect_uris", client.redirectURIs),
            ]
            for (key, fields) in lists {
                var seen: [String: Int] = [:]
                for field in fields {
                    if let line = seen[field.value] {
                        findings.append(finding(context.guide, at: field.node,
                                                "'\(field.value)' is already listed in '\(key)' (line \(line))",
                                                help: "remove the repeat"))
                    } else {
                        seen[field.value] = field.node.location.line
                    }
                }
            }
        }
        return findings
    }
}
