/// `client-scope-unknown`: scopes are standard or defined in the guide (rule SC-3).
struct ClientScopeUnknownRule: GuideRule {
    static let description = RuleDescription(
        id: "client-scope-unknown",
        severity: .warning,
        summary: "A client lists a scope that is neither standard nor defined as a custom scope.",
        explanation: """
            Standard scopes: openid, offline_access, offline, profile, email, groups, \
            authelia.bearer.authz (4.38+), address and phone (4.39+). Other names must be \
            defined under `identity_providers.oidc.scopes`. Authelia only warns, but an \
            application requesting an unregistered scope gets 'invalid_scope' at login. \
            Client-credentials clients may use any scope and are not checked.
            """,
        reads: [.clients],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', ↓'profiles']
            ```
            """,
            """
            ---
            authelia_version: "4.38"
            ---
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', ↓'address']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                scopes:
                  nextcloud_userinfo:
                    claims: ['quota']
                clients:
                  - client_id: 'app'
                    scopes: ['openid', 'address', 'nextcloud_userinfo']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let standard = ClientSchema.standardScopes
        var findings: [Finding] = []
        for decoded in context.clients where !decoded.client.usesClientCredentials {
            for scope in decoded.client.scopes ?? [] {
                if context.provider.customScopes[scope.value] != nil { continue }
                if let known = standard.first(where: { $0.value == scope.value }) {
                    if known.since > context.version {
                        findings.append(finding(context.guide, at: scope.node,
                                                "scope '\(scope.value)' is standard only from Authelia \(known.since); this guide targets \(context.version)"))
                    }
                    continue
                }
                let suggestion = Suggestion.closest(to: scope.value, in: standard.map(\.value))
                findings.append(finding(context.guide, at: scope.node,
                                        "scope '\(scope.value)' is not a standard scope and is not defined in this guide\(suggestion.map { " — did you mean '\($0)'?" } ?? "")",
                                        help: "define it under identity_providers.oidc.scopes, or remove it"))
            }
        }
        return findings
    }
}
