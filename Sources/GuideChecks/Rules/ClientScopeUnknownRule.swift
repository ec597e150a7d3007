import GuideDocument
import GuideKnowledge

/// `client-scope-unknown`: scopes are standard or defined in the guide (rule SC-3).
struct ClientScopeUnknownRule: GuideRule {
    static let description = RuleDescription(
        id: "client-scope-unknown",
        kind: .client,
        severity: .warning,
        summary: "A client lists a scope that is neither standard nor defined as a custom scope.",
        explanation: """
            Standard scopes: openid, offline_access, offline, profile, email, groups, \
            authelia.bearer.authz (4.38+), address and phone (4.39+). Other names must be \
            defined under `identity_providers.oidc.scopes`. Authelia only warns: the client may \
            still request the scope, but no claim comes with it until it is defined. Do not \
            simply remove it when the application itself requests that scope (Dashy asks for \
            `roles` whatever its settings say, per its profile): Authelia refuses a request for \
            any scope the client does not register, with `invalid_scope`, so the login would \
            break; define the scope instead. Client-credentials clients may use any scope and \
            are not checked.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientScopes", rules: "SC-3 (a warning)"),
            RuleBasis(.autheliaRequest, "authelia/oauth2-provider v0.2.31 (Authelia v4.39.20) authorize_request_handler.go validateAuthorizeScope: a requested scope the client does not register is refused with invalid_scope (ExactScopeStrategy, internal/oidc/config.go GetScopeStrategy)"),
        ],
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
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'profile', ↓'preferred_username']
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

    /// Standard claims and the scope that releases them: OpenID Connect Core 1.0 §5.4
    /// (profile, email, address, phone) and Authelia's `groups` scope.
    static let claimScopes: [String: String] = {
        var map: [String: String] = [:]
        for claim in ["name", "family_name", "given_name", "middle_name", "nickname", "preferred_username", "profile",
                      "picture", "website", "gender", "birthdate", "zoneinfo", "locale", "updated_at"] { map[claim] = "profile" }
        map["email_verified"] = "email"
        map["phone_number"] = "phone"
        map["phone_number_verified"] = "phone"
        return map
    }()

    static func scopeDelivering(claim: String) -> String? { claimScopes[claim] }

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
                // A claim registered as a scope: name the scope that delivers it.
                if let delivering = Self.scopeDelivering(claim: scope.value) {
                    findings.append(finding(context.guide, at: scope.node,
                                            "'\(scope.value)' is a claim, not a scope: the scope '\(delivering)' delivers it",
                                            help: "list '\(delivering)' instead of '\(scope.value)'"))
                    continue
                }
                // The application requests it itself: removing it would make Authelia refuse
                // the request (invalid_scope); only defining it helps.
                if let profile = context.profile, (profile.defaultScopes ?? []).contains(scope.value) || profile.alwaysScopes.contains(scope.value) {
                    findings.append(finding(context.guide, at: scope.node,
                                            "scope '\(scope.value)' is not a standard scope and is not defined in this guide; \(profile.name) requests it, so it stays, but no claim comes with it",
                                            help: "define '\(scope.value)' under identity_providers.oidc.scopes (keep it on the client: without it Authelia refuses \(profile.name)'s request with invalid_scope)"))
                    continue
                }
                let suggestion = Suggestion.closest(to: scope.value, in: standard.map(\.value))
                findings.append(finding(context.guide, at: scope.node,
                                        "scope '\(scope.value)' is not a standard scope and is not defined in this guide\(suggestion.map { " — did you mean '\($0)'?" } ?? "")",
                                        help: "define it under identity_providers.oidc.scopes, or remove it if the application does not request it (a scope it requests but the client lacks is refused with invalid_scope)"))
            }
        }
        return findings
    }
}
