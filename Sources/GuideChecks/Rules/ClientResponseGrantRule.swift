import GuideDocument
import GuideKnowledge

/// `client-response-grant`: grant types match the response types (rules G-1, G-2, G-5).
struct ClientResponseGrantRule: GuideRule {
    static let description = RuleDescription(
        id: "client-response-grant",
        kind: .client,
        severity: .warning,
        summary: "A grant type has no matching response type.",
        explanation: """
            The `authorization_code` and `refresh_token` grants need a code response type \
            (`code` or a hybrid type); the `implicit` grant needs an implicit or hybrid response \
            type. Authelia warns and says these will become errors. Usually a response type or \
            grant was copied from another guide.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientGrantTypesCheckRelated", rules: "G-1, G-2, G-5")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              response_types: ['id_token']
              grant_types: [↓'authorization_code', 'implicit']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              response_types: ['code']
              grant_types: ['authorization_code', ↓'implicit']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              response_types: ['code', 'code id_token']
              grant_types: ['authorization_code', 'implicit']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            let types = client.effectiveResponseTypes
            let hasImplicit = types.contains { ClientSchema.implicitResponseTypes.contains($0) || ClientSchema.hybridResponseTypes.contains($0) }
            for grant in client.grantTypes ?? [] {
                switch grant.value {
                case "authorization_code", "refresh_token":
                    // (A `where` clause would bind to the last pattern only.)
                    guard !client.hasCodeLikeResponseType else { continue }
                    findings.append(finding(context.guide, at: grant.node,
                                            "grant '\(grant.value)' needs a code response type, but response_types is \(types)",
                                            help: "add 'code' to response_types"))
                case "implicit" where !hasImplicit:
                    findings.append(finding(context.guide, at: grant.node,
                                            "grant 'implicit' needs an implicit or hybrid response type, but response_types is \(types)",
                                            help: "remove 'implicit'; the code flow does not need it"))
                default:
                    break
                }
            }
        }
        return findings
    }
}
