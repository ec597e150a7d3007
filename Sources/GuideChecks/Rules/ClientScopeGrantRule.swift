import GuideDocument
import GuideKnowledge

/// `client-scope-grant`: offline access and refresh tokens are configured together
/// (rules G-4, SC-4, and the runtime condition for issuing refresh tokens).
struct ClientScopeGrantRule: GuideRule {
    static let description = RuleDescription(
        id: "client-scope-grant",
        kind: .client,
        severity: .warning,
        summary: "offline_access and the refresh_token grant are not configured together.",
        explanation: """
            Authelia issues a refresh token only when the client has both the \
            `offline_access` (or `offline`) scope and the `refresh_token` grant, with a \
            code-like response type. With only one of them the application silently gets no \
            refresh token (Authelia warns for the grant without the scope, and for the scope \
            without a code response type).
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientScopes", rules: "SC-4"),
            .validator("validateOIDCClientGrantTypesCheckRelated", rules: "G-4"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', ↓'offline_access']
              grant_types: ['authorization_code']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid']
              grant_types: ['authorization_code', ↓'refresh_token']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'offline_access']
              grant_types: ['authorization_code', 'refresh_token']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients where !decoded.client.usesBearerAuthz {
            let client = decoded.client
            let offline = (client.scopes ?? []).first { $0.value == "offline_access" || $0.value == "offline" }
            let refresh = (client.grantTypes ?? []).first { $0.value == "refresh_token" }
            if let offline, refresh == nil {
                findings.append(finding(context.guide, at: offline.node,
                                        "scope '\(offline.value)' has no effect without the 'refresh_token' grant: no refresh token will be issued",
                                        help: "add 'refresh_token' to grant_types"))
            }
            if let refresh, offline == nil {
                findings.append(finding(context.guide, at: refresh.node,
                                        "grant 'refresh_token' needs the 'offline_access' scope; Authelia warns and issues no refresh token",
                                        help: "add 'offline_access' to scopes"))
            }
            if let offline, refresh != nil, !client.hasCodeLikeResponseType {
                findings.append(finding(context.guide, at: offline.node,
                                        "scope '\(offline.value)' needs a code response type to issue refresh tokens"))
            }
        }
        return findings
    }
}
